import { describe, expect, it } from 'vitest'
import { fiscalYearBoth, formatBytes, formatShare, isEditable, missingReportCount, shareChange, statusStep } from './format'

describe('shares', () => {
  it('shows a share as a percentage with one decimal', () => {
    expect(formatShare(0.7241379310344828, 'ja')).toBe('72.4%')
    expect(formatShare(1, 'en')).toBe('100.0%')
    expect(formatShare(0, 'ja')).toBe('0.0%')
  })

  it('has no number when nothing is rated', () => {
    expect(formatShare(null, 'ja')).toBeNull()
    expect(formatShare(undefined, 'en')).toBeNull()
    expect(formatShare(Number.NaN, 'ja')).toBeNull()
  })
})

describe('year-over-year change', () => {
  it('marks a rise with ▲ and its size in points', () => {
    expect(shareChange(0.06896551724137934, 'ja')).toEqual({ direction: 'up', mark: '▲', points: '6.9' })
  })

  it('marks a fall with ▼ and the size without a sign', () => {
    expect(shareChange(-0.2727, 'en')).toEqual({ direction: 'down', mark: '▼', points: '27.3' })
  })

  it('calls a change that rounds to 0.0 points unchanged', () => {
    expect(shareChange(0.0004, 'ja')).toEqual({ direction: 'same', mark: '―', points: '0.0' })
    expect(shareChange(-0.0004, 'ja')?.direction).toBe('same')
  })

  it('has nothing to say without a comparison', () => {
    expect(shareChange(null, 'ja')).toBeNull()
  })
})

describe('labels', () => {
  it('names the fiscal year in 令和 and in the Western calendar', () => {
    expect(fiscalYearBoth(2024, 'ja')).toBe('令和6年度（2024年度）')
    expect(fiscalYearBoth(2019, 'ja')).toBe('令和元年度（2019年度）')
    expect(fiscalYearBoth(2025, 'en')).toBe('FY2025 (Reiwa 7)')
  })

  it('orders the statuses and says which can still change', () => {
    expect(['DRAFT', 'IN_COMMITTEE', 'FINALIZED', 'PUBLISHED'].map(statusStep)).toEqual([0, 1, 2, 3])
    expect(['DRAFT', 'IN_COMMITTEE', 'FINALIZED', 'PUBLISHED'].map(isEditable)).toEqual([true, true, false, false])
  })

  it('formats bytes', () => {
    expect(formatBytes(980, 'ja')).toBe('980 B')
    expect(formatBytes(12_595, 'ja')).toBe('12.3 KB')
    expect(formatBytes(4_718_592, 'en')).toBe('4.5 MB')
  })

  it('counts the missing reports over every direction', () => {
    const row = (n: number) => ({ missingReports: Array.from({ length: n }, () => ({})) })
    expect(missingReportCount({ goals: [{ directions: [row(2), row(0)] }, { directions: [row(3)] }] })).toBe(5)
  })
})
