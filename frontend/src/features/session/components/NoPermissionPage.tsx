import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useDocumentTitle } from '@/lib/useDocumentTitle'
import styles from './SessionPages.module.css'

/** Shown to a signed-in person who opens a page their roles do not allow. */
export function NoPermissionPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('access.noPermissionTitle'))
  return (
    <section className={styles.page} aria-labelledby="no-permission-heading">
      <h1 id="no-permission-heading">{t('access.noPermissionTitle')}</h1>
      <p>{t('access.noPermissionBody')}</p>
      <p>
        <Link to="/home">{t('access.home')}</Link>
      </p>
    </section>
  )
}
