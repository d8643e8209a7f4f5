import { describe, expect, it } from 'vitest'
import { defaultYear, evaluationPath, parseFiscalYear, yearLinks } from './years'

const plan = { startFiscalYear: 2021, endFiscalYear: 2025 }
const published = [2021, 2022, 2023, 2024].map((fiscalYear) => ({ fiscalYear, status: 'PUBLISHED' }))

describe('year links', () => {
  it('lists the evaluations the reader may see', () => {
    const links = yearLinks(plan, published, { includeUncompiled: false, currentFiscalYear: 2026 })
    expect(links.map((l) => l.fiscalYear)).toEqual([2021, 2022, 2023, 2024])
    expect(defaultYear(links)).toBe(2024)
  })

  it('adds the plan office’s years not compiled yet, up to the current one', () => {
    const links = yearLinks(plan, published, { includeUncompiled: true, currentFiscalYear: 2026 })
    expect(links.at(-1)).toEqual({ fiscalYear: 2025, status: null })
    expect(defaultYear(links)).toBe(2025)
    const midway = yearLinks(plan, [], { includeUncompiled: true, currentFiscalYear: 2022 })
    expect(midway.map((l) => l.fiscalYear)).toEqual([2021, 2022])
  })

  it('has no default without any year', () => {
    expect(defaultYear([])).toBeNull()
  })
})

describe('paths', () => {
  it('reads only four-digit years', () => {
    expect(parseFiscalYear('2024')).toBe(2024)
    expect(parseFiscalYear('24')).toBeNull()
    expect(parseFiscalYear('2024x')).toBeNull()
    expect(parseFiscalYear(undefined)).toBeNull()
  })

  it('builds the page path', () => {
    expect(evaluationPath('omitama-3', 2024)).toBe('/evaluations/omitama-3/2024')
    expect(evaluationPath('omitama-3')).toBe('/evaluations/omitama-3')
    expect(evaluationPath('omitama-3', 2024, 'indicators')).toBe('/evaluations/omitama-3/2024#indicators')
  })
})
