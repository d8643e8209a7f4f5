import { sparklineGeometry, type SparkPoint } from './sparklineGeometry'
import styles from './Sparkline.module.css'

export interface SparklineProps {
  /** Observed values, oldest first (x is the fiscal year). */
  observed: readonly SparkPoint[]
  /** The target, drawn as a hollow marker joined by a dashed line. */
  target?: SparkPoint | null
  /** What the chart shows, in words, for assistive technology. */
  label: string
  width?: number
  height?: number
}

/** A small inline trend chart: observed values as a line, the target as a hollow marker. */
export function Sparkline({ observed, target = null, label, width = 120, height = 36 }: SparklineProps) {
  const geometry = sparklineGeometry(observed, target, { width, height, padding: 5 })
  const last = geometry.observed.at(-1)
  return (
    <svg
      className={styles.sparkline}
      role="img"
      aria-label={label}
      width={width}
      height={height}
      viewBox={`0 0 ${String(width)} ${String(height)}`}
    >
      {geometry.target && last ? (
        <line
          className={styles.toTarget}
          x1={last.x}
          y1={last.y}
          x2={geometry.target.x}
          y2={geometry.target.y}
        />
      ) : null}
      {geometry.observed.length > 1 ? (
        <polyline
          className={styles.line}
          points={geometry.observed.map((p) => `${String(p.x)},${String(p.y)}`).join(' ')}
        />
      ) : null}
      {geometry.observed.map((p, i) => (
        <circle key={i} className={styles.point} cx={p.x} cy={p.y} r={3} />
      ))}
      {geometry.target ? (
        <circle className={styles.target} cx={geometry.target.x} cy={geometry.target.y} r={4} />
      ) : null}
    </svg>
  )
}
