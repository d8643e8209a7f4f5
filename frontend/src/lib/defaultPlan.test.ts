import { describe, expect, it } from 'vitest'
import { pickDefaultPlan } from './defaultPlan'

const second = { code: 'omitama-2', startFiscalYear: 2016, endFiscalYear: 2020 }
const third = { code: 'omitama-3', startFiscalYear: 2021, endFiscalYear: 2025 }
const fourth = { code: 'omitama-4', startFiscalYear: 2026, endFiscalYear: 2030 }

describe('pickDefaultPlan', () => {
  it('picks the plan in force on the date', () => {
    const plans = [second, third, fourth]
    expect(pickDefaultPlan(plans, new Date('2023-06-01T00:00:00+09:00'))?.code).toBe('omitama-3')
    expect(pickDefaultPlan(plans, new Date('2026-04-01T00:00:00+09:00'))?.code).toBe('omitama-4')
    // 31 March 2026 still belongs to FY2025.
    expect(pickDefaultPlan(plans, new Date('2026-03-31T23:59:00+09:00'))?.code).toBe('omitama-3')
  })

  it('falls back to the first plan', () => {
    expect(pickDefaultPlan([second, third], new Date('2030-01-01T00:00:00+09:00'))?.code).toBe('omitama-2')
  })

  it('has nothing to pick without plans', () => {
    expect(pickDefaultPlan<typeof second>([])).toBeUndefined()
  })
})
