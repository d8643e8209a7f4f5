/**
 * Dates on the home page as officials read them: a calendar date with its Japanese era
 * (`令和8年3月31日`), and today's date in Japan whatever the computer's time zone.
 */
import type { Language } from '@/lib/fiscalYear'

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** Japan Standard Time is UTC+9 all year. */
const JST_OFFSET_MS = 9 * 60 * 60 * 1000

const formats: Record<Language, Intl.DateTimeFormat> = {
  // The Japanese calendar names the era by the date itself (令和 from 1 May 2019; 元年 for its first year).
  ja: new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { timeZone: 'UTC', era: 'long', year: 'numeric', month: 'long', day: 'numeric' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' }),
}

/** A calendar date (`2026-03-31`) as `令和8年3月31日` / `31 March 2026`; anything else as given. */
export function formatEraDay(day: string, language: Language): string {
  const match = DAY.exec(day)
  if (!match) return day
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return Number.isNaN(date.getTime()) ? day : formats[language].format(date)
}

/** The calendar date in Japan at an instant, as `YYYY-MM-DD`. */
export function japanDay(at: Date): string {
  return new Date(at.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10)
}

/** The calendar date in Japan of an RFC 3339 instant (`2026-11-20T16:00:00Z` → `2026-11-21`), or null. */
export function japanDayOf(iso: string): string | null {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? null : japanDay(date)
}
