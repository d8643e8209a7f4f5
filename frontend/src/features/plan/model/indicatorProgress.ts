/**
 * How far a target indicator has come, from its values alone: the latest value observed
 * after the baseline year, its achievement (the share of the way from the baseline to the
 * target, negative when it moved away), and where a straight path from the baseline to the
 * target would be in that year. The same arithmetic as the server's annual evaluation
 * (`domain::progress`), without its survey tolerance: the words say how the numbers compare,
 * not a grade.
 */

export interface IndicatorPath {
  baselineValue: number
  baselineFiscalYear: number
  targetValue: number
  targetFiscalYear: number
}

export interface ObservedValue {
  fiscalYear: number
  value: number
}

/** How the latest value compares: reached the target, at or past the straight path, short of it, or behind the baseline. */
export type ProgressStanding = 'achieved' | 'onPath' | 'short' | 'regressed' | 'kept' | 'notKept'

export interface IndicatorProgress {
  fiscalYear: number
  value: number
  /** (value − baseline) / (target − baseline); null when the target equals the baseline. */
  achievement: number | null
  /** The straight path's share of the way in that year (0 at the baseline year, 1 at the target year). */
  expectedShare: number
  /** The value on the straight path in that year. */
  expectedValue: number
  standing: ProgressStanding
}

/** Floating-point slack, so that 23.6 − 1.5 counts as 22.1 (as the server does). */
const SLACK = 1e-9

/** The straight path's share of the way in `fiscalYear`: 0 up to the baseline year, 1 from the target year. */
export function expectedShare(path: IndicatorPath, fiscalYear: number): number {
  const years = path.targetFiscalYear - path.baselineFiscalYear
  if (years <= 0) return fiscalYear >= path.targetFiscalYear ? 1 : 0
  return Math.min(1, Math.max(0, (fiscalYear - path.baselineFiscalYear) / years))
}

/** The value on the straight path from the baseline to the target in `fiscalYear`. */
export function expectedValue(path: IndicatorPath, fiscalYear: number): number {
  return path.baselineValue + (path.targetValue - path.baselineValue) * expectedShare(path, fiscalYear)
}

/**
 * The progress of the latest value observed after the baseline year; null when there is
 * none yet (a survey indicator before its next survey).
 */
export function latestProgress(path: IndicatorPath, values: readonly ObservedValue[]): IndicatorProgress | null {
  let latest: ObservedValue | null = null
  for (const v of values) {
    if (v.fiscalYear > path.baselineFiscalYear && (!latest || v.fiscalYear > latest.fiscalYear)) latest = v
  }
  if (!latest) return null
  const span = path.targetValue - path.baselineValue
  const share = expectedShare(path, latest.fiscalYear)
  const expected = expectedValue(path, latest.fiscalYear)
  if (span === 0) {
    const kept = Math.abs(latest.value - path.targetValue) <= SLACK
    return { ...latest, achievement: null, expectedShare: share, expectedValue: expected, standing: kept ? 'kept' : 'notKept' }
  }
  const achievement = (latest.value - path.baselineValue) / span
  let standing: ProgressStanding
  if (achievement >= 1 - SLACK) standing = 'achieved'
  else if (achievement < -SLACK) standing = 'regressed'
  else if (achievement >= share - SLACK) standing = 'onPath'
  else standing = 'short'
  return { ...latest, achievement, expectedShare: share, expectedValue: expected, standing }
}

const shareFormats = new Map<string, Intl.NumberFormat>()

/** A share (0.667) as a percentage with one decimal: `66.7%`, `-25.0%`. */
export function formatShare(share: number, language: 'ja' | 'en'): string {
  let format = shareFormats.get(language)
  if (!format) {
    format = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'ja-JP', { minimumFractionDigits: 1, maximumFractionDigits: 1 })
    shareFormats.set(language, format)
  }
  return `${format.format(Math.round(share * 1000) / 10)}%`
}
