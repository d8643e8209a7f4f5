import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate } from 'react-router'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { Notice } from '@/components/Notice'
import { pickDefaultPlan } from '@/lib/defaultPlan'
import { useDocumentTitle } from '@/lib/useDocumentTitle'
import { usePlans } from '../hooks/usePlans'
import { planPath } from './anchors'

/** `/`: opens the plan in force (or the first plan); says so plainly when there is none. */
export function PlanIndexRedirect() {
  const { t } = useTranslation()
  const [result, reexecute] = usePlans()
  const retry = useCallback(() => {
    reexecute({ requestPolicy: 'network-only' })
  }, [reexecute])
  const plans = result.data?.plans
  useDocumentTitle(plans?.length === 0 ? t('plan.noPlans') : null)

  if (result.error) return <ErrorState error={result.error} onRetry={retry} />
  if (!plans) return <LoadingState />
  const plan = pickDefaultPlan(plans)
  if (plan) return <Navigate to={planPath(plan.code)} replace />
  return (
    <section>
      <h1>{t('plan.noPlans')}</h1>
      <Notice>{t('plan.noPlansBody')}</Notice>
    </section>
  )
}
