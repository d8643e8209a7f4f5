import { useTranslation } from 'react-i18next'
import { useRouteError } from 'react-router'
import { useDocumentTitle } from '@/lib/useDocumentTitle'
import styles from './RouteErrorBoundary.module.css'

/** A page that threw while rendering: say so in the user's language and offer a reload. */
export function RouteErrorBoundary() {
  const { t } = useTranslation()
  const error = useRouteError()
  useDocumentTitle(t('errors.renderHeading'))
  if (import.meta.env.DEV) console.error(error)
  return (
    <section className={styles.error} aria-labelledby="render-error-heading">
      <h1 id="render-error-heading">{t('errors.renderHeading')}</h1>
      <p>{t('errors.renderMessage')}</p>
      <button
        type="button"
        className={styles.reload}
        onClick={() => {
          window.location.reload()
        }}
      >
        {t('errors.reload')}
      </button>
    </section>
  )
}
