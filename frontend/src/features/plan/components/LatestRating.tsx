import { useTranslation } from 'react-i18next'
import { RatingBadge } from '@/components/RatingBadge'
import { isEvaluationStatus, isSettled } from '@/components/ratings'
import { fiscalYearLabel } from '@/lib/fiscalYear'
import { useLanguage } from '@/lib/useLanguage'
import { latestRating, type YearRating } from '../model/ratings'
import styles from './DirectionLink.module.css'

/**
 * A direction's latest rating in the plan tree: the rating's letter, colour and name, the
 * year of the evaluation it is from, and whether that evaluation is still a draft (the
 * plan office and the committee see drafts). "評価なし" when no evaluation rated it.
 * `DirectionLink` shows it after the direction; its fragment selects the ratings.
 */
export function LatestRating({ ratings }: { ratings: readonly YearRating[] }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const latest = latestRating(ratings)
  if (!latest) {
    return (
      <span className={styles.rating}>
        <RatingBadge rating={null} />
      </span>
    )
  }
  const year = fiscalYearLabel(latest.fiscalYear, language)
  const status = latest.evaluationStatus
  return (
    <span className={styles.rating}>
      <RatingBadge rating={latest.rating} />
      <span className={styles.ratingYear}>
        {isSettled(status) || !isEvaluationStatus(status)
          ? t('plan.rating.fromYear', { year })
          : t('plan.rating.fromDraft', { year, status: t(`rating.evaluationStatus.${status}`) })}
      </span>
    </span>
  )
}
