/**
 * What a writer changed after a return: the last two submissions (`revisions`, oldest
 * first) compared part by part. Text parts compare as written (a missing value and an empty
 * one are the same); activities are matched by title, so a reviewer sees which activities
 * were added, removed or rewritten.
 */
import type { ReportField } from './fields'

export interface FigureLike {
  name: string
  unit: string
  planned?: number | null
  actual?: number | null
}

export interface ActivityLike {
  title: string
  description: string
  actor?: string | null
  figures: readonly FigureLike[]
}

export interface RevisionLike {
  number: number
  createdAt: string
  activities: readonly ActivityLike[]
  resultsSummary?: string | null
  selfRating?: string | null
  ratingReason?: string | null
  issues?: string | null
  nextStep?: string | null
  nextStepReason?: string | null
}

/** The parts compared as single values, in form order. */
export const COMPARED_FIELDS = [
  'RESULTS_SUMMARY',
  'SELF_RATING',
  'RATING_REASON',
  'ISSUES',
  'NEXT_STEP',
  'NEXT_STEP_REASON',
] as const satisfies readonly ReportField[]

export type ComparedField = (typeof COMPARED_FIELDS)[number]

const VALUE_OF: Record<ComparedField, (revision: RevisionLike) => string | null | undefined> = {
  RESULTS_SUMMARY: (r) => r.resultsSummary,
  SELF_RATING: (r) => r.selfRating,
  RATING_REASON: (r) => r.ratingReason,
  ISSUES: (r) => r.issues,
  NEXT_STEP: (r) => r.nextStep,
  NEXT_STEP_REASON: (r) => r.nextStepReason,
}

export interface FieldComparison {
  field: ComparedField
  /** The value in the returned revision; null when it was empty. */
  before: string | null
  after: string | null
  changed: boolean
}

export type ActivityChangeKind = 'added' | 'removed' | 'changed' | 'unchanged'

export interface ActivityComparison {
  /** The title as written (in the newer revision, when it is there). */
  title: string
  kind: ActivityChangeKind
  before: ActivityLike | null
  after: ActivityLike | null
  /** For activities in both: which of their parts differ. */
  descriptionChanged: boolean
  actorChanged: boolean
  figuresChanged: boolean
}

export interface RevisionComparison {
  before: { number: number; createdAt: string }
  after: { number: number; createdAt: string }
  fields: FieldComparison[]
  activities: ActivityComparison[]
  /** The same activities in a different order. */
  activitiesReordered: boolean
  /** Every changed part, in form order (ACTIVITIES first when any activity changed). */
  changed: ReportField[]
}

function text(value: string | null | undefined): string | null {
  return value == null || value === '' ? null : value
}

const titleKey = (title: string) => title.trim()

function sameFigures(a: readonly FigureLike[], b: readonly FigureLike[]): boolean {
  return (
    a.length === b.length &&
    a.every((figure, index) => {
      const other = b[index]
      return (
        figure.name === other?.name &&
        figure.unit === other.unit &&
        (figure.planned ?? null) === (other.planned ?? null) &&
        (figure.actual ?? null) === (other.actual ?? null)
      )
    })
  )
}

function compareActivity(before: ActivityLike, after: ActivityLike): ActivityComparison {
  const descriptionChanged = before.description !== after.description
  const actorChanged = (before.actor ?? null) !== (after.actor ?? null)
  const figuresChanged = !sameFigures(before.figures, after.figures)
  return {
    title: after.title,
    kind: descriptionChanged || actorChanged || figuresChanged ? 'changed' : 'unchanged',
    before,
    after,
    descriptionChanged,
    actorChanged,
    figuresChanged,
  }
}

/**
 * Activities matched by title (trimmed): repeated titles pair up in order. The list follows
 * the newer revision; activities that were removed come after it, in their old order.
 */
export function compareActivities(
  before: readonly ActivityLike[],
  after: readonly ActivityLike[],
): { activities: ActivityComparison[]; reordered: boolean } {
  const unmatched = new Map<string, { activity: ActivityLike; index: number }[]>()
  before.forEach((activity, index) => {
    const key = titleKey(activity.title)
    unmatched.set(key, [...(unmatched.get(key) ?? []), { activity, index }])
  })
  const matchedOldIndexes: number[] = []
  const activities: ActivityComparison[] = after.map((activity) => {
    const candidates = unmatched.get(titleKey(activity.title))
    const match = candidates?.shift()
    if (!match) {
      return {
        title: activity.title,
        kind: 'added',
        before: null,
        after: activity,
        descriptionChanged: false,
        actorChanged: false,
        figuresChanged: false,
      }
    }
    matchedOldIndexes.push(match.index)
    return compareActivity(match.activity, activity)
  })
  const removed = [...unmatched.values()]
    .flat()
    .sort((a, b) => a.index - b.index)
    .map(({ activity }) => ({
      title: activity.title,
      kind: 'removed' as const,
      before: activity,
      after: null,
      descriptionChanged: false,
      actorChanged: false,
      figuresChanged: false,
    }))
  const reordered = matchedOldIndexes.some((index, i) => i > 0 && index < (matchedOldIndexes[i - 1] ?? -1))
  return { activities: [...activities, ...removed], reordered }
}

export function compareRevisions(before: RevisionLike, after: RevisionLike): RevisionComparison {
  const fields = COMPARED_FIELDS.map((field) => {
    const old = text(VALUE_OF[field](before))
    const now = text(VALUE_OF[field](after))
    return { field, before: old, after: now, changed: old !== now }
  })
  const { activities, reordered } = compareActivities(before.activities, after.activities)
  const activitiesChanged = reordered || activities.some((activity) => activity.kind !== 'unchanged')
  return {
    before: { number: before.number, createdAt: before.createdAt },
    after: { number: after.number, createdAt: after.createdAt },
    fields,
    activities,
    activitiesReordered: reordered,
    changed: [...(activitiesChanged ? (['ACTIVITIES'] as const) : []), ...fields.filter((f) => f.changed).map((f) => f.field)],
  }
}

/**
 * The last two revisions compared (the one that was returned, and the resubmission), or
 * null when the report was submitted only once. Revisions are sorted by number first, so
 * the order the server lists them in does not matter.
 */
export function compareLastRevisions(revisions: readonly RevisionLike[]): RevisionComparison | null {
  const sorted = [...revisions].sort((a, b) => a.number - b.number)
  const after = sorted.at(-1)
  const before = sorted.at(-2)
  return before && after ? compareRevisions(before, after) : null
}
