import { useTranslation } from 'react-i18next'
import { cx } from '@/lib/cx'
import { useLanguage } from '@/lib/useLanguage'
import type { AutosaveState } from '../model/autosave'
import { formatClock } from '../model/format'
import styles from './Reports.module.css'

/**
 * Where the draft stands: saved at hh:mm, saving, or not saved (and why), in a polite live
 * region so that screen-reader users hear it without losing their place.
 */
export function SaveStatus({ state }: { state: AutosaveState }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const { status, savedAt } = state
  let text: string
  let tone: 'ok' | 'busy' | 'problem' = 'ok'
  switch (status.kind) {
    case 'clean':
      text = savedAt ? t('reports.save.savedAt', { time: formatClock(savedAt, language) }) : t('reports.save.upToDate')
      break
    case 'pending':
      text = t('reports.save.pending')
      tone = 'busy'
      break
    case 'saving':
      text = t('reports.save.saving')
      tone = 'busy'
      break
    case 'failed':
      text = t('reports.save.failed', {
        reason: status.error.message ?? t(`errors.headings.${status.error.kind}`),
      })
      tone = 'problem'
      break
    case 'conflict':
      text = t('reports.save.conflict')
      tone = 'problem'
      break
  }
  return (
    <p role="status" className={cx(styles.saveStatus, styles[`save_${tone}`])}>
      <svg className={styles.saveIcon} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        {tone === 'ok' ? (
          <path d="M6.4 11.6 3 8.2l1.1-1.1 2.3 2.3 5.5-5.5L13 5z" />
        ) : tone === 'busy' ? (
          <path d="M8 2a6 6 0 1 0 6 6h-1.5A4.5 4.5 0 1 1 8 3.5z" />
        ) : (
          <path d="M8 1.5 15 14H1zM7.2 6v4h1.6V6zm0 5v1.6h1.6V11z" />
        )}
      </svg>
      <span>{text}</span>
    </p>
  )
}
