import { describe, expect, it } from 'vitest'
import { checkPeriodForm, emptyPeriodForm, groupPeriodsByYear, planFiscalYears, toOpenPeriodInput, type PeriodFormValues } from './periodForm'

const t = (key: string) => key
const valid: PeriodFormValues = { fiscalYear: '2025', kind: 'INTERIM', quarter: '', opensOn: '2025-09-01', dueOn: '2025-10-31' }

describe('checkPeriodForm', () => {
  it('accepts a complete form', () => {
    expect(checkPeriodForm(valid, t)).toEqual({})
  })

  it('asks for what is missing', () => {
    expect(checkPeriodForm({ ...emptyPeriodForm(null), kind: 'QUARTER' }, t)).toEqual({
      fiscalYear: 'adminPeriods.form.fiscalYearRequired',
      quarter: 'adminPeriods.form.quarterRequired',
      opensOn: 'adminPeriods.form.opensOnRequired',
      dueOn: 'adminPeriods.form.dueOnRequired',
    })
  })

  it('needs the quarter only for quarterly periods', () => {
    expect(checkPeriodForm({ ...valid, kind: 'YEAR_END' }, t)).toEqual({})
    expect(checkPeriodForm({ ...valid, kind: 'QUARTER', quarter: '2' }, t)).toEqual({})
  })

  it('refuses a due date before the opening day, and dates it cannot read', () => {
    expect(checkPeriodForm({ ...valid, dueOn: '2025-08-31' }, t)).toEqual({ dueOn: 'adminPeriods.form.dueBeforeOpen' })
    expect(checkPeriodForm({ ...valid, opensOn: '2025/09/01' }, t)).toEqual({ opensOn: 'adminPeriods.form.dateInvalid' })
  })
})

describe('toOpenPeriodInput', () => {
  it('sends numbers, and the quarter only for quarterly periods', () => {
    expect(toOpenPeriodInput('plan-3', valid)).toEqual({
      planId: 'plan-3',
      fiscalYear: 2025,
      kind: 'INTERIM',
      quarter: null,
      opensOn: '2025-09-01',
      dueOn: '2025-10-31',
    })
    expect(toOpenPeriodInput('plan-3', { ...valid, kind: 'QUARTER', quarter: '3' }).quarter).toBe(3)
    expect(toOpenPeriodInput('plan-3', { ...valid, kind: 'YEAR_END', quarter: '3' }).quarter).toBeNull()
  })
})

describe('groupPeriodsByYear', () => {
  it('puts the newest year first and a year’s periods in the order they fall due', () => {
    const period = (id: string, fiscalYear: number, kind: string, quarter: number | null = null) => ({ id, fiscalYear, kind, quarter, opensOn: `${String(fiscalYear)}-04-01` })
    const groups = groupPeriodsByYear([
      period('ye24', 2024, 'YEAR_END'),
      period('q2', 2025, 'QUARTER', 2),
      period('ye25', 2025, 'YEAR_END'),
      period('in25', 2025, 'INTERIM'),
      period('q1', 2025, 'QUARTER', 1),
    ])
    expect(groups.map((g) => [g.fiscalYear, g.periods.map((p) => p.id)])).toEqual([
      [2025, ['in25', 'q1', 'q2', 'ye25']],
      [2024, ['ye24']],
    ])
  })
})

describe('planFiscalYears', () => {
  it('offers the plan’s years, newest first', () => {
    expect(planFiscalYears({ startFiscalYear: 2021, endFiscalYear: 2025 })).toEqual([2025, 2024, 2023, 2022, 2021])
  })
})
