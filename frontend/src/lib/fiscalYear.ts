/**
 * Japanese fiscal years (年度) and their era labels.
 *
 * A fiscal year runs from 1 April to 31 March and is named after the calendar year it
 * starts in: FY2021 is 1 April 2021 – 31 March 2022. Municipal documents name it by the
 * Japanese era: 令和N年度 is FY(2018+N), with FY2019 as 令和元年度 (the first year of an era
 * is 元年), and Heisei covers FY1989 (平成元年度) to FY2018 (平成30年度).
 */

export type Language = 'ja' | 'en'

/** Japan Standard Time is UTC+9 all year (Japan has not used daylight saving since 1951). */
const JST_OFFSET_MS = 9 * 60 * 60 * 1000

/** April, as a zero-based month. */
const FIRST_MONTH = 3

/** The fiscal year (named by its starting calendar year) that contains `date`, in Japan time. */
export function fiscalYearOf(date: Date): number {
  const time = date.getTime()
  if (Number.isNaN(time)) {
    throw new RangeError('fiscalYearOf: invalid date')
  }
  const japan = new Date(time + JST_OFFSET_MS)
  const year = japan.getUTCFullYear()
  return japan.getUTCMonth() >= FIRST_MONTH ? year : year - 1
}

/** The first and last instants of a fiscal year, as `Date`s (Japan time boundaries). */
export function fiscalYearRange(fiscalYear: number): { start: Date; end: Date } {
  const start = new Date(Date.UTC(fiscalYear, FIRST_MONTH, 1) - JST_OFFSET_MS)
  const next = new Date(Date.UTC(fiscalYear + 1, FIRST_MONTH, 1) - JST_OFFSET_MS)
  return { start, end: new Date(next.getTime() - 1) }
}

export type Era = 'reiwa' | 'heisei' | 'showa'

export interface EraYear {
  era: Era
  /** 1 for the first year (元年). */
  year: number
}

interface EraDefinition {
  era: Era
  /** The first fiscal year named after the era. */
  firstFiscalYear: number
  ja: string
  en: string
}

/** Newest first. Showa fiscal years start at FY1927 (FY1926 was still 大正15年度). */
const ERAS: readonly EraDefinition[] = [
  { era: 'reiwa', firstFiscalYear: 2019, ja: '令和', en: 'Reiwa' },
  { era: 'heisei', firstFiscalYear: 1989, ja: '平成', en: 'Heisei' },
  { era: 'showa', firstFiscalYear: 1926 + 1, ja: '昭和', en: 'Showa' },
]

function eraDefinition(fiscalYear: number): EraDefinition | undefined {
  assertFiscalYear(fiscalYear)
  return ERAS.find((era) => fiscalYear >= era.firstFiscalYear)
}

function assertFiscalYear(fiscalYear: number): void {
  if (!Number.isInteger(fiscalYear)) {
    throw new RangeError(`not a fiscal year: ${String(fiscalYear)}`)
  }
}

/** The era and era year of a fiscal year, or `undefined` before FY1927. */
export function eraOfFiscalYear(fiscalYear: number): EraYear | undefined {
  const def = eraDefinition(fiscalYear)
  if (!def) return undefined
  // Showa 1 was calendar 1926, so its fiscal years count from 1926 too (FY1927 = 昭和2年度).
  const origin = def.era === 'showa' ? 1926 : def.firstFiscalYear
  return { era: def.era, year: fiscalYear - origin + 1 }
}

/**
 * The fiscal year as officials write it.
 *
 * - ja: `令和3年度`, `令和元年度`, `平成27年度`
 * - en: `FY2021 (Reiwa 3)`, `FY2019 (Reiwa 1)`, `FY2015 (Heisei 27)`
 *
 * Years before the Showa era fall back to the Western year (`1925年度`, `FY1925`).
 */
export function fiscalYearLabel(fiscalYear: number, language: Language): string {
  const def = eraDefinition(fiscalYear)
  const era = eraOfFiscalYear(fiscalYear)
  if (language === 'en') {
    return def && era ? `FY${String(fiscalYear)} (${def.en} ${String(era.year)})` : `FY${String(fiscalYear)}`
  }
  if (!def || !era) return `${String(fiscalYear)}年度`
  return `${def.ja}${era.year === 1 ? '元' : String(era.year)}年度`
}

/**
 * The fiscal year with both counts, as headings and tables show it: `令和7年度（2025年度）`
 * in Japanese, `FY2025 (Reiwa 7)` in English.
 */
export function fiscalYearBoth(fiscalYear: number, language: Language): string {
  if (language === 'en') return fiscalYearLabel(fiscalYear, 'en')
  return `${fiscalYearLabel(fiscalYear, 'ja')}（${String(fiscalYear)}年度）`
}

/** The short English form without the era, for tight spaces: `FY2021`. */
export function fiscalYearShortLabel(fiscalYear: number, language: Language): string {
  return language === 'en' ? `FY${String(fiscalYear)}` : fiscalYearLabel(fiscalYear, 'ja')
}

/**
 * A plan period: `令和3年度〜令和7年度` in Japanese, `FY2021–FY2025` in English.
 * A period of one year is that year's label.
 */
export function fiscalPeriodLabel(start: number, end: number, language: Language): string {
  if (end < start) {
    throw new RangeError(`period ends (${String(end)}) before it starts (${String(start)})`)
  }
  if (start === end) return fiscalYearLabel(start, language)
  if (language === 'en') return `FY${String(start)}–FY${String(end)}`
  return `${fiscalYearLabel(start, 'ja')}〜${fiscalYearLabel(end, 'ja')}`
}
