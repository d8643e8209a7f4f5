/**
 * Direction ratings (自己評価 A–D, as the annual evaluation decides them) and evaluation
 * statuses: the API's enum values, for `RatingBadge` and the screens that show them. The
 * names people read are under `rating` in the locale files.
 */

export const RATINGS = ['A', 'B', 'C', 'D'] as const
export type Rating = (typeof RATINGS)[number]

export function isRating(value: unknown): value is Rating {
  return typeof value === 'string' && (RATINGS as readonly string[]).includes(value)
}

export const EVALUATION_STATUSES = ['DRAFT', 'IN_COMMITTEE', 'FINALIZED', 'PUBLISHED'] as const
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number]

export function isEvaluationStatus(value: unknown): value is EvaluationStatus {
  return typeof value === 'string' && (EVALUATION_STATUSES as readonly string[]).includes(value)
}

/** Whether an evaluation's ratings are settled (finalised or published), not a draft still under discussion. */
export function isSettled(status: string): boolean {
  return status === 'FINALIZED' || status === 'PUBLISHED'
}
