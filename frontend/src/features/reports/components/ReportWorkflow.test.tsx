// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { organizations, staff } from '@/test/accounts'
import { renderApp, signedInOnly } from '@/test/renderApp'
import { fakeUser } from '@/test/session'
import { draftContent, reportAnswer, reportServer, serverReport } from '../testing/reportServer'

const welfare = organizations.find((o) => o.id === 'org-welfare') ?? organizations[0]
const manager = fakeUser({
  id: 'user-manager',
  email: 'welfare-chief@omitama.example',
  displayName: '高橋 恵子',
  roles: ['DEPARTMENT_MANAGER'],
  organization: welfare,
})

const complete = { ...structuredClone(draftContent), resultsSummary: '35人が参加した。', selfRating: 'B', nextStep: 'CONTINUE' }

function open(server: ReturnType<typeof reportServer>, as = staff) {
  return { ...renderApp('/reports/report-1', { signedInAs: as, handlers: server.handlers }), server }
}

describe('submitting', () => {
  it('asks first, submits at the version on screen, then shows the report read-only', async () => {
    const server = reportServer(serverReport({ content: structuredClone(complete) }))
    const { user } = open(server)
    await user.click((await screen.findAllByRole('button', { name: '提出する' }))[0] ?? document.body)
    const dialog = await screen.findByRole('dialog', { name: 'この報告を提出しますか' })
    expect(within(dialog).getByText('提出に必要な項目はすべて入力されています。')).toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: 'キャンセル' })).toHaveFocus()
    await user.click(within(dialog).getByRole('button', { name: '提出する' }))
    expect(await screen.findByText('提出しました。課長の確認を待っています。')).toBeInTheDocument()
    expect(server.state.steps).toEqual([{ step: 'submit', variables: { id: 'report-1', expectedVersion: 3 } }])
    expect(await screen.findByText('この報告は「課長確認待ち」のため編集できません。')).toBeInTheDocument()
    expect(screen.queryByLabelText(/^実績必須/)).toBeNull()
  })

  it('saves what was typed before checking, and submits at the saved version', async () => {
    const server = reportServer(serverReport({ content: { ...structuredClone(complete), resultsSummary: null } }))
    const { user } = open(server)
    await user.type(await screen.findByLabelText(/^実績必須/), '直前に書いた実績')
    await user.click(screen.getAllByRole('button', { name: '提出する' })[0] ?? document.body)
    const dialog = await screen.findByRole('dialog', { name: 'この報告を提出しますか' })
    expect(server.state.saves).toEqual([{ input: { resultsSummary: '直前に書いた実績' }, expectedVersion: 3 }])
    await user.click(within(dialog).getByRole('button', { name: '提出する' }))
    await screen.findByText('提出しました。課長の確認を待っています。')
    expect(server.state.steps[0]?.variables).toEqual({ id: 'report-1', expectedVersion: 4 })
  })

  it('is not offered when the server does not offer it', async () => {
    const server = reportServer(serverReport({ content: structuredClone(complete) }))
    server.handlers.Report = signedInOnly(() => ({
      data: { report: { ...reportAnswer(server.state.report, staff), availableActions: [] } },
    }))
    open(server)
    await screen.findByLabelText(/^実績必須/)
    expect(screen.queryByRole('button', { name: '提出する' })).toBeNull()
  })
})

