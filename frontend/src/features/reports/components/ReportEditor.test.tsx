// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { must } from '../testing/must'
import { staff } from '@/test/accounts'
import { renderApp } from '@/test/renderApp'
import { emptyContent, reportServer, serverReport } from '../testing/reportServer'

function open(server = reportServer()) {
  const view = renderApp('/reports/report-1', { signedInAs: staff, accounts: [staff], handlers: server.handlers })
  return { ...view, server }
}

const summaryField = () => screen.findByLabelText(/^実績必須/)

describe('the report editor', () => {
  it('shows every part of the report, with the rating definitions beside the choices', async () => {
    open()
    expect(await screen.findByRole('heading', { level: 1, name: '福祉・介護人材、専門職の確保への支援' })).toBeInTheDocument()
    expect(screen.getByText('令和7年度（2025年度） 年度末報告')).toBeInTheDocument()
    expect(screen.getByText('作成中')).toBeInTheDocument()
    expect(screen.getByLabelText(/^取組の名称/)).toHaveValue('福祉人材確保の相談会')
    expect(screen.getByLabelText(/^実施主体/)).toHaveValue('CITY')
    expect(screen.getByLabelText(/^計画値/)).toHaveValue('40')
    expect(screen.getByLabelText(/^実績値/)).toHaveValue('35')
    const rating = screen.getByRole('group', { name: /^自己評価/ })
    expect(within(rating).getByRole('radio', { name: /^A：達成/ })).toHaveAccessibleDescription('計画どおりに実施し、目標を達成した。')
    expect(within(rating).getByRole('radio', { name: /^D：遅れ/ })).toHaveAccessibleDescription('計画どおりに実施できず、大幅に遅れている。')
    const nextStep = screen.getByRole('group', { name: /^今後の方向性/ })
    expect(within(nextStep).getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual([
      'EXPAND',
      'CONTINUE',
      'REVISE',
      'REDUCE',
      'ABOLISH',
    ])
    expect(screen.getByRole('checkbox', { name: /I3/ })).toBeChecked()
    expect(screen.getByRole('checkbox', { name: /I7/ })).not.toBeChecked()
    // The direction's own goal comes first.
    const indicators = within(screen.getByRole('group', { name: /関連する成果指標/ })).getAllByRole('checkbox')
    expect(indicators.map((box) => box.getAttribute('value'))).toEqual(['ind-3', 'ind-10', 'ind-7'])
  })

  it('saves the results summary when the field loses focus, with the version it started from', async () => {
    const { user, server } = open()
    await user.type(await summaryField(), '相談会を2回開催し、35人が参加した。')
    await user.tab()
    await screen.findByText(/に保存しました$/)
    expect(server.state.saves).toEqual([{ input: { resultsSummary: '相談会を2回開催し、35人が参加した。' }, expectedVersion: 3 }])
    expect(server.state.report.version).toBe(4)
  })

  it('says a C or D rating needs its reason', async () => {
    const { user } = open()
    const reason = await screen.findByLabelText(/^評価の理由/)
    expect(reason).not.toBeRequired()
    expect(reason).not.toHaveAttribute('aria-required')
    await user.click(screen.getByRole('radio', { name: /^C：やや遅れ/ }))
    expect(screen.getByLabelText(/^評価の理由必須/)).toHaveAttribute('aria-required', 'true')
    expect(screen.getByLabelText(/^評価の理由/)).toHaveAccessibleDescription(/自己評価がC・Dのため/)
  })

  it('lists what is missing before submitting, linked to the fields', async () => {
    const { user } = open()
    await summaryField()
    await user.click(must(screen.getAllByRole('button', { name: '提出する' })[0]))
    const summary = await screen.findByRole('alert')
    expect(within(summary).getByRole('heading', { name: '提出に必要な項目が入力されていません' })).toBeInTheDocument()
    const links = within(summary).getAllByRole('link')
    expect(links.map((link) => link.textContent)).toEqual([
      '実績の概要を入力してください。',
      '自己評価（A〜D）を選んでください。',
      '今後の方向性を選んでください。',
    ])
    await user.click(must(links[0]))
    expect(await summaryField()).toHaveFocus()
    await user.click(must(links[1]))
    expect(screen.getByRole('radio', { name: /^A：達成/ })).toHaveFocus()
  })

  it('lists what a report not started yet needs, although the server offers no submission yet', async () => {
    const { user } = open(reportServer(serverReport({ status: 'NOT_STARTED', version: 0, content: structuredClone(emptyContent) })))
    await summaryField()
    await user.click(must(screen.getAllByRole('button', { name: '提出する' })[0]))
    const summary = await screen.findByRole('alert')
    expect(within(summary).getAllByRole('link').map((link) => link.textContent)).toEqual([
      '取組を1件以上入力してください。',
      '実績の概要を入力してください。',
      '自己評価（A〜D）を選んでください。',
      '今後の方向性を選んでください。',
    ])
    await user.click(within(summary).getByRole('link', { name: '取組を1件以上入力してください。' }))
    expect(screen.getByRole('button', { name: '取組を追加' })).toHaveFocus()
  })

  it('adds, moves and removes activities from the keyboard, keeping focus on the control used', async () => {
    const { user } = open()
    await user.click(await screen.findByRole('button', { name: '取組を追加' }))
    const title = await screen.findByLabelText(/^取組の名称/, { selector: '#report-activity-1-title' })
    await waitFor(() => {
      expect(title).toHaveFocus()
    })
    await user.keyboard('見守り訪問')
    await user.click(screen.getByRole('button', { name: '上へ移動（取組 2）' }))
    expect(screen.getByText('取組 2 を 1 番目に移動しました。')).toBeInTheDocument()
    expect((document.getElementById('report-activity-0-title') as HTMLInputElement).value).toBe('見守り訪問')
    await waitFor(() => {
      expect(screen.getByRole('button', { name: '下へ移動（取組 1）' })).toHaveFocus()
    })
    // Removing an activity with text asks first.
    await user.click(screen.getByRole('button', { name: '削除（取組 1）' }))
    const dialog = await screen.findByRole('dialog', { name: '取組 1 を削除しますか' })
    expect(within(dialog).getByText(/「見守り訪問」の入力内容/)).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: '削除する' }))
    expect((document.getElementById('report-activity-0-title') as HTMLInputElement).value).toBe('福祉人材確保の相談会')
    expect(document.getElementById('report-activity-1-title')).toBeNull()
  })

  it('marks a figure that is not a number, and does not save it', async () => {
    const { user, server } = open()
    const planned = await screen.findByLabelText(/^計画値/)
    await user.clear(planned)
    await user.type(planned, '約50')
    expect(planned).toHaveAccessibleDescription(/数字で入力してください/)
    expect(planned).toHaveAttribute('aria-invalid', 'true')
    await user.tab()
    await waitFor(() => {
      expect(server.state.saves).toHaveLength(1)
    })
    const saved = server.state.saves[0]?.input.activities as { figures: { planned: number | null }[] }[]
    expect(saved[0]?.figures[0]?.planned).toBeNull()
  })
})

