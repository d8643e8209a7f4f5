import { describe, expect, it } from 'vitest'
import { describeEvent, isMilestone, offers, openThreadCounts, threadsByField } from './workflow'

const comment = (id: string, createdAt: string, extra: Record<string, unknown> = {}) => ({ id, createdAt, ...extra })

describe('comment threads', () => {
  const comments = [
    comment('c3', '2026-11-27T03:00:00Z', { parentId: 'c1' }),
    comment('c1', '2026-11-27T01:00:00Z', { field: 'RESULTS_SUMMARY' }),
    comment('c2', '2026-11-27T02:00:00Z', { field: null, resolvedAt: '2026-11-27T04:00:00Z' }),
    comment('c4', '2026-11-27T05:00:00Z', { field: 'ACTIVITIES', activityIndex: 0 }),
    comment('c5', '2026-11-27T06:00:00Z', { parentId: 'gone' }),
  ]

  it('group by field in form order, the whole report first, replies under their thread', () => {
    const groups = threadsByField(comments)
    expect(groups.map((g) => [g.field, g.threads.map((t) => [t.root.id, t.replies.map((r) => r.id), t.resolved])])).toEqual([
      [null, [['c2', [], true], ['c5', [], false]]],
      ['ACTIVITIES', [['c4', [], false]]],
      ['RESULTS_SUMMARY', [['c1', ['c3'], false]]],
    ])
  })

  it('count the open threads per field', () => {
    expect([...openThreadCounts(comments)]).toEqual([
      [null, 1],
      ['ACTIVITIES', 1],
      ['RESULTS_SUMMARY', 1],
    ])
  })
})

describe('history', () => {
  const event = (action: string, details: unknown) => ({
    seq: 1,
    occurredAt: '2026-11-27T01:00:00Z',
    actorLabel: 'welfare-chief@omitama.example',
    action,
    details: JSON.stringify(details),
  })

  it('reads status changes with their reason', () => {
    expect(describeEvent(event('report.returned', { from: 'AWAITING_MANAGER', to: 'RETURNED', version: 7, reason: '数値の根拠を添えてください' }))).toEqual({
      kind: 'status',
      action: 'returned',
      from: 'AWAITING_MANAGER',
      to: 'RETURNED',
      reason: '数値の根拠を添えてください',
    })
    expect(describeEvent(event('report.submitted', { from: 'DRAFT', to: 'AWAITING_MANAGER', reason: null }))).toMatchObject({
      action: 'submitted',
      reason: null,
    })
  })

  it('reads saves, copies, files and comments, and keeps unknown events', () => {
    expect(describeEvent(event('report.saved', { version: 4 }))).toEqual({ kind: 'saved', version: 4 })
    expect(describeEvent(event('report.copied_from_previous', {}))).toEqual({ kind: 'copied' })
    expect(describeEvent(event('evidence.uploaded', { file: '議事録.pdf' }))).toEqual({ kind: 'evidence', action: 'uploaded', file: '議事録.pdf' })
    expect(describeEvent(event('comment.resolved', { comment: 'c1', resolved: false }))).toEqual({ kind: 'comment', action: 'reopened' })
    expect(describeEvent(event('report.archived', {}))).toEqual({ kind: 'other', action: 'report.archived' })
    expect(describeEvent({ ...event('report.saved', {}), details: 'not json' })).toEqual({ kind: 'saved', version: null })
  })

  it('tells milestones from everyday saves', () => {
    expect(isMilestone(describeEvent(event('report.accepted', {})))).toBe(true)
    expect(isMilestone(describeEvent(event('report.saved', {})))).toBe(false)
  })

  it('knows which steps are offered', () => {
    expect(offers(['APPROVE', 'RETURN'], 'RETURN')).toBe(true)
    expect(offers(['APPROVE', 'RETURN'], 'SUBMIT')).toBe(false)
  })
})
