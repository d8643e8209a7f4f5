// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { admin, office, organizations, staff } from '@/test/accounts'
import { apiError, renderApp, signedInOnly, type Handler } from '@/test/renderApp'

interface Organization {
  id: string
  code: string
  nameJa: string
  nameEn: string
  kind: string
  isSample: boolean
}

/** The organisation chart on a fake server: what the mutations change, the next list shows. */
function organizationServer() {
  const chart: Organization[] = organizations.map((o) => ({ ...o, isSample: o.kind === 'DEPARTMENT' }))
  const calls: { operation: string; variables: Record<string, unknown> }[] = []
  const handlers: Record<string, Handler> = {
    AdminOrganizationList: signedInOnly(() => ({ data: { organizations: chart.map((o) => ({ ...o })) } })),
    AdminCreateOrganization: signedInOnly((variables) => {
      calls.push({ operation: 'create', variables })
      const input = variables.input as Omit<Organization, 'id' | 'isSample'>
      const created = { ...input, id: `org-${input.code}`, isSample: false }
      chart.push(created)
      return { data: { createOrganization: created } }
    }),
    AdminRenameOrganization: signedInOnly((variables) => {
      calls.push({ operation: 'rename', variables })
      const found = chart.find((o) => o.id === variables.id)
      if (!found) return apiError('NOT_FOUND', '見つかりません。', 'renameOrganization')
      Object.assign(found, variables.input)
      return { data: { renameOrganization: { ...found } } }
    }),
  }
  return { handlers, calls }
}

async function findTable() {
  return screen.findByRole('table', { name: /^組織の一覧（\d+件）$/ })
}

function rowOf(table: HTMLElement, name: string) {
  const header = within(table).getByRole('rowheader', { name: new RegExp(name) })
  const row = header.closest('tr')
  if (!row) throw new Error(`no row for ${name}`)
  return within(row)
}

/** Fills the add form (a department) and sends it. */
async function addDepartment(user: ReturnType<typeof renderApp>['user'], code: string, nameJa: string, nameEn: string) {
  await user.type(screen.getByLabelText(/コード/), code)
  await user.type(screen.getByLabelText(/名称（日本語）/), nameJa)
  await user.type(screen.getByLabelText(/名称（英語）/), nameEn)
  await user.click(screen.getByRole('radio', { name: /担当課/ }))
  await user.click(screen.getByRole('button', { name: '追加する' }))
}

