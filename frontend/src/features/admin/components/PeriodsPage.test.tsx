// @vitest-environment jsdom
import { configure, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { office } from '@/test/accounts'
import { plansAnswer } from '@/test/fixtures'
import { apiError, renderApp, signedInOnly, type Handler } from '@/test/renderApp'

// The first visit loads the lazily loaded feature: give it time on a busy machine.
configure({ asyncUtilTimeout: 5000 })

const interim = { id: 'period-1', fiscalYear: 2025, kind: 'INTERIM', quarter: null, opensOn: '2025-09-01', dueOn: '2025-10-31', labelJa: '令和7年度 中間報告', labelEn: 'FY2025 (Reiwa 7) Interim report' }
const older = { id: 'period-0', fiscalYear: 2024, kind: 'YEAR_END', quarter: null, opensOn: '2025-03-01', dueOn: '2025-04-30', labelJa: '令和6年度 年度末報告', labelEn: 'FY2024 (Reiwa 6) Year-end report' }

const welfare = { id: 'org-welfare', nameJa: '社会福祉課', nameEn: 'Social Welfare Division', kind: 'DEPARTMENT' }
const council = { id: 'org-council', nameJa: '小美玉市社会福祉協議会', nameEn: 'Omitama Council of Social Welfare', kind: 'COUNCIL' }
const policy = { id: 'p-1-1', code: '1-1', nameJa: '支えあう心の育成', nameEn: 'Policy 1-1' }

function periodsServer() {
  const opened: unknown[] = []
  const handlers: Record<string, Handler> = {
    AdminPlans: signedInOnly(() => ({ data: plansAnswer })),
    AdminPeriods: signedInOnly(() => ({ data: { reportingPeriods: [older, interim] } })),
    AdminOpenReportingPeriod: signedInOnly((variables) => {
      opened.push(variables.input)
      const input = variables.input as { kind: string; dueOn: string }
      if (input.kind === 'INTERIM') return apiError('BAD_USER_INPUT', 'この年度の同じ種類の報告期間は既にあります。', 'openReportingPeriod', 'kind')
      if (input.dueOn > '2027-03-31') return apiError('BAD_USER_INPUT', '日付は当該年度の開始日から翌年度末までの範囲にしてください。', 'openReportingPeriod', 'dueOn')
      return { data: { openReportingPeriod: { ...interim, id: 'period-new', kind: 'QUARTER', quarter: 2, labelJa: '令和7年度 第2四半期', labelEn: 'FY2025 (Reiwa 7) Quarter 2' } } }
    }),
    AdminCompletionMatrix: signedInOnly(() => ({
      data: {
        completionMatrix: {
          period: { ...interim, id: 'period-new', kind: 'QUARTER', quarter: 2, labelJa: '令和7年度 第2四半期', labelEn: 'FY2025 (Reiwa 7) Quarter 2' },
          total: 3,
          counts: [
            { status: 'NOT_STARTED', count: 2 },
            { status: 'ACCEPTED', count: 1 },
          ],
          rows: [
            {
              direction: { id: 'd-1-1-2', code: '1-1-2', nameJa: '地域福祉の広報・啓発活動の充実', nameEn: '1-1-2', policy },
              cells: [
                { reportId: 'r1', status: 'ACCEPTED', organization: welfare },
                { reportId: 'r2', status: 'NOT_STARTED', organization: council },
              ],
            },
            {
              direction: { id: 'd-1-1-1', code: '1-1-1', nameJa: '学校や地域における福祉教育の充実', nameEn: '1-1-1', policy },
              cells: [{ reportId: 'r3', status: 'NOT_STARTED', organization: council }],
            },
          ],
        },
      },
    })),
  }
  return { handlers, opened }
}

describe('reporting periods', () => {
  it('lists the periods by fiscal year, the newest first, with their dates', async () => {
    const { handlers } = periodsServer()
    renderApp('/admin/periods', { signedInAs: office, handlers })
    const tables = await screen.findAllByRole('table')
    expect(tables.map((t) => t.querySelector('caption')?.textContent)).toEqual([
      '令和7年度（2025年度）の報告期間',
      '令和6年度（2024年度）の報告期間',
    ])
    const row = within(tables[0] ?? document.body).getByRole('row', { name: /令和7年度 中間報告/ })
    expect(row).toHaveTextContent('2025年9月1日(月)')
    expect(row).toHaveTextContent('2025年10月31日(金)')
    expect(within(row).getByRole('link', { name: '状況を見る（令和7年度 中間報告）' })).toHaveAttribute('href', '/admin/periods/period-1')
  })

  it('shows the server’s verdict by the field it concerns', async () => {
    const { handlers } = periodsServer()
    const { user } = renderApp('/admin/periods', { signedInAs: office, handlers })
    await user.selectOptions(await screen.findByLabelText(/^年度必須/), '2025')
    await user.type(screen.getByLabelText(/^受付開始日/), '2025-09-01')
    await user.type(screen.getByLabelText(/^提出期限/), '2025-10-31')
    await user.click(screen.getByRole('button', { name: '開始する' }))
    const kind = await screen.findByRole('group', { name: /^種類/ })
    expect(kind).toHaveAttribute('aria-invalid', 'true')
    expect(within(kind).getByText('この年度の同じ種類の報告期間は既にあります。')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'この年度の同じ種類の報告期間は既にあります。' })).toBeInTheDocument()
  })

  it('asks for the quarter of a quarterly period, opens it, and shows its completion', async () => {
    const { handlers, opened } = periodsServer()
    const { user } = renderApp('/admin/periods', { signedInAs: office, handlers })
    await user.click(await screen.findByRole('radio', { name: '四半期報告' }))
    await user.type(screen.getByLabelText(/^受付開始日/), '2025-09-15')
    await user.type(screen.getByLabelText(/^提出期限/), '2025-10-15')
    await user.click(screen.getByRole('button', { name: '開始する' }))
    expect(await screen.findByRole('link', { name: '四半期を選んでください。' })).toBeInTheDocument()
    expect(opened).toEqual([])
    await user.selectOptions(screen.getByLabelText(/^四半期必須/), '2')
    await user.click(screen.getByRole('button', { name: '開始する' }))

    expect(await screen.findByRole('heading', { level: 1, name: '令和7年度 第2四半期の提出状況' })).toBeInTheDocument()
    expect(opened).toEqual([{ planId: 'plan-3', fiscalYear: 2025, kind: 'QUARTER', quarter: 2, opensOn: '2025-09-15', dueOn: '2025-10-15' }])
    expect(screen.getByText('令和7年度 第2四半期を開始しました。', { exact: false })).toBeInTheDocument()
    expect(screen.getByText('報告書 3件のうち、受理済み 1件（33%）')).toBeInTheDocument()
    const counts = screen.getByRole('region', { name: '状態ごとの件数' })
    expect(counts).toHaveTextContent('未着手2件')
    expect(counts).toHaveTextContent('作成中0件')

    const grid = screen.getByRole('table', { name: '令和7年度 第2四半期：施策の方向と担当ごとの報告の状態' })
    expect(within(grid).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['施策の方向', '社会福祉課', '小美玉市社会福祉協議会'])
    const rows = within(grid).getAllByRole('row').slice(2)
    expect(rows.map((r) => within(r).getAllByRole('rowheader')[0]?.textContent)).toEqual([
      '1-1-1 学校や地域における福祉教育の充実',
      '1-1-2 地域福祉の広報・啓発活動の充実',
    ])
    expect(within(rows[0] ?? document.body).getByText('報告なし（担当外）')).toBeInTheDocument()
    expect(within(rows[1] ?? document.body).getByRole('link', { name: '受理（1-1-2・社会福祉課の報告を開く）' })).toHaveAttribute('href', '/reports/r1')
  })
})
