/**
 * Element ids of the report editor's fields, and the way from an API input path
 * (`resultsSummary`, `activities[0].figures[1].planned`, as `missingForSubmission` and
 * field errors name them) to the element that shows that field.
 */

export const FIELD_IDS = {
  activities: 'report-activities',
  addActivity: 'report-activity-add',
  resultsSummary: 'report-results-summary',
  selfRating: 'report-self-rating',
  ratingReason: 'report-rating-reason',
  issues: 'report-issues',
  nextStep: 'report-next-step',
  nextStepReason: 'report-next-step-reason',
  indicatorIds: 'report-indicators',
} as const

export type ActivityPart = 'title' | 'description' | 'actor'
export type FigurePart = 'name' | 'unit' | 'planned' | 'actual'

export function activityId(index: number, part: ActivityPart): string {
  return `report-activity-${String(index)}-${part}`
}

export function figureId(activity: number, figure: number, part: FigurePart): string {
  return `report-activity-${String(activity)}-figure-${String(figure)}-${part}`
}

export function addFigureId(activity: number): string {
  return `report-activity-${String(activity)}-figure-add`
}

const FIGURE = /^activities\[(\d+)\]\.figures\[(\d+)\](?:\.(name|unit|planned|actual))?$/
const FIGURES = /^activities\[(\d+)\]\.figures$/
const ACTIVITY = /^activities\[(\d+)\](?:\.(title|description|actor))?$/

/**
 * The element that shows the field at `path` (the activities' "add" button for the list
 * itself); null for a path the editor does not show (`id`).
 */
export function fieldIdForPath(path: string): string | null {
  const figure = FIGURE.exec(path)
  if (figure) return figureId(Number(figure[1]), Number(figure[2]), (figure[3] ?? 'name') as FigurePart)
  const figures = FIGURES.exec(path)
  if (figures) return addFigureId(Number(figures[1]))
  const activity = ACTIVITY.exec(path)
  if (activity) return activityId(Number(activity[1]), (activity[2] ?? 'title') as ActivityPart)
  if (path.startsWith('activities')) return FIELD_IDS.addActivity
  if (Object.hasOwn(FIELD_IDS, path)) return FIELD_IDS[path as keyof typeof FIELD_IDS]
  return null
}
