import { useTranslation } from 'react-i18next'
import { cx } from '@/lib/cx'
import styles from './ReportStatusBadge.module.css'

/** The API's `ReportStatus`; each has its name under `reportStatus` in the locale files. */
const REPORT_STATUSES = ['NOT_STARTED', 'DRAFT', 'AWAITING_MANAGER', 'SUBMITTED', 'RETURNED', 'ACCEPTED', 'LOCKED'] as const

type ReportStatus = (typeof REPORT_STATUSES)[number]

function isReportStatus(value: string): value is ReportStatus {
  return (REPORT_STATUSES as readonly string[]).includes(value)
}

/** How a status badge looks; its text always names the status too (never colour alone). */
type Tone = 'neutral' | 'progress' | 'waiting' | 'attention' | 'done'

function toneOf(status: string): Tone {
  switch (status) {
    case 'DRAFT':
      return 'progress'
    case 'AWAITING_MANAGER':
    case 'SUBMITTED':
      return 'waiting'
    case 'RETURNED':
      return 'attention'
    case 'ACCEPTED':
    case 'LOCKED':
      return 'done'
    default:
      return 'neutral'
  }
}

/**
 * A report's status: its name in words, a shape and a colour (never the colour alone).
 * Used by the report, review and administration screens alike; a status the app does not
 * know yet is shown as the server sent it.
 */
export function ReportStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation()
  const tone = toneOf(status)
  return (
    <span className={cx(styles.badge, styles[tone])} data-tone={tone}>
      <svg className={styles.icon} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <StatusIcon tone={tone} />
      </svg>
      {isReportStatus(status) ? t(`reportStatus.${status}`) : status}
    </span>
  )
}

function StatusIcon({ tone }: { tone: Tone }) {
  switch (tone) {
    case 'done':
      return <path d="M6.4 11.6 3 8.2l1.1-1.1 2.3 2.3 5.5-5.5L13 5z" />
    case 'attention':
      return <path d="M7 3h2v6H7zm0 8h2v2H7z" />
    case 'waiting':
      return <path d="M8 2a6 6 0 1 0 0 12A6 6 0 0 0 8 2zm0 1.5a4.5 4.5 0 1 1 0 9 4.5 4.5 0 0 1 0-9zM7.3 5v3.6l2.9 1.8.7-1.2-2.2-1.3V5z" />
    case 'progress':
      return <path d="M11.3 2.3 13.7 4.7 6 12.4 3 13l.6-3zM4.9 10.6l-.2 1 .9-.2z" />
    default:
      return <circle cx="8" cy="8" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
  }
}

/** "Overdue" (期限超過), in the same shape as the status badge: a warning sign and words. */
export function OverdueBadge() {
  const { t } = useTranslation()
  return (
    <span className={cx(styles.badge, styles.overdue)}>
      <svg className={styles.icon} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d="M8 1.5 15 14H1zM7.2 6v4h1.6V6zm0 5v1.6h1.6V11z" />
      </svg>
      {t('reportStatus.overdue')}
    </span>
  )
}
