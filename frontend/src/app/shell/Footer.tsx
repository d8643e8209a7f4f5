import { useTranslation } from 'react-i18next'
import styles from './Footer.module.css'

export function Footer() {
  const { t } = useTranslation()
  return (
    <footer className={styles.footer}>
      <div className={styles.inner}>
        <p className={styles.product}>
          <span lang="ja">{t('app.name')}</span> <span lang="en">{t('app.nameLatin')}</span>
        </p>
        <p>{t('app.footerAbout')}</p>
        <p>{t('app.footerData')}</p>
      </div>
    </footer>
  )
}
