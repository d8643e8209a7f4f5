import { useTranslation } from 'react-i18next'
import { BilingualName } from '@/components/BilingualName'
import { Sparkline } from '@/components/Sparkline'
import { type FragmentType, getFragmentData, graphql } from '@/gql'
import { fiscalYearLabel } from '@/lib/fiscalYear'
import { formatIndicatorValue, indicatorUnitLabel } from '@/lib/indicatorValue'
import { useLanguage } from '@/lib/useLanguage'
import { latestProgress } from '../model/indicatorProgress'
import { IndicatorProgressCell } from './IndicatorProgressCell'
import styles from './IndicatorTable.module.css'

const IndicatorRowFragment = graphql(`
  fragment IndicatorRow_indicator on Indicator {
    id
    code
    nameJa
    nameEn
    unit
    unitLabelJa
    unitLabelEn
    baselineValue
    baselineFiscalYear
    targetValue
    targetFiscalYear
    source
    sourceEn
    values {
      fiscalYear
      value
    }
  }
`)

/**
 * One target indicator as a table row: observed values per year, baseline, target, the
 * latest value's progress against the straight path to the target, and the trend.
 */
export function IndicatorRow(props: {
  indicator: FragmentType<typeof IndicatorRowFragment>
  /** The survey years shown as columns, oldest first. */
  years: readonly number[]
}) {
  const indicator = getFragmentData(IndicatorRowFragment, props.indicator)
  const { t } = useTranslation()
  const language = useLanguage()
  const format = (value: number) => formatIndicatorValue(value, indicator, language)
  const yearLabel = (year: number) => fiscalYearLabel(year, language)
  const byYear = new Map(indicator.values.map((v) => [v.fiscalYear, v.value]))

  const unitLabel = indicatorUnitLabel(indicator, language)
  const unitText =
    indicator.unit === 'PERCENT'
      ? t('indicators.unitPercent')
      : unitLabel
        ? t('indicators.unitCount', { label: unitLabel })
        : t('indicators.unitCountPlain')

  const trendLabel = t('indicators.trendSummary', {
    observed: indicator.values
      .map((v) => t('indicators.trendPoint', { year: yearLabel(v.fiscalYear), value: format(v.value) }))
      .join(t('indicators.trendSeparator')),
    target: t('indicators.trendPoint', {
      year: yearLabel(indicator.targetFiscalYear),
      value: format(indicator.targetValue),
    }),
  })

  const source = language === 'en' ? indicator.sourceEn : indicator.source

  return (
    <tr>
      <th scope="row" className={styles.nameCell}>
        <span className={styles.code}>{indicator.code}</span>{' '}
        <BilingualName ja={indicator.nameJa} en={indicator.nameEn} className={styles.name} />
        <span className={styles.source}>{t('indicators.source', { source })}</span>
      </th>
      <td className={styles.unitCell}>{unitText}</td>
      {props.years.map((year) => {
        const value = byYear.get(year)
        return (
          <td key={year} className={styles.number}>
            {value === undefined ? (
              <>
                <span aria-hidden="true">—</span>
                <span className="visually-hidden">{t('common.noValue')}</span>
              </>
            ) : (
              format(value)
            )}
          </td>
        )
      })}
      <td className={styles.number}>
        <span className={styles.value}>{format(indicator.baselineValue)}</span>
        <span className={styles.year}>{t('indicators.inYear', { year: yearLabel(indicator.baselineFiscalYear) })}</span>
      </td>
      <td className={styles.number}>
        <span className={styles.value}>{format(indicator.targetValue)}</span>
        <span className={styles.year}>{t('indicators.inYear', { year: yearLabel(indicator.targetFiscalYear) })}</span>
      </td>
      <td className={styles.progressCell}>
        <IndicatorProgressCell progress={latestProgress(indicator, indicator.values)} />
      </td>
      <td className={styles.trendCell}>
        <Sparkline
          observed={indicator.values.map((v) => ({ x: v.fiscalYear, y: v.value }))}
          target={{ x: indicator.targetFiscalYear, y: indicator.targetValue }}
          label={trendLabel}
        />
      </td>
    </tr>
  )
}
