/**
 * ECharts options for the evaluation's two charts, as pure data (no DOM, no ECharts
 * runtime: only its types), so they are unit-tested in Node. The colours come in as a
 * palette the component reads from the design tokens' CSS custom properties.
 */
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts'
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import type { ComposeOption } from 'echarts/core'
import { RATINGS, type Rating } from './format'

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>

export type RatingKey = Rating | 'unrated'
export const RATING_KEYS: readonly RatingKey[] = [...RATINGS, 'unrated']

export interface ChartPalette {
  text: string
  textSecondary: string
  gridLine: string
  surface: string
  /** Fill and label colour of each rating's segment. */
  ratings: Record<RatingKey, { fill: string; label: string }>
  /** The achievement bars. */
  bar: string
  barLabel: string
  /** The expected-position marker. */
  marker: string
}

/** The DADS colours the charts use, with the custom property each comes from. */
export const PALETTE_TOKENS = {
  text: ['--color-text', '#333333'],
  textSecondary: ['--color-text-secondary', '#666666'],
  gridLine: ['--color-divider', '#cccccc'],
  surface: ['--color-surface', '#ffffff'],
  A: ['--color-primitive-blue-900', '#0017c1'],
  B: ['--color-primitive-light-blue-700', '#0877d7'],
  C: ['--color-primitive-orange-500', '#ff7628'],
  D: ['--color-primitive-red-1000', '#a90000'],
  unrated: ['--color-neutral-solid-gray-536', '#767676'],
  black: ['--color-neutral-black', '#000000'],
  white: ['--color-neutral-white', '#ffffff'],
} as const satisfies Record<string, readonly [string, string]>

/** The palette from `read(customProperty)` (empty when unknown: the fallback is used). */
export function paletteFrom(read: (property: string) => string): ChartPalette {
  const color = (key: keyof typeof PALETTE_TOKENS) => {
    const [property, fallback] = PALETTE_TOKENS[key]
    const value = read(property).trim()
    return value === '' ? fallback : value
  }
  const white = color('white')
  const black = color('black')
  return {
    text: color('text'),
    textSecondary: color('textSecondary'),
    gridLine: color('gridLine'),
    surface: color('surface'),
    // Label colours chosen for at least 4.5:1 on each fill.
    ratings: {
      A: { fill: color('A'), label: white },
      B: { fill: color('B'), label: white },
      C: { fill: color('C'), label: black },
      D: { fill: color('D'), label: white },
      unrated: { fill: color('unrated'), label: white },
    },
    bar: color('A'),
    barLabel: color('text'),
    marker: black,
  }
}

/**
 * Patterns on top of the colours, so the segments differ without colour too (the
 * labels and the table beside the chart say the same in words).
 */
const DECALS: Record<RatingKey, BarSeriesOption['itemStyle']> = {
  A: {},
  B: { decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: Math.PI / 4, color: 'rgba(255,255,255,0.35)' } },
  C: { decal: { symbol: 'circle', symbolSize: 0.6, dashArrayX: [[4, 4]], dashArrayY: [4, 4], color: 'rgba(0,0,0,0.25)' } },
  D: { decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: -Math.PI / 4, color: 'rgba(255,255,255,0.35)' } },
  unrated: { decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [1, 6], color: 'rgba(255,255,255,0.35)' } },
}

const FONT = "'Noto Sans JP', 'Hiragino Sans', 'BIZ UDPGothic', Meiryo, sans-serif"

export interface RatingChartInput {
  /** One bar per goal, top to bottom: its label and its counts. */
  bars: readonly { label: string; counts: Record<RatingKey, number> }[]
  /** Legend and tooltip names: `A（達成）`. */
  names: Record<RatingKey, string>
  /** The value axis: `施策の方向の数`. */
  axisName: string
  palette: ChartPalette
  animation: boolean
}

/**
 * Stacked horizontal bars: for each goal, how many directions got each rating. The
 * "not rated" segment appears only when some goal has unrated directions.
 */