describe('the organisations page', () => {
  it('lists every organisation with its code, its kind in words and the sample mark', async () => {
    const { handlers } = organizationServer()
    renderApp('/admin/organizations', { signedInAs: office, handlers })
    const table = await findTable()
    expect(table).toHaveAccessibleName('組織の一覧（5件）')
    // In the order of the promotion system, then by Japanese name.
    expect(within(table).getAllByRole('rowheader').map((h) => h.querySelector('[lang="ja"]')?.textContent)).toEqual([
      '地域福祉計画事務局（社会福祉課）',
      '社会福祉課',
      '防災管理課',
      '小美玉市社会福祉協議会',
      '小美玉市地域福祉計画推進委員会',
    ])
    const bousai = rowOf(table, '防災管理課')
    expect(bousai.getByText('bousai')).toBeInTheDocument()
    expect(bousai.getByText('担当課')).toBeInTheDocument()
    expect(bousai.getByText('サンプル')).toBeInTheDocument()
    // Both names are kept here, whatever the page's language.
    expect(bousai.getByText('Disaster Management Division')).toHaveAttribute('lang', 'en')
    expect(rowOf(table, '小美玉市社会福祉協議会').getByText('社会福祉協議会')).toBeInTheDocument()
    expect(rowOf(table, '推進委員会').getByText('推進委員会')).toBeInTheDocument()
    expect(rowOf(table, '地域福祉計画事務局').getByText('事務局')).toBeInTheDocument()
    expect(screen.getByText('「サンプル」の組織は、デモ用に用意したデータです。')).toBeInTheDocument()
    // The main menu leads here.
    expect(screen.getByRole('link', { name: '組織の管理' })).toHaveAttribute('href', '/admin/organizations')
  })

  it('says beside the code that it cannot change, and checks the form before sending', async () => {
    const { handlers, calls } = organizationServer()
    const { user } = renderApp('/admin/organizations', { signedInAs: office, handlers })
    const code = await screen.findByLabelText(/コード/)
    expect(code).toHaveAccessibleDescription(/半角の英小文字・数字・ハイフン.*あとから変更できません。/)
    await user.click(screen.getByRole('button', { name: '追加する' }))
    const summary = screen.getByRole('alert')
    expect(within(summary).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['コードを入力してください。', '#organization-code'],
      ['名称（日本語）を入力してください。', '#organization-name-ja'],
      ['名称（英語）を入力してください。', '#organization-name-en'],
      ['種別を選んでください。', '#organization-kind'],
    ])
    await user.type(code, 'Kenko Zoshin')
    await user.click(screen.getByRole('button', { name: '追加する' }))
    expect(code).toHaveAttribute('aria-invalid', 'true')
    expect(code).toHaveAccessibleDescription(/コードは半角の英小文字・数字・ハイフンで入力してください。/)
    expect(calls).toEqual([])
  })

  it('adds an organisation, says so, and shows it in the list', async () => {
    const { handlers, calls } = organizationServer()
    const { user } = renderApp('/admin/organizations', { signedInAs: office, handlers })
    await findTable()
    await addDepartment(user, ' kenko-zoshin ', '健康増進課', 'Health Promotion Division')

    expect(await screen.findByRole('status')).toHaveTextContent('「健康増進課」を追加しました。')
    expect(calls).toEqual([
      {
        operation: 'create',
        variables: { input: { code: 'kenko-zoshin', nameJa: '健康増進課', nameEn: 'Health Promotion Division', kind: 'DEPARTMENT' } },
      },
    ])
    // The list loads again and has it, among the departments.
    const table = await screen.findByRole('table', { name: '組織の一覧（6件）' })
    expect(rowOf(table, '健康増進課').getByText('kenko-zoshin')).toBeInTheDocument()
    // The form is empty again, for the next one.
    expect(screen.getByLabelText(/コード/)).toHaveValue('')
    expect(screen.getByRole('radio', { name: /担当課/ })).not.toBeChecked()
  })

  it('shows the server’s verdict next to the field it names, with the error summary', async () => {
    const { handlers } = organizationServer()
    const { user } = renderApp('/admin/organizations', {
      signedInAs: office,
      handlers: {
        ...handlers,
        AdminCreateOrganization: () =>
          apiError('BAD_USER_INPUT', 'このコードは既に使われています。', 'createOrganization', 'code'),
      },
    })
    await findTable()
    await addDepartment(user, 'bousai', '防災課', 'Disaster Division')

    const code = screen.getByLabelText(/コード/)
    await waitFor(() => {
      expect(code).toHaveAttribute('aria-invalid', 'true')
    })
    expect(code).toHaveAccessibleDescription(/このコードは既に使われています。/)
    expect(document.getElementById('organization-code-error')).toHaveTextContent('このコードは既に使われています。')
    const summary = screen.getByRole('alert')
    expect(within(summary).getByRole('link', { name: 'このコードは既に使われています。' })).toHaveAttribute('href', '#organization-code')
    expect(screen.getByLabelText(/名称（日本語）/)).not.toHaveAttribute('aria-invalid')
    // What was typed stays, to be corrected.
    expect(code).toHaveValue('bousai')
  })

  it('shows a refusal that names no field above the form', async () => {
    const { handlers } = organizationServer()
    const { user } = renderApp('/admin/organizations', {
      signedInAs: office,
      handlers: {
        ...handlers,
        AdminCreateOrganization: () => apiError('FORBIDDEN', 'この操作を行う権限がありません。', 'createOrganization'),
      },
    })
    await findTable()
    await addDepartment(user, 'kenko', '健康課', 'Health')
    const summary = await screen.findByRole('alert')
    expect(summary).toHaveTextContent('組織を追加できませんでした')
    expect(summary).toHaveTextContent('この操作を行う権限がありません。')
  })

  it('renames an organisation in a dialog, and the list follows', async () => {
    const { handlers, calls } = organizationServer()
    const { user } = renderApp('/admin/organizations', { signedInAs: admin, handlers })
    const table = await findTable()
    await user.click(rowOf(table, '防災管理課').getByRole('button', { name: '名称を変更（防災管理課）' }))

    const dialog = screen.getByRole('dialog', { name: '組織名の変更' })
    expect(dialog).toHaveTextContent('コード（bousai）と種別、所属するアカウント、担当する施策の方向はそのままです。')
    const nameJa = within(dialog).getByLabelText(/名称（日本語）/)
    expect(nameJa).toHaveFocus()
    expect(nameJa).toHaveValue('防災管理課')
    await user.clear(nameJa)
    await user.type(nameJa, '危機管理課')
    const nameEn = within(dialog).getByLabelText(/名称（英語）/)
    await user.clear(nameEn)
    await user.type(nameEn, 'Crisis Management Division')
    await user.click(within(dialog).getByRole('button', { name: '変更する' }))

    expect(await screen.findByRole('status')).toHaveTextContent('「防災管理課」の名称を「危機管理課」に変更しました。')
    expect(calls).toEqual([
      { operation: 'rename', variables: { id: 'org-bousai', input: { nameJa: '危機管理課', nameEn: 'Crisis Management Division' } } },
    ])
    expect(screen.queryByRole('dialog')).toBeNull()
    await waitFor(() => {
      expect(rowOf(screen.getByRole('table'), '危機管理課').getByText('bousai')).toBeInTheDocument()
    })
    expect(within(screen.getByRole('table')).queryByText('防災管理課')).toBeNull()
  })

  it('shows a refused name inside the rename dialog, by its field', async () => {
    const { handlers } = organizationServer()
    const { user } = renderApp('/admin/organizations', {
      signedInAs: office,
      handlers: {
        ...handlers,
        AdminRenameOrganization: () =>
          apiError('BAD_USER_INPUT', '英語の名称は100文字以内で入力してください。', 'renameOrganization', 'nameEn'),
      },
    })
    const table = await findTable()
    await user.click(rowOf(table, '^社会福祉課').getByRole('button', { name: /名称を変更/ }))
    const dialog = screen.getByRole('dialog', { name: '組織名の変更' })
    await user.click(within(dialog).getByRole('button', { name: '変更する' }))
    const nameEn = within(dialog).getByLabelText(/名称（英語）/)
    await waitFor(() => {
      expect(nameEn).toHaveAttribute('aria-invalid', 'true')
    })
    expect(nameEn).toHaveAccessibleDescription(/英語の名称は100文字以内で入力してください。/)
    expect(within(within(dialog).getByRole('alert')).getByRole('link', { name: '英語の名称は100文字以内で入力してください。' })).toHaveAttribute(
      'href',
      '#rename-organization-name-en',
    )
    // Cancelling closes it; nothing changed.
    await user.click(within(dialog).getByRole('button', { name: 'キャンセル' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(screen.queryByRole('status')).toBeNull()
  })

  it('is not for the people who write reports', async () => {
    const { handlers } = organizationServer()
    renderApp('/admin/organizations', { signedInAs: staff, handlers })
    expect(await screen.findByRole('heading', { level: 1 })).not.toHaveTextContent('組織の管理')
    expect(screen.queryByRole('link', { name: '組織の管理' })).toBeNull()
  })
})