describe('when someone else saved first', () => {
  it('keeps the writer’s text, lists the differing fields, and keeps theirs on request', async () => {
    const { user, server } = open()
    const summary = await summaryField()
    server.saveAsSomeoneElse({ resultsSummary: '課長が書いた実績', nextStep: 'EXPAND' })
    await user.type(summary, '私が書いた実績')
    await user.tab()
    const panel = await screen.findByRole('region', { name: 'ほかの人がこの報告を先に保存しました' })
    expect(screen.getByText(/保存できませんでした：ほかの人が先に/)).toBeInTheDocument()
    expect(summary).toHaveValue('私が書いた実績')
    const table = await within(panel).findByRole('table', { name: '内容が異なる項目（2件）' })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(within(must(rows[0])).getByText('実績')).toBeInTheDocument()
    expect(within(must(rows[0])).getByText('両方が変更')).toBeInTheDocument()
    expect(within(must(rows[0])).getByText('私が書いた実績')).toBeInTheDocument()
    expect(within(must(rows[0])).getByText('課長が書いた実績')).toBeInTheDocument()
    expect(within(must(rows[1])).getByText('今後の方向性')).toBeInTheDocument()
    expect(within(must(rows[1])).getByText('ほかの人が変更')).toBeInTheDocument()
    expect(within(panel).getByText('高橋 恵子さんが2026/11/27 13:05:00に保存しました。')).toBeInTheDocument()

    await user.click(within(panel).getByRole('button', { name: '自分の入力で上書きする' }))
    await screen.findByText(/に保存しました$/)
    expect(server.state.saves.at(-1)).toEqual({ input: { resultsSummary: '私が書いた実績' }, expectedVersion: 4 })
    // Their next step stays: the writer never touched it.
    expect(server.state.report.content.nextStep).toBe('EXPAND')
    expect(screen.getByRole('radio', { name: '拡充' })).toBeChecked()
    expect(screen.queryByRole('region', { name: 'ほかの人がこの報告を先に保存しました' })).toBeNull()
  })

  it('takes the saved version on request, and still shows the writer’s replaced text', async () => {
    const { user, server } = open()
    const summary = await summaryField()
    server.saveAsSomeoneElse({ resultsSummary: '課長が書いた実績' })
    await user.type(summary, '私が書いた実績')
    await user.tab()
    const panel = await screen.findByRole('region', { name: 'ほかの人がこの報告を先に保存しました' })
    await user.click(await within(panel).findByRole('button', { name: '保存されている内容に置き換える' }))
    expect(await screen.findByLabelText(/^実績必須/)).toHaveValue('課長が書いた実績')
    const replaced = screen.getByRole('region', { name: '置き換える前のあなたの入力' })
    expect(within(replaced).getByText('私が書いた実績')).toBeInTheDocument()
    expect(server.state.saves).toHaveLength(1)
  })
})

