/**
 * The indicators of an evaluation as table rows: value, achievement, the value a
 * straight path would have reached, grade and the previous period's trend. A year
 * without a survey is "not measured" (never zero).
 */
import type { Language } from '@/lib/fiscalYear'
import { formatIndicatorValue, type IndicatorUnitInfo } from '@/lib/indicatorValue'
import type { IndicatorData } from '../api/operations'
import { formatOneDecimal, formatPercent } from './format'

export interface IndicatorTrend {
  fromYear: number
  toYear: number
  direction: 'IMPROVED' | 'WORSENED' | 'UNCHANGED'
  /** The change with its sign and unit: `+0.4` (points), `-3.0`, `+1組織`. */
  change: string
  /** Whether `change` is in percentage points (the caller adds the word). */
  inPoints: boolean
}

export interface IndicatorRowModel {
  id: string
  code: string
  nameJa: string
  nameEn: string
  goalCode: string | null
  measured: boolean
  /** `86.8%`, `10.4組織`; null when not measured this year. */
  value: string | null
  /** Achievement as a percentage (31.9 for 0.319); null when not measured. */
  achievementPercent: number | null
  /** `31.9%`; null when not measured. */
  achievement: string | null
  /** Where a straight path from the baseline to the target would be this year. */
  expectedValue: string
  /** The same, as an achievement percentage (80 in year 4 of 5). */
  expectedPercent: number
  grade: IndicatorData['grade']
  gradeLabel: string
  trend: IndicatorTrend | null
  source: string | null
  sourceOrganizationId: string | null
}

/** Where the straight path puts the expected value, as a percentage of the way to the target. */
export function expectedPercent(indicator: { baselineValue: number; targetValue: number }, expectedValue: number): number {
  const span = indicator.targetValue - indicator.baselineValue
  if (span === 0) return 100
  return Math.round(((expectedValue - indicator.baselineValue) / span) * 1000) / 10
}

function signed(text: string, value: number): string {
  if (value > 0) return `+${text}`
  if (value < 0) return `-${text}`
  return text
}

function trendOf(row: IndicatorData, unit: IndicatorUnitInfo, language: Language): IndicatorTrend | null {
  const trend = row.previousTrend
  if (!trend) return null
  const rounded = Math.round(trend.change * 10) / 10
  const inPoints = unit.unit === 'PERCENT'
  const magnitude = inPoints
    ? formatOneDecimal(Math.abs(rounded), language)
    : formatIndicatorValue(Math.abs(rounded), unit, language)
  return {
    fromYear: trend.fromYear,
    toYear: trend.toYear,
    direction: trend.direction,
    change: signed(magnitude, rounded),
    inPoints,
  }
}

export function indicatorRow(row: IndicatorData, language: Language): IndicatorRowModel {
  const { indicator } = row
  const unit: IndicatorUnitInfo = indicator
  const measured = row.value !== null && row.achievementRate !== null && row.grade !== 'NOT_MEASURED'
  const achievementPercent =
    measured && row.achievementRate !== null ? Math.round(row.achievementRate * 1000) / 10 : null
  return {
    id: indicator.id,
    code: indicator.code,
    nameJa: indicator.nameJa,
    nameEn: indicator.nameEn,
    goalCode: indicator.goal?.code ?? null,
    measured,
    value: measured && row.value !== null ? formatIndicatorValue(row.value, unit, language) : null,
    achievementPercent,
    achievement: measured ? formatPercent(row.achievementRate, language) : null,
    expectedValue: formatIndicatorValue(row.expectedValue, unit, language),
    expectedPercent: expectedPercent(indicator, row.expectedValue),
    grade: row.grade,
    gradeLabel: row.gradeLabel,
    trend: trendOf(row, unit, language),
    source: row.source,
    sourceOrganizationId: indicator.sourceOrganization?.id ?? null,
  }
}

export function indicatorRows(rows: readonly IndicatorData[], language: Language): IndicatorRowModel[] {
  return rows.map((row) => indicatorRow(row, language))
}
