/**
 * Formatting of target-indicator values (成果指標) for display.
 *
 * A percentage is a share from 0 to 100 and always shows one decimal, as the plan
 * prints it (`85.3%`, `90.0%`). A count shows its unit label: `9組織` in Japanese,
 * `9 organisations` in English.
 */
import type { Language } from './fiscalYear'

export type IndicatorUnit = 'PERCENT' | 'COUNT'

/** The unit fields of an indicator, as the API returns them. */
export interface IndicatorUnitInfo {
  unit: IndicatorUnit
  unitLabelJa?: string | null
  unitLabelEn?: string | null
}

const LOCALES: Record<Language, string> = { ja: 'ja-JP', en: 'en-GB' }

const percentFormats = new Map<Language, Intl.NumberFormat>()
const countFormats = new Map<Language, Intl.NumberFormat>()

function percentFormat(language: Language): Intl.NumberFormat {
  let format = percentFormats.get(language)
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language], {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    })
    percentFormats.set(language, format)
  }
  return format
}

function countFormat(language: Language): Intl.NumberFormat {
  let format = countFormats.get(language)
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 1 })
    countFormats.set(language, format)
  }
  return format
}

/** The unit label in a language: `%` for percentages, the count label (組織) for counts. */
export function indicatorUnitLabel(info: IndicatorUnitInfo, language: Language): string | null {
  if (info.unit === 'PERCENT') return '%'
  const label = language === 'en' ? (info.unitLabelEn ?? info.unitLabelJa) : info.unitLabelJa
  const trimmed = label?.trim() ?? ''
  return trimmed === '' ? null : trimmed
}

/**
 * A value with its unit: `85.3%`, `9組織`, `9 organisations`, `1,200組織`.
 * A value that is not a finite number is shown as an em dash.
 */
export function formatIndicatorValue(
  value: number,
  info: IndicatorUnitInfo,
  language: Language,
): string {
  if (!Number.isFinite(value)) return '—'
  if (info.unit === 'PERCENT') {
    return `${percentFormat(language).format(value)}%`
  }
  const number = countFormat(language).format(value)
  const label = indicatorUnitLabel(info, language)
  if (!label) return number
  return language === 'en' ? `${number} ${label}` : `${number}${label}`
}

/** The fiscal years observed across some indicators, oldest first, without repeats. */
export function observedFiscalYears(
  indicators: readonly { values: readonly { fiscalYear: number }[] }[],
): number[] {
  const years = new Set<number>()
  for (const indicator of indicators) {
    for (const value of indicator.values) years.add(value.fiscalYear)
  }
  return [...years].sort((a, b) => a - b)
}
