/**
 * Report statuses as the review screens show them: a name (in the locale files), a tone
 * for the badge, and the order of the completion counts. The strings are the API's
 * `ReportStatus` enum.
 */
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

export function isReportStatus(value: unknown): value is ReportStatus {
  return typeof value === 'string' && (REPORT_STATUSES as readonly string[]).includes(value)
}

/** How a status badge looks; its text always names the status too (never colour alone). */
export type StatusTone = 'neutral' | 'progress' | 'waiting' | 'attention' | 'done'

export function statusTone(status: string): StatusTone {
  switch (status) {
    case 'DRAFT':
      return 'progress'
    case 'AWAITING_MANAGER':
    case 'SUBMITTED':
      return 'waiting'
    case 'RETURNED':
      return 'attention'
    case 'ACCEPTED':
    case 'LOCKED':
      return 'done'
    default:
      return 'neutral'
  }
}
