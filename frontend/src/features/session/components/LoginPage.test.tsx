// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { office, staff } from '@/test/accounts'
import { apiError, renderApp } from '@/test/renderApp'

const PASSWORD = 'correct-horse-battery'

describe('the sign-in page', () => {
  it('has labelled fields and says what is missing, next to each field', async () => {
    const { user } = renderApp('/login')
    const email = await screen.findByLabelText(/メールアドレス/)
    const password = screen.getByLabelText(/パスワード/)
    expect(email).toHaveAttribute('type', 'email')
    expect(email).toHaveAttribute('autocomplete', 'username')
    expect(password).toHaveAttribute('autocomplete', 'current-password')

    await user.click(screen.getByRole('button', { name: 'ログインする' }))
    const summary = screen.getByRole('alert')
    expect(within(summary).getByText('入力内容を確認してください')).toBeInTheDocument()
    expect(within(summary).getByRole('link', { name: 'メールアドレスを入力してください。' })).toHaveAttribute('href', '#login-email')
    expect(email).toHaveAttribute('aria-invalid', 'true')
    expect(email).toHaveAccessibleDescription(/メールアドレスを入力してください。/)
    // The summary takes focus, so keyboard and screen-reader users hear about it at once.
    expect(summary.parentElement).toHaveFocus()
  })

  it('shows the server’s message for a wrong password, as sent, and clears the password', async () => {
    const { user, requests } = renderApp('/login', { accounts: [office] })
    await user.type(await screen.findByLabelText(/メールアドレス/), office.email)
    await user.type(screen.getByLabelText(/パスワード/), 'wrong-password')
    await user.click(screen.getByRole('button', { name: 'ログインする' }))
    const summary = await screen.findByRole('alert')
    expect(within(summary).getByText('ログインできませんでした')).toBeInTheDocument()
    expect(within(summary).getByText('メールアドレスまたはパスワードが正しくありません。')).toBeInTheDocument()
    expect(screen.getByLabelText(/パスワード/)).toHaveValue('')
    expect(screen.getByLabelText(/メールアドレス/)).toHaveValue(office.email)
    // The sign-in is never sent with a token, and never retried by the session exchange.
    expect(requests.filter((r) => r.operation === 'Login')).toMatchObject([{ authorization: null }])
  })

  it('shows RATE_LIMITED as the server words it', async () => {
    const { user } = renderApp('/login', {
      handlers: {
        Login: () =>
          apiError('RATE_LIMITED', 'ログインの失敗が続いたため、15分後にもう一度お試しください。', 'login'),
      },
    })
    await user.type(await screen.findByLabelText(/メールアドレス/), office.email)
    await user.type(screen.getByLabelText(/パスワード/), 'anything')
    await user.click(screen.getByRole('button', { name: 'ログインする' }))
    expect(await screen.findByText('ログインの失敗が続いたため、15分後にもう一度お試しください。')).toBeInTheDocument()
  })

  it('asks in the user’s language, so the server answers in it', async () => {
    const { user, requests } = renderApp('/login', { language: 'en', accounts: [office] })
    await user.type(await screen.findByLabelText(/E-mail address/), office.email)
    await user.type(screen.getByLabelText(/Password/), 'wrong-password')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByText('The e-mail address or password is not correct.')).toBeInTheDocument()
    expect(requests.find((r) => r.operation === 'Login')?.language).toBe('en')
  })

  it('returns to the page the user came from, with its query and hash', async () => {
    const { user, router } = renderApp('/account/password?tab=1#new', { accounts: [staff] })
    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/login')
    })
    await user.type(await screen.findByLabelText(/メールアドレス/), staff.email)
    await user.type(screen.getByLabelText(/パスワード/), PASSWORD)
    await user.click(screen.getByRole('button', { name: 'ログインする' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'パスワードの変更' })).toBeInTheDocument()
    expect(router.state.location).toMatchObject({ pathname: '/account/password', search: '?tab=1', hash: '#new' })
    expect(within(screen.getByRole('banner')).getByText('鈴木 一郎')).toBeInTheDocument()
    expect(within(screen.getByRole('banner')).getByText('社会福祉課')).toBeInTheDocument()
  })

  it('goes home when the user came straight to it', async () => {
    const { user, router } = renderApp('/login', { accounts: [staff] })
    await user.type(await screen.findByLabelText(/メールアドレス/), staff.email)
    await user.type(screen.getByLabelText(/パスワード/), PASSWORD)
    await user.click(screen.getByRole('button', { name: 'ログインする' }))
    expect(await screen.findByRole('heading', { level: 1, name: '鈴木 一郎さん、こんにちは' })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/home')
    // Staff see their role in Japanese, the plan explorer, and no administration.
    expect(within(screen.getByRole('main')).getByText('担当課職員')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: '計画の体系と成果指標' })).toHaveAttribute('href', '/')
    expect(screen.queryByRole('link', { name: 'アカウント管理' })).toBeNull()
  })
})

describe('the session in the shell', () => {
  it('restores a session from the cookie on page load, once', async () => {
    const { auth } = renderApp('/home', { signedInAs: office })
    expect(await screen.findByRole('heading', { level: 1, name: '佐藤 花子さん、こんにちは' })).toBeInTheDocument()
    expect(auth.refreshes).toBe(1)
    expect(screen.getAllByRole('link', { name: 'アカウント管理' }).length).toBeGreaterThan(0)
  })

  it('offers the public a sign-in link that brings them back', async () => {
    const { user, router } = renderApp('/plans/omitama-3')
    await screen.findByRole('heading', { level: 1 })
    await user.click(within(screen.getByRole('banner')).getByRole('link', { name: 'ログイン' }))
    expect(router.state.location.pathname).toBe('/login')
    expect(router.state.location.state).toMatchObject({ from: { pathname: '/plans/omitama-3' } })
  })

  it('shows staff the no-permission page for administration', async () => {
    renderApp('/admin/users', { signedInAs: staff })
    expect(await screen.findByRole('heading', { level: 1, name: 'このページを表示する権限がありません' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'ホームへ戻る' })).toHaveAttribute('href', '/home')
  })

  it('signs out from the account menu, and says so once the server confirms', async () => {
    const { user, router, auth, requests } = renderApp('/home', { signedInAs: office })
    const menu = await screen.findByRole('button', { name: /アカウントメニュー/ })
    expect(menu).toHaveAttribute('aria-expanded', 'false')
    await user.click(menu)
    expect(menu).toHaveAttribute('aria-expanded', 'true')
    await user.keyboard('{Escape}')
    expect(menu).toHaveAttribute('aria-expanded', 'false')
    expect(menu).toHaveFocus()

    await user.click(menu)
    await user.click(screen.getByRole('button', { name: 'ログアウト' }))
    expect(await screen.findByText('ログアウトしました。')).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/login')
    expect(auth.cookieUser).toBeNull()
    expect(requests.find((r) => r.operation === 'Logout')?.authorization).toMatch(/^Bearer /)
    expect(within(screen.getByRole('banner')).queryByText('佐藤 花子')).toBeNull()
  })
})
