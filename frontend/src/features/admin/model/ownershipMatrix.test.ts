import { describe, expect, it } from 'vitest'
import { buildOwnershipMatrix, cellChange, ownerColumns, roleOf, rowSteps } from './ownershipMatrix'

const org = (id: string, nameJa: string, kind: string) => ({ id, code: id, nameJa, nameEn: id, kind })
const organizations = [
  org('council', '小美玉市社会福祉協議会', 'COUNCIL'),
  org('welfare', '社会福祉課', 'DEPARTMENT'),
  org('office', '地域福祉計画事務局', 'PLAN_OFFICE'),
  org('bousai', '防災管理課', 'DEPARTMENT'),
  org('committee', '推進委員会', 'COMMITTEE'),
  org('kyodo', '市民協働課', 'DEPARTMENT'),
]

const direction = (id: string, code: string, owners: { role: string; organization: { id: string } | null }[]) => ({
  id,
  code,
  nameJa: `方向${code}`,
  nameEn: `Direction ${code}`,
  owners,
})

const plan = {
  goals: [
    {
      id: 'g3',
      code: '3',
      nameJa: '目標3',
      nameEn: 'Goal 3',
      policies: [
        {
          id: 'p3-2',
          code: '3-2',
          nameJa: '施策3-2',
          nameEn: 'Policy 3-2',
          directions: [
            direction('d3-2-1', '3-2-1', [
              { role: 'LEAD', organization: { id: 'bousai' } },
              { role: 'CO_OWNER', organization: { id: 'council' } },
            ]),
          ],
        },
      ],
    },
    {
      id: 'g1',
      code: '1',
      nameJa: '目標1',
      nameEn: 'Goal 1',
      policies: [
        {
          id: 'p1-10',
          code: '1-10',
          nameJa: '施策1-10',
          nameEn: 'Policy 1-10',
          directions: [direction('d1-10-1', '1-10-1', [])],
        },
        {
          id: 'p1-2',
          code: '1-2',
          nameJa: '施策1-2',
          nameEn: 'Policy 1-2',
          directions: [
            direction('d1-2-10', '1-2-10', [{ role: 'CO_OWNER', organization: { id: 'welfare' } }]),
            direction('d1-2-2', '1-2-2', [
              { role: 'LEAD', organization: { id: 'kyodo' } },
              { role: 'CO_OWNER', organization: null },
            ]),
          ],
        },
      ],
    },
  ],
}

describe('ownerColumns', () => {
  it('lists departments by their Japanese name, then the Council; never the office or committee', () => {
    const departments = ['welfare', 'kyodo', 'bousai'].sort((a, b) =>
      (organizations.find((o) => o.id === a)?.nameJa ?? '').localeCompare(organizations.find((o) => o.id === b)?.nameJa ?? '', 'ja'),
    )
    expect(ownerColumns(organizations).map((o) => o.id)).toEqual([...departments, 'council'])
  })
})

describe('buildOwnershipMatrix', () => {
  const matrix = buildOwnershipMatrix(plan, organizations)

  it('groups rows by goal and policy, in code order (1-2 before 1-10)', () => {
    expect(matrix.groups.map((g) => [g.goal.code, g.policy.code])).toEqual([
      ['1', '1-2'],
      ['1', '1-10'],
      ['3', '3-2'],
    ])
    expect(matrix.groups[0]?.rows.map((r) => r.direction.code)).toEqual(['1-2-2', '1-2-10'])
  })

  it('puts each organisation’s role in its column, empty where it has none', () => {
    const row = (code: string) => {
      const found = matrix.groups.flatMap((g) => g.rows).find((r) => r.direction.code === code)
      return Object.fromEntries(matrix.columns.map((column, i) => [column.id, found?.cells[i]]))
    }
    expect(row('3-2-1')).toEqual({ welfare: '', kyodo: '', bousai: 'LEAD', council: 'CO_OWNER' })
    expect(row('1-2-2')).toEqual({ welfare: '', kyodo: 'LEAD', bousai: '', council: '' })
    expect(row('1-10-1')).toEqual({ welfare: '', kyodo: '', bousai: '', council: '' })
  })

  it('flags directions without a lead', () => {
    const flags = matrix.groups.flatMap((g) => g.rows.map((r) => [r.direction.code, r.hasLead]))
    expect(flags).toEqual([
      ['1-2-2', true],
      ['1-2-10', false],
      ['1-10-1', false],
      ['3-2-1', true],
    ])
  })

  it('uses newer owners from a mutation’s answer over the plan’s', () => {
    const newer = new Map([['d1-2-10', [{ role: 'LEAD', organization: { id: 'welfare' } }]]])
    const updated = buildOwnershipMatrix(plan, organizations, newer)
    const row = updated.groups[0]?.rows.find((r) => r.direction.id === 'd1-2-10')
    expect(row?.cells[updated.columns.findIndex((c) => c.id === 'welfare')]).toBe('LEAD')
    expect(row?.cells.filter((cell) => cell !== '')).toEqual(['LEAD'])
    expect(row?.hasLead).toBe(true)
  })
})

describe('roleOf', () => {
  it('ignores roles the screen does not know', () => {
    expect(roleOf([{ role: 'OBSERVER', organization: { id: 'a' } }], 'a')).toBe('')
  })
})

describe('cellChange', () => {
  it('asks the server only for a real change', () => {
    expect(cellChange('', 'LEAD')).toEqual({ kind: 'assign', role: 'LEAD' })
    expect(cellChange('LEAD', 'CO_OWNER')).toEqual({ kind: 'assign', role: 'CO_OWNER' })
    expect(cellChange('CO_OWNER', '')).toEqual({ kind: 'unassign' })
    expect(cellChange('LEAD', 'LEAD')).toBeNull()
    expect(cellChange('', 'OWNER')).toBeNull()
  })
})

describe('rowSteps', () => {
  it('moves a lead in one save: the new lead first, removals last', () => {
    expect(
      rowSteps({ a: 'LEAD', b: 'CO_OWNER', c: '' }, { a: '', b: 'LEAD', c: 'CO_OWNER' }),
    ).toEqual([
      { organizationId: 'b', change: { kind: 'assign', role: 'LEAD' } },
      { organizationId: 'c', change: { kind: 'assign', role: 'CO_OWNER' } },
      { organizationId: 'a', change: { kind: 'unassign' } },
    ])
  })

  it('asks nothing for choices equal to what the server holds', () => {
    expect(rowSteps({ a: 'LEAD', b: '' }, { a: 'LEAD', b: '' })).toEqual([])
    expect(rowSteps({ a: 'LEAD' }, {})).toEqual([])
  })

  it('treats an organisation the server does not list as none', () => {
    expect(rowSteps({}, { z: 'CO_OWNER' })).toEqual([{ organizationId: 'z', change: { kind: 'assign', role: 'CO_OWNER' } }])
  })
})
