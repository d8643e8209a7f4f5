/**
 * Report statuses and periods, and the dates and times the report screens show (always
 * in Japan time, whatever the computer's time zone).
 */
import type { Language } from '@/lib/fiscalYear'

export const REPORT_STATUSES = [
  'NOT_STARTED',
  'DRAFT',
  'AWAITING_MANAGER',
  'SUBMITTED',
  'RETURNED',
  'ACCEPTED',
  'LOCKED',
] as const
export type ReportStatus = (typeof REPORT_STATUSES)[number]

/** The statuses in which the owning organisation's writers change a report. */
export const EDITABLE_STATUSES: readonly ReportStatus[] = ['NOT_STARTED', 'DRAFT', 'RETURNED']

export function isReportStatus(value: unknown): value is ReportStatus {
  return typeof value === 'string' && (REPORT_STATUSES as readonly string[]).includes(value)
}

export function isEditableStatus(status: string): boolean {
  return (EDITABLE_STATUSES as readonly string[]).includes(status)
}

export interface PeriodLike {
  id: string
  fiscalYear: number
  kind: string
  quarter?: number | null
  dueOn: string
}

/** Reports grouped by period, in the order the periods first appear (due first). */
export function groupByPeriod<T extends { period: PeriodLike }>(reports: readonly T[]): { period: T['period']; reports: T[] }[] {
  const groups = new Map<string, { period: T['period']; reports: T[] }>()
  for (const report of reports) {
    const group = groups.get(report.period.id)
    if (group) group.reports.push(report)
    else groups.set(report.period.id, { period: report.period, reports: [report] })
  }
  return [...groups.values()]
}

/** `令和7年度（2025年度）` / `FY2025 (Reiwa 7)`: the era and the Western year, as offices write both. */
export { fiscalYearBoth } from '@/lib/fiscalYear'

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

const clockFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Tokyo',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})
const dateInJapan = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' })
const shortDates: Record<Language, Intl.DateTimeFormat> = {
  ja: new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', month: 'numeric', day: 'numeric' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', month: 'short', day: 'numeric' }),
}

/**
 * A moment as `14:05` in Japan time when it is today there, else with its date
 * (`11/26 14:05`, `26 Nov 14:05`).
 */
export function formatClock(iso: string, language: Language, now: Date = new Date()): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const clock = clockFormat.format(date)
  if (dateInJapan.format(date) === dateInJapan.format(now)) return clock
  return `${shortDates[language].format(date)} ${clock}`
}

/** A file size for people: `820 B`, `12.5 KB`, `3.2 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${String(bytes)} B`
  const units = ['KB', 'MB', 'GB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${units[unit] ?? 'GB'}`
}
