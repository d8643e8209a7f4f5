import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { useQuery } from 'urql'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { NotFoundContent } from '@/components/NotFoundContent'
import { StatusMessage } from '@/components/StatusMessage'
import { useSignedInUser } from '@/features/session'
import { useDocumentTitle } from '@/lib/useDocumentTitle'
import { useLanguage } from '@/lib/useLanguage'
import { getFragmentData } from '@/gql'
import { ReportContentFragment, ReportQuery } from '../api/operations'
import { canEdit } from '../model/permissions'
import { CommentsPanel } from './CommentsPanel'
import { HistoryList } from './HistoryList'
import { ReportEditor } from './ReportEditor'
import { ReportHeader } from './ReportHeader'
import { ReportView } from './ReportView'
import styles from './Reports.module.css'

/**
 * `/reports/:id`: the editor while the report is the viewer's organisation's to write
 * (not started, draft or returned), a read-only view otherwise.
 */
export function ReportPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const language = useLanguage()
  const user = useSignedInUser()
  // Always from the server: the editor starts from the version it shows.
  const [result, reexecute] = useQuery({ query: ReportQuery, variables: { id }, requestPolicy: 'network-only' })
  const refresh = useCallback(() => {
    reexecute({ requestPolicy: 'network-only' })
  }, [reexecute])
  const report = result.data?.report
  const direction = report?.direction
  // What the last workflow step did ("submitted"), for this report only.
  const [notice, setNotice] = useState<{ id: string; text: string } | null>(null)
  const done = useCallback(
    (text: string) => {
      setNotice({ id, text })
      refresh()
    },
    [id, refresh],
  )
  useDocumentTitle(
    direction ? t('reports.page.documentTitle', { direction: `${direction.code} ${language === 'en' ? direction.nameEn : direction.nameJa}` }) : null,
  )

  const back = (
    <p>
      <Link to="/reports" className={styles.back}>
        {t('reports.page.back')}
      </Link>
    </p>
  )
  if (result.error && !report) {
    return (
      <div className={styles.page}>
        {back}
        <ErrorState error={result.error} onRetry={refresh} />
      </div>
    )
  }
  if (!report) {
    return (
      <div className={styles.page}>
        {back}
        {result.fetching || !result.data ? <LoadingState /> : <NotFoundContent />}
      </div>
    )
  }
  return (
    <article className={styles.page} aria-labelledby="report-heading">
      {back}
      <ReportHeader report={report} />
      {notice?.id === report.id ? <StatusMessage>{notice.text}</StatusMessage> : null}
      <div className={styles.reportLayout}>
        <div className={styles.reportMain}>
          {canEdit(report, user) ? (
            <ReportEditor key={report.id} report={report} onRefresh={refresh} onSubmitted={done} />
          ) : (
            <ReportView report={report} onWorkflowDone={done} />
          )}
        </div>
        <aside className={styles.reportAside} aria-label={t('reports.page.aside')}>
          <CommentsPanel
            reportId={report.id}
            comments={report.comments}
            activityCount={getFragmentData(ReportContentFragment, report).activities.length}
            onChanged={refresh}
          />
          <HistoryList events={report.history} />
        </aside>
      </div>
    </article>
  )
}
