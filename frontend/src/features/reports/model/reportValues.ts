/**
 * A report's content as the editor holds it, and the arithmetic on it: converting from
 * the API's answer and to its input, which fields differ, the patch that saves only what
 * changed, and the three-way merge used when someone else saved first.
 *
 * The editor keeps text exactly as typed (numbers too, so "1,2" stays on screen while it
 * is being corrected); comparisons go through the API form, where the server's own rules
 * apply: a blank text is no text (`null`), and linked indicators are a set.
 */

export const ACTIVITY_ACTORS = ['CITY', 'COUNCIL', 'JOINT'] as const
export type ActivityActor = (typeof ACTIVITY_ACTORS)[number]

export const SELF_RATINGS = ['A', 'B', 'C', 'D'] as const
export type SelfRating = (typeof SELF_RATINGS)[number]

export const NEXT_STEPS = ['EXPAND', 'CONTINUE', 'REVISE', 'REDUCE', 'ABOLISH'] as const
export type NextStep = (typeof NEXT_STEPS)[number]

/** The API's `ReportField`, in form order. */
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

export interface FigureValues {
  /** For React lists only; never sent. */
  key: string
  name: string
  unit: string
  planned: string
  actual: string
}

export interface ActivityValues {
  /** For React lists only; never sent. */
  key: string
  title: string
  description: string
  actor: ActivityActor | ''
  figures: FigureValues[]
}

export interface ReportValues {
  activities: ActivityValues[]
  resultsSummary: string
  selfRating: SelfRating | ''
  ratingReason: string
  issues: string
  nextStep: NextStep | ''
  nextStepReason: string
  indicatorIds: string[]
}

/** The content parts of a `StatusReport`, as the API answers them. */
export interface ReportContent {
  activities: readonly {
    title: string
    description: string
    actor?: string | null
    figures: readonly { name: string; unit: string; planned?: number | null; actual?: number | null }[]
  }[]
  resultsSummary?: string | null
  selfRating?: string | null
  ratingReason?: string | null
  issues?: string | null
  nextStep?: string | null
  nextStepReason?: string | null
  indicators: readonly { id: string }[]
}

/** The API's `ReportInput` (every field optional: an omitted one stays as it is). */
export interface ReportInput {
  activities?: {
    title: string
    description: string
    actor: ActivityActor | null
    figures: { name: string; unit: string; planned: number | null; actual: number | null }[]
  }[]
  resultsSummary?: string | null
  selfRating?: SelfRating | null
  ratingReason?: string | null
  issues?: string | null
  nextStep?: NextStep | null
  nextStepReason?: string | null
  indicatorIds?: string[]
}

let serial = 0

/** A key for a new activity or figure, unique on this page. */
export function newKey(prefix: 'a' | 'f'): string {
  serial += 1
  return `${prefix}${String(serial)}`
}

function oneOf<T extends string>(choices: readonly T[], value: string | null | undefined): T | '' {
  return value != null && (choices as readonly string[]).includes(value) ? (value as T) : ''
}

function numberText(value: number | null | undefined): string {
  return value == null ? '' : String(value)
}

export function emptyFigure(): FigureValues {
  return { key: newKey('f'), name: '', unit: '', planned: '', actual: '' }
}

export function emptyActivity(): ActivityValues {
  return { key: newKey('a'), title: '', description: '', actor: '', figures: [] }
}

/** The editor's values for a report as the API answered it. */
export function valuesFromReport(report: ReportContent): ReportValues {
  return {
    activities: report.activities.map((activity) => ({
      key: newKey('a'),
      title: activity.title,
      description: activity.description,
      actor: oneOf(ACTIVITY_ACTORS, activity.actor),
      figures: activity.figures.map((figure) => ({
        key: newKey('f'),
        name: figure.name,
        unit: figure.unit,
        planned: numberText(figure.planned),
        actual: numberText(figure.actual),
      })),
    })),
    resultsSummary: report.resultsSummary ?? '',
    selfRating: oneOf(SELF_RATINGS, report.selfRating),
    ratingReason: report.ratingReason ?? '',
    issues: report.issues ?? '',
    nextStep: oneOf(NEXT_STEPS, report.nextStep),
    nextStepReason: report.nextStepReason ?? '',
    indicatorIds: report.indicators.map((indicator) => indicator.id),
  }
}

/**
 * A figure as typed: `''` is no value, full-width digits and thousands separators are
 * read as people write them (`１，２３４．５` is 1234.5), anything else is not a number.
 */
export function parseFigure(text: string): number | null | 'invalid' {
  const normalized = text.normalize('NFKC').replace(/[,\s]/g, '').replace(/^−/, '-')
  if (normalized === '') return null
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normalized)) return 'invalid'
  const value = Number(normalized)
  return Number.isFinite(value) ? value : 'invalid'
}

/** No text is `null`, as the server stores it. */
function text(value: string): string | null {
  return value.trim() === '' ? null : value
}

