import { describe, expect, it } from 'vitest'
import {
  daysBetween,
  evaluationsInCommittee,
  evaluationToWatch,
  homeBlocks,
  plansToWatch,
  reportsToDo,
  reviewSummary,
} from './todo'

describe('homeBlocks', () => {
  it('gives each role its blocks, in page order', () => {
    expect(homeBlocks(['DEPARTMENT_STAFF'])).toEqual(['reports'])
    expect(homeBlocks(['DEPARTMENT_MANAGER'])).toEqual(['reports', 'reviews'])
    expect(homeBlocks(['COUNCIL_COORDINATOR'])).toEqual(['reports', 'reviews'])
    expect(homeBlocks(['PLAN_OFFICE'])).toEqual(['reviews', 'evaluation'])
    expect(homeBlocks(['COMMITTEE_MEMBER'])).toEqual(['committee'])
    expect(homeBlocks(['ADMIN'])).toEqual([])
    expect(homeBlocks(['COMMITTEE_MEMBER', 'DEPARTMENT_STAFF'])).toEqual(['reports', 'committee'])
  })
})

const period = (id: string, opensOn: string, dueOn: string) => ({ id, opensOn, dueOn })
const interim = period('p-in', '2026-09-01', '2026-10-31')
const yearEnd = period('p-ye', '2027-03-01', '2027-04-30')
const lastYear = period('p-old', '2026-03-01', '2026-04-30')

function report(id: string, status: string, overdue: boolean, code: string, p = interim) {
  return { id, status, overdue, direction: { code }, period: p }
}

describe('reportsToDo', () => {
  const today = '2026-11-27'

  it('keeps what is still to hand in from periods that have opened, overdue first, then by due date and code', () => {
    const todo = reportsToDo(
      [
        report('accepted', 'ACCEPTED', false, '1-1-1'),
        report('submitted', 'SUBMITTED', false, '1-1-2'),
        report('draft-10', 'DRAFT', false, '1-10-1', yearEnd),
        report('not-open', 'NOT_STARTED', false, '1-1-3', yearEnd),
        report('draft-2', 'DRAFT', true, '1-2-1'),
        report('returned', 'RETURNED', true, '1-1-9'),
        report('old', 'NOT_STARTED', true, '3-3-3', lastYear),
        report('manager', 'AWAITING_MANAGER', false, '2-1-1', period('p-q', '2026-10-01', '2026-12-10')),
      ],
      today,
    )
    expect(todo.map((item) => item.report.id)).toEqual(['old', 'returned', 'draft-2', 'manager'])
    expect(todo.map((item) => item.overdue)).toEqual([true, true, true, false])
    expect(todo.map((item) => item.daysLeft)).toEqual([-211, -27, -27, 13])
  })

  it('orders direction codes as numbers (1-2 before 1-10)', () => {
    const open = period('p', '2026-11-01', '2026-12-31')
    const todo = reportsToDo([report('b', 'DRAFT', false, '1-10-1', open), report('a', 'DRAFT', false, '1-2-1', open)], today)
    expect(todo.map((item) => item.report.id)).toEqual(['a', 'b'])
  })

  it('keeps an overdue report whose status the app does not know, and a period opening today', () => {
    const todo = reportsToDo(
      [report('odd', 'SOMETHING_NEW', true, '1-1-1'), report('today', 'NOT_STARTED', false, '1-1-2', period('p', today, '2026-12-31'))],
      today,
    )
    expect(todo.map((item) => item.report.id)).toEqual(['odd', 'today'])
  })

  it('is empty when everything is handed in', () => {
    expect(reportsToDo([report('a', 'ACCEPTED', false, '1-1-1'), report('b', 'LOCKED', false, '1-1-2')], today)).toEqual([])
  })
})

describe('daysBetween', () => {
  it('counts whole calendar days, across months and a leap day', () => {
    expect(daysBetween('2026-11-27', '2026-11-27')).toBe(0)
    expect(daysBetween('2026-11-27', '2026-12-01')).toBe(4)
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2)
    expect(daysBetween('2026-12-01', '2026-11-27')).toBe(-4)
  })
})

