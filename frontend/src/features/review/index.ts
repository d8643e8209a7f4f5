/**
 * The review feature, for the people who review reports: the department managers (課長確認),
 * the plan office and the Council's coordinators.
 *
 * - `ReviewQueuePage`: `/reviews`, what waits for the viewer, with the plan office's bulk
 *   accept and return.
 * - `ReviewActionBar`: the review steps the server offers on one report (sign off, accept,
 *   return with a reason). Mount it on a report's page with `{ id, status, availableActions }`.
 * - `ChangesSinceReturn`: the last two submissions compared part by part; it loads the
 *   revisions itself from the report's id (`ChangesSinceReturnPanel` takes them as a prop).
 *
 * Other code imports the feature only through this file.
 */
export { ChangesSinceReturn, ChangesSinceReturnPanel, type ChangesSinceReturnProps } from './components/ChangesSinceReturn'
export { ReviewActionBar, type ReviewActionBarProps } from './components/ReviewActionBar'
export { ReviewQueuePage } from './components/ReviewQueuePage'
export type { ReviewStep } from './components/StepDialog'
