import { describe, expect, it } from 'vitest'
import { keepPresent, oldestFirst, selectAllState, selectedInOrder, submissionOf, toggle } from './queue'

const item = (id: string, waitingSince: string) => ({ waitingSince, report: { id } })

describe('oldestFirst', () => {
  it('puts the longest-waiting first, whatever the server’s order', () => {
    const items = [
      item('new', '2026-11-27T01:00:00Z'),
      item('old', '2026-11-20T09:00:00+09:00'),
      item('mid', '2026-11-24T00:00:00Z'),
    ]
    expect(oldestFirst(items).map((i) => i.report.id)).toEqual(['old', 'mid', 'new'])
  })

  it('keeps the server’s order for equal times, and puts unreadable times last', () => {
    const items = [item('b', 'not a time'), item('a1', '2026-11-20T00:00:00Z'), item('a2', '2026-11-20T00:00:00Z')]
    expect(oldestFirst(items).map((i) => i.report.id)).toEqual(['a1', 'a2', 'b'])
  })
})

describe('submissionOf', () => {
  it('is a first submission without a list', () => {
    expect(submissionOf(null)).toEqual({ kind: 'first' })
    expect(submissionOf(undefined)).toEqual({ kind: 'first' })
  })

  it('lists what a resubmission changed, in form order, known fields only', () => {
    expect(submissionOf(['SELF_RATING', 'RESULTS_SUMMARY', 'SOMETHING_NEW', 'ACTIVITIES'])).toEqual({
      kind: 'resubmitted',
      changed: ['ACTIVITIES', 'RESULTS_SUMMARY', 'SELF_RATING'],
    })
  })

  it('says so when a resubmission changed nothing', () => {
    expect(submissionOf([])).toEqual({ kind: 'resubmitted', changed: [] })
  })
})

describe('selection', () => {
  it('ticks and unticks', () => {
    const one = toggle(new Set(), 'a', true)
    expect([...one]).toEqual(['a'])
    expect([...toggle(one, 'a', false)]).toEqual([])
  })

  it('forgets reports that left the queue', () => {
    expect([...keepPresent(new Set(['a', 'gone', 'c']), ['a', 'b', 'c'])]).toEqual(['a', 'c'])
  })

  it('tells whether all, some or none are ticked', () => {
    expect(selectAllState(new Set(), ['a', 'b'])).toBe('none')
    expect(selectAllState(new Set(['a']), ['a', 'b'])).toBe('some')
    expect(selectAllState(new Set(['a', 'b']), ['a', 'b'])).toBe('all')
    expect(selectAllState(new Set(['x']), ['a'])).toBe('none')
  })

  it('sends the ticked reports in the order of the rows', () => {
    expect(selectedInOrder(new Set(['c', 'a']), ['a', 'b', 'c'])).toEqual(['a', 'c'])
  })
})
