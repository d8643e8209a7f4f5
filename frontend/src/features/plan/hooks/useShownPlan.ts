import { useMatch } from 'react-router'
import { useCurrentPlanCode } from './currentPlan'
import { usePlans } from './usePlans'

/**
 * The plan the header is about: the one in the URL (`/plans/:code`), else the one the page
 * announced (a direction page), else the first plan. With `exact`, a URL naming an unknown
 * plan gives nothing instead of falling back (the header must not name the wrong plan).
 */
export function useShownPlan({ exact = false }: { exact?: boolean } = {}) {
  const [{ data }] = usePlans()
  const match = useMatch('/plans/:code')
  const announced = useCurrentPlanCode()
  const plans = data?.plans ?? []
  const inUrl = match?.params.code
  const byCode = (code: string | null | undefined) => plans.find((plan) => plan.code === code)
  if (inUrl !== undefined) return byCode(inUrl) ?? (exact ? undefined : (byCode(announced) ?? plans[0]))
  return byCode(announced) ?? plans[0]
}
