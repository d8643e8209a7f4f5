import { useId, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { cx } from '@/lib/cx'
import { EVALUATION_STATUSES, isEvaluationStatus, isRating, RATINGS } from './ratings'
import styles from './RatingBadge.module.css'

/**
 * A direction's rating: the letter on its colour and the rating's name beside it (never the
 * colour alone), in the colours of the annual evaluation. No rating is a dashed box and
 * "評価なし".
 */
export function RatingBadge({ rating, className }: { rating: string | null | undefined; className?: string }) {
  const { t } = useTranslation()
  if (!isRating(rating)) {
    return (
      <span className={cx(styles.rating, className)} data-rating="none">
        <span className={cx(styles.letter, styles.none)} aria-hidden="true">
          –
        </span>
        <span>{t('rating.none')}</span>
      </span>
    )
  }
  return (
    <span className={cx(styles.rating, className)} data-rating={rating}>
      <span className={cx(styles.letter, styles[rating])}>{rating}</span>
      <span>{t(`rating.${rating}`)}</span>
    </span>
  )
}

/** What each rating colour means: A–D with their names, and "no rating"; titled by `title`. */
export function RatingLegend({ title, children }: { title: string; children?: ReactNode }) {
  const { t } = useTranslation()
  const id = useId()
  return (
    <div className={styles.legend}>
      <p id={id} className={styles.legendTitle}>
        {title}
      </p>
      <ul className={styles.legendList} aria-labelledby={id}>
        {RATINGS.map((rating) => (
          <li key={rating} className={styles.legendItem}>
            <span className={cx(styles.letter, styles[rating])}>{rating}</span>
            {t(`rating.${rating}`)}
          </li>
        ))}
        <li className={styles.legendItem}>
          <span className={cx(styles.letter, styles.none)} aria-hidden="true">
            –
          </span>
          {t('rating.none')}
        </li>
      </ul>
      {children}
    </div>
  )
}

/** An evaluation's status (作成中, 委員会審議中, 確定, 公表済み) as a small badge with its name. */
export function EvaluationStatusText({ status }: { status: string }) {
  const { t } = useTranslation()
  const known = EVALUATION_STATUSES.find((s) => s === status)
  return (
    <span className={cx(styles.status, known && styles[`status${known}`])}>
      {isEvaluationStatus(status) ? t(`rating.evaluationStatus.${status}`) : status}
    </span>
  )
}
