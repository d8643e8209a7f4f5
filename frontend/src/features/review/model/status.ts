/**
 * Report statuses in workflow order. The strings are the API's `ReportStatus` enum; the
 * badge that shows them is `ReportStatusBadge` in src/components.
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
