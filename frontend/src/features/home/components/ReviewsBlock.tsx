import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useQuery } from 'urql'
import { Notice } from '@/components/Notice'
import { useLanguage } from '@/lib/useLanguage'
import { HomeReviewQueueQuery } from '../api/operations'
import { formatEraDay, japanDayOf } from '../model/dates'
import { reviewSummary, type ReviewSummary } from '../model/todo'
import { Block, BlockData } from './Block'
import styles from './HomePage.module.css'

/**
 * For the people who review (department managers, the plan office, the Council's
 * coordinators): how many reports wait for them and the longest wait, linking to `/reviews`.
 */
export function ReviewsBlock() {
  const { t } = useTranslation()
  const [result, reexecute] = useQuery({ query: HomeReviewQueueQuery, requestPolicy: 'cache-and-network' })
  const retry = useCallback(() => {
    reexecute({ requestPolicy: 'network-only' })
  }, [reexecute])
  return (
    <Block id="home-reviews" title={t('home.reviews.heading')}>
      <BlockData data={result.data?.reviewQueue} error={result.error} retry={retry}>
        {(queue) => <Waiting summary={reviewSummary(queue)} />}
      </BlockData>
    </Block>
  )
}

function Waiting({ summary }: { summary: ReviewSummary }) {
  const { t } = useTranslation()
  const language = useLanguage()
  if (!summary.longest) {
    return (
      <Notice title={t('home.reviews.emptyTitle')}>
        <p>{t('home.reviews.emptyBody')}</p>
      </Notice>
    )
  }
  const since = japanDayOf(summary.longest.since)
  const wait =
    summary.longest.days < 1 ? t('home.reviews.lessThanADay') : t('home.reviews.days', { count: summary.longest.days })
  return (
    <>
      <p className={styles.summary}>{t('home.reviews.summary', { count: summary.count })}</p>
      <p>
        {t('home.reviews.longest', { wait })}
        {since ? <span className={styles.note}>{t('home.reviews.since', { date: formatEraDay(since, language) })}</span> : null}
      </p>
      <p>
        <Link to="/reviews" className={styles.primaryLink}>
          {t('home.reviews.open')}
        </Link>
      </p>
    </>
  )
}