describe('reviewSummary', () => {
  it('counts the queue and finds the longest wait (the earlier start breaks a tie)', () => {
    expect(
      reviewSummary([
        { waitingDays: 1, waitingSince: '2026-11-26T01:00:00Z' },
        { waitingDays: 7, waitingSince: '2026-11-20T05:00:00Z' },
        { waitingDays: 7, waitingSince: '2026-11-20T01:00:00Z' },
      ]),
    ).toEqual({ count: 3, longest: { days: 7, since: '2026-11-20T01:00:00Z' } })
  })

  it('has no longest wait for an empty queue', () => {
    expect(reviewSummary([])).toEqual({ count: 0, longest: null })
  })
})

describe('evaluationsInCommittee', () => {
  it('keeps the evaluations before the committee, newest year first', () => {
    const evaluations = [
      { fiscalYear: 2023, status: 'PUBLISHED' },
      { fiscalYear: 2024, status: 'IN_COMMITTEE' },
      { fiscalYear: 2025, status: 'IN_COMMITTEE' },
      { fiscalYear: 2026, status: 'DRAFT' },
    ]
    expect(evaluationsInCommittee(evaluations).map((e) => e.fiscalYear)).toEqual([2025, 2024])
    expect(evaluationsInCommittee([{ fiscalYear: 2024, status: 'PUBLISHED' }])).toEqual([])
  })
})

describe('evaluationToWatch', () => {
  const plan = { startFiscalYear: 2021, endFiscalYear: 2025 }
  const published = (fiscalYear: number) => ({ fiscalYear, status: 'PUBLISHED' })

  it('is last year’s evaluation, with its status, once compiled', () => {
    expect(evaluationToWatch(plan, [published(2022), { fiscalYear: 2023, status: 'IN_COMMITTEE' }], 2024)).toEqual({
      fiscalYear: 2023,
      status: 'IN_COMMITTEE',
      previous: null,
    })
  })

  it('names last year as not compiled yet, with the newest evaluation there is', () => {
    expect(evaluationToWatch(plan, [published(2021), published(2022)], 2024)).toEqual({
      fiscalYear: 2023,
      status: null,
      previous: published(2022),
    })
  })

  it('is the plan’s last year once the plan is over', () => {
    expect(evaluationToWatch(plan, [published(2024)], 2026)).toEqual({ fiscalYear: 2025, status: null, previous: published(2024) })
    expect(evaluationToWatch(plan, [published(2024), published(2025)], 2027)).toEqual({ fiscalYear: 2025, status: 'PUBLISHED', previous: null })
  })

  it('counts this year’s evaluation compiled early', () => {
    expect(evaluationToWatch(plan, [published(2023), { fiscalYear: 2024, status: 'DRAFT' }], 2024)).toEqual({
      fiscalYear: 2024,
      status: 'DRAFT',
      previous: null,
    })
  })

  it('has nothing to watch while the plan’s first year runs', () => {
    expect(evaluationToWatch(plan, [], 2021)).toBeNull()
    expect(evaluationToWatch(plan, [], 2020)).toBeNull()
  })
})

describe('plansToWatch', () => {
  const plans = [
    { code: 'omitama-2', startFiscalYear: 2016, endFiscalYear: 2020 },
    { code: 'omitama-3', startFiscalYear: 2021, endFiscalYear: 2025 },
    { code: 'omitama-4', startFiscalYear: 2026, endFiscalYear: 2030 },
  ]
  // 27 November in Japan: FY2026.
  const fy2026 = new Date('2026-11-27T00:00:00Z')

  it('watches the plan of this year and the plan of last year', () => {
    expect(plansToWatch(plans, fy2026).map((p) => p.code)).toEqual(['omitama-3', 'omitama-4'])
    expect(plansToWatch(plans, new Date('2028-06-01T00:00:00Z')).map((p) => p.code)).toEqual(['omitama-4'])
  })

  it('falls back to the plan `/` opens when none runs', () => {
    expect(plansToWatch(plans.slice(0, 1), fy2026).map((p) => p.code)).toEqual(['omitama-2'])
    expect(plansToWatch([], fy2026)).toEqual([])
  })

  it('keeps the plan just ended (its last year is evaluated this year)', () => {
    expect(plansToWatch(plans.slice(0, 2), fy2026).map((p) => p.code)).toEqual(['omitama-3'])
  })
})
