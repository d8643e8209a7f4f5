// @vitest-environment jsdom
import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { staff } from '@/test/accounts'
import { directionAnswer, plan } from '@/test/fixtures'
import { apiError, renderApp, signedInOnly, type Handler } from '@/test/renderApp'

interface Rating {
  fiscalYear: number
  evaluationStatus: string
  rating: string | null
}

const RATINGS: Record<string, Rating[]> = {
  'dir-1-3-1': [
    { fiscalYear: 2023, evaluationStatus: 'PUBLISHED', rating: 'C' },
    { fiscalYear: 2024, evaluationStatus: 'PUBLISHED', rating: 'B' },
  ],
  'dir-1-3-4': [],
  'dir-3-3-3': [
    { fiscalYear: 2024, evaluationStatus: 'PUBLISHED', rating: 'A' },
    { fiscalYear: 2025, evaluationStatus: 'DRAFT', rating: 'D' },
  ],
}

/** The fixture plan with ratings on its directions and a value after the baseline for I9. */
function ratedPlan() {
  return {
    ...plan,
    goals: plan.goals.map((goal) => ({
      ...goal,
      policies: goal.policies.map((policy) => ({
        ...policy,
        directions: policy.directions.map((d) => ({ ...d, ratings: RATINGS[d.id] ?? [] })),
      })),
    })),
    indicators: plan.indicators.map((indicator) =>
      indicator.code === 'I9' ? { ...indicator, values: [...indicator.values, { fiscalYear: 2023, value: 11 }] } : indicator,
    ),
  }
}

const owners = [
  { role: 'CO_OWNER', organization: { id: 'org-council', nameJa: '小美玉市社会福祉協議会', nameEn: 'Omitama Council of Social Welfare' } },
  { role: 'LEAD', organization: { id: 'org-welfare', nameJa: '社会福祉課', nameEn: 'Social Welfare Division' } },
]

function directionHandler(id: string) {
  const found = directionAnswer(id)
  if (!found) throw new Error(id)
  return {
    ...found,
    ratings: RATINGS[id] ?? [],
    owners,
    policy: { ...found.policy, directions: found.policy.directions.map((d) => ({ ...d, ratings: RATINGS[d.id] ?? [] })) },
  }
}

const welfare = { id: 'org-welfare', nameJa: '社会福祉課', nameEn: 'Social Welfare Division' }
const council = { id: 'org-council', nameJa: '小美玉市社会福祉協議会', nameEn: 'Omitama Council of Social Welfare' }
const reports = [
  { id: 'r-2024-ye', status: 'ACCEPTED', selfRating: 'B', organization: welfare, period: { id: 'p1', fiscalYear: 2024, kind: 'YEAR_END', quarter: null, dueOn: '2025-04-30' } },
  { id: 'r-2025-in', status: 'DRAFT', selfRating: null, organization: welfare, period: { id: 'p2', fiscalYear: 2025, kind: 'INTERIM', quarter: null, dueOn: '2025-10-31' } },
  { id: 'r-2025-in-c', status: 'SUBMITTED', selfRating: 'A', organization: council, period: { id: 'p2', fiscalYear: 2025, kind: 'INTERIM', quarter: null, dueOn: '2025-10-31' } },
]

function handlers(list = reports, more = false): Record<string, Handler> {
  return {
    PlanExplorer: () => ({ data: { plan: ratedPlan() } }),
    DirectionPage: (variables) => ({ data: { policyDirection: directionHandler(String(variables.id)) } }),
    DirectionReports: signedInOnly(() => ({ data: { reports: { nodes: list, pageInfo: { hasNextPage: more } } } })),
  }
}

describe('the plan explorer', () => {
  it('shows each direction’s latest rating with its name and year, a draft as a draft, and says when there is none', async () => {
    renderApp('/plans/omitama-3', { handlers: handlers() })
    const rated = (await screen.findByRole('link', { name: /^1-3-1/ })).parentElement ?? document.body
    expect(rated).toHaveTextContent('B概ね達成令和6年度評価')
    expect(within(rated).getByText('B')).toBeInTheDocument()

    const none = screen.getByRole('link', { name: /^1-3-4/ }).parentElement ?? document.body
    expect(none).toHaveTextContent('評価なし')
    expect(none).not.toHaveTextContent('年度評価')

    const draft = screen.getByRole('link', { name: /^3-3-3/ }).parentElement ?? document.body
    expect(draft).toHaveTextContent('D遅れ令和7年度評価（作成中）')
  })

  it('has a legend naming every rating', async () => {
    renderApp('/plans/omitama-3', { handlers: handlers() })
    const legend = await screen.findByRole('list', { name: '評価の凡例' })
    expect(within(legend).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['A達成', 'B概ね達成', 'Cやや遅れ', 'D遅れ', '–評価なし'])
  })

  it('shows each indicator’s progress against the straight path, in words', async () => {
    renderApp('/plans/omitama-3', { handlers: handlers() })
    const goal3 = await screen.findByRole('table', { name: /基本目標3の指標/ })
    expect(within(goal3).getByRole('columnheader', { name: '進み具合（目安との比較）' })).toBeInTheDocument()
    const row = within(goal3).getByRole('row', { name: /I9/ })
    // 9 → 12 by FY2025: 11 in FY2023 is two thirds of the way; the straight path is at 60 %.
    expect(within(row).getByText('達成率 66.7%')).toBeInTheDocument()
    expect(within(row).getByText('（令和5年度の値）')).toBeInTheDocument()
    expect(within(row).getByText('目安 60.0%')).toBeInTheDocument()
    expect(within(row).getByText('目安に達しています')).toBeInTheDocument()

    const goal1 = screen.getByRole('table', { name: /基本目標1の指標/ })
    expect(within(within(goal1).getByRole('row', { name: /I1/ })).getByText('基準年度より後の実績値はまだありません')).toBeInTheDocument()
  })
})

