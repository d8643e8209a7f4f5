import { fiscalYearOf } from './fiscalYear'

interface PlanPeriod {
  code: string
  startFiscalYear: number
  endFiscalYear: number
}

/**
 * The plan `/` opens: the first plan (oldest first, as the API lists them) whose period
 * contains today's fiscal year, or else the first plan. With several plan generations this
 * keeps `/` on the plan in force; with one plan it is that plan.
 */
export function pickDefaultPlan<P extends PlanPeriod>(plans: readonly P[], today: Date = new Date()): P | undefined {
  const fiscalYear = fiscalYearOf(today)
  return (
    plans.find((plan) => plan.startFiscalYear <= fiscalYear && fiscalYear <= plan.endFiscalYear) ??
    plans[0]
  )
}
