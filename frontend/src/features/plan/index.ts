/**
 * The plan feature: the plan explorer (`/plans/:code`), the direction page
 * (`/directions/:id`), the redirect from `/`, and the header's view of the current plan.
 * Other code imports the feature only through this file.
 */
export { CurrentPlanProvider } from './components/CurrentPlanProvider'
export { DirectionPage } from './components/DirectionPage'
export { CurrentPlanName, PlanNavLinks } from './components/PlanHeaderInfo'
export { PlanExplorerPage } from './components/PlanExplorerPage'
export { PlanIndexRedirect } from './components/PlanIndexRedirect'

// For other features' screens that name plans, fiscal years and reporting periods.
export { usePlans } from './hooks/usePlans'
export { usePeriodName } from './hooks/usePeriodName'
export { fiscalYearBoth, type PeriodLike } from './model/periods'
