import { useTranslation } from 'react-i18next'
import { fiscalYearLabel } from '@/lib/fiscalYear'
import { useLanguage } from '@/lib/useLanguage'
import { formatShare, type IndicatorProgress } from '../model/indicatorProgress'
import styles from './IndicatorTable.module.css'

/**
 * An indicator's progress in words (achievement, the straight path's share in the same year,
 * how they compare) and as a bar with the straight path marked, which only repeats the words.
 */
export function IndicatorProgressCell({ progress }: { progress: IndicatorProgress | null }) {
  const { t } = useTranslation()
  const language = useLanguage()
  if (!progress) return <span className={styles.year}>{t('plan.progress.none')}</span>
  const percent = (share: number) => formatShare(share, language)
  const clamp = (share: number) => `${String(Math.min(100, Math.max(0, share * 100)))}%`
  return (
    <div className={styles.progress}>
      <span className={styles.value}>
        {progress.achievement === null
          ? t('plan.progress.noAchievement')
          : t('plan.progress.achievement', { value: percent(progress.achievement) })}
      </span>
      <span className={styles.year}>{t('plan.progress.asOf', { year: fiscalYearLabel(progress.fiscalYear, language) })}</span>
      {progress.achievement !== null ? (
        <span className={styles.bar} aria-hidden="true">
          <span className={styles.barFill} style={{ width: clamp(progress.achievement) }} />
          <span className={styles.barMark} style={{ left: clamp(progress.expectedShare) }} />
        </span>
      ) : null}
      <span className={styles.year}>{t('plan.progress.expected', { value: percent(progress.expectedShare) })}</span>
      <strong className={styles.standing}>{t(`plan.progress.standing.${progress.standing}`)}</strong>
    </div>
  )
}
