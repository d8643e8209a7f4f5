/**
 * The audit log's filters live in the URL (`?action=…&from=…&until=…&org=…&user=…`), so a
 * filtered view survives a reload or a trip through the sign-in page and can be shared.
 */
import { japanDayEnd, japanDayStart } from '@/lib/japanTime'
import { isAuditAction } from './auditActions'

export interface AuditFilters {
  action: string
  /** `YYYY-MM-DD`, a day in Japan. */
  from: string
  until: string
  organizationId: string
  userId: string
}

export const NO_FILTERS: AuditFilters = { action: '', from: '', until: '', organizationId: '', userId: '' }

const DAY = /^\d{4}-\d{2}-\d{2}$/

export function readAuditFilters(params: URLSearchParams): AuditFilters {
  const action = params.get('action') ?? ''
  const from = params.get('from') ?? ''
  const until = params.get('until') ?? ''
  return {
    action: isAuditAction(action) ? action : '',
    from: DAY.test(from) ? from : '',
    until: DAY.test(until) ? until : '',
    organizationId: params.get('org') ?? '',
    userId: params.get('user') ?? '',
  }
}

export function auditFiltersToParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams()
  if (filters.action) params.set('action', filters.action)
  if (filters.from) params.set('from', filters.from)
  if (filters.until) params.set('until', filters.until)
  if (filters.organizationId) params.set('org', filters.organizationId)
  if (filters.userId) params.set('user', filters.userId)
  return params
}

/** The API's `AuditFilterInput`: days become instants in Japan time (the end is exclusive). */
export function toAuditFilterInput(filters: AuditFilters) {
  const from = filters.from ? japanDayStart(filters.from) : null
  const until = filters.until ? japanDayEnd(filters.until) : null
  return {
    ...(filters.action ? { action: filters.action } : {}),
    ...(from ? { from } : {}),
    ...(until ? { until } : {}),
    ...(filters.organizationId ? { organizationId: filters.organizationId } : {}),
    ...(filters.userId ? { userId: filters.userId } : {}),
  }
}

/** Whether the period runs backwards. */
export function periodIsReversed(filters: Pick<AuditFilters, 'from' | 'until'>): boolean {
  return filters.from !== '' && filters.until !== '' && filters.until < filters.from
}
