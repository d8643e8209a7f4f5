// @vitest-environment jsdom
import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { office, staff } from '@/test/accounts'
import { renderApp, signedInOnly, type Handler } from '@/test/renderApp'

const yearEnd = { id: 'p-ye', fiscalYear: 2025, kind: 'YEAR_END', quarter: null, opensOn: '2026-04-01', dueOn: '2026-05-31' }
const interim = { id: 'p-in', fiscalYear: 2026, kind: 'INTERIM', quarter: null, opensOn: '2026-09-01', dueOn: '2026-10-31' }
const direction = (code: string, nameJa: string) => ({ id: `dir-${code}`, code, nameJa, nameEn: `Direction ${code}` })

const myReports = [
  { id: 'r1', status: 'RETURNED', overdue: true, updatedAt: '2026-05-20T01:00:00Z', direction: direction('1-3-4', '福祉・介護人材、専門職の確保への支援'), period: yearEnd },
  { id: 'r2', status: 'ACCEPTED', overdue: false, updatedAt: '2026-05-21T01:00:00Z', direction: direction('2-1-2', '包括的な相談支援体制の充実'), period: yearEnd },
  { id: 'r3', status: 'NOT_STARTED', overdue: false, updatedAt: '2026-09-01T00:00:00Z', direction: direction('1-3-4', '福祉・介護人材、専門職の確保への支援'), period: interim },
]

const handlers: Record<string, Handler> = { MyReports: signedInOnly(() => ({ data: { myReports } })) }

describe('my reports', () => {
  it('lists the organisation’s reports by period, with status in words and overdue ones flagged', async () => {
    renderApp('/reports', { signedInAs: staff, handlers })
    expect(await screen.findByRole('heading', { level: 1, name: '進捗報告' })).toBeInTheDocument()
    const headings = await screen.findAllByRole('heading', { level: 2 })
    expect(headings.map((h) => h.textContent)).toEqual(['令和7年度（2025年度） 年度末報告', '令和8年度（2026年度） 中間報告'])

    const yearEndTable = screen.getByRole('table', { name: '令和7年度（2025年度） 年度末報告の報告' })
    const rows = within(yearEndTable).getAllByRole('row').slice(1)
    const first = within(rows[0] ?? document.body)
    expect(first.getByRole('link', { name: '1-3-4 福祉・介護人材、専門職の確保への支援' })).toHaveAttribute('href', '/reports/r1')
    expect(first.getByText('差し戻し')).toBeInTheDocument()
    expect(first.getByText('期限超過')).toBeInTheDocument()
    expect(within(rows[1] ?? document.body).getByText('受理')).toBeInTheDocument()
    expect(within(rows[1] ?? document.body).queryByText('期限超過')).toBeNull()
    expect(screen.getByText('提出期限：2026年5月31日(日)')).toBeInTheDocument()
    expect(screen.getByText('期限超過：1件')).toBeInTheDocument()

    const interimTable = screen.getByRole('table', { name: '令和8年度（2026年度） 中間報告の報告' })
    expect(within(interimTable).getByText('未着手')).toBeInTheDocument()
    expect(within(interimTable).getByText('未保存')).toBeInTheDocument()
  })

  it('says when there is nothing to write yet', async () => {
    renderApp('/reports', { signedInAs: staff, handlers: { MyReports: signedInOnly(() => ({ data: { myReports: [] } })) } })
    expect(await screen.findByText('作成する報告はまだありません')).toBeInTheDocument()
  })

  it('is in the main menu and on the home page for the people who write reports', async () => {
    renderApp('/home', { signedInAs: staff, handlers })
    const nav = await screen.findByRole('navigation', { name: 'メインメニュー' })
    expect(within(nav).getByRole('link', { name: '進捗報告' })).toHaveAttribute('href', '/reports')
    const tools = screen.getByRole('heading', { level: 2, name: '利用できる機能' }).parentElement ?? document.body
    expect(within(tools).getByRole('link', { name: '進捗報告' })).toHaveAttribute('href', '/reports')
  })

  it('is not in the plan office’s menu (they review, they do not write)', async () => {
    renderApp('/home', { signedInAs: office, handlers })
    const nav = await screen.findByRole('navigation', { name: 'メインメニュー' })
    await within(nav).findByRole('link', { name: 'アカウント管理' })
    expect(within(nav).queryByRole('link', { name: '進捗報告' })).toBeNull()
  })

  it('sends the public to sign in', async () => {
    const { router } = renderApp('/reports', { handlers })
    await screen.findByRole('heading', { level: 1, name: 'ログイン' })
    expect(router.state.location.pathname).toBe('/login')
  })
})
