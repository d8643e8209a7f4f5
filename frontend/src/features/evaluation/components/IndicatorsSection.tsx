import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { BilingualName } from '@/components/BilingualName'
import { Notice } from '@/components/Notice'
import { fiscalYearLabel } from '@/lib/fiscalYear'
import { useLanguage } from '@/lib/useLanguage'
import type { EvaluationData } from '../api/operations'
import { INDICATORS_ANCHOR } from '../model/anchors'
import { indicatorChartOption } from '../model/chartOptions'
import { formatOneDecimal } from '../model/format'
import { indicatorRows, type IndicatorRowModel } from '../model/indicatorRows'
import type { Abilities } from '../model/permissions'
import { useChartPalette, usePrefersReducedMotion } from '../hooks/useChartPalette'
import { EChart } from './EChart'
import { IndicatorValueForm } from './IndicatorValueForm'
import styles from './Evaluation.module.css'

/** The target indicators in the year: a chart of achievement against the straight path, and a table. */
export function IndicatorsSection({ evaluation, can }: { evaluation: EvaluationData; can: Abilities }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const palette = useChartPalette()
  const reducedMotion = usePrefersReducedMotion()
  const rows = indicatorRows(evaluation.indicators, language)
  const percent = (value: number) => `${formatOneDecimal(value, language)}%`
  const option = indicatorChartOption({
    rows: rows.map((row) => ({
      label: row.measured ? row.code : t('evaluation.indicators.notMeasuredAxis', { code: row.code }),
      achievementPercent: row.achievementPercent,
      expectedPercent: row.expectedPercent,
    })),
    names: {
      achievement: t('evaluation.indicators.achievementSeries'),
      expected: t('evaluation.indicators.expectedSeries'),
      axis: t('evaluation.indicators.axis'),
    },
    formatPercent: percent,
    palette,
    animation: !reducedMotion,
  })
  const alt = t('evaluation.indicators.chartAlt', {
    details: rows
      .map((row) =>
        row.achievementPercent === null
          ? t('evaluation.indicators.chartAltNotMeasured', { code: row.code, expected: percent(row.expectedPercent) })
          : t('evaluation.indicators.chartAltRow', {
              code: row.code,
              achievement: percent(row.achievementPercent),
              expected: percent(row.expectedPercent),
            }),
      )
      .join(t('evaluation.chart.separator')),
  })
  const recordable = rows.some((row) => can.recordIndicator(row.sourceOrganizationId))
  const noneMeasured = rows.length > 0 && rows.every((row) => !row.measured)
  return (
    <section className={styles.card} aria-labelledby={INDICATORS_ANCHOR}>
      <h2 id={INDICATORS_ANCHOR}>{t('evaluation.indicators.heading')}</h2>
      <p className={styles.intro}>{t('evaluation.indicators.intro')}</p>
      {rows.length === 0 ? <Notice>{t('evaluation.indicators.none')}</Notice> : null}
      {noneMeasured ? <Notice>{t('evaluation.indicators.allNotMeasured')}</Notice> : null}
      {rows.length > 0 ? (
        <figure className={styles.chartFigure} aria-labelledby="indicator-chart-heading">
          <h3 id="indicator-chart-heading">{t('evaluation.indicators.chartHeading')}</h3>
          <EChart option={option} label={alt} height={Math.max(220, 100 + rows.length * 40)} />
          <div className={styles.scroll} role="region" aria-labelledby="indicator-table-caption" tabIndex={0}>
            <table className={`${styles.table} ${styles.wideTable}`}>
              <caption id="indicator-table-caption">
                {t('evaluation.indicators.caption', { year: fiscalYearLabel(evaluation.fiscalYear, language) })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('evaluation.indicators.columns.indicator')}</th>
                  <th scope="col" className={styles.number}>
                    {t('evaluation.indicators.columns.value')}
                  </th>
                  <th scope="col" className={styles.number}>
                    {t('evaluation.indicators.columns.achievement')}
                  </th>
                  <th scope="col" className={styles.number}>
                    {t('evaluation.indicators.columns.expected')}
                  </th>
                  <th scope="col">{t('evaluation.indicators.columns.grade')}</th>
                  <th scope="col">{t('evaluation.indicators.columns.trend')}</th>
                  {recordable ? <th scope="col">{t('evaluation.indicators.columns.record')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <IndicatorRows
                    key={row.id}
                    row={row}
                    fiscalYear={evaluation.fiscalYear}
                    canRecord={can.recordIndicator(row.sourceOrganizationId)}
                    columns={recordable ? 7 : 6}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </figure>
      ) : null}
    </section>
  )
}

function IndicatorRows({
  row,
  fiscalYear,
  canRecord,
  columns,
}: {
  row: IndicatorRowModel
  fiscalYear: number
  canRecord: boolean
  columns: number
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [recording, setRecording] = useState(false)
  const formId = `indicator-record-${row.code}`
  const notMeasured = <span className={styles.muted}>{t('evaluation.indicators.notMeasured')}</span>
  const trend = row.trend
  return (
    <>
      <tr>
        <th scope="row" className={styles.indicatorName}>
          <span className={styles.code}>
            {row.code}
            {' · '}
            {row.goalCode ? t('evaluation.common.goalLabel', { code: row.goalCode }) : t('evaluation.common.wholePlan')}
          </span>
          <BilingualName ja={row.nameJa} en={row.nameEn} />
          {row.source ? <span className={`${styles.small} ${styles.block}`}>{t('evaluation.indicators.source', { source: row.source })}</span> : null}
        </th>
        <td className={styles.number}>{row.value ?? notMeasured}</td>
        <td className={styles.number}>{row.achievement ?? notMeasured}</td>
        <td className={styles.number}>{row.expectedValue}</td>
        <td className={styles.nowrap}>
          <strong>{row.gradeLabel}</strong>
        </td>
        <td className={styles.trendCell}>
          {trend ? (
            <>
              {t('evaluation.indicators.trend', {
                from: fiscalYearLabel(trend.fromYear, language),
                to: fiscalYearLabel(trend.toYear, language),
                change: trend.inPoints ? t('evaluation.indicators.points', { value: trend.change }) : trend.change,
              })}
              <br />
              <strong>{t(`evaluation.indicators.trendDirections.${trend.direction}`)}</strong>
            </>
          ) : (
            <span className={styles.muted}>{t('evaluation.indicators.noTrend')}</span>
          )}
        </td>
        {columns === 7 ? (
          <td>
            {canRecord ? (
              <button
                type="button"
                className={styles.toggle}
                aria-expanded={recording}
                aria-controls={formId}
                onClick={() => { setRecording(!recording); }}
              >
                {t('evaluation.indicators.record.button')}
                <span className="visually-hidden">{t('evaluation.indicators.record.for', { code: row.code })}</span>
              </button>
            ) : null}
          </td>
        ) : null}
      </tr>
      {canRecord ? (
        <tr id={formId} hidden={!recording} className={styles.detailsRow}>
          <td colSpan={columns}>
            {recording ? (
              <IndicatorValueForm
                indicatorId={row.id}
                code={row.code}
                fiscalYear={fiscalYear}
                onClose={() => { setRecording(false); }}
              />
            ) : null}
          </td>
        </tr>
      ) : null}
    </>
  )
}
