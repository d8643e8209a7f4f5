import { describe, expect, it } from 'vitest'
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts'
import { indicatorChartOption, paletteFrom, percentAxisRange, ratingChartOption, type RatingKey } from './chartOptions'

const palette = paletteFrom(() => '')
const names: Record<RatingKey, string> = { A: 'A（達成）', B: 'B（概ね達成）', C: 'C（やや遅れ）', D: 'D（遅れ）', unrated: '評価なし' }
const counts = (A: number, B: number, C: number, D: number, unrated: number) => ({ A, B, C, D, unrated })

function seriesOf(option: ReturnType<typeof ratingChartOption>) {
  return option.series as (BarSeriesOption | LineSeriesOption)[]
}

describe('the ratings chart', () => {
  const option = ratingChartOption({
    bars: [
      { label: '基本目標1', counts: counts(2, 4, 3, 0, 0) },
      { label: '基本目標2', counts: counts(1, 5, 5, 0, 0) },
    ],
    names,
    axisName: '施策の方向の数',
    palette,
    animation: false,
  })

  it('stacks one bar per goal, A to D, top to bottom in goal order', () => {
    const series = seriesOf(option)
    expect(series.map((s) => s.name)).toEqual(['A（達成）', 'B（概ね達成）', 'C（やや遅れ）', 'D（遅れ）'])
    expect(series.every((s) => s.type === 'bar' && s.stack === 'ratings')).toBe(true)
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true, data: ['基本目標1', '基本目標2'] })
    expect(option.xAxis).toMatchObject({ type: 'value', minInterval: 1, name: '施策の方向の数' })
  })

  it('labels each segment with its count, and hides the label of an empty one', () => {
    const c = seriesOf(option)[2]
    expect(c?.data).toEqual([
      { value: 3, label: { show: true } },
      { value: 5, label: { show: true } },
    ])
    const d = seriesOf(option)[3]
    expect(d?.data).toEqual([
      { value: 0, label: { show: false } },
      { value: 0, label: { show: false } },
    ])
  })

  it('tells the segments apart by pattern as well as colour', () => {
    const [a, b, c, d] = seriesOf(option) as BarSeriesOption[]
    expect(a?.itemStyle?.color).toBe('#0017c1')
    expect(b?.itemStyle?.decal).toBeDefined()
    expect(c?.itemStyle?.decal).not.toEqual(d?.itemStyle?.decal)
    // The label colour on C (orange) is black: white would fail the contrast ratio.
    expect(c?.label?.color).toBe('#000000')
  })

  it('adds the "not rated" segment only when a goal has unrated directions', () => {
    const withUnrated = ratingChartOption({
      bars: [{ label: '基本目標1', counts: counts(0, 0, 0, 0, 9) }],
      names,
      axisName: '',
      palette,
      animation: true,
    })
    expect(seriesOf(withUnrated).map((s) => s.name)).toContain('評価なし')
    expect(withUnrated.animation).toBe(true)
  })

  it('is plain data (no functions), so it can be compared and copied', () => {
    expect(JSON.parse(JSON.stringify(option))).toEqual(option)
  })
})

describe('the indicator chart', () => {
  const option = indicatorChartOption({
    rows: [
      { label: 'I1', achievementPercent: 31.9, expectedPercent: 80 },
      { label: 'I3（未測定）', achievementPercent: null, expectedPercent: 80 },
      { label: 'I6', achievementPercent: -14.5, expectedPercent: 80 },
    ],
    names: { achievement: '達成率', expected: '計画どおりの位置（◆）', axis: '達成率' },
    formatPercent: (value) => `${value.toFixed(1)}%`,
    palette,
    animation: false,
  })

  it('draws achievement as bars and the straight path as diamonds', () => {
    const [bars, markers] = seriesOf(option)
    expect(bars?.type).toBe('bar')
    expect(markers).toMatchObject({ type: 'line', symbol: 'diamond', lineStyle: { opacity: 0 }, data: [80, 80, 80] })
  })

  it('leaves out the bar of an unmeasured indicator instead of drawing zero', () => {
    const [bars] = seriesOf(option)
    expect(bars?.data).toEqual([
      { value: 31.9, label: { formatter: '31.9%' } },
      { value: '-' },
      { value: -14.5, label: { formatter: '-14.5%' } },
    ])
    expect(option.yAxis).toMatchObject({ data: ['I1', 'I3（未測定）', 'I6'] })
  })

  it('widens the axis below zero for a regression', () => {
    expect(option.xAxis).toMatchObject({ min: -20, max: 100 })
  })
})

describe('axis range', () => {
  it('is at least 0–100 and widened to whole tens', () => {
    expect(percentAxisRange([31.9, 80])).toEqual({ min: 0, max: 100 })
    expect(percentAxisRange([-3, 112.5])).toEqual({ min: -10, max: 120 })
    expect(percentAxisRange([])).toEqual({ min: 0, max: 100 })
  })
})

describe('palette', () => {
  it('reads the design tokens and falls back when one is missing', () => {
    const read = (property: string) => (property === '--color-primitive-blue-900' ? ' #123456 ' : '')
    const fromTokens = paletteFrom(read)
    expect(fromTokens.ratings.A.fill).toBe('#123456')
    expect(fromTokens.ratings.D.fill).toBe('#a90000')
  })
})
