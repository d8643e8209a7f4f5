/**
 * Numbers and labels of the annual evaluation, without React: shares, year-over-year
 * changes, fiscal years, ratings and statuses.
 */
import type { Language } from '@/lib/fiscalYear'

const LOCALES: Record<Language, string> = { ja: 'ja-JP', en: 'en-GB' }

const oneDecimal = new Map<Language, Intl.NumberFormat>()

function decimal(language: Language): Intl.NumberFormat {
  let format = oneDecimal.get(language)
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language], { minimumFractionDigits: 1, maximumFractionDigits: 1 })
    oneDecimal.set(language, format)
  }
  return format
}

/** A number with one decimal in the reader's locale: `72.4`, `1,234.0`. */
export function formatOneDecimal(value: number, language: Language): string {
  return decimal(language).format(value)
}

/**
 * A share (0–1, as the API gives it) as a percentage with one decimal: `72.4%`. Null (no
 * rated direction) is `null`, so the caller can say why there is no number.
 */
export function formatShare(share: number | null | undefined, language: Language): string | null {
  if (share === null || share === undefined || !Number.isFinite(share)) return null
  return `${formatOneDecimal(share * 100, language)}%`
}

/** A fraction (0.333 = 33.3 %) as a percentage with one decimal: `33.3%`, `-12.5%`. */
export function formatPercent(fraction: number | null | undefined, language: Language): string | null {
  return formatShare(fraction, language)
}

export type Direction = 'up' | 'down' | 'same'

export interface Change {
  direction: Direction
  /** ▲ up, ▼ down, ― unchanged (the words beside it say which, never the mark alone). */
  mark: '▲' | '▼' | '―'
  /** The size of the change in percentage points, one decimal, without sign: `6.9`. */
  points: string
}

/**
 * The year-over-year change of the A/B share (`change` in fraction points: 0.069 is
 * 6.9 points), or null when there is nothing to compare (no previous evaluation, or no
 * rated direction in one of the years). A change that rounds to 0.0 points is `same`.
 */
export function shareChange(change: number | null | undefined, language: Language): Change | null {
  if (change === null || change === undefined || !Number.isFinite(change)) return null
  const points = Math.round(change * 1000) / 10
  if (points === 0) return { direction: 'same', mark: '―', points: formatOneDecimal(0, language) }
  return {
    direction: points > 0 ? 'up' : 'down',
    mark: points > 0 ? '▲' : '▼',
    points: formatOneDecimal(Math.abs(points), language),
  }
}

/**
 * A fiscal year in both the era and the Western form: `令和6年度（2024年度）` in Japanese,
 * `FY2024 (Reiwa 6)` in English (which already carries both).
 */
export { fiscalYearBoth } from '@/lib/fiscalYear'

export const RATINGS = ['A', 'B', 'C', 'D'] as const
export type Rating = (typeof RATINGS)[number]

export function isRating(value: unknown): value is Rating {
  return typeof value === 'string' && (RATINGS as readonly string[]).includes(value)
}

export const EVALUATION_STATUSES = ['DRAFT', 'IN_COMMITTEE', 'FINALIZED', 'PUBLISHED'] as const
export type EvaluationStatusName = (typeof EVALUATION_STATUSES)[number]

/** The position of a status in the evaluation's course (0 = draft … 3 = published). */
export function statusStep(status: string): number {
  return (EVALUATION_STATUSES as readonly string[]).indexOf(status)
}

/** Whether the plan office may still change the evaluation (compile, override, assess). */
export function isEditable(status: string): boolean {
  return status === 'DRAFT' || status === 'IN_COMMITTEE'
}

/** Bytes as people read them: `980 B`, `12.3 KB`, `4.5 MB`. */
export function formatBytes(bytes: number, language: Language): string {
  if (bytes < 1024) return `${String(bytes)} B`
  if (bytes < 1024 * 1024) return `${formatOneDecimal(bytes / 1024, language)} KB`
  return `${formatOneDecimal(bytes / (1024 * 1024), language)} MB`
}

/** The year-end reports missing or not accepted, counted over every direction of every goal. */
export function missingReportCount(evaluation: { goals: readonly { directions: readonly { missingReports: readonly unknown[] }[] }[] }): number {
  return evaluation.goals.reduce(
    (sum, goal) => sum + goal.directions.reduce((inner, row) => inner + row.missingReports.length, 0),
    0,
  )
}
