import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Button } from '@/components/Button'
import { useLanguage } from '@/lib/useLanguage'
import type { QueueItem } from '../api/operations'
import type { BulkResult, Succeeded } from '../model/bulkOutcome'
import styles from './Review.module.css'

/**
 * What a bulk accept or return did: how many succeeded, and each report that did not with
 * the reason in the user's language (the server's message, or the name of its error
 * code). The heading takes focus when the result appears.
 */
export function BulkResultPanel({
  step,
  result,
  onClose,
}: {
  step: 'accept' | 'return'
  result: BulkResult<QueueItem>
  onClose: () => void
}) {
  const { t } = useTranslation()
  const headingRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    headingRef.current?.focus()
  }, [result])
  const ok = result.succeeded.length
  const failed = result.failed.length

  return (
    <section className={styles.result} aria-labelledby="bulk-result-heading">
      <h2 id="bulk-result-heading" ref={headingRef} tabIndex={-1} className={styles.resultTitle}>
        {t('review.bulk.resultHeading')}
      </h2>
      <p className={styles.resultSummary}>
        {ok > 0 ? t(step === 'accept' ? 'review.bulk.acceptedCount' : 'review.bulk.returnedCount', { count: ok }) : null}
        {ok > 0 && failed > 0 ? ' ' : null}
        {failed > 0 ? t('review.bulk.failedCount', { count: failed }) : null}
      </p>
      {failed > 0 ? (
        <div className={styles.resultGroup}>
          <h3 className={styles.resultGroupTitle}>
            <svg className={styles.resultIcon} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <path d="M8 1.5 15 14H1zM7.2 6v4h1.6V6zm0 5v1.6h1.6V11z" />
            </svg>
            {t('review.bulk.failedList', { count: failed })}
          </h3>
          <ul className={styles.resultList}>
            {result.failed.map((entry) => (
              <li key={entry.reportId} className={styles.failedItem}>
                <ReportName entry={entry} />
                <span className={styles.reason}>
                  {t('review.bulk.reason', { reason: entry.message ?? t(`errors.headings.${entry.kind}`) })}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {ok > 0 ? (
        <div className={styles.resultGroup}>
          <h3 className={styles.resultGroupTitle}>
            <svg className={styles.resultIcon} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <path d="M6.4 11.6 3 8.2l1.1-1.1 2.3 2.3 5.5-5.5L13 5z" />
            </svg>
            {t(step === 'accept' ? 'review.bulk.acceptedList' : 'review.bulk.returnedList', { count: ok })}
          </h3>
          <ul className={styles.resultList}>
            {result.succeeded.map((entry) => (
              <li key={entry.reportId}>
                <ReportName entry={entry} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div>
        <Button variant="secondary" onClick={onClose}>
          {t('review.bulk.dismiss')}
        </Button>
      </div>
    </section>
  )
}

function ReportName({ entry }: { entry: Succeeded<QueueItem> }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const report = entry.item?.report
  if (!report?.direction) return <span>{t('review.bulk.unknownReport', { id: entry.reportId })}</span>
  const name = language === 'en' ? report.direction.nameEn : report.direction.nameJa
  const organization = report.organization ? (language === 'en' ? report.organization.nameEn : report.organization.nameJa) : ''
  return (
    <Link to={`/reports/${entry.reportId}`} className={styles.resultName}>
      {t('review.bulk.reportName', { code: report.direction.code, name, organization })}
    </Link>
  )
}
