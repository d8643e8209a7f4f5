/**
 * Times are stored in UTC and shown in Japan time (UTC+9, no daylight saving), whatever
 * the time zone of the computer showing them.
 */
import type { Language } from './fiscalYear'

const JST_OFFSET_MS = 9 * 60 * 60 * 1000

const formats: Record<Language, Intl.DateTimeFormat> = {
  ja: new Intl.DateTimeFormat('ja-JP', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }),
}

/** `2026/11/27 11:03:30` (ja) or `27 Nov 2026, 11:03:30` (en), in Japan time. */
export function formatJapanTime(iso: string, language: Language): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : formats[language].format(date)
}

/** Parses `YYYY-MM-DD` (a date input's value); null when it is not a real date. */
function parseDay(day: string): { y: number; m: number; d: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!match) return null
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const check = new Date(Date.UTC(y, m - 1, d))
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null
  return { y, m, d }
}

/** The instant a day begins in Japan (00:00 JST) as an RFC 3339 UTC string. */
export function japanDayStart(day: string): string | null {
  const parsed = parseDay(day)
  if (!parsed) return null
  return new Date(Date.UTC(parsed.y, parsed.m - 1, parsed.d) - JST_OFFSET_MS).toISOString()
}

/** The instant after a day ends in Japan (00:00 JST the next day): an exclusive bound. */
export function japanDayEnd(day: string): string | null {
  const parsed = parseDay(day)
  if (!parsed) return null
  return new Date(Date.UTC(parsed.y, parsed.m - 1, parsed.d + 1) - JST_OFFSET_MS).toISOString()
}
