import { describe, expect, it } from 'vitest'
import { buildCompletionGrid, donePercent } from './completionMatrix'

const org = (id: string, nameJa: string, kind = 'DEPARTMENT') => ({ id, nameJa, nameEn: id, kind })
const welfare = org('welfare', '社会福祉課')
const bousai = org('bousai', '防災管理課')
const council = org('council', '小美玉市社会福祉協議会', 'COUNCIL')
const policy = (code: string) => ({ id: `p${code}`, code, nameJa: `施策${code}`, nameEn: `Policy ${code}` })
const direction = (code: string, policyCode: string) => ({ id: `d${code}`, code, nameJa: `方向${code}`, nameEn: code, policy: policy(policyCode) })

const matrix = {
  total: 5,
  counts: [
    { status: 'SUBMITTED', count: 1 },
    { status: 'NOT_STARTED', count: 2 },
    { status: 'ACCEPTED', count: 1 },
    { status: 'LOCKED', count: 1 },
  ],
  rows: [
    {
      direction: direction('3-2-1', '3-2'),
      cells: [
        { reportId: 'r1', status: 'ACCEPTED', organization: bousai },
        { reportId: 'r2', status: 'NOT_STARTED', organization: council },
      ],
    },
    {
      direction: direction('1-1-10', '1-1'),
      cells: [{ reportId: 'r3', status: 'LOCKED', organization: welfare }],
    },
    {
      direction: direction('1-1-2', '1-1'),
      cells: [
        { reportId: 'r4', status: 'SUBMITTED', organization: welfare },
        { reportId: 'r5', status: 'NOT_STARTED', organization: null },
      ],
    },
  ],
}

describe('buildCompletionGrid', () => {
  const grid = buildCompletionGrid(matrix)

  it('makes a column for every owner: departments by Japanese name, then the Council', () => {
    expect(grid.columns.map((c) => c.id)).toEqual(['welfare', 'bousai', 'council'])
  })

  it('orders rows by direction code and groups them by policy', () => {
    expect(grid.groups.map((g) => [g.policy.code, g.rows.map((r) => r.direction.code)])).toEqual([
      ['1-1', ['1-1-2', '1-1-10']],
      ['3-2', ['3-2-1']],
    ])
  })

  it('puts each report under its owner, and nothing where an organisation owes none', () => {
    const rows = grid.groups.flatMap((g) => g.rows)
    expect(rows.map((r) => r.cells.map((c) => c?.status ?? null))).toEqual([
      ['SUBMITTED', null, null],
      ['LOCKED', null, null],
      [null, 'ACCEPTED', 'NOT_STARTED'],
    ])
    expect(rows[2]?.cells[1]).toEqual({ reportId: 'r1', status: 'ACCEPTED' })
  })

  it('counts every status in workflow order, zero where none, and what is done', () => {
    expect(grid.counts).toEqual([
      { status: 'NOT_STARTED', count: 2 },
      { status: 'DRAFT', count: 0 },
      { status: 'AWAITING_MANAGER', count: 0 },
      { status: 'SUBMITTED', count: 1 },
      { status: 'RETURNED', count: 0 },
      { status: 'ACCEPTED', count: 1 },
      { status: 'LOCKED', count: 1 },
    ])
    expect(grid.total).toBe(5)
    expect(grid.done).toBe(2)
  })

  it('is empty for a period without reports', () => {
    expect(buildCompletionGrid({ rows: [], counts: [], total: 0 })).toMatchObject({ columns: [], groups: [], total: 0, done: 0 })
  })
})

describe('donePercent', () => {
  it('rounds to a whole percentage and is 0 without reports', () => {
    expect(donePercent(2, 3)).toBe(67)
    expect(donePercent(0, 0)).toBe(0)
    expect(donePercent(71, 71)).toBe(100)
  })
})
