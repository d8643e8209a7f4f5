import { useTranslation } from 'react-i18next'
import styles from './Reports.module.css'

/** "Still as copied from last period": a reminder to revisit the part. */
export function UnchangedMark() {
  const { t } = useTranslation()
  return <span className={styles.unchanged}>{t('reports.unchangedSinceCopy')}</span>
}
