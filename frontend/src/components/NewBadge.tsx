import { useTranslation } from 'react-i18next'
import styles from './NewBadge.module.css'

/** 新規 / New: a measure new in this plan generation (新規施策). */
export function NewBadge() {
  const { t } = useTranslation()
  return (
    <span className={styles.badge} title={t('common.newBadgeDescription')}>
      {t('common.newBadge')}
    </span>
  )
}