describe('copying from last period', () => {
  it('is offered on an empty report, asks first, and fills the report', async () => {
    const server = reportServer(serverReport({ status: 'NOT_STARTED', version: 0, content: structuredClone(emptyContent), updatedBy: null }))
    const { user } = open(server)
    await user.click(await screen.findByRole('button', { name: '前の期間の報告から写す' }))
    const dialog = await screen.findByRole('dialog', { name: '前の期間の報告の内容を写しますか' })
    expect(within(dialog).getByRole('button', { name: 'キャンセル' })).toHaveFocus()
    await user.click(within(dialog).getByRole('button', { name: '写す' }))
    expect(await screen.findByText('前の期間の報告の内容を写しました。今期の内容に更新してください。')).toBeInTheDocument()
    expect(server.state.copies).toBe(1)
    expect(screen.getByLabelText(/^実績必須/)).toHaveValue('前期の実績')
    expect(screen.getByRole('radio', { name: /^B：概ね達成/ })).toBeChecked()
    expect(screen.queryByRole('button', { name: '前の期間の報告から写す' })).toBeNull()
    expect(server.state.saves).toHaveLength(0)
  })

  it('says so when there is no earlier report', async () => {
    const server = reportServer(serverReport({ status: 'NOT_STARTED', version: 0, content: structuredClone(emptyContent) }))
    server.state.previous = null
    const { user } = open(server)
    await user.click(await screen.findByRole('button', { name: '前の期間の報告から写す' }))
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '写す' }))
    expect(await screen.findByText('前の期間の同じ施策の方向の報告がありません。')).toBeInTheDocument()
  })
})

describe('a report the viewer does not write', () => {
  it('is shown read-only once submitted', async () => {
    open(reportServer(serverReport({ status: 'SUBMITTED' })))
    expect(await screen.findByText('この報告は「提出済み」のため編集できません。')).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 3, name: '1. 福祉人材確保の相談会' })).toBeInTheDocument()
    expect(screen.queryByLabelText(/^実績必須/)).toBeNull()
    expect(screen.queryByLabelText(/^取組の名称/)).toBeNull()
    expect(screen.queryByRole('button', { name: '提出する' })).toBeNull()
  })

  it('is shown read-only to another organisation', async () => {
    open(reportServer(serverReport({ status: 'DRAFT', organizationId: 'org-bousai' })))
    expect(await screen.findByText('ほかの組織の報告のため、閲覧のみできます。')).toBeInTheDocument()
    expect(screen.queryByLabelText(/^実績必須/)).toBeNull()
  })
})

describe('a session that expires while writing', () => {
  it('keeps the text through the sign-in page and saves it afterwards', async () => {
    const { user, server, auth, router } = open()
    const summary = await summaryField()
    await user.type(summary, 'ログインが切れる前に書いた実績')
    // The sign-in ends elsewhere: the token is refused and cannot be refreshed.
    auth.endSession()
    await user.tab()
    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/login')
    })
    expect(server.state.saves).toHaveLength(0)
    await user.type(await screen.findByLabelText(/^メールアドレス/), staff.email)
    await user.type(screen.getByLabelText(/^パスワード/), 'correct-horse-battery')
    await user.click(screen.getByRole('button', { name: 'ログインする' }))
    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/reports/report-1')
    })
    expect(await summaryField()).toHaveValue('ログインが切れる前に書いた実績')
    // Saved by the autosave's own timer, against the version the text started from.
    await waitFor(
      () => {
        expect(server.state.report.content.resultsSummary).toBe('ログインが切れる前に書いた実績')
      },
      { timeout: 4000 },
    )
    expect(server.state.saves).toEqual([{ input: { resultsSummary: 'ログインが切れる前に書いた実績' }, expectedVersion: 3 }])
  })
})
