import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useParams } from 'react-router'
import { useQuery } from 'urql'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { NotFoundContent } from '@/components/NotFoundContent'
import { Notice } from '@/components/Notice'
import { useSignedInUser } from '@/features/session'
import { pickDefaultPlan } from '@/lib/defaultPlan'
import { fiscalYearOf } from '@/lib/fiscalYear'
import { useDocumentTitle } from '@/lib/useDocumentTitle'
import { EVALUATION_TYPENAMES, EvaluationPlansQuery, EvaluationYearsQuery } from '../api/operations'
import { abilities } from '../model/permissions'
import { defaultYear, evaluationPath, yearLinks } from '../model/years'

const CONTEXT = { additionalTypenames: EVALUATION_TYPENAMES }

/**
 * `/evaluations` and `/evaluations/:planCode`: opens the newest evaluation the reader may
 * see (for the plan office, the newest plan year, to compile it) of the plan named, or of
 * the plan in force.
 */
export function EvaluationIndexRedirect() {
  const { planCode } = useParams()
  const { t } = useTranslation()
  const user = useSignedInUser()
  const [plansResult, reexecutePlans] = useQuery({ query: EvaluationPlansQuery })
  const plans = plansResult.data?.plans
  const plan = plans ? (planCode === undefined ? pickDefaultPlan(plans) : plans.find((p) => p.code === planCode)) : undefined
  const [yearsResult, reexecuteYears] = useQuery({
    query: EvaluationYearsQuery,
    variables: { planId: plan?.id ?? '' },
    pause: !plan,
    context: CONTEXT,
  })
  const retry = useCallback(() => {
    reexecutePlans({ requestPolicy: 'network-only' })
    reexecuteYears({ requestPolicy: 'network-only' })
  }, [reexecutePlans, reexecuteYears])
  const evaluations = yearsResult.data?.annualEvaluations
  const links =
    plan && evaluations
      ? yearLinks(plan, evaluations, { includeUncompiled: abilities(user, null).compile, currentFiscalYear: fiscalYearOf(new Date()) })
      : null
  const year = links ? defaultYear(links) : null
  useDocumentTitle(links && year === null ? t('evaluation.nav') : null)

  const error = plansResult.error ?? yearsResult.error
  if (error) return <ErrorState error={error} onRetry={retry} />
  if (!plans) return <LoadingState />
  if (!plan) return <NotFoundContent />
  if (!links) return <LoadingState />
  if (year !== null) return <Navigate to={evaluationPath(plan.code, year)} replace />
  return (
    <section>
      <h1>{t('evaluation.nav')}</h1>
      <Notice>{t('evaluation.notPublished.noneYet')}</Notice>
    </section>
  )
}
