// @vitest-environment jsdom
import { configure, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { asApiUser, office, organizations, staff } from '@/test/accounts'
import { apiError, renderApp, signedInOnly, type Handler } from '@/test/renderApp'

// The first visit loads the lazily loaded feature: give it time on a busy machine.
configure({ asyncUtilTimeout: 5000 })

const invited: string[] = []

const handlers: Record<string, Handler> = {
  AdminOrganizations: () => ({ data: { organizations } }),
  AdminUsers: signedInOnly(() => ({ data: { users: [office, staff].map((u) => asApiUser(u)) } })),
  AdminUser: signedInOnly((variables) => ({ data: { user: asApiUser(variables.id === 'user-inactive' ? { ...staff, id: 'user-inactive' } : staff, variables.id !== 'user-inactive') } })),
  CreateUser: signedInOnly((variables) => {
    const input = variables.input as Record<string, unknown>
    return { data: { createUser: { id: 'user-new', displayName: input.displayName } } }
  }),
  AdminInviteUser: signedInOnly((variables) => {
    invited.push(String(variables.userId))
    return { data: { inviteUser: { userId: variables.userId, expiresAt: '2026-12-04T04:09:24Z' } } }
  }),
}

describe('invitations', () => {
  it('sends an account its invitation from the account’s page, and says until when the link works', async () => {
    invited.length = 0
    const { user } = renderApp('/admin/users/user-staff', { signedInAs: office, handlers })
    const box = (await screen.findByRole('heading', { name: '招待メール' })).parentElement ?? document.body
    await user.click(within(box).getByRole('button', { name: '招待メールを送る' }))
    expect(await within(box).findByText('welfare@omitama.exampleに招待メールを送りました。リンクの有効期限：2026/12/04 13:09:24')).toBeInTheDocument()
    expect(invited).toEqual(['user-staff'])
  })

  it('does not offer an invitation to an inactive account', async () => {
    renderApp('/admin/users/user-inactive', { signedInAs: office, handlers })
    expect(await screen.findByText('無効なアカウントには招待メールを送れません。先に有効に戻してください。')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '招待メールを送る' })).toBeNull()
  })

  it('shows the server’s reason when the mail cannot be sent', async () => {
    const { user } = renderApp('/admin/users/user-staff', {
      signedInAs: office,
      handlers: { ...handlers, AdminInviteUser: () => apiError('FORBIDDEN', 'この操作を行う権限がありません。', 'inviteUser') },
    })
    await user.click(await screen.findByRole('button', { name: '招待メールを送る' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('招待メールを送れませんでした。この操作を行う権限がありません。')
  })

  it('creates an account and sends the invitation in one go', async () => {
    invited.length = 0
    const { user } = renderApp('/admin/users/new', { signedInAs: office, handlers })
    await user.type(await screen.findByLabelText(/メールアドレス/), 'new@omitama.example')
    await user.type(screen.getByLabelText(/氏名/), '新井 和子')
    await user.selectOptions(screen.getByLabelText(/所属/, { selector: 'select' }), '防災管理課')
    await user.click(screen.getByRole('checkbox', { name: /担当課職員/ }))
    expect(screen.getByText('空欄のまま「作成して招待メールを送る」を選ぶと、本人が招待メールのリンクからパスワードを設定します。')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: '作成して招待メールを送る' }))
    expect(await screen.findByText('新井 和子さんのアカウントを作成し、招待メールを送りました。リンクの有効期限：2026/12/04 13:09:24')).toBeInTheDocument()
    expect(invited).toEqual(['user-new'])
  })
})
