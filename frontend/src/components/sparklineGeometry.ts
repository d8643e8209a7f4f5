/** Pure geometry for `Sparkline`, kept apart so it can be tested without a DOM. */

export interface SparkPoint {
  x: number
  y: number
}

export interface SparklineGeometry {
  observed: SparkPoint[]
  target: SparkPoint | null
}

export interface GeometryOptions {
  width: number
  height: number
  padding: number
  /** Fixed y range, for example 0–100 for percentages; otherwise fitted to the data. */
  yDomain?: readonly [number, number]
}

/** Maps data points to SVG coordinates (y grows downwards), fitting both axes to the data. */
export function sparklineGeometry(
  observed: readonly SparkPoint[],
  target: SparkPoint | null,
  { width, height, padding, yDomain }: GeometryOptions,
): SparklineGeometry {
  const all = target ? [...observed, target] : [...observed]
  if (all.length === 0) return { observed: [], target: null }

  const xs = all.map((p) => p.x)
  const ys = all.map((p) => p.y)
  const xMin = Math.min(...xs)
  const xMax = Math.max(...xs)
  let [yMin, yMax] = yDomain ?? [Math.min(...ys), Math.max(...ys)]
  if (!yDomain) {
    const spread = yMax - yMin
    const pad = spread === 0 ? Math.max(Math.abs(yMax) * 0.1, 1) : spread * 0.15
    yMin -= pad
    yMax += pad
  }

  const innerWidth = width - 2 * padding
  const innerHeight = height - 2 * padding
  const scaleX = (x: number) =>
    xMax === xMin ? width / 2 : padding + ((x - xMin) / (xMax - xMin)) * innerWidth
  const scaleY = (y: number) =>
    yMax === yMin ? height / 2 : padding + (1 - (y - yMin) / (yMax - yMin)) * innerHeight
  const place = (p: SparkPoint): SparkPoint => ({
    x: round(scaleX(p.x)),
    y: round(scaleY(p.y)),
  })

  return { observed: observed.map(place), target: target ? place(target) : null }
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}
