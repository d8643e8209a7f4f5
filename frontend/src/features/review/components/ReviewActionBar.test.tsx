// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { I18nextProvider } from 'react-i18next'
import { Provider } from 'urql'
import { describe, expect, it } from 'vitest'
import { createGraphqlClient } from '@/lib/graphqlClient'
import { createI18n } from '@/lib/i18n'
import { ReviewActionBar } from './ReviewActionBar'

/** The bar alone, against a fake server that records each step and answers `answer`. */
function renderBar(actions: string[], status: string, answer: (operation: string, variables: Record<string, unknown>) => unknown) {
  const calls: { operation: string; variables: Record<string, unknown> }[] = []
  const fakeFetch: typeof fetch = (_input, init) => {
    const body = JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as { query: string; variables: Record<string, unknown> }
    const operation = /mutation\s+(\w+)/.exec(body.query)?.[1] ?? 'unknown'
    calls.push({ operation, variables: body.variables })
    return Promise.resolve(new Response(JSON.stringify(answer(operation, body.variables)), { headers: { 'Content-Type': 'application/json' } }))
  }
  const client = createGraphqlClient({ getLanguage: () => 'ja', url: 'http://localhost/graphql', fetch: fakeFetch })
  const done: string[] = []
  render(
    <I18nextProvider i18n={createI18n('ja')}>
      <Provider value={client}>
        <ReviewActionBar
          report={{ id: 'r1', status, availableActions: actions }}
          onDone={(step) => {
            done.push(step)
          }}
        />
      </Provider>
    </I18nextProvider>,
  )
  return { calls, done, user: userEvent.setup() }
}

describe('the review action bar', () => {
  it('offers the manager’s sign-off and return, and signs off after confirming', async () => {
    const { calls, done, user } = renderBar(['APPROVE', 'RETURN'], 'AWAITING_MANAGER', () => ({
      data: { approveReport: { id: 'r1', status: 'SUBMITTED', availableActions: [] } },
    }))
    expect(screen.getByRole('heading', { name: '課長確認' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '受理する' })).toBeNull()
    await user.click(screen.getByRole('button', { name: '確認して提出する' }))
    const dialog = screen.getByRole('dialog', { name: 'この報告を確認済みにしますか' })
    // Nothing to type: focus starts on the safe choice.
    expect(within(dialog).getByRole('button', { name: 'キャンセル' })).toHaveFocus()
    await user.click(within(dialog).getByRole('button', { name: '確認して提出する' }))
    expect(await screen.findByText('確認済みにしました。事務局と社会福祉協議会のレビューに進みます。')).toBeInTheDocument()
    expect(calls).toEqual([{ operation: 'ReviewApprove', variables: { id: 'r1' } }])
    expect(done).toEqual(['approve'])
  })

  it('accepts with an optional comment', async () => {
    const { calls, user } = renderBar(['ACCEPT', 'RETURN'], 'SUBMITTED', () => ({
      data: { acceptReport: { id: 'r1', status: 'ACCEPTED', availableActions: [] } },
    }))
    expect(screen.getByRole('heading', { name: 'レビュー' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: '受理する' }))
    const dialog = screen.getByRole('dialog', { name: 'この報告を受理しますか' })
    await user.click(within(dialog).getByRole('button', { name: '受理する' }))
    expect(await screen.findByText('受理しました。')).toBeInTheDocument()
    expect(calls).toEqual([{ operation: 'ReviewAccept', variables: { id: 'r1', comment: null } }])
  })

  it('keeps the dialog open with the server’s reason when a step is refused', async () => {
    const { user } = renderBar(['ACCEPT', 'RETURN'], 'SUBMITTED', () => ({
      data: null,
      errors: [{ message: 'ほかの変更と重なりました。', path: ['returnReport'], extensions: { code: 'CONFLICT' } }],
    }))
    await user.click(screen.getByRole('button', { name: '差し戻す' }))
    const dialog = screen.getByRole('dialog', { name: 'この報告を差し戻しますか' })
    await user.type(within(dialog).getByLabelText(/^差し戻しの理由/), '数値を確認してください。')
    await user.click(within(dialog).getByRole('button', { name: '差し戻す' }))
    expect(await within(dialog).findByText('ほかの変更と重なりました。')).toBeInTheDocument()
  })

  it('shows nothing when the server offers no review step', () => {
    renderBar(['SUBMIT'], 'DRAFT', () => ({}))
    expect(screen.queryByRole('button')).toBeNull()
  })
})
