import { describe, expect, it } from 'vitest'
import { auditFiltersToParams, periodIsReversed, readAuditFilters, toAuditFilterInput } from './auditFilters'

describe('audit filters', () => {
  it('read what they can from the URL and ignore the rest', () => {
    const filters = readAuditFilters(new URLSearchParams('action=user.created&from=2026-04-01&until=nope&org=o1&x=1'))
    expect(filters).toEqual({ action: 'user.created', from: '2026-04-01', until: '', organizationId: 'o1', userId: '' })
    expect(readAuditFilters(new URLSearchParams('action=drop.tables')).action).toBe('')
  })

  it('round-trip through the URL', () => {
    const filters = { action: 'login.failed', from: '2026-04-01', until: '2026-04-30', organizationId: 'o1', userId: 'u1' }
    expect(readAuditFilters(auditFiltersToParams(filters))).toEqual(filters)
    expect(auditFiltersToParams({ action: '', from: '', until: '', organizationId: '', userId: '' }).toString()).toBe('')
  })

  it('become the API filter, with whole days in Japan time', () => {
    expect(
      toAuditFilterInput({ action: 'login.failed', from: '2026-04-01', until: '2026-04-30', organizationId: '', userId: 'u1' }),
    ).toEqual({
      action: 'login.failed',
      from: '2026-03-31T15:00:00.000Z',
      until: '2026-04-30T15:00:00.000Z',
      userId: 'u1',
    })
  })

  it('notice a period that runs backwards', () => {
    expect(periodIsReversed({ from: '2026-05-01', until: '2026-04-30' })).toBe(true)
    expect(periodIsReversed({ from: '2026-04-30', until: '2026-04-30' })).toBe(false)
    expect(periodIsReversed({ from: '', until: '2026-04-30' })).toBe(false)
  })
})
