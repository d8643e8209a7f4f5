import { describe, expect, it } from 'vitest'
import { sparklineGeometry } from './sparklineGeometry'

const box = { width: 100, height: 40, padding: 5 }

describe('sparklineGeometry', () => {
  it('spreads years across the width and puts higher values higher', () => {
    const g = sparklineGeometry(
      [
        { x: 2015, y: 60.1 },
        { x: 2020, y: 60.5 },
      ],
      { x: 2025, y: 70 },
      box,
    )
    expect(g.observed[0]?.x).toBe(5)
    expect(g.target?.x).toBe(95)
    expect(g.observed[1]?.x).toBe(50)
    // The target is the highest value, so it is nearest the top.
    expect(g.target?.y).toBeLessThan(g.observed[1]?.y ?? 0)
    expect(g.observed[1]?.y).toBeLessThan(g.observed[0]?.y ?? 0)
  })

  it('shows a regression as a downward step', () => {
    const g = sparklineGeometry(
      [
        { x: 2015, y: 9 },
        { x: 2020, y: 8 },
      ],
      { x: 2025, y: 20 },
      box,
    )
    expect(g.observed[1]?.y).toBeGreaterThan(g.observed[0]?.y ?? Infinity)
  })

  it('keeps everything inside the box', () => {
    const g = sparklineGeometry([{ x: 2015, y: 8 }, { x: 2020, y: 9 }], { x: 2025, y: 12 }, box)
    for (const p of [...g.observed, g.target]) {
      expect(p?.x).toBeGreaterThanOrEqual(0)
      expect(p?.x).toBeLessThanOrEqual(100)
      expect(p?.y).toBeGreaterThanOrEqual(0)
      expect(p?.y).toBeLessThanOrEqual(40)
    }
  })

  it('centres flat and single-point series', () => {
    const flat = sparklineGeometry([{ x: 2020, y: 85.3 }], null, box)
    expect(flat.observed).toEqual([{ x: 50, y: 20 }])
    const same = sparklineGeometry([{ x: 2015, y: 85.3 }, { x: 2020, y: 85.3 }], null, box)
    expect(same.observed.map((p) => p.y)).toEqual([20, 20])
  })

  it('uses a fixed y range when given', () => {
    const g = sparklineGeometry([{ x: 2015, y: 0 }, { x: 2020, y: 100 }], null, { ...box, yDomain: [0, 100] })
    expect(g.observed.map((p) => p.y)).toEqual([35, 5])
  })

  it('is empty without points', () => {
    expect(sparklineGeometry([], null, box)).toEqual({ observed: [], target: null })
  })
})
