import { describe, expect, it } from 'vitest'
import { formatIndicatorValue, indicatorUnitLabel, observedFiscalYears } from './indicatorValue'

const percent = { unit: 'PERCENT' } as const
const organisations = { unit: 'COUNT', unitLabelJa: '組織', unitLabelEn: 'organisations' } as const

describe('formatIndicatorValue', () => {
  it('shows percentages with one decimal in both languages', () => {
    expect(formatIndicatorValue(85.3, percent, 'ja')).toBe('85.3%')
    expect(formatIndicatorValue(85.3, percent, 'en')).toBe('85.3%')
    expect(formatIndicatorValue(90, percent, 'ja')).toBe('90.0%')
    expect(formatIndicatorValue(9, percent, 'en')).toBe('9.0%')
    expect(formatIndicatorValue(0, percent, 'ja')).toBe('0.0%')
    expect(formatIndicatorValue(100, percent, 'ja')).toBe('100.0%')
  })

  it('rounds percentages to one decimal', () => {
    expect(formatIndicatorValue(33.649, percent, 'ja')).toBe('33.6%')
    expect(formatIndicatorValue(33.65, percent, 'ja')).toBe('33.7%')
  })

  it('shows counts with their unit label', () => {
    expect(formatIndicatorValue(9, organisations, 'ja')).toBe('9組織')
    expect(formatIndicatorValue(12, organisations, 'en')).toBe('12 organisations')
  })

  it('groups thousands and keeps at most one decimal for counts', () => {
    expect(formatIndicatorValue(1200, organisations, 'ja')).toBe('1,200組織')
    expect(formatIndicatorValue(1200, organisations, 'en')).toBe('1,200 organisations')
    expect(formatIndicatorValue(2.25, organisations, 'ja')).toBe('2.3組織')
    expect(formatIndicatorValue(8, organisations, 'ja')).toBe('8組織')
  })

  it('falls back to the Japanese label, then to the bare number', () => {
    expect(formatIndicatorValue(3, { unit: 'COUNT', unitLabelJa: '人' }, 'en')).toBe('3 人')
    expect(formatIndicatorValue(3, { unit: 'COUNT', unitLabelJa: null, unitLabelEn: null }, 'ja')).toBe('3')
    expect(formatIndicatorValue(3, { unit: 'COUNT', unitLabelJa: '  ' }, 'ja')).toBe('3')
  })

  it('shows a dash for a value that is not a number', () => {
    expect(formatIndicatorValue(Number.NaN, percent, 'ja')).toBe('—')
    expect(formatIndicatorValue(Number.POSITIVE_INFINITY, organisations, 'en')).toBe('—')
  })
})

describe('indicatorUnitLabel', () => {
  it('names the unit', () => {
    expect(indicatorUnitLabel(percent, 'ja')).toBe('%')
    expect(indicatorUnitLabel(organisations, 'ja')).toBe('組織')
    expect(indicatorUnitLabel(organisations, 'en')).toBe('organisations')
    expect(indicatorUnitLabel({ unit: 'COUNT' }, 'en')).toBeNull()
  })
})

describe('observedFiscalYears', () => {
  it('collects the survey years across indicators, oldest first', () => {
    expect(
      observedFiscalYears([
        { values: [{ fiscalYear: 2020 }, { fiscalYear: 2015 }] },
        { values: [{ fiscalYear: 2022 }, { fiscalYear: 2020 }] },
        { values: [] },
      ]),
    ).toEqual([2015, 2020, 2022])
  })

  it('is empty for no indicators', () => {
    expect(observedFiscalYears([])).toEqual([])
  })
})
