/** The parts of a report (the API's `ReportField`), in the order of the report form. */
export const REPORT_FIELDS = [
  'ACTIVITIES',
  'RESULTS_SUMMARY',
  'SELF_RATING',
  'RATING_REASON',
  'ISSUES',
  'NEXT_STEP',
  'NEXT_STEP_REASON',
  'INDICATORS',
] as const

export type ReportField = (typeof REPORT_FIELDS)[number]

export function isReportField(value: unknown): value is ReportField {
  return typeof value === 'string' && (REPORT_FIELDS as readonly string[]).includes(value)
}

/** Known fields only, without repeats, in form order. */
export function inFormOrder(fields: readonly string[]): ReportField[] {
  return REPORT_FIELDS.filter((field) => fields.includes(field))
}

export const SELF_RATINGS = ['A', 'B', 'C', 'D'] as const
export type SelfRating = (typeof SELF_RATINGS)[number]

export function isSelfRating(value: unknown): value is SelfRating {
  return typeof value === 'string' && (SELF_RATINGS as readonly string[]).includes(value)
}

export const NEXT_STEPS = ['EXPAND', 'CONTINUE', 'REVISE', 'REDUCE', 'ABOLISH'] as const
export type NextStep = (typeof NEXT_STEPS)[number]

export function isNextStep(value: unknown): value is NextStep {
  return typeof value === 'string' && (NEXT_STEPS as readonly string[]).includes(value)
}

export const ACTIVITY_ACTORS = ['CITY', 'COUNCIL', 'JOINT'] as const
export type ActivityActor = (typeof ACTIVITY_ACTORS)[number]

export function isActivityActor(value: unknown): value is ActivityActor {
  return typeof value === 'string' && (ACTIVITY_ACTORS as readonly string[]).includes(value)
}
