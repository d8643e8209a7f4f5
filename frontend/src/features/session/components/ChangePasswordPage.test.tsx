// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { staff } from '@/test/accounts'
import { apiError, renderApp, signedInOnly } from '@/test/renderApp'

async function fill(user: ReturnType<typeof renderApp>['user'], current: string, next: string, again = next) {
  await user.type(await screen.findByLabelText(/^現在のパスワード/), current)
  await user.type(screen.getByLabelText(/^新しいパスワード必須|^新しいパスワード\s*必須/), next)
  await user.type(screen.getByLabelText(/^新しいパスワード（確認）/), again)
  await user.click(screen.getByRole('button', { name: '変更する' }))
}

describe('changing one’s password', () => {
  it('shows the policy beside the new password', async () => {
    renderApp('/account/password', { signedInAs: staff })
    const field = await screen.findByLabelText(/^新しいパスワード必須|^新しいパスワード\s*必須/)
    expect(field).toHaveAccessibleDescription(/12文字以上で、よく使われるパスワードではないもの/)
    expect(field).toHaveAttribute('autocomplete', 'new-password')
  })

  it('catches a mistyped confirmation before asking the server', async () => {
    const { user, requests } = renderApp('/account/password', { signedInAs: staff })
    await fill(user, 'old-password-123', 'kasumi-lotus-lantern-77', 'kasumi-lotus-lantern-78')
    expect(screen.getByLabelText(/^新しいパスワード（確認）/)).toHaveAccessibleDescription(/一致しません/)
    expect(requests.some((r) => r.operation === 'ChangePassword')).toBe(false)
  })

  it('puts the server’s verdicts next to the fields they name', async () => {
    const { user } = renderApp('/account/password', {
      signedInAs: staff,
      handlers: {
        ChangePassword: signedInOnly((variables) =>
          variables.currentPassword === 'wrong-password-1'
            ? apiError('BAD_USER_INPUT', '現在のパスワードが正しくありません。', 'changePassword', 'currentPassword')
            : apiError('BAD_USER_INPUT', 'パスワードは12文字以上にしてください。', 'changePassword', 'newPassword'),
        ),
      },
    })
    await fill(user, 'wrong-password-1', 'kasumi-lotus-lantern-77')
    await waitFor(() => {
      expect(screen.getByLabelText(/^現在のパスワード/)).toHaveAccessibleDescription(/現在のパスワードが正しくありません。/)
    })
    await user.clear(screen.getByLabelText(/^現在のパスワード/))
    await user.clear(screen.getByLabelText(/^新しいパスワード必須|^新しいパスワード\s*必須/))
    await user.clear(screen.getByLabelText(/^新しいパスワード（確認）/))
    await fill(user, 'right-password-1', 'short', 'short')
    await waitFor(() => {
      expect(screen.getByLabelText(/^新しいパスワード必須|^新しいパスワード\s*必須/)).toHaveAccessibleDescription(
        /パスワードは12文字以上にしてください。/,
      )
    })
    expect(screen.getByLabelText(/^現在のパスワード/)).not.toHaveAttribute('aria-invalid')
  })

  it('takes the new session the server returns, and says other sign-ins ended', async () => {
    const { user, session, auth } = renderApp('/account/password', {
      signedInAs: staff,
      handlers: {
        ChangePassword: signedInOnly((_variables, _language, context) => {
          context.auth.expireTokens() // every other session ends
          return { data: { changePassword: context.auth.issue(staff) } }
        }),
      },
    })
    await screen.findByLabelText(/^現在のパスワード/)
    const before = session.accessToken()
    await fill(user, 'old-password-123', 'kasumi-lotus-lantern-77')
    expect(await screen.findByText(/パスワードを変更しました。/)).toBeInTheDocument()
    expect(session.accessToken()).not.toBe(before)
    expect(auth.validTokens.has(session.accessToken() ?? '')).toBe(true)
    expect(screen.getByLabelText(/^現在のパスワード/)).toHaveValue('')
  })
})