describe('the manager’s sign-off', () => {
  it('approves a report awaiting them, after confirming', async () => {
    const server = reportServer(serverReport({ status: 'AWAITING_MANAGER', content: structuredClone(complete) }))
    const { user } = open(server, manager)
    const panel = await screen.findByRole('region', { name: '課長確認' })
    await user.click(within(panel).getByRole('button', { name: '確認して送る' }))
    const dialog = await screen.findByRole('dialog', { name: '課長確認を済ませて送りますか' })
    await user.click(within(dialog).getByRole('button', { name: '確認して送る' }))
    expect(await screen.findByText('課長確認を済ませ、計画事務局・社会福祉協議会に送りました。')).toBeInTheDocument()
    expect(server.state.steps).toEqual([{ step: 'approve', variables: { id: 'report-1' } }])
    await waitFor(() => {
      expect(screen.queryByRole('region', { name: '課長確認' })).toBeNull()
    })
  })

  it('returns a report only with a reason', async () => {
    const server = reportServer(serverReport({ status: 'AWAITING_MANAGER', content: structuredClone(complete) }))
    const { user } = open(server, manager)
    const panel = await screen.findByRole('region', { name: '課長確認' })
    await user.click(within(panel).getByRole('button', { name: '差し戻す' }))
    const dialog = await screen.findByRole('dialog', { name: 'この報告を差し戻しますか' })
    const reason = within(dialog).getByLabelText(/^差し戻しの理由/)
    expect(reason).toHaveFocus()
    await user.click(within(dialog).getByRole('button', { name: '差し戻す' }))
    expect(reason).toHaveAccessibleDescription(/差し戻しの理由を入力してください。/)
    expect(server.state.steps).toEqual([])
    await user.type(reason, '参加者数の根拠資料を添付してください。')
    await user.click(within(dialog).getByRole('button', { name: '差し戻す' }))
    expect(await screen.findByText('差し戻しました。理由は担当者に届きます。')).toBeInTheDocument()
    expect(server.state.steps).toEqual([
      { step: 'return', variables: { id: 'report-1', reason: '参加者数の根拠資料を添付してください。' } },
    ])
    // The history shows who moved it, from where to where, and why.
    const history = screen.getByRole('region', { name: '履歴' })
    const entry = (await within(history).findByText('差し戻し')).closest('li')
    expect(entry).not.toBeNull()
    const item = within(entry as HTMLElement)
    expect(item.getByText('課長確認待ち → 差し戻し')).toBeInTheDocument()
    expect(item.getByText('参加者数の根拠資料を添付してください。')).toBeInTheDocument()
    expect(item.getByText('welfare-chief@omitama.example')).toBeInTheDocument()
  })

  it('is not offered to the staff who wrote it', async () => {
    open(reportServer(serverReport({ status: 'AWAITING_MANAGER' })))
    await screen.findByText('この報告は「課長確認待ち」のため編集できません。')
    expect(screen.queryByRole('region', { name: '課長確認' })).toBeNull()
  })
})

describe('comments', () => {
  it('are threads per field: comment, reply, resolve and retract', async () => {
    const server = reportServer()
    const { user } = open(server)
    const panel = await screen.findByRole('region', { name: 'コメント' })
    expect(within(panel).getByText('コメントはまだありません。')).toBeInTheDocument()
    // An empty comment is refused before asking the server.
    await user.click(within(panel).getByRole('button', { name: 'コメントする' }))
    expect(within(panel).getByLabelText(/^コメント必須/)).toHaveAccessibleDescription(/コメントを入力してください。/)

    await user.selectOptions(within(panel).getByLabelText('対象の項目'), '実績')
    await user.type(within(panel).getByLabelText(/^コメント必須/), '数値の出典を書いてください。')
    await user.click(within(panel).getByRole('button', { name: 'コメントする' }))
    const group = await within(panel).findByRole('heading', { level: 3, name: '実績' })
    expect(group).toHaveAttribute('id', 'comments-RESULTS_SUMMARY')
    // The part of the report it is about links to its open threads.
    const count = await screen.findByRole('link', { name: '未解決のコメント 1件' })
    expect(count).toHaveAttribute('href', '#comments-RESULTS_SUMMARY')
    await user.click(count)
    expect(group).toHaveFocus()
    const thread = within(panel).getByRole('article', { name: '鈴木 一郎さんのコメント' })
    expect(within(thread).getByText('数値の出典を書いてください。')).toBeInTheDocument()

    await user.click(within(thread).getByRole('button', { name: '返信する' }))
    await user.type(within(thread).getByLabelText(/^返信する/), '追記しました。')
    await user.click(within(thread).getByRole('button', { name: '返信を送る' }))
    const replies = await within(panel).findByRole('list', { name: '返信' })
    expect(within(replies).getByText('追記しました。')).toBeInTheDocument()

    const threadNow = within(panel).getByRole('article', { name: '鈴木 一郎さんのコメント' })
    await user.click(within(threadNow).getByRole('button', { name: '解決済みにする' }))
    expect(await within(panel).findByText('解決済み（鈴木 一郎）')).toBeInTheDocument()
    expect(server.state.report.comments?.[0]?.resolvedAt).not.toBeNull()
    expect(screen.queryByRole('link', { name: '未解決のコメント 1件' })).toBeNull()

    await user.click(within(replies).getByRole('button', { name: '取り下げる' }))
    const dialog = await screen.findByRole('dialog', { name: 'このコメントを取り下げますか' })
    await user.click(within(dialog).getByRole('button', { name: '取り下げる' }))
    expect(await within(panel).findByText(/このコメントは取り下げられました/)).toBeInTheDocument()
    expect(within(panel).queryByText('追記しました。')).toBeNull()
  })
})
