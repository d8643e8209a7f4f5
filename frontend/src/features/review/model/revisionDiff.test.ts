import { describe, expect, it } from 'vitest'
import { compareActivities, compareLastRevisions, compareRevisions, type ActivityLike, type RevisionLike } from './revisionDiff'

const activity = (title: string, overrides: Partial<ActivityLike> = {}): ActivityLike => ({
  title,
  description: `${title}を実施した。`,
  actor: 'CITY',
  figures: [{ name: '参加者数', unit: '人', planned: 100, actual: 80 }],
  ...overrides,
})

const revision = (number: number, overrides: Partial<RevisionLike> = {}): RevisionLike => ({
  number,
  createdAt: `2026-11-2${String(number)}T01:00:00Z`,
  activities: [activity('福祉教育講座')],
  resultsSummary: '延べ120人が参加した。',
  selfRating: 'B',
  ratingReason: null,
  issues: '講師の確保',
  nextStep: 'CONTINUE',
  nextStepReason: null,
  ...overrides,
})

describe('compareRevisions', () => {
  it('marks the parts that changed, and only those', () => {
    const result = compareRevisions(
      revision(1),
      revision(2, { resultsSummary: '延べ120人が参加した（回収率80%）。', selfRating: 'A', ratingReason: '目標を上回った。' }),
    )
    expect(result.changed).toEqual(['RESULTS_SUMMARY', 'SELF_RATING', 'RATING_REASON'])
    expect(result.fields.find((f) => f.field === 'SELF_RATING')).toEqual({ field: 'SELF_RATING', before: 'B', after: 'A', changed: true })
    expect(result.fields.find((f) => f.field === 'RATING_REASON')).toMatchObject({ before: null, after: '目標を上回った。' })
    expect(result.fields.find((f) => f.field === 'ISSUES')).toMatchObject({ before: '講師の確保', changed: false })
    expect(result.before.number).toBe(1)
    expect(result.after.number).toBe(2)
  })

  it('treats a missing value and an empty one as the same', () => {
    const result = compareRevisions(revision(1, { issues: null }), revision(2, { issues: '' }))
    expect(result.changed).toEqual([])
  })

  it('sees a change of spacing as a change (the text is compared as written)', () => {
    expect(compareRevisions(revision(1), revision(2, { issues: '講師の確保 ' })).changed).toEqual(['ISSUES'])
  })

  it('puts ACTIVITIES first when an activity changed', () => {
    const result = compareRevisions(revision(1), revision(2, { activities: [activity('福祉教育講座'), activity('出前講座')], nextStep: 'EXPAND' }))
    expect(result.changed).toEqual(['ACTIVITIES', 'NEXT_STEP'])
  })
})

describe('compareActivities', () => {
  it('matches activities by title: added, removed, rewritten, unchanged', () => {
    const before = [activity('講座'), activity('交流会'), activity('見守り訪問')]
    const after = [
      activity('講座'),
      activity('交流会', { description: '年4回に増やした。' }),
      activity('広報紙の特集'),
    ]
    const { activities, reordered } = compareActivities(before, after)
    expect(activities.map((a) => [a.title, a.kind])).toEqual([
      ['講座', 'unchanged'],
      ['交流会', 'changed'],
      ['広報紙の特集', 'added'],
      ['見守り訪問', 'removed'],
    ])
    expect(activities[1]).toMatchObject({ descriptionChanged: true, actorChanged: false, figuresChanged: false })
    expect(reordered).toBe(false)
  })

  it('tells which parts of an activity changed: actor, figures', () => {
    const { activities } = compareActivities(
      [activity('講座')],
      [activity('講座', { actor: 'JOINT', figures: [{ name: '参加者数', unit: '人', planned: 100, actual: 95 }] })],
    )
    expect(activities[0]).toMatchObject({ kind: 'changed', descriptionChanged: false, actorChanged: true, figuresChanged: true })
  })

  it('ignores spaces around a title when matching, and pairs repeated titles in order', () => {
    const { activities } = compareActivities(
      [activity('講座', { description: '1回目' }), activity('講座', { description: '2回目' })],
      [activity(' 講座', { description: '1回目' }), activity('講座 ', { description: '2回目（延期）' })],
    )
    expect(activities.map((a) => a.kind)).toEqual(['unchanged', 'changed'])
  })

  it('notices the same activities in another order', () => {
    const { activities, reordered } = compareActivities([activity('A'), activity('B')], [activity('B'), activity('A')])
    expect(activities.map((a) => a.kind)).toEqual(['unchanged', 'unchanged'])
    expect(reordered).toBe(true)
    expect(compareRevisions(revision(1, { activities: [activity('A'), activity('B')] }), revision(2, { activities: [activity('B'), activity('A')] })).changed).toEqual(['ACTIVITIES'])
  })

  it('handles no activities on either side', () => {
    expect(compareActivities([], [])).toEqual({ activities: [], reordered: false })
  })
})

describe('compareLastRevisions', () => {
  it('compares the last two submissions, whatever order they come in', () => {
    const result = compareLastRevisions([revision(3, { selfRating: 'A' }), revision(1, { selfRating: 'C' }), revision(2, { selfRating: 'B' })])
    expect(result?.before.number).toBe(2)
    expect(result?.after.number).toBe(3)
    expect(result?.fields.find((f) => f.field === 'SELF_RATING')).toMatchObject({ before: 'B', after: 'A' })
  })

  it('is null for a report submitted once, or never', () => {
    expect(compareLastRevisions([revision(1)])).toBeNull()
    expect(compareLastRevisions([])).toBeNull()
  })
})
