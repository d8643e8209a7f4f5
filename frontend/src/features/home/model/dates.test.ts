import { describe, expect, it } from 'vitest'
import { formatEraDay, japanDay, japanDayOf } from './dates'

describe('formatEraDay', () => {
  it('writes a date with its era, as officials do', () => {
    expect(formatEraDay('2026-03-31', 'ja')).toBe('令和8年3月31日')
    expect(formatEraDay('2019-05-01', 'ja')).toBe('令和元年5月1日')
    expect(formatEraDay('2019-04-30', 'ja')).toBe('平成31年4月30日')
    expect(formatEraDay('2026-03-31', 'en')).toBe('31 March 2026')
  })

  it('leaves anything that is not a date as it is', () => {
    expect(formatEraDay('soon', 'ja')).toBe('soon')
  })
})

describe('japanDay', () => {
  it('is the date in Japan, whatever the computer’s time zone', () => {
    expect(japanDay(new Date('2026-03-31T14:59:59Z'))).toBe('2026-03-31')
    expect(japanDay(new Date('2026-03-31T15:00:00Z'))).toBe('2026-04-01')
    expect(japanDayOf('2026-11-20T16:00:00Z')).toBe('2026-11-21')
    expect(japanDayOf('not a time')).toBeNull()
  })
})
