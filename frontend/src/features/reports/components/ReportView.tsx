import { lazy, Suspense, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { BilingualName } from '@/components/BilingualName'
import { StatusMessage } from '@/components/StatusMessage'
import { getFragmentData } from '@/gql'
import { useSignedInUser } from '@/features/session'
import { CommentFieldsFragment, ReportContentFragment, type ReportData } from '../api/operations'
import { isEditableStatus, isReportStatus } from '../model/format'
import { valuesFromReport, type ReportField } from '../model/reportValues'
import { openThreadCounts } from '../model/workflow'
import { CommentCount } from './CommentCount'
import { EvidenceSection } from './EvidenceSection'
import { UnchangedMark } from './UnchangedMark'
import { WorkflowActions } from './WorkflowActions'
import styles from './Reports.module.css'

/** The reviewer side (features/review), loaded only when a reviewer opens a report. */
const ChangesSinceReturn = lazy(async () => ({ default: (await import('@/features/review')).ChangesSinceReturn }))

/** A report that the viewer does not (or no longer) write: every part, to read. */
export function ReportView({ report, onWorkflowDone }: { report: ReportData; onWorkflowDone: (notice: string) => void }) {
  const { t } = useTranslation()
  const user = useSignedInUser()
  const values = valuesFromReport(getFragmentData(ReportContentFragment, report))
  const unchanged = new Set<string>(report.copiedFromId ? report.unchangedSinceCopy : [])
  const openComments = openThreadCounts(getFragmentData(CommentFieldsFragment, report.comments))
  const own = user !== null && report.organization?.id === user.organization.id
  const why = own
    ? isEditableStatus(report.status)
      ? t('reports.view.notWriter')
      : t('reports.view.notEditable', {
          status: isReportStatus(report.status) ? t(`reports.status.${report.status}`) : report.status,
        })
    : t('reports.view.otherOrganization')

  const heading = (id: string, field: ReportField | null, text: string) => (
    <h2 id={id} className={styles.sectionTitle}>
      {text}
      {field && unchanged.has(field) ? <UnchangedMark /> : null}
      {field ? <CommentCount field={field} counts={openComments} /> : null}
    </h2>
  )
  const textOrEmpty = (text: string): ReactNode =>
    text.trim() === '' ? <span className={styles.muted}>{t('reports.view.empty')}</span> : <p className={styles.preWrap}>{text}</p>

  return (
    <div className={styles.view}>
      <StatusMessage tone="info">{why}</StatusMessage>
      <WorkflowActions report={report} onDone={onWorkflowDone} />
      {/* The reviewer side (features/review): what changed since the revision that was returned. */}
      {report.availableActions.some((action) => action === 'APPROVE' || action === 'RETURN' || action === 'ACCEPT') ? (
        <Suspense fallback={null}>
          <ChangesSinceReturn reportId={report.id} />
        </Suspense>
      ) : null}

      <section className={styles.section} aria-labelledby="view-activities">
        {heading('view-activities', 'ACTIVITIES', t('reports.fields.ACTIVITIES'))}
        {values.activities.length === 0 ? (
          <p className={styles.muted}>{t('reports.view.empty')}</p>
        ) : (
          <ol className={styles.activityList}>
            {values.activities.map((activity, index) => (
              <li key={activity.key} className={styles.activity}>
                <h3 className={styles.activityLegend}>
                  {t('reports.view.activityLine', {
                    number: index + 1,
                    title: activity.title.trim() || t('reports.activities.untitled'),
                  })}
                </h3>
                {activity.actor !== '' ? (
                  <p className={styles.hint}>{t('reports.view.actorLine', { actor: t(`reports.actors.${activity.actor}`) })}</p>
                ) : null}
                {activity.description.trim() !== '' ? <p className={styles.preWrap}>{activity.description}</p> : null}
                {activity.figures.length > 0 ? (
                  <div className={styles.scroll} role="region" aria-label={t('reports.view.figuresCaption', { number: index + 1 })} tabIndex={0}>
                    <table className={styles.table}>
                      <caption className="visually-hidden">{t('reports.view.figuresCaption', { number: index + 1 })}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('reports.figures.name')}</th>
                          <th scope="col">{t('reports.figures.planned')}</th>
                          <th scope="col">{t('reports.figures.actual')}</th>
                          <th scope="col">{t('reports.figures.unit')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {activity.figures.map((figure) => (
                          <tr key={figure.key}>
                            <th scope="row">{figure.name}</th>
                            <td className="tabular">{figure.planned || '—'}</td>
                            <td className="tabular">{figure.actual || '—'}</td>
                            <td>{figure.unit}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className={styles.section} aria-labelledby="view-results">
        {heading('view-results', 'RESULTS_SUMMARY', t('reports.fields.RESULTS_SUMMARY'))}
        {textOrEmpty(values.resultsSummary)}
      </section>

      <section className={styles.section} aria-labelledby="view-rating">
        {heading('view-rating', 'SELF_RATING', t('reports.fields.SELF_RATING'))}
        {values.selfRating === '' ? (
          <p className={styles.muted}>{t('reports.view.empty')}</p>
        ) : (
          <p>
            <strong>
              {t('reports.ratings.choice', { rating: values.selfRating, label: t(`reports.ratings.${values.selfRating}.label`) })}
            </strong>
            <span className={styles.definition}>{t(`reports.ratings.${values.selfRating}.definition`)}</span>
          </p>
        )}
        <h3 className={styles.subTitle}>
          {t('reports.fields.RATING_REASON')}
          {unchanged.has('RATING_REASON') ? <UnchangedMark /> : null}
        </h3>
        {textOrEmpty(values.ratingReason)}
      </section>

      <section className={styles.section} aria-labelledby="view-issues">
        {heading('view-issues', 'ISSUES', t('reports.fields.ISSUES'))}
        {textOrEmpty(values.issues)}
      </section>

      <section className={styles.section} aria-labelledby="view-next">
        {heading('view-next', 'NEXT_STEP', t('reports.fields.NEXT_STEP'))}
        {values.nextStep === '' ? <p className={styles.muted}>{t('reports.view.empty')}</p> : <p><strong>{t(`reports.nextSteps.${values.nextStep}`)}</strong></p>}
        <h3 className={styles.subTitle}>
          {t('reports.fields.NEXT_STEP_REASON')}
          {unchanged.has('NEXT_STEP_REASON') ? <UnchangedMark /> : null}
        </h3>
        {textOrEmpty(values.nextStepReason)}
      </section>

      <section className={styles.section} aria-labelledby="view-indicators">
        {heading('view-indicators', 'INDICATORS', t('reports.sections.indicators'))}
        {report.indicators.length === 0 ? (
          <p className={styles.muted}>{t('reports.view.empty')}</p>
        ) : (
          <ul className={styles.plainList}>
            {report.indicators.map((indicator) => (
              <li key={indicator.id}>
                <span>{indicator.code} </span>
                <BilingualName ja={indicator.nameJa} en={indicator.nameEn} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className={styles.section} aria-labelledby="view-evidence">
        {heading('view-evidence', null, t('reports.sections.evidence'))}
        <EvidenceSection reportId={report.id} evidence={report.evidence} editable={false} onChanged={() => undefined} />
      </section>
    </div>
  )
}
