import { describe, expect, it } from 'vitest'
import {
  eraOfFiscalYear,
  fiscalPeriodLabel,
  fiscalYearLabel,
  fiscalYearOf,
  fiscalYearRange,
  fiscalYearShortLabel,
} from './fiscalYear'

describe('fiscalYearOf', () => {
  it('starts the fiscal year on 1 April, Japan time', () => {
    expect(fiscalYearOf(new Date('2022-03-31T23:59:59.999+09:00'))).toBe(2021)
    expect(fiscalYearOf(new Date('2022-04-01T00:00:00+09:00'))).toBe(2022)
  })

  it('uses Japan time, not UTC, at the boundary', () => {
    // 31 March 15:00 UTC is already 1 April 00:00 in Tokyo.
    expect(fiscalYearOf(new Date('2022-03-31T15:00:00Z'))).toBe(2022)
    expect(fiscalYearOf(new Date('2022-03-31T14:59:59.999Z'))).toBe(2021)
    // 1 April 00:30 in New York is 13:30 in Tokyo on the same day.
    expect(fiscalYearOf(new Date('2022-04-01T00:30:00-04:00'))).toBe(2022)
  })

  it('keeps January to March in the previous fiscal year', () => {
    expect(fiscalYearOf(new Date('2021-01-01T00:00:00+09:00'))).toBe(2020)
    expect(fiscalYearOf(new Date('2020-12-31T23:59:59+09:00'))).toBe(2020)
    expect(fiscalYearOf(new Date('2021-04-01T00:00:00+09:00'))).toBe(2021)
  })

  it('handles the start of a calendar year in UTC that is already January in Tokyo', () => {
    expect(fiscalYearOf(new Date('2025-12-31T15:00:00Z'))).toBe(2025)
  })

  it('rejects an invalid date', () => {
    expect(() => fiscalYearOf(new Date('not a date'))).toThrow(RangeError)
  })
})

describe('fiscalYearRange', () => {
  it('runs from 1 April 00:00 to 31 March 23:59:59.999 Japan time', () => {
    const { start, end } = fiscalYearRange(2021)
    expect(start.toISOString()).toBe('2021-03-31T15:00:00.000Z')
    expect(end.toISOString()).toBe('2022-03-31T14:59:59.999Z')
    expect(fiscalYearOf(start)).toBe(2021)
    expect(fiscalYearOf(end)).toBe(2021)
    expect(fiscalYearOf(new Date(end.getTime() + 1))).toBe(2022)
  })
})

describe('eraOfFiscalYear', () => {
  it.each([
    [2021, 'reiwa', 3],
    [2019, 'reiwa', 1],
    [2025, 'reiwa', 7],
    [2018, 'heisei', 30],
    [2015, 'heisei', 27],
    [1989, 'heisei', 1],
    [1988, 'showa', 63],
    [1927, 'showa', 2],
  ] as const)('FY%i is %s %i', (fy, era, year) => {
    expect(eraOfFiscalYear(fy)).toEqual({ era, year })
  })

  it('has no era before Showa fiscal years', () => {
    expect(eraOfFiscalYear(1926)).toBeUndefined()
  })

  it('rejects a fractional year', () => {
    expect(() => eraOfFiscalYear(2021.5)).toThrow(RangeError)
  })
})

describe('fiscalYearLabel', () => {
  it.each([
    [2021, '令和3年度', 'FY2021 (Reiwa 3)'],
    [2025, '令和7年度', 'FY2025 (Reiwa 7)'],
    [2020, '令和2年度', 'FY2020 (Reiwa 2)'],
    [2019, '令和元年度', 'FY2019 (Reiwa 1)'],
    [2018, '平成30年度', 'FY2018 (Heisei 30)'],
    [2015, '平成27年度', 'FY2015 (Heisei 27)'],
    [1989, '平成元年度', 'FY1989 (Heisei 1)'],
    [1988, '昭和63年度', 'FY1988 (Showa 63)'],
    [1925, '1925年度', 'FY1925'],
  ])('FY%i is %s / %s', (fy, ja, en) => {
    expect(fiscalYearLabel(fy, 'ja')).toBe(ja)
    expect(fiscalYearLabel(fy, 'en')).toBe(en)
  })

  it('matches 令和N年度 = FY(2018+N) for the whole era so far', () => {
    for (let n = 2; n <= 30; n++) {
      expect(fiscalYearLabel(2018 + n, 'ja')).toBe(`令和${String(n)}年度`)
    }
  })

  it('labels a date through its fiscal year', () => {
    expect(fiscalYearLabel(fiscalYearOf(new Date('2020-03-31T12:00:00+09:00')), 'ja')).toBe('令和元年度')
    expect(fiscalYearLabel(fiscalYearOf(new Date('2019-04-01T00:00:00+09:00')), 'ja')).toBe('令和元年度')
    expect(fiscalYearLabel(fiscalYearOf(new Date('2019-03-31T23:59:00+09:00')), 'ja')).toBe('平成30年度')
  })
})

describe('fiscalYearShortLabel', () => {
  it('drops the era in English only', () => {
    expect(fiscalYearShortLabel(2021, 'en')).toBe('FY2021')
    expect(fiscalYearShortLabel(2021, 'ja')).toBe('令和3年度')
  })
})

describe('fiscalPeriodLabel', () => {
  it('joins the first and last year', () => {
    expect(fiscalPeriodLabel(2021, 2025, 'ja')).toBe('令和3年度〜令和7年度')
    expect(fiscalPeriodLabel(2021, 2025, 'en')).toBe('FY2021–FY2025')
  })

  it('spans eras', () => {
    expect(fiscalPeriodLabel(2016, 2020, 'ja')).toBe('平成28年度〜令和2年度')
    expect(fiscalPeriodLabel(2016, 2020, 'en')).toBe('FY2016–FY2020')
  })

  it('shows a single year once', () => {
    expect(fiscalPeriodLabel(2019, 2019, 'ja')).toBe('令和元年度')
    expect(fiscalPeriodLabel(2019, 2019, 'en')).toBe('FY2019 (Reiwa 1)')
  })

  it('rejects a period that ends before it starts', () => {
    expect(() => fiscalPeriodLabel(2025, 2021, 'ja')).toThrow(RangeError)
  })
})
