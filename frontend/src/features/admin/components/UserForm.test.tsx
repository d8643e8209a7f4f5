// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { admin, asApiUser, office, organizations, staff } from '@/test/accounts'
import { apiError, renderApp, signedInOnly, type Handler } from '@/test/renderApp'

const created: Record<string, unknown>[] = []

const adminHandlers: Record<string, Handler> = {
  AdminOrganizations: () => ({ data: { organizations } }),
  AdminUsers: signedInOnly(() => ({ data: { users: [office, staff].map((u) => asApiUser(u)) } })),
  AdminUser: signedInOnly((variables) => ({
    data: { user: asApiUser([office, staff, admin].find((u) => u.id === variables.id) ?? staff) },
  })),
  CreateUser: signedInOnly((variables) => {
    const input = variables.input as Record<string, unknown>
    created.push(input)
    return { data: { createUser: { id: 'user-new', displayName: input.displayName } } }
  }),
}

async function fillCreateForm(user: ReturnType<typeof renderApp>['user']) {
  await user.type(await screen.findByLabelText(/メールアドレス/), 'new@omitama.example')
  await user.type(screen.getByLabelText(/氏名/), '新井 和子')
  await user.selectOptions(screen.getByLabelText(/所属/, { selector: 'select' }), '防災管理課')
  await user.click(screen.getByRole('checkbox', { name: /担当課職員/ }))
}

describe('the account form', () => {
  it('shows the server’s field errors next to the fields they name', async () => {
    const { user } = renderApp('/admin/users/new', {
      signedInAs: office,
      handlers: {
        ...adminHandlers,
        CreateUser: () => apiError('BAD_USER_INPUT', 'このメールアドレスは既に登録されています。', 'createUser', 'email'),
      },
    })
    await fillCreateForm(user)
    await user.click(screen.getByRole('button', { name: '作成する' }))

    const email = screen.getByLabelText(/メールアドレス/)
    await waitFor(() => {
      expect(email).toHaveAttribute('aria-invalid', 'true')
    })
    expect(email).toHaveAccessibleDescription(/このメールアドレスは既に登録されています。/)
    expect(document.getElementById('user-email-error')).toHaveTextContent('このメールアドレスは既に登録されています。')
    const summary = screen.getByRole('alert')
    expect(within(summary).getByRole('link', { name: 'このメールアドレスは既に登録されています。' })).toHaveAttribute(
      'href',
      '#user-email',
    )
    // The other fields are fine.
    expect(screen.getByLabelText(/氏名/)).not.toHaveAttribute('aria-invalid')
  })

  it('puts a weak first password’s error (newPassword) on the password field', async () => {
    const { user } = renderApp('/admin/users/new', {
      signedInAs: office,
      handlers: {
        ...adminHandlers,
        CreateUser: () =>
          apiError('BAD_USER_INPUT', 'よく使われるパスワードです。推測されにくい別のパスワードにしてください。', 'createUser', 'newPassword'),
      },
    })
    await fillCreateForm(user)
    await user.type(screen.getByLabelText(/初期パスワード/), 'password1234')
    await user.click(screen.getByRole('button', { name: '作成する' }))
    await waitFor(() => {
      expect(screen.getByLabelText(/初期パスワード/)).toHaveAccessibleDescription(/よく使われるパスワードです。/)
    })
  })

  it('names the roles fieldset when no role is chosen, and checks required fields itself', async () => {
    const { user, requests } = renderApp('/admin/users/new', { signedInAs: office, handlers: adminHandlers })
    await user.click(await screen.findByRole('button', { name: '作成する' }))
    const summary = screen.getByRole('alert')
    expect(within(summary).getAllByRole('link').map((link) => link.textContent)).toEqual([
      'メールアドレスを入力してください。',
      '氏名を入力してください。',
      '所属を選んでください。',
      '役割を1つ以上選んでください。',
    ])
    expect(screen.getByRole('group', { name: /役割/ })).toHaveAttribute('aria-invalid', 'true')
    expect(requests.some((r) => r.operation === 'CreateUser')).toBe(false)
  })

  it('shows a refusal that names no field above the form', async () => {
    const { user } = renderApp('/admin/users/new', {
      signedInAs: office,
      handlers: { ...adminHandlers, CreateUser: () => apiError('FORBIDDEN', 'この操作を行う権限がありません。', 'createUser') },
    })
    await fillCreateForm(user)
    await user.click(screen.getByRole('button', { name: '作成する' }))
    const summary = await screen.findByRole('alert')
    expect(within(summary).getByText('保存できませんでした')).toBeInTheDocument()
    expect(within(summary).getByText('この操作を行う権限がありません。')).toBeInTheDocument()
  })

  it('offers the administrator role to administrators only', async () => {
    renderApp('/admin/users/new', { signedInAs: office, handlers: adminHandlers })
    await screen.findByRole('checkbox', { name: /事務局/ })
    expect(screen.queryByRole('checkbox', { name: /システム管理者/ })).toBeNull()
    expect(screen.getByText('システム管理者の役割は、システム管理者だけが付与できます。')).toBeInTheDocument()
  })

  it('lets an administrator give it', async () => {
    renderApp('/admin/users/new', { signedInAs: admin, handlers: adminHandlers })
    expect(await screen.findByRole('checkbox', { name: /システム管理者/ })).toBeEnabled()
  })

  it('creates the account and says so on the list', async () => {
    created.length = 0
    const { user, router } = renderApp('/admin/users/new', { signedInAs: office, handlers: adminHandlers })
    await fillCreateForm(user)
    await user.click(screen.getByRole('radio', { name: 'English' }))
    await user.click(screen.getByRole('button', { name: '作成する' }))
    expect(await screen.findByText('新井 和子さんのアカウントを作成しました。')).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/admin/users')
    expect(created).toEqual([
      {
        email: 'new@omitama.example',
        displayName: '新井 和子',
        organizationId: 'org-bousai',
        roles: ['DEPARTMENT_STAFF'],
        language: 'EN',
        password: null,
      },
    ])
  })
})

