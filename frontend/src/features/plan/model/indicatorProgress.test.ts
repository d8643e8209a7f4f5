import { describe, expect, it } from 'vitest'
import { expectedShare, expectedValue, formatShare, latestProgress } from './indicatorProgress'

// The 3rd Omitama plan's indicators: baseline FY2020, target FY2025.
const organisations = { baselineValue: 9, baselineFiscalYear: 2020, targetValue: 12, targetFiscalYear: 2025 }
const volunteers = { baselineValue: 23.6, baselineFiscalYear: 2020, targetValue: 30, targetFiscalYear: 2025 }

describe('the straight path', () => {
  it('runs from the baseline in the baseline year to the target in the target year', () => {
    expect(expectedShare(organisations, 2022)).toBeCloseTo(0.4)
    expect(expectedValue(organisations, 2022)).toBeCloseTo(10.2)
    expect(expectedValue(organisations, 2025)).toBe(12)
  })

  it('stays at the baseline before the baseline year and at the target after the target year', () => {
    expect(expectedValue(organisations, 2015)).toBe(9)
    expect(expectedValue(organisations, 2027)).toBe(12)
  })
})

describe('latestProgress', () => {
  it('takes the latest value after the baseline year', () => {
    const progress = latestProgress(organisations, [
      { fiscalYear: 2015, value: 8 },
      { fiscalYear: 2020, value: 9 },
      { fiscalYear: 2023, value: 11 },
      { fiscalYear: 2022, value: 10 },
    ])
    expect(progress).toMatchObject({ fiscalYear: 2023, value: 11, standing: 'onPath' })
    expect(progress?.achievement).toBeCloseTo(2 / 3)
    expect(progress?.expectedShare).toBeCloseTo(0.6)
    expect(progress?.expectedValue).toBeCloseTo(10.8)
  })

  it('says a value short of the straight path is short, and one that moved away regressed (a negative achievement)', () => {
    expect(latestProgress(organisations, [{ fiscalYear: 2024, value: 10 }])).toMatchObject({ standing: 'short' })
    const regressed = latestProgress(volunteers, [{ fiscalYear: 2023, value: 22 }])
    expect(regressed?.standing).toBe('regressed')
    expect(regressed?.achievement).toBeCloseTo(-0.25)
  })

  it('counts reaching the target as achieved, despite floating point', () => {
    expect(latestProgress(volunteers, [{ fiscalYear: 2024, value: 30 }])).toMatchObject({ standing: 'achieved', achievement: 1 })
    expect(latestProgress(organisations, [{ fiscalYear: 2025, value: 13 }])?.standing).toBe('achieved')
  })

  it('works when lower is better', () => {
    const waiting = { baselineValue: 40, baselineFiscalYear: 2020, targetValue: 20, targetFiscalYear: 2025 }
    expect(latestProgress(waiting, [{ fiscalYear: 2022, value: 30 }])).toMatchObject({ standing: 'onPath', achievement: 0.5 })
    expect(latestProgress(waiting, [{ fiscalYear: 2022, value: 45 }])?.standing).toBe('regressed')
  })

  it('has no achievement when the target keeps the baseline', () => {
    const keep = { baselineValue: 85.3, baselineFiscalYear: 2020, targetValue: 85.3, targetFiscalYear: 2025 }
    expect(latestProgress(keep, [{ fiscalYear: 2023, value: 85.3 }])).toMatchObject({ achievement: null, standing: 'kept' })
    expect(latestProgress(keep, [{ fiscalYear: 2023, value: 80 }])).toMatchObject({ achievement: null, standing: 'notKept' })
  })

  it('is null before any value after the baseline year (the next survey has not come)', () => {
    expect(latestProgress(organisations, [{ fiscalYear: 2015, value: 8 }, { fiscalYear: 2020, value: 9 }])).toBeNull()
    expect(latestProgress(organisations, [])).toBeNull()
  })
})

describe('formatShare', () => {
  it('writes a share as a percentage with one decimal', () => {
    expect(formatShare(2 / 3, 'ja')).toBe('66.7%')
    expect(formatShare(-0.25, 'en')).toBe('-25.0%')
    expect(formatShare(12.345, 'en')).toBe('1,234.5%')
  })
})
