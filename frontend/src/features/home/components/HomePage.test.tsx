// @vitest-environment jsdom
import { screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { office, organizations, staff } from '@/test/accounts'
import { apiError, renderApp, signedInOnly, type Handler } from '@/test/renderApp'
import { fakeUser } from '@/test/session'

const manager = fakeUser({
  id: 'user-manager',
  email: 'welfare-chief@omitama.example',
  displayName: '高橋 健',
  roles: ['DEPARTMENT_MANAGER'],
  organization: organizations.find((o) => o.id === 'org-welfare') ?? organizations[0],
})

const committee = fakeUser({
  id: 'user-committee',
  email: 'committee@omitama.example',
  displayName: '中村 陽子',
  roles: ['COMMITTEE_MEMBER'],
  organization: organizations.find((o) => o.id === 'org-committee') ?? organizations[0],
})

const interim = { id: 'p-in', fiscalYear: 2026, kind: 'INTERIM', quarter: null, opensOn: '2026-09-01', dueOn: '2026-10-31' }
const yearEnd = { id: 'p-ye', fiscalYear: 2026, kind: 'YEAR_END', quarter: null, opensOn: '2027-03-01', dueOn: '2027-04-30' }
const lastYearEnd = { id: 'p-old', fiscalYear: 2025, kind: 'YEAR_END', quarter: null, opensOn: '2026-03-01', dueOn: '2026-03-31' }
const soon = { id: 'p-q', fiscalYear: 2026, kind: 'QUARTER', quarter: 3, opensOn: '2026-10-01', dueOn: '2026-12-07' }
const direction = (code: string, nameJa: string) => ({ id: `dir-${code}`, code, nameJa, nameEn: `Direction ${code}` })

const myReports = [
  { id: 'r-accepted', status: 'ACCEPTED', overdue: false, direction: direction('2-1-2', '包括的な相談支援体制の充実'), period: interim },
  { id: 'r-later', status: 'NOT_STARTED', overdue: false, direction: direction('1-3-4', '福祉・介護人材、専門職の確保への支援'), period: yearEnd },
  { id: 'r-soon', status: 'DRAFT', overdue: false, direction: direction('3-3-3', '見守り体制の充実'), period: soon },
  { id: 'r-old', status: 'RETURNED', overdue: true, direction: direction('1-3-4', '福祉・介護人材、専門職の確保への支援'), period: lastYearEnd },
]

const queue = [
  { waitingSince: '2026-11-26T01:00:00Z', waitingDays: 1, report: { id: 'q1' } },
  { waitingSince: '2026-11-19T16:00:00Z', waitingDays: 7, report: { id: 'q2' } },
  { waitingSince: '2026-11-24T01:00:00Z', waitingDays: 3, report: { id: 'q3' } },
]

const evaluations = (...list: [number, string][]) => list.map(([fiscalYear, status]) => ({ id: `ev-${String(fiscalYear)}`, fiscalYear, status }))

function handlers(overrides: Record<string, Handler> = {}): Record<string, Handler> {
  return {
    HomeReports: signedInOnly(() => ({ data: { myReports } })),
    HomeReviewQueue: signedInOnly(() => ({ data: { reviewQueue: queue } })),
    HomeEvaluations: signedInOnly(() => ({ data: { annualEvaluations: evaluations([2023, 'PUBLISHED'], [2024, 'PUBLISHED']) } })),
    ...overrides,
  }
}

const block = async (name: string) => screen.findByRole('region', { name })

beforeEach(() => {
  // 27 November 2026 at noon in Japan: fiscal year 2026 (令和8年度).
  vi.useFakeTimers({ now: new Date('2026-11-27T03:00:00Z'), toFake: ['Date'] })
})

afterEach(() => {
  vi.useRealTimers()
})

describe('the home page', () => {
  it('lists a writer’s reports to hand in, overdue first and flagged in words, with period, era date and status', async () => {
    renderApp('/home', { signedInAs: staff, handlers: handlers() })
    const reports = await block('提出が必要な報告')
    expect(await within(reports).findByText('提出が必要な報告が2件あります。')).toBeInTheDocument()
    expect(within(reports).getByText('うち1件は提出期限を過ぎています。')).toBeInTheDocument()

    const items = within(reports).getAllByRole('listitem')
    expect(items).toHaveLength(2)
    const [overdue, next] = items.map((item) => within(item))
    expect(overdue?.getByRole('link', { name: '1-3-4 福祉・介護人材、専門職の確保への支援' })).toHaveAttribute('href', '/reports/r-old')
    expect(overdue?.getByText('令和7年度（2025年度） 年度末報告')).toBeInTheDocument()
    expect(overdue?.getByText('提出期限：令和8年3月31日')).toBeInTheDocument()
    expect(overdue?.getByText('期限を241日過ぎています')).toBeInTheDocument()
    expect(overdue?.getByText('差し戻し')).toBeInTheDocument()
    expect(overdue?.getByText('期限超過')).toBeInTheDocument()

    expect(next?.getByRole('link', { name: '3-3-3 見守り体制の充実' })).toHaveAttribute('href', '/reports/r-soon')
    expect(next?.getByText('令和8年度（2026年度） 第3四半期')).toBeInTheDocument()
    expect(next?.getByText('期限まであと10日')).toBeInTheDocument()
    expect(next?.queryByText('期限超過')).toBeNull()
    // Accepted, and not open yet: nothing to do.
    expect(within(reports).queryByRole('link', { name: /2-1-2/ })).toBeNull()
    expect(within(reports).getByRole('link', { name: '所属組織のすべての報告を見る' })).toHaveAttribute('href', '/reports')

    // Staff review nothing; the tools stay below.
    expect(screen.queryByRole('region', { name: '確認を待っている報告' })).toBeNull()
    const tools = await block('利用できる機能')
    expect(within(tools).getByRole('link', { name: '進捗報告' })).toHaveAttribute('href', '/reports')
    expect(within(tools).queryByRole('link', { name: 'レビュー' })).toBeNull()
  })

  it('says plainly when a writer has nothing to hand in', async () => {
    renderApp('/home', { signedInAs: staff, handlers: handlers({ HomeReports: signedInOnly(() => ({ data: { myReports: myReports.slice(0, 2) } })) }) })
    const reports = await block('提出が必要な報告')
    expect(await within(reports).findByText('今、提出が必要な報告はありません')).toBeInTheDocument()
  })

  it('shows a manager both their reports and what waits for their sign-off, with the longest wait', async () => {
    renderApp('/home', { signedInAs: manager, handlers: handlers() })
    const reviews = await block('確認を待っている報告')
    expect(await within(reviews).findByText('3件の報告があなたの確認を待っています。')).toBeInTheDocument()
    expect(within(reviews).getByText(/最も長く待っている報告：7日/)).toHaveTextContent('最も長く待っている報告：7日（令和8年11月20日から）')
    expect(within(reviews).getByRole('link', { name: 'レビュー待ちの報告を開く' })).toHaveAttribute('href', '/reviews')
    expect(await within(await block('提出が必要な報告')).findByText('提出が必要な報告が2件あります。')).toBeInTheDocument()
  })

  it('loads each block on its own: a failing queue does not hide the reports', async () => {
    renderApp('/home', {
      signedInAs: manager,
      handlers: handlers({ HomeReviewQueue: signedInOnly(() => apiError('INTERNAL', 'queue is down', 'reviewQueue')) }),
    })
    const reviews = await block('確認を待っている報告')
    expect(await within(reviews).findByText('queue is down')).toBeInTheDocument()
    expect(within(reviews).getByRole('heading', { level: 2, name: 'サーバーでエラーが発生しました' })).toBeInTheDocument()
    expect(await within(await block('提出が必要な報告')).findByText('提出が必要な報告が2件あります。')).toBeInTheDocument()
  })

  it('shows committee members the evaluations before the committee, linking to each', async () => {
    renderApp('/home', {
      signedInAs: committee,
      handlers: handlers({
        HomeEvaluations: signedInOnly(() => ({ data: { annualEvaluations: evaluations([2024, 'PUBLISHED'], [2025, 'IN_COMMITTEE']) } })),
      }),
    })
    const section = await block('審議中の評価')
    const link = await within(section).findByRole('link', { name: '令和7年度（2025年度）の年度評価' })
    expect(link).toHaveAttribute('href', '/evaluations/omitama-3/2025')
    expect(within(section).getByText('委員会審議中')).toBeInTheDocument()
    expect(within(section).queryByText(/令和6年度/)).toBeNull()
    expect(screen.queryByRole('region', { name: '提出が必要な報告' })).toBeNull()
  })

  it('tells committee members when nothing is before the committee', async () => {
    renderApp('/home', { signedInAs: committee, handlers: handlers() })
    const section = await block('審議中の評価')
    expect(await within(section).findByText('審議中の評価はありません')).toBeInTheDocument()
  })

  it('shows the plan office the year due for evaluation, and the review queue', async () => {
    renderApp('/home', { signedInAs: office, handlers: handlers({ HomeReviewQueue: signedInOnly(() => ({ data: { reviewQueue: [] } })) }) })
    const section = await block('年度評価の状況')
    // FY2026: the plan (FY2021–FY2025) is over, so its last year is the one to evaluate.
    expect(await within(section).findByText('令和7年度（2025年度）の年度評価は、まだ集計されていません。')).toBeInTheDocument()
    expect(within(section).getByText(/最新の年度評価：令和6年度（2024年度）/)).toHaveTextContent('公表済み')
    expect(within(section).getByRole('link', { name: '令和7年度（2025年度）の評価を集計する' })).toHaveAttribute(
      'href',
      '/evaluations/omitama-3/2025',
    )
    expect(await within(await block('確認を待っている報告')).findByText('確認を待っている報告はありません')).toBeInTheDocument()
    expect(screen.queryByRole('region', { name: '提出が必要な報告' })).toBeNull()
  })

  it('shows the plan office where a compiled evaluation stands and what comes next', async () => {
    renderApp('/home', {
      signedInAs: office,
      handlers: handlers({
        HomeEvaluations: signedInOnly(() => ({ data: { annualEvaluations: evaluations([2024, 'PUBLISHED'], [2025, 'IN_COMMITTEE']) } })),
      }),
    })
    const section = await block('年度評価の状況')
    expect(await within(section).findByText(/令和7年度（2025年度）の年度評価：/)).toHaveTextContent('委員会審議中')
    expect(within(section).getByText(/委員意見に回答し/)).toBeInTheDocument()
    expect(within(section).getByRole('link', { name: '令和7年度（2025年度）の年度評価を開く' })).toHaveAttribute(
      'href',
      '/evaluations/omitama-3/2025',
    )
  })

  it('works in English', async () => {
    renderApp('/home', { signedInAs: staff, handlers: handlers(), language: 'en' })
    const reports = await block('Reports to hand in')
    expect(await within(reports).findByText('Due 31 March 2026')).toBeInTheDocument()
    expect(within(reports).getByText('FY2025 (Reiwa 7) Year-end report')).toBeInTheDocument()
    expect(within(reports).getByText('241 days past the due date')).toBeInTheDocument()
  })
})
