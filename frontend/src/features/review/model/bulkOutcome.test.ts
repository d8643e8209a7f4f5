import { describe, expect, it } from 'vitest'
import { groupOutcomes } from './bulkOutcome'

const rows = new Map([
  ['r1', { name: '1-1-1' }],
  ['r2', { name: '1-1-2' }],
  ['r3', { name: '2-1-1' }],
])
const itemOf = (id: string) => rows.get(id) ?? null

describe('groupOutcomes', () => {
  it('splits successes from failures, in the order the reports were asked for', () => {
    const result = groupOutcomes(
      ['r3', 'r1', 'r2'],
      [
        { reportId: 'r1', succeeded: true },
        { reportId: 'r2', succeeded: false, code: 'CONFLICT', message: 'この報告は提出済みではありません。' },
        { reportId: 'r3', succeeded: true, code: null, message: null },
      ],
      itemOf,
    )
    expect(result.succeeded.map((s) => s.reportId)).toEqual(['r3', 'r1'])
    expect(result.succeeded[0]?.item).toEqual({ name: '2-1-1' })
    expect(result.failed).toEqual([
      { reportId: 'r2', item: { name: '1-1-2' }, kind: 'CONFLICT', message: 'この報告は提出済みではありません。' },
    ])
  })

  it('keeps the server’s translated reason, and names the code when there is none', () => {
    const result = groupOutcomes(
      ['r1', 'r2'],
      [
        { reportId: 'r1', succeeded: false, code: 'FORBIDDEN', message: '  ' },
        { reportId: 'r2', succeeded: false, code: 'TEAPOT', message: 'odd' },
      ],
      itemOf,
    )
    expect(result.failed.map((f) => [f.kind, f.message])).toEqual([
      ['FORBIDDEN', null],
      ['UNKNOWN', 'odd'],
    ])
  })

  it('reports a report the server did not answer for as failed, not lost', () => {
    const result = groupOutcomes(['r1', 'r2'], [{ reportId: 'r1', succeeded: true }], itemOf)
    expect(result.succeeded.map((s) => s.reportId)).toEqual(['r1'])
    expect(result.failed).toEqual([{ reportId: 'r2', item: { name: '1-1-2' }, kind: 'UNKNOWN', message: null }])
  })

  it('keeps an answer nobody asked for last, with no row behind it', () => {
    const result = groupOutcomes(['r1'], [{ reportId: 'zz', succeeded: false, code: 'NOT_FOUND', message: '見つかりません。' }, { reportId: 'r1', succeeded: true }], itemOf)
    expect(result.succeeded.map((s) => s.reportId)).toEqual(['r1'])
    expect(result.failed).toEqual([{ reportId: 'zz', item: null, kind: 'NOT_FOUND', message: '見つかりません。' }])
  })

  it('counts a report asked for twice once', () => {
    const result = groupOutcomes(['r1', 'r1'], [{ reportId: 'r1', succeeded: true }], itemOf)
    expect(result.succeeded).toHaveLength(1)
    expect(result.failed).toHaveLength(0)
  })

  it('is empty for an empty request', () => {
    expect(groupOutcomes([], [], itemOf)).toEqual({ succeeded: [], failed: [] })
  })
})
