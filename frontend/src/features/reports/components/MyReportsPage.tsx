import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useQuery } from 'urql'
import { BilingualName } from '@/components/BilingualName'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { Notice } from '@/components/Notice'
import { OverdueBadge, ReportStatusBadge } from '@/components/ReportStatusBadge'
import { useSignedInUser } from '@/features/session'
import { formatJapanTime } from '@/lib/japanTime'
import { cx } from '@/lib/cx'
import { useDocumentTitle } from '@/lib/useDocumentTitle'
import { useLanguage } from '@/lib/useLanguage'
import { MyReportsQuery, type MyReport } from '../api/operations'
import { formatDay, groupByPeriod } from '../model/format'
import { usePeriodTitle } from './PeriodTitle'
import styles from './Reports.module.css'

/**
 * `/reports`: what the viewer's organisation owes (`myReports`), grouped by reporting
 * period, due first; each with its direction, status and whether it is overdue.
 */
export function MyReportsPage() {
  const { t } = useTranslation()
  const user = useSignedInUser()
  const [result, reexecute] = useQuery({ query: MyReportsQuery, requestPolicy: 'cache-and-network' })
  const retry = useCallback(() => {
    reexecute({ requestPolicy: 'network-only' })
  }, [reexecute])
  useDocumentTitle(t('reports.list.title'))

  const reports = result.data?.myReports
  let body
  if (result.error && !reports) body = <ErrorState error={result.error} onRetry={retry} headingLevel={2} />
  else if (!reports) body = <LoadingState />
  else if (reports.length === 0)
    body = (
      <Notice title={t('reports.list.emptyTitle')}>
        <p>{t('reports.list.emptyBody')}</p>
      </Notice>
    )
  else body = <ReportGroups reports={reports} />

  return (
    <div className={styles.page}>
      <div className={styles.pageIntro}>
        <h1>{t('reports.list.title')}</h1>
        {user ? (
          <p className={styles.lead}>
            {t('reports.list.intro', { organization: user.organization.nameJa })}
          </p>
        ) : null}
      </div>
      {body}
    </div>
  )
}

function ReportGroups({ reports }: { reports: readonly MyReport[] }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const periodTitle = usePeriodTitle()
  const groups = groupByPeriod(reports)
  return (
    <div className={styles.groups}>
      {groups.map(({ period, reports: items }) => {
        const headingId = `period-${period.id}`
        const overdue = items.filter((r) => r.overdue).length
        return (
          <section key={period.id} className={styles.group} aria-labelledby={headingId}>
            <div className={styles.groupHeader}>
              <h2 id={headingId} className={styles.groupTitle}>
                {periodTitle(period)}
              </h2>
              <p className={styles.groupMeta}>
                <span>{t('reports.list.dueOn', { date: formatDay(period.dueOn, language) })}</span>
                <span>{t('reports.list.count', { count: items.length })}</span>
                {overdue > 0 ? <span className={styles.overdueCount}>{t('reports.list.overdueCount', { count: overdue })}</span> : null}
              </p>
            </div>
            <div className={styles.scroll} role="region" aria-labelledby={headingId} tabIndex={0}>
              <table className={cx(styles.table, styles.fixedTable)}>
                <caption className="visually-hidden">{t('reports.list.caption', { period: periodTitle(period) })}</caption>
                <thead>
                  <tr>
                    <th scope="col" className={styles.colDirection}>
                      {t('reports.list.direction')}
                    </th>
                    <th scope="col" className={styles.colStatus}>
                      {t('reports.list.status')}
                    </th>
                    <th scope="col">{t('reports.list.updated')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((report) => (
                    <tr key={report.id} className={report.overdue ? styles.overdueRow : undefined}>
                      <th scope="row">
                        <Link to={`/reports/${report.id}`} className={styles.directionLink}>
                          <span className={styles.code}>{report.direction?.code}</span>{' '}
                          {report.direction ? (
                            <BilingualName ja={report.direction.nameJa} en={report.direction.nameEn} />
                          ) : (
                            t('reports.page.untitled')
                          )}
                        </Link>
                      </th>
                      <td>
                        <span className={styles.badges}>
                          <ReportStatusBadge status={report.status} />
                          {report.overdue ? <OverdueBadge /> : null}
                        </span>
                      </td>
                      <td className={styles.nowrap}>
                        {report.status === 'NOT_STARTED' ? t('reports.list.never') : formatJapanTime(report.updatedAt, language)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        )
      })}
    </div>
  )
}
