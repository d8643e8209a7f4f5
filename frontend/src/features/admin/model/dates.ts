import type { Language } from '@/lib/fiscalYear'

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

const dayFormats: Record<Language, Intl.DateTimeFormat> = {
  ja: new Intl.DateTimeFormat('ja-JP', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' }),
}

/** A calendar date (`2026-05-31`) as `2026年5月31日(日)` / `Sun, 31 May 2026`. */
export function formatDay(day: string, language: Language): string {
  const match = DAY.exec(day)
  if (!match) return day
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return dayFormats[language].format(date)
}

/** `令和7年度（2025年度）` / `FY2025 (Reiwa 7)`: the era and the Western year, as offices write both. */
export { fiscalYearBoth } from '@/lib/fiscalYear'