/** Every part of the input, in the API's form. A figure that is not a number is sent as none. */
export function toInput(values: ReportValues): Required<ReportInput> {
  const figure = (value: string) => {
    const parsed = parseFigure(value)
    return parsed === 'invalid' ? null : parsed
  }
  return {
    activities: values.activities.map((activity) => ({
      title: activity.title,
      description: activity.description,
      actor: activity.actor === '' ? null : activity.actor,
      figures: activity.figures.map((f) => ({
        name: f.name,
        unit: f.unit,
        planned: figure(f.planned),
        actual: figure(f.actual),
      })),
    })),
    resultsSummary: text(values.resultsSummary),
    selfRating: values.selfRating === '' ? null : values.selfRating,
    ratingReason: text(values.ratingReason),
    issues: text(values.issues),
    nextStep: values.nextStep === '' ? null : values.nextStep,
    nextStepReason: text(values.nextStepReason),
    indicatorIds: values.indicatorIds,
  }
}

/** Which input key holds each field. */
const INPUT_KEY: Record<ReportField, keyof ReportInput> = {
  ACTIVITIES: 'activities',
  RESULTS_SUMMARY: 'resultsSummary',
  SELF_RATING: 'selfRating',
  RATING_REASON: 'ratingReason',
  ISSUES: 'issues',
  NEXT_STEP: 'nextStep',
  NEXT_STEP_REASON: 'nextStepReason',
  INDICATORS: 'indicatorIds',
}

/** A field's value in a form that compares equal exactly when the server would store the same. */
function comparable(input: Required<ReportInput>, field: ReportField): string {
  if (field === 'INDICATORS') return JSON.stringify([...new Set(input.indicatorIds)].sort())
  return JSON.stringify(input[INPUT_KEY[field]])
}

/** The fields whose content differs between `a` and `b`, in form order. */
export function changedFields(a: ReportValues, b: ReportValues): ReportField[] {
  const left = toInput(a)
  const right = toInput(b)
  return REPORT_FIELDS.filter((field) => comparable(left, field) !== comparable(right, field))
}

/**
 * What to send to turn `base` (the server's content) into `values`: only the fields that
 * changed, a cleared text as `null`. Empty when there is nothing to save.
 */
export function buildPatch(base: ReportValues, values: ReportValues): ReportInput {
  const input = toInput(values)
  const patch: Record<string, unknown> = {}
  for (const field of changedFields(base, values)) {
    const key = INPUT_KEY[field]
    patch[key] = input[key]
  }
  return patch
}

/** Whether a patch has anything in it. */
export function isEmptyPatch(patch: ReportInput): boolean {
  return Object.keys(patch).length === 0
}

const VALUE_KEY: Record<ReportField, keyof ReportValues> = {
  ACTIVITIES: 'activities',
  RESULTS_SUMMARY: 'resultsSummary',
  SELF_RATING: 'selfRating',
  RATING_REASON: 'ratingReason',
  ISSUES: 'issues',
  NEXT_STEP: 'nextStep',
  NEXT_STEP_REASON: 'nextStepReason',
  INDICATORS: 'indicatorIds',
}

/** `target` with `field` taken from `source`. */
function withField(target: ReportValues, source: ReportValues, field: ReportField): ReportValues {
  const key = VALUE_KEY[field]
  return { ...target, [key]: source[key] }
}

/**
 * "Keep mine" after a conflict: every field the writer changed since `base` keeps the
 * writer's text; every other field takes the version saved meanwhile (`theirs`), so that
 * nobody's work in a field the writer never touched is undone.
 */
export function mergeKeepingMine(base: ReportValues, mine: ReportValues, theirs: ReportValues): ReportValues {
  const mineChanged = new Set(changedFields(base, mine))
  let merged = theirs
  for (const field of REPORT_FIELDS) {
    if (mineChanged.has(field)) merged = withField(merged, mine, field)
  }
  return merged
}

export interface ConflictRow {
  field: ReportField
  /** The writer changed this field since the version they started from. */
  changedByMe: boolean
  /** The version saved meanwhile changed this field. */
  changedByThem: boolean
}

/** The fields in which the writer's screen and the saved version differ, for the choice. */
export function conflictRows(base: ReportValues, mine: ReportValues, theirs: ReportValues): ConflictRow[] {
  const mineChanged = new Set(changedFields(base, mine))
  const theirsChanged = new Set(changedFields(base, theirs))
  return changedFields(mine, theirs).map((field) => ({
    field,
    changedByMe: mineChanged.has(field),
    changedByThem: theirsChanged.has(field),
  }))
}

/** Nothing written yet: what "copy from last period" may fill. */
export function isEmptyReport(values: ReportValues): boolean {
  const input = toInput(values)
  return (
    input.activities.length === 0 &&
    input.resultsSummary === null &&
    input.selfRating === null &&
    input.ratingReason === null &&
    input.issues === null &&
    input.nextStep === null &&
    input.nextStepReason === null &&
    input.indicatorIds.length === 0
  )
}

/** Moves the item at `from` to `to` (both in range), returning a new array. */
export function move<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items]
  const [item] = next.splice(from, 1)
  if (item === undefined) return next
  next.splice(to, 0, item)
  return next
}
