import { useTranslation } from 'react-i18next'
import { isRating } from '../model/format'

/** `A（達成）` for running text; `評価なし` for no rating. */
export function useRatingText(): (rating: string | null | undefined) => string {
  const { t } = useTranslation()
  return (rating) =>
    isRating(rating)
      ? t('evaluation.ratings.withLetter', { rating, label: t(`evaluation.ratings.${rating}`) })
      : t('evaluation.ratings.none')
}
