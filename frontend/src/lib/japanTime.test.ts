import { describe, expect, it } from 'vitest'
import { formatJapanTime, japanDayEnd, japanDayStart } from './japanTime'

describe('Japan time', () => {
  it('shows an instant in Japan time, whatever the machine’s zone', () => {
    expect(formatJapanTime('2026-11-27T02:03:30.524998+00:00', 'ja')).toBe('2026/11/27 11:03:30')
    expect(formatJapanTime('2026-11-27T16:00:00Z', 'ja')).toBe('2026/11/28 01:00:00')
    expect(formatJapanTime('2026-11-27T02:03:30Z', 'en')).toBe('27 Nov 2026, 11:03:30')
    expect(formatJapanTime('not a date', 'ja')).toBe('not a date')
  })

  it('turns a day into the bounds of that day in Japan', () => {
    expect(japanDayStart('2026-04-01')).toBe('2026-03-31T15:00:00.000Z')
    expect(japanDayEnd('2026-04-01')).toBe('2026-04-01T15:00:00.000Z')
    expect(japanDayEnd('2026-12-31')).toBe('2026-12-31T15:00:00.000Z')
    expect(japanDayStart('2026-02-30')).toBeNull()
    expect(japanDayStart('')).toBeNull()
  })
})
