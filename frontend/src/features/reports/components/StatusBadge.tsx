import { useTranslation } from 'react-i18next'
import { cx } from '@/lib/cx'
import { isReportStatus, statusTone } from '../model/format'
import styles from './StatusBadge.module.css'

/** A report's status: its name in words, a shape and a colour (never the colour alone). */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation()
  const tone = statusTone(status)
  return (
    <span className={cx(styles.badge, styles[tone])}>
      <svg className={styles.icon} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <StatusIcon tone={tone} />
      </svg>
      {isReportStatus(status) ? t(`reports.status.${status}`) : status}
    </span>
  )
}

function StatusIcon({ tone }: { tone: ReturnType<typeof statusTone> }) {
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

/** "Overdue", with a warning shape and words. */
export function OverdueBadge() {
  const { t } = useTranslation()
  return (
    <span className={cx(styles.badge, styles.overdue)}>
      <svg className={styles.icon} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d="M8 1.5 15 14H1zM7.2 6v4h1.6V6zm0 5v1.6h1.6V11z" />
      </svg>
      {t('reports.overdue')}
    </span>
  )
}
