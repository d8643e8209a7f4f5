// @vitest-environment jsdom
import { configure, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { office, organizations } from '@/test/accounts'
import { apiError, renderApp, signedInOnly, type Handler } from '@/test/renderApp'
import { fakeUser } from '@/test/session'

// The first visit loads the lazily loaded feature: give it time on a busy machine.
configure({ asyncUtilTimeout: 5000 })

const council = fakeUser({
  id: 'user-council',
  email: 'council@omitama.example',
  displayName: '渡辺 美咲',
  roles: ['COUNCIL_COORDINATOR'],
  organization: organizations.find((o) => o.id === 'org-council') ?? organizations[0],
})

const welfare = { id: 'org-welfare', nameJa: '社会福祉課', nameEn: 'Social Welfare Division' }
const bousai = { id: 'org-bousai', nameJa: '防災管理課', nameEn: 'Disaster Management Division' }
const period = { id: 'period-1', fiscalYear: 2025, labelJa: '令和7年度 中間報告', labelEn: 'FY2025 (Reiwa 7) Interim report' }

function item(id: string, code: string, nameJa: string, waitingSince: string, waitingDays: number, changedSinceReturn: string[] | null = null, organization = welfare) {
  return {
    waitingSince,
    waitingDays,
    changedSinceReturn,
    report: {
      id,
      status: 'SUBMITTED',
      submittedAt: waitingSince,
      availableActions: ['RETURN', 'ACCEPT'],
      direction: { id: `dir-${code}`, code, nameJa, nameEn: `Direction ${code}` },
      organization,
      period,
    },
  }
}

function queueServer() {
  const state = {
    queue: [
      item('r-new', '2-2-2', '各種福祉サービスの充実', '2026-11-26T01:00:00Z', 1),
      item('r-old', '1-1-2', '地域福祉の広報・啓発活動の充実', '2026-11-20T01:00:00Z', 7, ['RESULTS_SUMMARY', 'SELF_RATING']),
      item('r-mid', '3-2-1', '災害時における地域防災体制づくり', '2026-11-24T01:00:00Z', 3, null, bousai),
    ],
    calls: [] as { operation: string; variables: Record<string, unknown> }[],
  }
  const handlers: Record<string, Handler> = {
    ReviewQueue: signedInOnly(() => ({ data: { reviewQueue: state.queue } })),
    ReviewBulkAccept: signedInOnly((variables) => {
      state.calls.push({ operation: 'bulkAccept', variables })
      const ids = variables.ids as string[]
      const outcomes = ids.map((id) =>
        id === 'r-mid'
          ? { reportId: id, succeeded: false, code: 'CONFLICT', message: '「受理」の報告にはこの操作はできません。', report: null }
          : { reportId: id, succeeded: true, code: null, message: null, report: { id, status: 'ACCEPTED', availableActions: [] } },
      )
      state.queue = state.queue.filter((q) => !outcomes.some((o) => o.succeeded && o.reportId === q.report.id))
      return { data: { bulkAcceptReports: outcomes } }
    }),
    ReviewReturn: signedInOnly((variables) => {
      state.calls.push({ operation: 'return', variables })
      state.queue = state.queue.filter((q) => q.report.id !== variables.id)
      return { data: { returnReport: { id: variables.id, status: 'RETURNED', availableActions: [] } } }
    }),
  }
  return { state, handlers }
}

describe('the review queue', () => {
  it('lists the longest-waiting first, with owner, period, status, waiting time and what a resubmission changed', async () => {
    const { handlers } = queueServer()
    renderApp('/reviews', { signedInAs: council, handlers })
    const table = await screen.findByRole('table', { name: 'レビュー待ちの報告（3件、待ち時間の長い順）' })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      '1-1-2 地域福祉の広報・啓発活動の充実再提出：実績・自己評価を変更',
      '3-2-1 災害時における地域防災体制づくり',
      '2-2-2 各種福祉サービスの充実',
    ])
    const first = within(rows[0] ?? document.body)
    expect(first.getByText('社会福祉課')).toBeInTheDocument()
    expect(first.getByText('令和7年度 中間報告')).toBeInTheDocument()
    expect(first.getByText('提出済み')).toBeInTheDocument()
    expect(first.getByText('7日待ち')).toBeInTheDocument()
    expect(first.getByRole('link', { name: '1-1-2 地域福祉の広報・啓発活動の充実' })).toHaveAttribute('href', '/reports/r-old')
    // Bulk steps are the plan office's.
    expect(screen.queryByRole('checkbox')).toBeNull()
  })

  it('returns one report from its row, only with a reason, and says so when done', async () => {
    const { state, handlers } = queueServer()
    const { user } = renderApp('/reviews', { signedInAs: council, handlers })
    const table = await screen.findByRole('table')
    const row = within(table).getByRole('row', { name: /^3-2-1 / })
    await user.click(within(row).getByRole('button', { name: '差し戻す（3-2-1 災害時における地域防災体制づくり（防災管理課））' }))
    const dialog = await screen.findByRole('dialog', { name: 'この報告を差し戻しますか' })
    expect(within(dialog).getByLabelText(/^差し戻しの理由/)).toHaveFocus()
    await user.click(within(dialog).getByRole('button', { name: '差し戻す' }))
    expect(within(dialog).getByText('差し戻しの理由を入力してください。')).toBeInTheDocument()
    expect(state.calls).toEqual([])
    await user.type(within(dialog).getByLabelText(/^差し戻しの理由/), '避難訓練の参加人数を記入してください。')
    await user.click(within(dialog).getByRole('button', { name: '差し戻す' }))
    expect(await screen.findByText('3-2-1 災害時における地域防災体制づくり：差し戻しました。担当者に知らされます。')).toBeInTheDocument()
    expect(state.calls).toEqual([{ operation: 'return', variables: { id: 'r-mid', reason: '避難訓練の参加人数を記入してください。' } }])
    await waitFor(() => {
      expect(screen.queryByRole('row', { name: /^3-2-1 / })).toBeNull()
    })
  })

  it('lets the plan office accept several at once, and lists each report’s outcome with the reason for a failure', async () => {
    const { state, handlers } = queueServer()
    const { user } = renderApp('/reviews', { signedInAs: office, handlers })
    const table = await screen.findByRole('table')
    const accept = screen.getByRole('button', { name: '選んだ報告を受理する' })
    expect(accept).toHaveAttribute('aria-disabled', 'true')
    await user.click(within(table).getByRole('checkbox', { name: '1-1-2 地域福祉の広報・啓発活動の充実（社会福祉課）を選択' }))
    await user.click(within(table).getByRole('checkbox', { name: /^3-2-1 / }))
    expect(screen.getByText('2件を選択しています。')).toBeInTheDocument()
    const all = within(table).getByRole('checkbox', { name: 'すべての報告を選択' })
    expect(all).not.toBeChecked()
    expect((all as HTMLInputElement).indeterminate).toBe(true)

    await user.click(accept)
    const dialog = await screen.findByRole('dialog', { name: '選んだ報告（2件）を受理しますか' })
    await user.type(within(dialog).getByLabelText(/^コメント/), '確認しました。')
    await user.click(within(dialog).getByRole('button', { name: '2件を受理する' }))

    const result = await screen.findByRole('region', { name: 'まとめて処理した結果' })
    expect(result).toHaveTextContent('1件を受理しました。 1件は処理できませんでした。')
    // Sent in the order of the rows, with the comment.
    expect(state.calls).toEqual([{ operation: 'bulkAccept', variables: { ids: ['r-old', 'r-mid'], comment: '確認しました。' } }])
    const failed = within(result).getByRole('heading', { name: /処理できなかった報告（1件）/ }).nextElementSibling as HTMLElement
    expect(failed).toHaveTextContent('3-2-1 災害時における地域防災体制づくり（防災管理課）')
    expect(failed).toHaveTextContent('理由：「受理」の報告にはこの操作はできません。')
    const done = within(result).getByRole('heading', { name: /受理した報告（1件）/ }).nextElementSibling as HTMLElement
    expect(done).toHaveTextContent('1-1-2 地域福祉の広報・啓発活動の充実（社会福祉課）')
    expect(within(result).getByRole('heading', { level: 2 })).toHaveFocus()
    await waitFor(() => {
      expect(screen.queryByRole('row', { name: /^1-1-2 / })).toBeNull()
    })
  })

  it('says plainly when nothing waits', async () => {
    renderApp('/reviews', { signedInAs: council, handlers: { ReviewQueue: () => ({ data: { reviewQueue: [] } }) } })
    expect(await screen.findByText('レビューを待っている報告はありません')).toBeInTheDocument()
  })

  it('shows the server’s reason when the whole bulk step is refused', async () => {
    const { handlers } = queueServer()
    handlers.ReviewBulkAccept = () => apiError('FORBIDDEN', 'この操作を行う権限がありません。', 'bulkAcceptReports')
    const { user } = renderApp('/reviews', { signedInAs: office, handlers })
    const table = await screen.findByRole('table')
    await user.click(within(table).getByRole('checkbox', { name: /^2-2-2 / }))
    await user.click(screen.getByRole('button', { name: '選んだ報告を受理する' }))
    const dialog = await screen.findByRole('dialog')
    await user.click(within(dialog).getByRole('button', { name: '1件を受理する' }))
    expect(await within(dialog).findByText('この操作を行う権限がありません。')).toBeInTheDocument()
  })
})
