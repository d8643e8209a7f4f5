import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Notice } from '@/components/Notice'
import { EvaluationStatusText, RatingBadge } from '@/components/RatingBadge'
import { type FragmentType, getFragmentData, graphql } from '@/gql'
import { useLanguage } from '@/lib/useLanguage'
import { fiscalYearBoth } from '../model/periods'
import { newestFirst } from '../model/ratings'
import styles from './DirectionPage.module.css'

const DirectionRatingsFragment = graphql(`
  fragment DirectionRatings_direction on PolicyDirection {
    code
    plan {
      code
    }
    ratings {
      fiscalYear
      evaluationStatus
      rating
    }
  }
`)

/**
 * The direction's rating in each year's evaluation the reader may see (the public: the
 * published ones), newest first, each linking to that year's evaluation page.
 */
export function DirectionRatings(props: { direction: FragmentType<typeof DirectionRatingsFragment>; signedIn: boolean }) {
  const direction = getFragmentData(DirectionRatingsFragment, props.direction)
  const { t } = useTranslation()
  const language = useLanguage()
  if (direction.ratings.length === 0) {
    return (
      <Notice title={t('direction.ratings.emptyTitle')}>
        <p>{props.signedIn ? t('direction.ratings.emptyBody') : t('direction.ratings.emptyBodyPublic')}</p>
      </Notice>
    )
  }
  const captionId = `direction-ratings-caption`
  return (
    <div className={styles.scroll} role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={styles.table}>
        <caption id={captionId} className="visually-hidden">
          {t('direction.ratings.caption', { code: direction.code })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('direction.ratings.year')}</th>
            <th scope="col">{t('direction.ratings.rating')}</th>
            <th scope="col">{t('direction.ratings.status')}</th>
            <th scope="col">{t('direction.ratings.evaluation')}</th>
          </tr>
        </thead>
        <tbody>
          {newestFirst(direction.ratings).map((entry) => {
            const year = fiscalYearBoth(entry.fiscalYear, language)
            return (
              <tr key={entry.fiscalYear}>
                <th scope="row" className={styles.nowrap}>
                  {year}
                </th>
                <td>
                  <RatingBadge rating={entry.rating} />
                </td>
                <td>
                  <EvaluationStatusText status={entry.evaluationStatus} />
                </td>
                <td>
                  <Link to={`/evaluations/${encodeURIComponent(direction.plan.code)}/${String(entry.fiscalYear)}`}>
                    {t('direction.ratings.open', { year })}
                  </Link>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
