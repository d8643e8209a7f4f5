import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { useQuery } from 'urql'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { NotFoundContent } from '@/components/NotFoundContent'
import { useDocumentTitle } from '@/lib/useDocumentTitle'
import { useLanguage } from '@/lib/useLanguage'
import { useScrollToHash } from '@/lib/useScrollToHash'
import { PlanExplorerQuery } from '../api/queries'
import { useAnnounceCurrentPlan } from '../hooks/currentPlan'
import { INDICATORS_ANCHOR, STRUCTURE_ANCHOR } from './anchors'
import { IndicatorSection } from './IndicatorSection'
import { PlanSummary } from './PlanSummary'
import { PlanTree } from './PlanTree'
import styles from './PlanExplorerPage.module.css'

/** `/plans/:code`: the plan's summary, its goal → policy → direction tree and its indicators. */
export function PlanExplorerPage() {
  const { code = '' } = useParams()
  const { t } = useTranslation()
  const language = useLanguage()
  const [result, reexecute] = useQuery({ query: PlanExplorerQuery, variables: { code } })
  const plan = result.data?.plan

  useAnnounceCurrentPlan(plan?.code)
  useDocumentTitle(plan ? (language === 'en' ? plan.nameEn : plan.nameJa) : null)
  useScrollToHash(Boolean(plan))
  const retry = useCallback(() => {
    reexecute({ requestPolicy: 'network-only' })
  }, [reexecute])

  if (result.error) return <ErrorState error={result.error} onRetry={retry} />
  if (!plan) return result.fetching || !result.data ? <LoadingState /> : <NotFoundContent />

  return (
    <div className={styles.page}>
      <PlanSummary plan={plan} />
      <nav className={styles.toc} aria-label={t('plan.onThisPage')}>
        <ul>
          <li>
            <a href={`#${STRUCTURE_ANCHOR}`}>{t('nav.structure')}</a>
          </li>
          <li>
            <a href={`#${INDICATORS_ANCHOR}`}>{t('nav.indicators')}</a>
          </li>
        </ul>
      </nav>
      <PlanTree plan={plan} headingId={STRUCTURE_ANCHOR} />
      <IndicatorSection plan={plan} headingId={INDICATORS_ANCHOR} />
    </div>
  )
}
