import { describe, expect, it } from 'vitest'
import { ownersLeadFirst, sortReports } from './directionReports'

describe('sortReports', () => {
  const report = (id: string, dueOn: string, nameJa: string, orgId = nameJa) => ({
    id,
    organization: { id: orgId, nameJa },
    period: { fiscalYear: Number(dueOn.slice(0, 4)), dueOn },
  })

  it('puts the newest period first, then orders by organisation name', () => {
    const sorted = sortReports([
      report('a', '2025-10-31', '防災管理課'),
      report('b', '2026-04-30', '防災管理課'),
      report('c', '2026-04-30', '社会福祉課'),
      report('d', '2024-10-31', '社会福祉課'),
    ])
    // Japanese collation orders level-1 kanji by reading: 社 (しゃ) before 防 (ぼう).
    expect(sorted.map((r) => r.id)).toEqual(['c', 'b', 'a', 'd'])
  })

  it('lists the owners in their order (the lead first) within a period, former owners after', () => {
    const sorted = sortReports(
      [
        report('former', '2026-04-30', '市民協働課', 'kyodo'),
        report('council', '2026-04-30', '小美玉市社会福祉協議会', 'council'),
        report('lead', '2026-04-30', '防災管理課', 'bousai'),
        report('old', '2025-04-30', '防災管理課', 'bousai'),
      ],
      ['bousai', 'council'],
    )
    expect(sorted.map((r) => r.id)).toEqual(['lead', 'council', 'former', 'old'])
  })
})

describe('ownersLeadFirst', () => {
  it('lists the lead first and drops owners without an organisation', () => {
    const owners = [
      { role: 'CO_OWNER', organization: { id: 'council' } },
      { role: 'LEAD', organization: { id: 'welfare' } },
      { role: 'CO_OWNER', organization: null },
      { role: 'CO_OWNER', organization: { id: 'bousai' } },
    ]
    expect(ownersLeadFirst(owners).map((o) => o.organization.id)).toEqual(['welfare', 'council', 'bousai'])
  })
})
