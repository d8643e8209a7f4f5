import { useMemo } from 'react'
import { paletteFrom, type ChartPalette } from '../model/chartOptions'

/** The chart colours from the design tokens on the page (their fallbacks where absent). */
export function useChartPalette(): ChartPalette {
  return useMemo(() => {
    const style = typeof document === 'undefined' ? null : getComputedStyle(document.documentElement)
    return paletteFrom((property) => style?.getPropertyValue(property) ?? '')
  }, [])
}

/** Whether the reader asked for less motion: the charts then draw without animation. */
export function usePrefersReducedMotion(): boolean {
  return useMemo(
    () => typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches,
    [],
  )
}
