import { useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { CombinedError } from 'urql'
import { describeError } from '@/lib/graphqlError'
import { useDocumentTitle } from '@/lib/useDocumentTitle'
import { useLanguage } from '@/lib/useLanguage'
import styles from './ErrorState.module.css'

export interface ErrorStateProps {
  error: CombinedError
  /** Runs the request again; shown as a button when a retry may help. */
  onRetry?: () => void
  /** The error replaces the page's content, so by default its heading is the page's `h1`. */
  headingLevel?: 1 | 2
}

/**
 * What went wrong, in the user's language: a heading chosen from `extensions.code` and the
 * server's own (already translated) message. When the user switches language, the request is
 * sent again so the server's message follows.
 */
export function ErrorState({ error, onRetry, headingLevel = 1 }: ErrorStateProps) {
  const { t } = useTranslation()
  const language = useLanguage()
  const described = describeError(error)
  const Heading = headingLevel === 1 ? 'h1' : 'h2'
  const headingId = useId()
  const heading = t(`errors.headings.${described.kind}`)
  useDocumentTitle(headingLevel === 1 ? heading : null)

  const shownLanguage = useRef(language)
  useEffect(() => {
    if (shownLanguage.current !== language) {
      shownLanguage.current = language
      onRetry?.()
    }
  }, [language, onRetry])

  const fallback =
    described.kind === 'NETWORK'
      ? t('errors.networkMessage')
      : described.kind === 'RATE_LIMITED'
        ? t('errors.rateLimitedMessage')
        : t('errors.genericMessage')

  return (
    <section className={styles.error} aria-labelledby={headingId}>
      <Heading id={headingId} className={styles.heading}>
        {heading}
      </Heading>
      {described.message ? (
        <p className={styles.message}>
          <span className="visually-hidden">{t('errors.serverMessage')}: </span>
          {described.message}
        </p>
      ) : (
        <p className={styles.message}>{fallback}</p>
      )}
      {onRetry && described.retryable ? (
        <button type="button" className={styles.retry} onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </section>
  )
}