export function ratingChartOption(input: RatingChartInput): ChartOption {
  const { bars, names, palette } = input
  const keys = RATING_KEYS.filter((key) => key !== 'unrated' || bars.some((bar) => bar.counts.unrated > 0))
  const series: BarSeriesOption[] = keys.map((key) => ({
    type: 'bar',
    name: names[key],
    stack: 'ratings',
    barMaxWidth: 36,
    itemStyle: { color: palette.ratings[key].fill, borderColor: palette.surface, borderWidth: 1, ...DECALS[key] },
    // The count sits on the pattern; an outline in the segment's own colour keeps it legible.
    label: {
      color: palette.ratings[key].label,
      textBorderColor: palette.ratings[key].fill,
      textBorderWidth: 3,
      fontWeight: 'bold',
      fontFamily: FONT,
      position: 'inside',
    },
    emphasis: { disabled: true },
    data: bars.map((bar) => ({ value: bar.counts[key], label: { show: bar.counts[key] > 0 } })),
  }))
  return {
    animation: input.animation,
    textStyle: { fontFamily: FONT, color: palette.text },
    legend: {
      top: 0,
      left: 0,
      selectedMode: false,
      itemGap: 16,
      textStyle: { color: palette.text, fontSize: 14 },
      data: keys.map((key) => names[key]),
    },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    grid: { left: 8, right: 24, top: 48, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    xAxis: {
      type: 'value',
      minInterval: 1,
      name: input.axisName,
      nameLocation: 'middle',
      nameGap: 28,
      nameTextStyle: { color: palette.textSecondary },
      axisLabel: { color: palette.text },
      splitLine: { lineStyle: { color: palette.gridLine } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: bars.map((bar) => bar.label),
      axisLabel: { color: palette.text, fontSize: 14 },
      axisTick: { show: false },
    },
    series,
  }
}

export interface IndicatorChartInput {
  /** One bar per indicator, top to bottom. */
  rows: readonly { label: string; achievementPercent: number | null; expectedPercent: number }[]
  names: { achievement: string; expected: string; axis: string }
  /** How a bar's value reads: `31.9%`. */
  formatPercent: (value: number) => string
  palette: ChartPalette
  animation: boolean
}

/** The value axis' ends: at least 0–100 %, widened to whole tens to fit every value. */
export function percentAxisRange(values: readonly number[]): { min: number; max: number } {
  const finite = values.filter((v) => Number.isFinite(v))
  const low = Math.min(0, ...finite)
  const high = Math.max(100, ...finite)
  return { min: Math.floor(low / 10) * 10, max: Math.ceil(high / 10) * 10 }
}

/**
 * Achievement rate per indicator (bars) against where a straight path from the baseline
 * to the target would be this year (a diamond). An unmeasured indicator has no bar; its
 * label says so.
 */
export function indicatorChartOption(input: IndicatorChartInput): ChartOption {
  const { rows, names, palette } = input
  const values = rows.flatMap((row) =>
    row.achievementPercent === null ? [row.expectedPercent] : [row.achievementPercent, row.expectedPercent],
  )
  const range = percentAxisRange(values)
  return {
    animation: input.animation,
    textStyle: { fontFamily: FONT, color: palette.text },
    legend: {
      top: 0,
      left: 0,
      selectedMode: false,
      itemGap: 16,
      textStyle: { color: palette.text, fontSize: 14 },
      data: [names.achievement, names.expected],
    },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    grid: { left: 8, right: 56, top: 48, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    xAxis: {
      type: 'value',
      min: range.min,
      max: range.max,
      interval: 20,
      name: names.axis,
      nameLocation: 'middle',
      nameGap: 28,
      nameTextStyle: { color: palette.textSecondary },
      axisLabel: { color: palette.text, formatter: '{value}%' },
      splitLine: { lineStyle: { color: palette.gridLine } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((row) => row.label),
      axisLabel: { color: palette.text, fontSize: 14 },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        name: names.achievement,
        barMaxWidth: 22,
        itemStyle: { color: palette.bar },
        emphasis: { disabled: true },
        label: { show: true, position: 'right', color: palette.barLabel, fontFamily: FONT },
        data: rows.map((row) =>
          row.achievementPercent === null
            ? { value: '-' }
            : {
                value: row.achievementPercent,
                label: { formatter: input.formatPercent(row.achievementPercent) },
              },
        ),
      },
      {
        type: 'line',
        name: names.expected,
        symbol: 'diamond',
        symbolSize: 16,
        z: 3,
        lineStyle: { opacity: 0 },
        itemStyle: { color: palette.marker, borderColor: palette.surface, borderWidth: 2 },
        emphasis: { disabled: true },
        data: rows.map((row) => row.expectedPercent),
      },
    ],
  }
}
