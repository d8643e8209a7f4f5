import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useDocumentTitle } from '@/lib/useDocumentTitle'
import styles from './NotFoundContent.module.css'

/** The body of a page that does not exist: an `h1`, what may have happened, a way home. */
export function NotFoundContent() {
  const { t } = useTranslation()
  useDocumentTitle(t('notFound.title'))
  return (
    <section className={styles.notFound} aria-labelledby="not-found-heading">
      <h1 id="not-found-heading">{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </section>
  )
}
