import { describe, expect, it } from 'vitest'
import { evaluationFixture } from '../testing/fixtures'
import { expectedPercent, indicatorRow, indicatorRows } from './indicatorRows'

const [measured, unmeasured] = evaluationFixture().indicators
if (!measured || !unmeasured) throw new Error('fixture')

describe('indicator rows', () => {
  it('shows a measured value with its achievement, the straight-path value and the grade', () => {
    expect(indicatorRow(measured, 'ja')).toMatchObject({
      code: 'I1',
      measured: true,
      value: '86.8%',
      achievementPercent: 31.9,
      achievement: '31.9%',
      expectedValue: '89.1%',
      expectedPercent: 80,
      grade: 'BEHIND',
      gradeLabel: '遅れ',
      goalCode: '1',
      sourceOrganizationId: null,
    })
  })

  it('says "not measured" for a year without a survey: no value, no achievement, never zero', () => {
    const row = indicatorRow(unmeasured, 'ja')
    expect(row).toMatchObject({
      measured: false,
      value: null,
      achievementPercent: null,
      achievement: null,
      gradeLabel: '今年度は未測定',
      expectedValue: '11.4組織',
      sourceOrganizationId: 'org-bousai',
    })
    expect(row.expectedPercent).toBe(80)
  })

  it('gives the previous period’s trend in points for shares and in units for counts', () => {
    expect(indicatorRow(measured, 'ja').trend).toEqual({ fromYear: 2015, toYear: 2020, direction: 'UNCHANGED', change: '0.0', inPoints: true })
    expect(indicatorRow(unmeasured, 'ja').trend).toEqual({ fromYear: 2015, toYear: 2020, direction: 'IMPROVED', change: '+1組織', inPoints: false })
    expect(indicatorRow(unmeasured, 'en').trend?.change).toBe('+1 organisations')
    const worse = { ...measured, previousTrend: { fromYear: 2015, toYear: 2020, change: -2.0999999999999943, direction: 'WORSENED' as const } }
    expect(indicatorRow(worse, 'ja').trend?.change).toBe('-2.1')
  })

  it('keeps a negative achievement (a value that moved away from the target)', () => {
    const regressed = { ...measured, value: 84.6, achievementRate: -0.1489, grade: 'REGRESSED' as const, gradeLabel: '後退' }
    expect(indicatorRow(regressed, 'ja')).toMatchObject({ achievementPercent: -14.9, achievement: '-14.9%', gradeLabel: '後退' })
  })

  it('has no trend when there is no earlier value', () => {
    expect(indicatorRow({ ...measured, previousTrend: null }, 'ja').trend).toBeNull()
  })

  it('keeps the API’s order', () => {
    expect(indicatorRows([unmeasured, measured], 'en').map((row) => row.code)).toEqual(['I8', 'I1'])
  })
})

describe('the straight path', () => {
  it('is 80 % of the way in year 4 of 5, 100 % in the target year', () => {
    expect(expectedPercent({ baselineValue: 85.3, targetValue: 90 }, 89.06)).toBe(80)
    expect(expectedPercent({ baselineValue: 8, targetValue: 20 }, 20)).toBe(100)
  })

  it('does not divide by zero when the target is the baseline', () => {
    expect(expectedPercent({ baselineValue: 50, targetValue: 50 }, 50)).toBe(100)
  })
})
