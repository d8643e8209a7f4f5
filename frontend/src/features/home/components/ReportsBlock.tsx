import { useCallback, useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useQuery } from 'urql'
import { BilingualName } from '@/components/BilingualName'
import { Notice } from '@/components/Notice'
import { OverdueBadge, ReportStatusBadge } from '@/components/ReportStatusBadge'
import { usePeriodName } from '@/features/plan'
import { useLanguage } from '@/lib/useLanguage'
import { HomeReportsQuery, type HomeReport } from '../api/operations'
import { formatEraDay, japanDay } from '../model/dates'
import { reportsToDo, type ReportToDo } from '../model/todo'
import { Block, BlockData } from './Block'
import styles from './HomePage.module.css'

/** How many reports the block lists; the rest are on `/reports`. */
const SHOWN_REPORTS = 10

/**
 * For the people who write reports: what their organisation must hand in now (`myReports`),
 * overdue ones first and flagged in words, each linking to its report.
 */
export function ReportsBlock() {
  const { t } = useTranslation()
  const [result, reexecute] = useQuery({ query: HomeReportsQuery, requestPolicy: 'cache-and-network' })
  const retry = useCallback(() => {
    reexecute({ requestPolicy: 'network-only' })
  }, [reexecute])
  return (
    <Block id="home-reports" title={t('home.reports.heading')}>
      <BlockData data={result.data?.myReports} error={result.error} retry={retry}>
        {(reports) => <ReportsToDo todo={reportsToDo(reports, japanDay(new Date()))} />}
      </BlockData>
    </Block>
  )
}

function ReportsToDo({ todo }: { todo: readonly ReportToDo<HomeReport>[] }) {
  const { t } = useTranslation()
  if (todo.length === 0) {
    return (
      <Notice title={t('home.reports.emptyTitle')}>
        <p>{t('home.reports.emptyBody')}</p>
        <p>
          <Link to="/reports">{t('home.reports.all')}</Link>
        </p>
      </Notice>
    )
  }
  const overdue = todo.filter((item) => item.overdue).length
  const hidden = todo.length - SHOWN_REPORTS
  return (
    <>
      <p className={styles.summary}>
        {t('home.reports.summary', { count: todo.length })}
        {overdue > 0 ? <strong className={styles.alert}>{t('home.reports.overdueSummary', { count: overdue })}</strong> : null}
      </p>
      <ul className={styles.items}>
        {todo.slice(0, SHOWN_REPORTS).map((item) => (
          <ReportItem key={item.report.id} item={item} />
        ))}
      </ul>
      <p>
        <Link to="/reports">{hidden > 0 ? t('home.reports.more', { count: hidden }) : t('home.reports.all')}</Link>
      </p>
    </>
  )
}

function ReportItem({ item }: { item: ReportToDo<HomeReport> }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const periodName = usePeriodName()
  const metaId = useId()
  const { report } = item
  let days: string | null = null
  if (item.overdue) days = item.daysLeft < 0 ? t('home.reports.daysOverdue', { count: -item.daysLeft }) : null
  else if (item.daysLeft === 0) days = t('home.reports.dueToday')
  else if (item.daysLeft > 0) days = t('home.reports.daysLeft', { count: item.daysLeft })
  return (
    <li className={item.overdue ? `${styles.item} ${styles.overdueItem}` : styles.item}>
      <p className={styles.itemTitle}>
        <Link to={`/reports/${encodeURIComponent(report.id)}`} aria-describedby={metaId}>
          {report.direction ? (
            <>
              <span className={styles.code}>{report.direction.code}</span>{' '}
              <BilingualName ja={report.direction.nameJa} en={report.direction.nameEn} />
            </>
          ) : (
            t('home.reports.untitled')
          )}
        </Link>
      </p>
      <p id={metaId} className={styles.meta}>
        <span>{periodName(report.period)}</span>
        <span>{t('home.reports.dueOn', { date: formatEraDay(report.period.dueOn, language) })}</span>
        {days ? <span className={item.overdue ? styles.alert : undefined}>{days}</span> : null}
      </p>
      <p className={styles.badges}>
        <ReportStatusBadge status={report.status} />
        {item.overdue ? <OverdueBadge /> : null}
      </p>
    </li>
  )
}