describe('the direction page', () => {
  it('shows the public the owners, the ratings by year with links to each evaluation, and a sign-in hint for reports', async () => {
    const { requests } = renderApp('/directions/dir-3-3-3', { handlers: handlers() })
    await screen.findByRole('heading', { level: 1, name: /見守り体制の充実/ })
    const owners = screen.getByText('主担当').closest('dl') ?? document.body
    expect(within(owners).getAllByRole('definition').map((dd) => dd.textContent)).toEqual(['社会福祉課', '小美玉市社会福祉協議会'])
    expect(within(owners).getAllByRole('term').map((dt) => dt.textContent)).toEqual(['主担当', '関係課'])

    expect(screen.getByRole('heading', { level: 2, name: '年度ごとの評価' })).toBeInTheDocument()
    const table = screen.getByRole('table', { name: '施策の方向 3-3-3 の年度ごとの評価（新しい順）' })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['令和7年度（2025年度）', '令和6年度（2024年度）'])
    expect(rows[0]).toHaveTextContent('D遅れ')
    expect(rows[0]).toHaveTextContent('作成中')
    expect(rows[1]).toHaveTextContent('A達成')
    expect(rows[1]).toHaveTextContent('公表済み')
    expect(within(rows[1] ?? document.body).getByRole('link', { name: '令和6年度（2024年度）の年度評価' })).toHaveAttribute(
      'href',
      '/evaluations/omitama-3/2024',
    )

    expect(screen.getByText('進捗報告を読むにはログインしてください')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'ログインして進捗報告を読む' })).toHaveAttribute('href', '/login')
    expect(requests.some((r) => r.operation === 'DirectionReports')).toBe(false)
  })

  it('says so when a direction has no rating yet', async () => {
    renderApp('/directions/dir-1-3-4', { handlers: handlers() })
    expect(await screen.findByText('この施策の方向の評価はまだありません')).toBeInTheDocument()
    expect(screen.getByText('年度評価が公表されると、ここに各年度の評価が表示されます。')).toBeInTheDocument()
  })

  it('lists a signed-in person’s reports over the years, newest first, with organisation, status and self-evaluation', async () => {
    renderApp('/directions/dir-1-3-1', { signedInAs: staff, handlers: handlers() })
    const table = await screen.findByRole('table', { name: '施策の方向 1-3-1 の進捗報告（3件、新しい順）' })
    const rows = within(table).getAllByRole('row').slice(1)
    // Newest period first; within a period the lead (社会福祉課) first.
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      '令和7年度（2025年度） 中間報告（社会福祉課）',
      '令和7年度（2025年度） 中間報告（小美玉市社会福祉協議会）',
      '令和6年度（2024年度） 年度末報告（社会福祉課）',
    ])
    const [draftRow, councilRow, acceptedRow] = rows.map((row) => within(row))
    expect(councilRow?.getByRole('link')).toHaveAttribute('href', '/reports/r-2025-in-c')
    expect(councilRow?.getByText('提出済み')).toBeInTheDocument()
    expect(councilRow?.getByText('達成')).toBeInTheDocument()
    expect(draftRow?.getByText('作成中')).toBeInTheDocument()
    expect(draftRow?.getByText('未記入')).toBeInTheDocument()
    expect(acceptedRow?.getByText('受理')).toBeInTheDocument()
    expect(acceptedRow?.getByText('概ね達成')).toBeInTheDocument()
    expect(screen.queryByText('進捗報告を読むにはログインしてください')).toBeNull()
  })

  it('tells a signed-in person who may see no report so', async () => {
    renderApp('/directions/dir-1-3-1', { signedInAs: staff, handlers: handlers([]) })
    expect(await screen.findByText('表示できる進捗報告はありません')).toBeInTheDocument()
  })

  it('says when only the newest reports are shown', async () => {
    renderApp('/directions/dir-1-3-1', { signedInAs: staff, handlers: handlers(reports, true) })
    expect(await screen.findByText('新しいものから3件を表示しています。')).toBeInTheDocument()
  })

  it('keeps the page when the reports fail to load', async () => {
    renderApp('/directions/dir-1-3-1', {
      signedInAs: staff,
      handlers: { ...handlers(), DirectionReports: signedInOnly(() => apiError('INTERNAL', 'reports are down', 'reports')) },
    })
    expect(await screen.findByText('reports are down')).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 1, name: /地域活動・ボランティアの人材やリーダーの育成/ })).toBeInTheDocument()
    expect(screen.getByRole('table', { name: /年度ごとの評価/ })).toBeInTheDocument()
  })
})
