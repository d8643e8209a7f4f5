// @vitest-environment jsdom
import { configure, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { staff } from '@/test/accounts'
import { apiError, renderApp, signedInOnly, type Handler } from '@/test/renderApp'

// The first visit loads the lazily loaded feature: give it time on a busy machine.
configure({ asyncUtilTimeout: 5000 })

describe('the invitation page', () => {
  const preview = { email: 'welfare@omitama.example', displayName: '鈴木 一郎', expiresAt: '2026-12-04T04:09:24Z' }

  function invitationHandlers(accepted: unknown[]): Record<string, Handler> {
    return {
      AccountInvitation: (variables) => ({ data: { invitation: variables.token === 'good-token' ? preview : null } }),
      AccountAcceptInvitation: (variables, language, { auth }) => {
        accepted.push(variables)
        if (String(variables.password).length < 12) {
          return apiError('BAD_USER_INPUT', language === 'en' ? 'Use at least 12 characters.' : 'パスワードは12文字以上にしてください。', 'acceptInvitation', 'newPassword')
        }
        return { data: { acceptInvitation: auth.issue(staff) } }
      },
    }
  }

  it('says plainly when the link is used or expired', async () => {
    renderApp('/invitations/old-token', { handlers: invitationHandlers([]) })
    expect(await screen.findByRole('heading', { level: 1, name: 'この招待リンクは使えません' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'ログインの画面へ' })).toHaveAttribute('href', '/login')
  })

  it('shows whom it is for, the policy’s verdict by the field, then signs in and goes home', async () => {
    const accepted: unknown[] = []
    const { user, router } = renderApp('/invitations/good-token', { handlers: invitationHandlers(accepted) })
    expect(await screen.findByRole('heading', { level: 1, name: 'アカウントの利用開始' })).toBeInTheDocument()
    expect(screen.getByText('鈴木 一郎')).toBeInTheDocument()
    expect(screen.getByText('welfare@omitama.example')).toBeInTheDocument()
    expect(screen.getByText('2026/12/04 13:09:24')).toBeInTheDocument()

    const password = screen.getByLabelText(/^パスワード必須/)
    const confirmation = screen.getByLabelText(/^パスワード（確認）/)
    await user.type(password, 'short')
    await user.type(confirmation, 'shorter')
    await user.click(screen.getByRole('button', { name: 'パスワードを設定して始める' }))
    expect(await screen.findByText('確認用のパスワードが一致しません。', { selector: 'a' })).toBeInTheDocument()
    expect(accepted).toEqual([])

    await user.clear(confirmation)
    await user.type(confirmation, 'short')
    await user.click(screen.getByRole('button', { name: 'パスワードを設定して始める' }))
    await waitFor(() => {
      expect(password).toHaveAttribute('aria-invalid', 'true')
    })
    expect(document.getElementById('invitation-password-error')).toHaveTextContent('パスワードは12文字以上にしてください。')

    await user.type(password, 'kasumi-lotus-lantern-77')
    await user.type(confirmation, 'kasumi-lotus-lantern-77')
    await user.click(screen.getByRole('button', { name: 'パスワードを設定して始める' }))
    expect(await screen.findByRole('heading', { level: 1, name: '鈴木 一郎さん、こんにちは' })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/home')
    expect(accepted.at(-1)).toEqual({ token: 'good-token', password: 'kasumi-lotus-lantern-77' })
  })
})

describe('notification settings', () => {
  it('shows the current choice and saves a new one', async () => {
    const saved: unknown[] = []
    const settings = { dailyDigest: false, muteComments: false }
    const handlers: Record<string, Handler> = {
      AccountNotificationSettings: signedInOnly(() => ({ data: { me: { id: staff.id, notificationSettings: settings } } })),
      AccountUpdateNotificationSettings: signedInOnly((variables) => {
        saved.push(variables)
        Object.assign(settings, variables)
        return { data: { updateNotificationSettings: { id: staff.id, notificationSettings: { ...settings } } } }
      }),
    }
    const { user } = renderApp('/account/notifications', { signedInAs: staff, handlers })
    const immediate = await screen.findByRole('radio', { name: /^そのつど受け取る/ })
    expect(immediate).toBeChecked()
    await user.click(screen.getByRole('radio', { name: /^1日1回まとめて受け取る（毎朝8:00）/ }))
    await user.click(screen.getByRole('checkbox', { name: /^コメントのメールを受け取らない/ }))
    await user.click(screen.getByRole('button', { name: '保存する' }))
    expect(await screen.findByText('通知メールの設定を保存しました。')).toBeInTheDocument()
    expect(saved).toEqual([{ dailyDigest: true, muteComments: true }])
  })
})
