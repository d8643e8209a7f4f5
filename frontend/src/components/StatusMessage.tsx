import type { ReactNode } from 'react'
import { cx } from '@/lib/cx'
import styles from './StatusMessage.module.css'

export type StatusTone = 'success' | 'info' | 'warning'

/**
 * A short message about what just happened ("saved", "signed out"), announced politely.
 * Errors use `ErrorSummary` instead.
 */
export function StatusMessage({ tone = 'success', children }: { tone?: StatusTone; children: ReactNode }) {
  return (
    <div role="status" className={cx(styles.status, styles[tone])}>
      <svg className={styles.icon} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        {tone === 'success' ? (
          <path d="M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z" />
        ) : (
          <path d="M11 7h2v2h-2zm0 4h2v6h-2zm1-9a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 18a8 8 0 1 1 0-16 8 8 0 0 1 0 16z" />
        )}
      </svg>
      <div className={styles.body}>{children}</div>
    </div>
  )
}