describe('a half-written form and an ended session', () => {
  it('survives the trip through the sign-in page, without the password', async () => {
    created.length = 0
    const { user, router, auth } = renderApp('/admin/users/new', { signedInAs: office, handlers: adminHandlers })
    await fillCreateForm(user)
    await user.type(screen.getByLabelText(/初期パスワード/), 'never-kept-in-drafts')

    // The sign-in ends on the server (say, the password was changed elsewhere).
    auth.endSession()
    await user.click(screen.getByRole('button', { name: '作成する' }))

    // The request met a 401, the one refresh was refused: off to sign in, with a reason.
    expect(await screen.findByText(/ログインの有効期限が切れました/)).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/login')
    expect(created).toEqual([])

    await user.type(screen.getByLabelText(/メールアドレス/), office.email)
    await user.type(screen.getByLabelText(/パスワード/), 'correct-horse-battery')
    await user.click(screen.getByRole('button', { name: 'ログインする' }))

    // Back on the form, as it was (the password is not kept).
    expect(await screen.findByRole('heading', { level: 1, name: 'アカウントの作成' })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/admin/users/new')
    expect(await screen.findByLabelText(/メールアドレス/)).toHaveValue('new@omitama.example')
    expect(screen.getByLabelText(/氏名/)).toHaveValue('新井 和子')
    expect(screen.getByLabelText(/所属/, { selector: 'select' })).toHaveValue('org-bousai')
    expect(screen.getByRole('checkbox', { name: /担当課職員/ })).toBeChecked()
    expect(screen.getByLabelText(/初期パスワード/)).toHaveValue('')

    await user.click(screen.getByRole('button', { name: '作成する' }))
    expect(await screen.findByText('新井 和子さんのアカウントを作成しました。')).toBeInTheDocument()
    expect(created).toHaveLength(1)
  })

  it('is dropped when the user leaves the form on purpose', async () => {
    const { user } = renderApp('/admin/users/new', { signedInAs: office, handlers: adminHandlers })
    await fillCreateForm(user)
    await user.click(screen.getByRole('link', { name: 'キャンセル' }))
    await screen.findByRole('table')
    await user.click(screen.getByRole('link', { name: 'アカウントを作成' }))
    expect(await screen.findByLabelText(/メールアドレス/)).toHaveValue('')
  })

  it('is dropped when someone else signs in', async () => {
    const { user, auth } = renderApp('/admin/users/new', { signedInAs: office, accounts: [admin], handlers: adminHandlers })
    await fillCreateForm(user)
    auth.endSession()
    await user.click(screen.getByRole('button', { name: '作成する' }))
    await screen.findByText(/ログインの有効期限が切れました/)
    await user.type(screen.getByLabelText(/メールアドレス/), admin.email)
    await user.type(screen.getByLabelText(/パスワード/), 'correct-horse-battery')
    await user.click(screen.getByRole('button', { name: 'ログインする' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'アカウントの作成' })).toBeInTheDocument()
    expect(await screen.findByLabelText(/メールアドレス/)).toHaveValue('')
  })
})
