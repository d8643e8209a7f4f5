import { useCallback } from 'react'
import { useSearchParams } from 'react-router'
import { useQuery } from 'urql'
import { pickDefaultPlan } from '@/lib/defaultPlan'
import { AdminPlansQuery } from '../api/ownership'

/**
 * The plan an administration page works on: `?plan=<code>` when given and known, else the
 * plan in force (or the first). The pages offer a choice only when there are several plans.
 */
export function usePlanChoice() {
  const [result, reexecute] = useQuery({ query: AdminPlansQuery })
  const [search, setSearch] = useSearchParams()
  const retry = useCallback(() => {
    reexecute({ requestPolicy: 'network-only' })
  }, [reexecute])
  const plans = result.data?.plans ?? null
  const wanted = search.get('plan')
  const plan = plans ? (plans.find((p) => p.code === wanted) ?? pickDefaultPlan(plans) ?? null) : null
  const choose = useCallback(
    (code: string) => {
      setSearch(
        (before) => {
          const next = new URLSearchParams(before)
          next.set('plan', code)
          return next
        },
        { replace: true },
      )
    },
    [setSearch],
  )
  return { plans, plan, error: result.error, retry, choose }
}
