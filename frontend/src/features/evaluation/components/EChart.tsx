import { useEffect, useRef, useState } from 'react'
import type { EChartsType } from 'echarts/core'
import { cx } from '@/lib/cx'
import type { ChartOption } from '../model/chartOptions'
import styles from './Evaluation.module.css'

/** ECharts, loaded once for every chart of the page (the first chart starts the load). */
let echarts: ReturnType<typeof importEcharts> | null = null
const importEcharts = () => import('../charts/echarts')
function loadEcharts() {
  echarts ??= importEcharts().catch((error: unknown) => {
    echarts = null // A later chart may try again.
    throw error
  })
  return echarts
}

/**
 * An ECharts chart as an image with a text alternative (`label`): assistive technology
 * reads the label, and the same numbers are in a table beside the chart. ECharts loads on
 * first use; if it cannot, the chart is left out and the table remains.
 */
export function EChart({ option, label, height, className }: { option: ChartOption; label: string; height: number; className?: string }) {
  const ref = useRef<HTMLDivElement>(null)
  const [chart, setChart] = useState<EChartsType | null>(null)
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    let disposed = false
    let instance: EChartsType | null = null
    let observer: ResizeObserver | null = null
    loadEcharts()
      .then(({ init }) => {
        const element = ref.current
        if (disposed || !element) return
        instance = init(element, null, { renderer: 'svg' })
        if (typeof ResizeObserver !== 'undefined') {
          observer = new ResizeObserver(() => {
            instance?.resize()
          })
          observer.observe(element)
        }
        setChart(instance)
      })
      .catch(() => {
        if (!disposed) setFailed(true)
      })
    return () => {
      disposed = true
      observer?.disconnect()
      instance?.dispose()
    }
  }, [])

  // Options are plain data (no functions): compared by content, so a re-render with the
  // same numbers does not redraw (or re-animate) the chart.
  const serialized = JSON.stringify(option)
  useEffect(() => {
    chart?.setOption(JSON.parse(serialized) as ChartOption, { notMerge: true })
  }, [chart, serialized])

  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      hidden={failed}
      className={cx(styles.chart, className)}
      style={{ height: `${String(height)}px` }}
    />
  )
}
