import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { BilingualName } from '@/components/BilingualName'
import { useLanguage } from '@/lib/useLanguage'
import type { DirectionData } from '../api/operations'
import { formatOneDecimal } from '../model/format'
import { RatingBadge } from './parts'
import styles from './Evaluation.module.css'

type Summary = DirectionData['summaries'][number]

const ACTORS = ['CITY', 'COUNCIL', 'JOINT'] as const
const NEXT_STEPS = ['EXPAND', 'CONTINUE', 'REVISE', 'REDUCE', 'ABOLISH'] as const

/**
 * What the owners reported on a direction: each accepted year-end report's activities
 * (with their figures), results, self-rating, issues and next step. Signed-in readers
 * also get links to the reports and the count of interim reports.
 */
export function DirectionDetails({ row }: { row: DirectionData }) {
  const { t } = useTranslation()
  const reportOf = (organizationId: string | undefined) =>
    organizationId ? row.reports.find((report) => report.organization?.id === organizationId) : undefined
  return (
    <div className={styles.section}>
      {row.interimReports.length > 0 ? (
        <p className={styles.small}>{t('evaluation.directions.interim', { count: row.interimReports.length })}</p>
      ) : null}
      {row.summaries.length === 0 ? (
        <p className={styles.muted}>{t('evaluation.directions.noSummaries')}</p>
      ) : (
        <ul className={styles.summaries}>
          {row.summaries.map((summary, index) => (
            <li key={summary.organization?.id ?? index}>
              <SummaryCard summary={summary} reportId={reportOf(summary.organization?.id)?.id ?? null} />
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

function SummaryCard({ summary, reportId }: { summary: Summary; reportId: string | null }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const none = <span className={styles.muted}>{t('evaluation.report.none')}</span>
  const nextStep = NEXT_STEPS.find((step) => step === summary.nextStep)
  const number = (value: number | null | undefined) => (value === null || value === undefined ? '—' : formatNumber(value, language))
  return (
    <article className={styles.summary}>
      <h4>
        {summary.organization ? (
          <BilingualName ja={summary.organization.nameJa} en={summary.organization.nameEn} />
        ) : (
          t('evaluation.report.unknownOrganization')
        )}
      </h4>
      {reportId ? (
        <p>
          <Link to={`/reports/${encodeURIComponent(reportId)}`}>{t('evaluation.report.open')}</Link>
        </p>
      ) : null}
      <dl className={styles.facts}>
        <dt>{t('evaluation.report.activities')}</dt>
        <dd>
          {summary.activities.length === 0 ? (
            none
          ) : (
            <ol className={styles.activities}>
              {summary.activities.map((activity, index) => {
                const actor = ACTORS.find((a) => a === activity.actor)
                return (
                  <li key={index}>
                    <strong>{activity.title}</strong>
                    {actor ? <span className={styles.small}> {t('evaluation.report.actor', { actor: t(`evaluation.report.actors.${actor}`) })}</span> : null}
                    {activity.description ? <p className={styles.text}>{activity.description}</p> : null}
                    {activity.figures.length > 0 ? (
                      <table className={styles.figureTable}>
                        <caption className="visually-hidden">{t('evaluation.report.figuresCaption', { activity: activity.title })}</caption>
                        <thead>
                          <tr>
                            <th scope="col">{t('evaluation.report.figureName')}</th>
                            <th scope="col" className={styles.number}>
                              {t('evaluation.report.planned')}
                            </th>
                            <th scope="col" className={styles.number}>
                              {t('evaluation.report.actual')}
                            </th>
                          </tr>
                        </thead>
                        <tbody>
                          {activity.figures.map((figure, figureIndex) => (
                            <tr key={figureIndex}>
                              <th scope="row">{figure.name}</th>
                              <td className={styles.number}>
                                {number(figure.planned)}
                                {figure.planned === null ? '' : figure.unit}
                              </td>
                              <td className={styles.number}>
                                {number(figure.actual)}
                                {figure.actual === null ? '' : figure.unit}
                              </td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    ) : null}
                  </li>
                )
              })}
            </ol>
          )}
        </dd>
        <dt>{t('evaluation.report.results')}</dt>
        <dd>{summary.resultsSummary ?? none}</dd>
        <dt>{t('evaluation.report.selfRating')}</dt>
        <dd>
          <RatingBadge rating={summary.selfRating} />
          {summary.ratingReason ? <p className={styles.text}>{summary.ratingReason}</p> : null}
        </dd>
        <dt>{t('evaluation.report.issues')}</dt>
        <dd>{summary.issues ?? none}</dd>
        <dt>{t('evaluation.report.nextStep')}</dt>
        <dd>
          {nextStep ? <strong>{t(`evaluation.report.nextSteps.${nextStep}`)}</strong> : none}
          {summary.nextStepReason ? <p className={styles.text}>{summary.nextStepReason}</p> : null}
        </dd>
      </dl>
    </article>
  )
}

function formatNumber(value: number, language: 'ja' | 'en'): string {
  return Number.isInteger(value) ? new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'ja-JP').format(value) : formatOneDecimal(value, language)
}
