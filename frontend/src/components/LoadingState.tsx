import { useTranslation } from 'react-i18next'
import { cx } from '@/lib/cx'
import styles from './LoadingState.module.css'

/** A skeleton while data loads, announced once as "loading" to assistive technology. */
export function LoadingState({ lines = 6 }: { lines?: number }) {
  const { t } = useTranslation()
  return (
    <div role="status" className={styles.loading}>
      <span className="visually-hidden">{t('common.loading')}</span>
      <div aria-hidden="true" className={styles.skeleton}>
        <div className={cx(styles.bar, styles.title)} />
        {Array.from({ length: lines }, (_, i) => (
          <div key={i} className={styles.bar} style={{ width: `${String(90 - ((i * 17) % 40))}%` }} />
        ))}
      </div>
    </div>
  )
}
