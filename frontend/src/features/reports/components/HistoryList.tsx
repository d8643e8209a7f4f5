import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatJapanTime } from '@/lib/japanTime'
import { useLanguage } from '@/lib/useLanguage'
import type { ReportData } from '../api/operations'
import type { ReportStatus } from '../model/format'
import { describeEvent, isMilestone, type HistoryEntry } from '../model/workflow'
import styles from './Reports.module.css'

type Event = ReportData['history'][number]

/**
 * The report's history, newest first: who moved it, when, from which status to which, and
 * the reason given. Saves, files and comments are there too, on request.
 */
export function HistoryList({ events }: { events: readonly Event[] }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [everything, setEverything] = useState(false)
  const entries = [...events]
    .sort((a, b) => b.seq - a.seq)
    .map((event) => ({ event, entry: describeEvent(event) }))
  const shown = everything ? entries : entries.filter(({ entry }) => isMilestone(entry))

  const statusName = (status: ReportStatus | null) => (status ? t(`reports.status.${status}`) : '—')
  const what = (entry: HistoryEntry): string => {
    switch (entry.kind) {
      case 'status':
        return t(`reports.history.${entry.action}`)
      case 'saved':
        return entry.version === null ? t('reports.history.saved') : t('reports.history.savedVersion', { version: entry.version })
      case 'copied':
        return t('reports.history.copied')
      case 'evidence':
        return t(entry.action === 'uploaded' ? 'reports.history.evidenceUploaded' : 'reports.history.evidenceRemoved', {
          file: entry.file ?? '',
        })
      case 'comment':
        return t(`reports.history.comment.${entry.action}`)
      case 'other':
        return entry.action
    }
  }

  return (
    <section className={styles.history} aria-labelledby="history-heading">
      <h2 id="history-heading" className={styles.sectionTitleSmall}>
        {t('reports.history.heading')}
      </h2>
      <div className={styles.choiceRow}>
        <input
          id="history-everything"
          type="checkbox"
          checked={everything}
          onChange={(event) => {
            setEverything(event.target.checked)
          }}
        />
        <label htmlFor="history-everything">{t('reports.history.showEverything')}</label>
      </div>
      {shown.length === 0 ? (
        <p className={styles.muted}>{everything ? t('reports.history.none') : t('reports.history.noMilestones')}</p>
      ) : (
        <ol className={styles.historyList}>
          {shown.map(({ event, entry }) => (
            <li key={event.seq} className={styles.historyItem}>
              <p className={styles.historyWhat}>{what(entry)}</p>
              {entry.kind === 'status' && (entry.from || entry.to) ? (
                <p className={styles.historyMove}>
                  {t('reports.history.move', { from: statusName(entry.from), to: statusName(entry.to) })}
                </p>
              ) : null}
              {entry.kind === 'status' && entry.reason ? (
                <p className={styles.historyReason}>
                  <span className={styles.historyReasonLabel}>{t('reports.history.reason')}</span>
                  <span className={styles.preWrap}>{entry.reason}</span>
                </p>
              ) : null}
              <p className={styles.historyMeta}>
                <time dateTime={event.occurredAt}>{formatJapanTime(event.occurredAt, language)}</time>
                <span>{event.actorLabel === 'system' ? t('reports.history.system') : event.actorLabel}</span>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
