import { describe, expect, it } from 'vitest'
import { fiscalYearBoth, formatBytes, formatClock, formatDay, groupByPeriod, isEditableStatus } from './format'

describe('report formats', () => {
  it('group reports by period in the order they come (due first)', () => {
    const period = (id: string) => ({ id, fiscalYear: 2025, kind: 'YEAR_END', dueOn: '2026-05-31' })
    const groups = groupByPeriod([
      { id: 'r1', period: period('p1') },
      { id: 'r2', period: period('p2') },
      { id: 'r3', period: period('p1') },
    ])
    expect(groups.map((g) => [g.period.id, g.reports.map((r) => r.id)])).toEqual([
      ['p1', ['r1', 'r3']],
      ['p2', ['r2']],
    ])
  })

  it('name the fiscal year by era and by Western year', () => {
    expect(fiscalYearBoth(2025, 'ja')).toBe('令和7年度（2025年度）')
    expect(fiscalYearBoth(2019, 'ja')).toBe('令和元年度（2019年度）')
    expect(fiscalYearBoth(2025, 'en')).toBe('FY2025 (Reiwa 7)')
  })

  it('show a due date with its weekday', () => {
    expect(formatDay('2026-05-31', 'ja')).toBe('2026年5月31日(日)')
    expect(formatDay('2026-05-31', 'en')).toBe('Sun, 31 May 2026')
    expect(formatDay('not a date', 'ja')).toBe('not a date')
  })

  it('show a save time in Japan time, with the date when it was not today', () => {
    const now = new Date('2026-11-27T05:00:00Z') // 14:00 in Japan
    expect(formatClock('2026-11-27T04:05:00Z', 'ja', now)).toBe('13:05')
    expect(formatClock('2026-11-26T04:05:00Z', 'ja', now)).toBe('11/26 13:05')
    expect(formatClock('2026-11-26T04:05:00Z', 'en', now)).toBe('26 Nov 13:05')
    // 23:30 UTC is already the next day in Japan.
    expect(formatClock('2026-11-26T23:30:00Z', 'ja', now)).toBe('08:30')
  })

  it('size files for people', () => {
    expect(formatBytes(820)).toBe('820 B')
    expect(formatBytes(12_800)).toBe('12.5 KB')
    expect(formatBytes(3_355_443)).toBe('3.2 MB')
    expect(formatBytes(150 * 1024 * 1024)).toBe('150 MB')
  })

  it('know which statuses the writers edit', () => {
    expect(['NOT_STARTED', 'DRAFT', 'RETURNED'].every(isEditableStatus)).toBe(true)
    expect(['AWAITING_MANAGER', 'SUBMITTED', 'ACCEPTED', 'LOCKED'].some(isEditableStatus)).toBe(false)
  })
})
