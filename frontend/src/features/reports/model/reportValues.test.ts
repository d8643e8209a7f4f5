import { describe, expect, it } from 'vitest'
import { must } from '../testing/must'
import {
  buildPatch,
  changedFields,
  conflictRows,
  emptyActivity,
  isEmptyReport,
  mergeKeepingMine,
  move,
  parseFigure,
  toInput,
  valuesFromReport,
  type ReportContent,
  type ReportValues,
} from './reportValues'

const saved: ReportContent = {
  activities: [
    {
      title: '地域福祉講座の開催',
      description: '小学校4校で実施',
      actor: 'CITY',
      figures: [{ name: '参加者数', unit: '人', planned: 120, actual: 98 }],
    },
  ],
  resultsSummary: '参加者が増えた。',
  selfRating: 'B',
  ratingReason: null,
  issues: null,
  nextStep: 'CONTINUE',
  nextStepReason: null,
  indicators: [{ id: 'ind-1' }, { id: 'ind-2' }],
}

function values(overrides: Partial<ReportValues> = {}): ReportValues {
  return { ...valuesFromReport(saved), ...overrides }
}

describe('report values', () => {
  it('come from the API answer with text for every field, and go back unchanged', () => {
    const v = valuesFromReport(saved)
    expect(v.activities[0]).toMatchObject({ title: '地域福祉講座の開催', actor: 'CITY' })
    expect(v.activities[0]?.figures[0]).toMatchObject({ planned: '120', actual: '98' })
    expect(v.ratingReason).toBe('')
    expect(toInput(v)).toEqual({
      activities: [
        {
          title: '地域福祉講座の開催',
          description: '小学校4校で実施',
          actor: 'CITY',
          figures: [{ name: '参加者数', unit: '人', planned: 120, actual: 98 }],
        },
      ],
      resultsSummary: '参加者が増えた。',
      selfRating: 'B',
      ratingReason: null,
      issues: null,
      nextStep: 'CONTINUE',
      nextStepReason: null,
      indicatorIds: ['ind-1', 'ind-2'],
    })
  })

  it('give every activity and figure its own key, never sent', () => {
    const a = valuesFromReport(saved)
    const b = valuesFromReport(saved)
    expect(a.activities[0]?.key).not.toBe(b.activities[0]?.key)
    expect(JSON.stringify(toInput(a))).not.toContain('"key"')
  })
})

describe('reading figures', () => {
  it('takes numbers as people type them', () => {
    expect(parseFigure('')).toBeNull()
    expect(parseFigure('  ')).toBeNull()
    expect(parseFigure('120')).toBe(120)
    expect(parseFigure('1,234.5')).toBe(1234.5)
    expect(parseFigure('１２３')).toBe(123)
    expect(parseFigure('８５．５')).toBe(85.5)
    expect(parseFigure('-3')).toBe(-3)
    expect(parseFigure('−3')).toBe(-3)
  })

  it('refuses what is not a number, and sends it as none', () => {
    expect(parseFigure('約100')).toBe('invalid')
    expect(parseFigure('1.2.3')).toBe('invalid')
    expect(parseFigure('Infinity')).toBe('invalid')
    const v = values()
    const activity = v.activities[0]
    if (!activity) throw new Error('fixture')
    const typed = { ...v, activities: [{ ...activity, figures: [{ ...must(activity.figures[0]), planned: '約100' }] }] }
    expect(toInput(typed).activities[0]?.figures[0]?.planned).toBeNull()
  })
})

describe('comparing and patching', () => {
  it('finds no change where the server would store the same', () => {
    const base = values()
    expect(changedFields(base, values())).toEqual([])
    // Blank text is no text; the linked indicators are a set.
    expect(changedFields(base, values({ ratingReason: '   ' }))).toEqual([])
    expect(changedFields(base, values({ indicatorIds: ['ind-2', 'ind-1'] }))).toEqual([])
    // Typing the same number differently stores the same number.
    const activity = must(base.activities[0])
    const sameNumber = { ...activity, figures: [{ ...must(activity.figures[0]), planned: '１２０' }] }
    expect(changedFields(base, values({ activities: [sameNumber] }))).toEqual([])
  })

  it('sends only the fields that changed, a cleared text as null', () => {
    const base = values()
    expect(buildPatch(base, values())).toEqual({})
    expect(buildPatch(base, values({ resultsSummary: '参加者が大幅に増えた。', issues: '会場の確保' }))).toEqual({
      resultsSummary: '参加者が大幅に増えた。',
      issues: '会場の確保',
    })
    expect(buildPatch(base, values({ resultsSummary: '' }))).toEqual({ resultsSummary: null })
    expect(buildPatch(base, values({ selfRating: 'C', indicatorIds: ['ind-1'] }))).toEqual({
      selfRating: 'C',
      indicatorIds: ['ind-1'],
    })
  })

  it('sends the whole list of activities when any of them changed', () => {
    const base = values()
    const changed = values({ activities: [...base.activities, { ...emptyActivity(), title: '見守り訪問' }] })
    const patch = buildPatch(base, changed)
    expect(Object.keys(patch)).toEqual(['activities'])
    expect(patch.activities?.map((a) => a.title)).toEqual(['地域福祉講座の開催', '見守り訪問'])
    expect(patch.activities?.[1]).toEqual({ title: '見守り訪問', description: '', actor: null, figures: [] })
  })

  it('counts a new order of activities as a change', () => {
    const base = values({ activities: [{ ...emptyActivity(), title: 'A' }, { ...emptyActivity(), title: 'B' }] })
    const reordered = { ...base, activities: move(base.activities, 1, 0) }
    expect(reordered.activities.map((a) => a.title)).toEqual(['B', 'A'])
    expect(changedFields(base, reordered)).toEqual(['ACTIVITIES'])
  })
})

describe('after a conflict', () => {
  const base = values()
  const mine = values({ resultsSummary: '私の実績', issues: '私の課題' })
  const theirs = values({ resultsSummary: '相手の実績', nextStep: 'EXPAND' })

  it('lists the fields that differ, and who changed each', () => {
    expect(conflictRows(base, mine, theirs)).toEqual([
      { field: 'RESULTS_SUMMARY', changedByMe: true, changedByThem: true },
      { field: 'ISSUES', changedByMe: true, changedByThem: false },
      { field: 'NEXT_STEP', changedByMe: false, changedByThem: true },
    ])
  })

  it('"keep mine" keeps every field the writer changed and takes the rest from the saved version', () => {
    const merged = mergeKeepingMine(base, mine, theirs)
    expect(merged.resultsSummary).toBe('私の実績')
    expect(merged.issues).toBe('私の課題')
    expect(merged.nextStep).toBe('EXPAND')
    // Saved against their version, only the writer's fields go out.
    expect(buildPatch(theirs, merged)).toEqual({ resultsSummary: '私の実績', issues: '私の課題' })
  })
})

describe('an empty report', () => {
  it('has nothing written at all', () => {
    const blank: ReportValues = valuesFromReport({ activities: [], indicators: [] })
    expect(isEmptyReport(blank)).toBe(true)
    expect(isEmptyReport({ ...blank, resultsSummary: '  ' })).toBe(true)
    expect(isEmptyReport({ ...blank, issues: '課題' })).toBe(false)
    expect(isEmptyReport({ ...blank, activities: [emptyActivity()] })).toBe(false)
    expect(isEmptyReport({ ...blank, indicatorIds: ['ind-1'] })).toBe(false)
  })
})
