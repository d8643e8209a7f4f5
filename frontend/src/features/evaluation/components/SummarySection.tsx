import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { BilingualName } from '@/components/BilingualName'
import { useLanguage } from '@/lib/useLanguage'
import type { EvaluationData, RatingCountsData, YearOverYearData } from '../api/operations'
import { SUMMARY_ANCHOR } from '../model/anchors'
import { ratingChartOption, RATING_KEYS, type RatingKey } from '../model/chartOptions'
import { formatShare, missingReportCount } from '../model/format'
import type { Abilities } from '../model/permissions'
import { AssessmentBlock } from './AssessmentBlock'
import { useChartPalette, usePrefersReducedMotion } from '../hooks/useChartPalette'
import { EChart } from './EChart'
import { ShareChange } from './parts'
import styles from './Evaluation.module.css'

function countsOf(counts: RatingCountsData): Record<RatingKey, number> {
  return { A: counts.a, B: counts.b, C: counts.c, D: counts.d, unrated: counts.unrated }
}

/** The whole plan: counts, the A/B share and its change, the overall assessment, the chart. */
export function SummarySection({ evaluation, can }: { evaluation: EvaluationData; can: Abilities }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const counts = evaluation.ratingCounts
  const share = formatShare(evaluation.shareAOrB, language)
  const previous = formatShare(evaluation.yearOverYear.previousShareAOrB, language)
  const missing = can.internal ? missingReportCount(evaluation) : 0
  const ratingName = useRatingName()
  return (
    <section className={styles.card} aria-labelledby={SUMMARY_ANCHOR}>
      <h2 id={SUMMARY_ANCHOR}>{t('evaluation.summary.heading')}</h2>
      <dl className={styles.figures}>
        <div className={styles.figure}>
          <dt>{t('evaluation.summary.shareLabel')}</dt>
          <dd className={styles.bigNumber}>{share ?? '—'}</dd>
          <dd className={styles.small}>
            {share
              ? t('evaluation.summary.shareOf', { count: counts.a + counts.b, total: counts.total })
              : t('evaluation.summary.shareNone')}
          </dd>
        </div>
        <div className={styles.figure}>
          <dt>{t('evaluation.summary.yoyLabel')}</dt>
          <dd>
            <ShareChange yoy={evaluation.yearOverYear} />
          </dd>
          {previous ? <dd className={styles.small}>{t('evaluation.summary.previous', { share: previous })}</dd> : null}
        </div>
        <div className={styles.figure}>
          <dt>{t('evaluation.summary.countsLabel', { count: counts.total + counts.unrated })}</dt>
          <dd>
            <ul className={styles.countList}>
              {RATING_KEYS.map((key) => (
                <li key={key}>{t('evaluation.summary.countItem', { label: ratingName(key), count: countsOf(counts)[key] })}</li>
              ))}
            </ul>
          </dd>
          {missing > 0 ? <dd className={styles.missing}>{t('evaluation.summary.missingCount', { count: missing })}</dd> : null}
        </div>
      </dl>
      <AssessmentBlock
        evaluationId={evaluation.id}
        goalCode={null}
        assessment={evaluation.assessment}
        targetName={t('evaluation.common.wholePlan')}
        canEdit={can.edit}
        headingLevel={3}
      />
      <GoalRatings evaluation={evaluation} />
    </section>
  )
}

/** `A（達成）` … `評価なし`: the names of the chart's segments and the table's columns. */
function useRatingName(): (key: RatingKey) => string {
  const { t } = useTranslation()
  return (key) =>
    key === 'unrated'
      ? t('evaluation.ratings.unrated')
      : t('evaluation.ratings.withLetter', { rating: key, label: t(`evaluation.ratings.${key}`) })
}

/** Ratings per goal: a stacked bar chart, its text alternative, and the same numbers in a table. */
function GoalRatings({ evaluation }: { evaluation: EvaluationData }) {
  const { t } = useTranslation()
  const palette = useChartPalette()
  const reducedMotion = usePrefersReducedMotion()
  const ratingName = useRatingName()
  const bars = evaluation.goals.map((goal) => ({
    label: t('evaluation.common.goalLabel', { code: goal.goal.code }),
    counts: countsOf(goal.ratingCounts),
  }))
  const names = Object.fromEntries(RATING_KEYS.map((key) => [key, ratingName(key)])) as Record<RatingKey, string>
  const option = ratingChartOption({ bars, names, axisName: t('evaluation.chart.ratingsAxis'), palette, animation: !reducedMotion })
  const alt = t('evaluation.chart.ratingsAlt', {
    details: bars
      .map((bar) =>
        t('evaluation.chart.ratingsAltGoal', {
          goal: bar.label,
          a: bar.counts.A,
          b: bar.counts.B,
          c: bar.counts.C,
          d: bar.counts.D,
          unrated: bar.counts.unrated,
        }),
      )
      .join(t('evaluation.chart.separator')),
  })
  return (
    <figure className={styles.chartFigure} aria-labelledby="goal-ratings-heading">
      <h3 id="goal-ratings-heading">{t('evaluation.chart.ratingsHeading')}</h3>
      <EChart option={option} label={alt} height={Math.max(200, 90 + bars.length * 56)} />
      <div className={styles.scroll} role="region" aria-labelledby="goal-ratings-caption" tabIndex={0}>
        <table className={styles.table}>
          <caption id="goal-ratings-caption">{t('evaluation.chart.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('evaluation.chart.goalColumn')}</th>
              {RATING_KEYS.map((k) => (
                <th key={k} scope="col" className={styles.number}>
                  {ratingName(k)}
                </th>
              ))}
              <th scope="col" className={styles.number}>
                {t('evaluation.summary.shareLabel')}
              </th>
              <th scope="col">{t('evaluation.summary.yoyLabel')}</th>
            </tr>
          </thead>
          <tbody>
            {evaluation.goals.map((goal) => (
              <CountsRow
                key={goal.goal.id}
                heading={
                  <>
                    <span className={styles.code}>{t('evaluation.common.goalLabel', { code: goal.goal.code })}</span>
                    <BilingualName ja={goal.goal.nameJa} en={goal.goal.nameEn} />
                  </>
                }
                counts={goal.ratingCounts}
                share={goal.shareAOrB}
                yoy={goal.yearOverYear}
              />
            ))}
            <CountsRow
              heading={<strong>{t('evaluation.common.wholePlan')}</strong>}
              counts={evaluation.ratingCounts}
              share={evaluation.shareAOrB}
              yoy={evaluation.yearOverYear}
            />
          </tbody>
        </table>
      </div>
    </figure>
  )
}

function CountsRow({
  heading,
  counts,
  share,
  yoy,
}: {
  heading: ReactNode
  counts: RatingCountsData
  share: number | null
  yoy: YearOverYearData
}) {
  const language = useLanguage()
  const values = countsOf(counts)
  return (
    <tr>
      <th scope="row">{heading}</th>
      {RATING_KEYS.map((key) => (
        <td key={key} className={styles.number}>
          {values[key]}
        </td>
      ))}
      <td className={styles.number}>{formatShare(share, language) ?? '—'}</td>
      <td>
        <ShareChange yoy={yoy} />
      </td>
    </tr>
  )
}
