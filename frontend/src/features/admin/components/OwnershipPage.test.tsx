// @vitest-environment jsdom
import { configure, fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { office, organizations } from '@/test/accounts'
import { plansAnswer } from '@/test/fixtures'
import { apiError, renderApp, signedInOnly, type Handler } from '@/test/renderApp'

// The first visit loads the lazily loaded feature: give it time on a busy machine.
configure({ asyncUtilTimeout: 5000 })

interface Owner { role: string; organization: { id: string } }

function ownershipServer() {
  const owners = new Map<string, Owner[]>([
    ['dir-1-3-1', [{ role: 'LEAD', organization: { id: 'org-council' } }]],
    ['dir-3-2-1', [{ role: 'LEAD', organization: { id: 'org-bousai' } }, { role: 'CO_OWNER', organization: { id: 'org-welfare' } }]],
  ])
  const direction = (id: string, code: string, nameJa: string) => ({ id, code, nameJa, nameEn: code, owners: owners.get(id) ?? [] })
  const calls: { operation: string; variables: Record<string, unknown> }[] = []
  const handlers: Record<string, Handler> = {
    AdminPlans: signedInOnly(() => ({ data: plansAnswer })),
    AdminOwnership: signedInOnly(() => ({
      data: {
        plan: {
          id: 'plan-3',
          code: 'omitama-3',
          goals: [
            {
              id: 'goal-3',
              code: '3',
              nameJa: '安全・安心に暮らせるまちづくり',
              nameEn: 'Goal 3',
              policies: [{ id: 'p-3-2', code: '3-2', nameJa: '防犯・防災体制の充実', nameEn: 'Policy 3-2', directions: [direction('dir-3-2-1', '3-2-1', '災害時における地域防災体制づくり')] }],
            },
            {
              id: 'goal-1',
              code: '1',
              nameJa: '地域で共に支えあう あたたかな心づくり',
              nameEn: 'Goal 1',
              policies: [{ id: 'p-1-3', code: '1-3', nameJa: '人材の育成', nameEn: 'Policy 1-3', directions: [direction('dir-1-3-1', '1-3-1', 'リーダーの育成')] }],
            },
          ],
        },
        organizations,
      },
    })),
    AdminAssignDirection: signedInOnly((variables) => {
      calls.push({ operation: 'assign', variables })
      const id = String(variables.directionId)
      const list = (owners.get(id) ?? []).filter((o) => o.organization.id !== variables.organizationId)
      owners.set(id, [...list, { role: String(variables.role), organization: { id: String(variables.organizationId) } }])
      return { data: { assignDirection: { id, owners: owners.get(id) } } }
    }),
    AdminUnassignDirection: signedInOnly((variables, language) => {
      calls.push({ operation: 'unassign', variables })
      return apiError(
        'BAD_USER_INPUT',
        language === 'en' ? 'The direction would be left without its lead.' : '主担当課がいなくなります。先に別の組織を主担当に指定してください。',
        'unassignDirection',
      )
    }),
  }
  return { handlers, calls }
}

describe('the ownership matrix', () => {
  it('shows directions by goal and policy against departments and the Council, with each role', async () => {
    const { handlers } = ownershipServer()
    renderApp('/admin/ownership', { signedInAs: office, handlers })
    const table = await screen.findByRole('table', { name: '施策の方向ごとの担当（施策の方向 2件 × 組織 3件）' })
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent)
    expect(headers[0]).toBe('施策の方向')
    expect(headers.at(-1)).toBe('小美玉市社会福祉協議会')
    expect(headers).not.toContain('地域福祉計画事務局（社会福祉課）')
    const groups = within(table).getAllByRole('rowheader').map((h) => h.textContent)
    expect(groups).toEqual([
      '基本目標1 地域で共に支えあう あたたかな心づくり1-3 人材の育成',
      '1-3-1 リーダーの育成',
      '基本目標3 安全・安心に暮らせるまちづくり3-2 防犯・防災体制の充実',
      '3-2-1 災害時における地域防災体制づくり',
    ])
    expect(screen.getByRole('combobox', { name: '3-2-1 災害時における地域防災体制づくり：防災管理課の役割' })).toHaveValue('LEAD')
    expect(screen.getByRole('combobox', { name: '3-2-1 災害時における地域防災体制づくり：社会福祉課の役割' })).toHaveValue('CO_OWNER')
    expect(screen.getByRole('combobox', { name: '1-3-1 リーダーの育成：社会福祉課の役割' })).toHaveValue('')
  })

  it('keeps choices as the row’s unsaved changes until saved, and can undo them', async () => {
    const { handlers, calls } = ownershipServer()
    const { user } = renderApp('/admin/ownership', { signedInAs: office, handlers })
    const cell = await screen.findByRole('combobox', { name: '1-3-1 リーダーの育成：防災管理課の役割' })
    // Moving through the options asks the server nothing.
    fireEvent.change(cell, { target: { value: 'LEAD' } })
    fireEvent.change(cell, { target: { value: 'CO_OWNER' } })
    expect(calls).toEqual([])
    expect(cell).toHaveAccessibleDescription('未保存')
    expect(screen.getByText('未保存の変更がある施策の方向：1件（各行の「保存」で保存します）')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: '元に戻す（1-3-1 リーダーの育成）' }))
    expect(cell).toHaveValue('')
    expect(screen.queryByRole('button', { name: /^保存/ })).toBeNull()
  })

  it('moves a lead in one save: the new lead first, then the removal', async () => {
    const { handlers, calls } = ownershipServer()
    handlers.AdminUnassignDirection = signedInOnly((variables) => {
      calls.push({ operation: 'unassign', variables })
      return { data: { unassignDirection: { id: 'dir-3-2-1', owners: [{ role: 'LEAD', organization: { id: 'org-welfare' } }] } } }
    })
    const { user } = renderApp('/admin/ownership', { signedInAs: office, handlers })
    const bousai = await screen.findByRole('combobox', { name: '3-2-1 災害時における地域防災体制づくり：防災管理課の役割' })
    const welfareCell = screen.getByRole('combobox', { name: '3-2-1 災害時における地域防災体制づくり：社会福祉課の役割' })
    fireEvent.change(bousai, { target: { value: '' } })
    fireEvent.change(welfareCell, { target: { value: 'LEAD' } })
    await user.click(screen.getByRole('button', { name: '保存（3-2-1 災害時における地域防災体制づくり）' }))
    expect(await screen.findByText('3-2-1の担当を保存しました。')).toBeInTheDocument()
    expect(calls).toEqual([
      { operation: 'assign', variables: { directionId: 'dir-3-2-1', organizationId: 'org-welfare', role: 'LEAD' } },
      { operation: 'unassign', variables: { directionId: 'dir-3-2-1', organizationId: 'org-bousai' } },
    ])
    expect(welfareCell).toHaveValue('LEAD')
    expect(bousai).toHaveValue('')
    expect(screen.queryByRole('button', { name: /^保存/ })).toBeNull()
  })

  it('shows the server’s refusal in the user’s language, and keeps what it refused chosen', async () => {
    const { handlers } = ownershipServer()
    const { user } = renderApp('/admin/ownership', { signedInAs: office, handlers })
    const cell = await screen.findByRole('combobox', { name: '3-2-1 災害時における地域防災体制づくり：防災管理課の役割' })
    fireEvent.change(cell, { target: { value: '' } })
    await user.click(screen.getByRole('button', { name: /^保存/ }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '3-2-1：防災管理課の担当を変更できませんでした。主担当課がいなくなります。先に別の組織を主担当に指定してください。',
    )
    expect(cell).toHaveValue('')
    await user.click(screen.getByRole('button', { name: /^元に戻す/ }))
    expect(cell).toHaveValue('LEAD')
  })
})

describe('the ownership CSV import', () => {
  function withPreview(preview: unknown) {
    const { handlers } = ownershipServer()
    const applied: unknown[] = []
    handlers.AdminPreviewOwnershipImport = signedInOnly((variables) => ({ data: { previewOwnershipImport: typeof preview === 'function' ? (preview as (v: unknown) => unknown)(variables) : preview } }))
    handlers.AdminApplyOwnershipImport = signedInOnly((variables) => {
      applied.push(variables)
      return { data: { applyOwnershipImport: [{ kind: 'ADD', directionCode: '1-3-1', organizationCode: 'bousai', role: 'CO_OWNER', previousRole: null }] } }
    })
    return { handlers, applied }
  }

  const file = (text: string) => new File([text], 'owners.csv', { type: 'text/csv' })

  it('lists every invalid row with its line, and offers no apply', async () => {
    const { handlers } = withPreview({
      valid: false,
      changes: [],
      problems: [
        { line: 6, message: '組織コード "nowhere" はありません' },
        { line: 5, message: '施策の方向 "9-9-9" はこの計画にありません' },
      ],
    })
    const { user } = renderApp('/admin/ownership', { signedInAs: office, handlers })
    await user.upload(await screen.findByLabelText('取り込むCSVファイル'), file('施策の方向コード\n'))
    const problems = await screen.findByRole('table', { name: '誤りのある行' })
    expect(within(problems).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['5行目', '6行目'])
    expect(screen.getByText('誤りのある行が2件あります。ファイルを直して選び直してください。誤りがある間は適用できません。')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '変更を適用する' })).toBeDisabled()
  })

  it('shows the changes of a valid table, applies them, and reports how many', async () => {
    const { handlers, applied } = withPreview({
      valid: true,
      changes: [
        { kind: 'CHANGE_ROLE', directionCode: '3-2-1', organizationCode: 'welfare', role: 'LEAD', previousRole: 'CO_OWNER' },
        { kind: 'ADD', directionCode: '1-3-1', organizationCode: 'bousai', role: 'CO_OWNER', previousRole: null },
      ],
      problems: [],
    })
    const { user } = renderApp('/admin/ownership', { signedInAs: office, handlers })
    await user.upload(await screen.findByLabelText('取り込むCSVファイル'), file('\ufeff施策の方向コード,施策の方向,組織コード,組織名,役割\r\n'))
    const changes = await screen.findByRole('table', { name: '変更の内容（2件）' })
    const first = within(changes).getAllByRole('row')[1] ?? document.body
    expect(first).toHaveTextContent('3-2-1 災害時における地域防災体制づくり')
    expect(first).toHaveTextContent('社会福祉課')
    expect(first).toHaveTextContent('役割の変更')
    expect(first).toHaveTextContent('関係課 → 主担当')
    const apply = screen.getByRole('button', { name: '変更を適用する' })
    expect(apply).toBeEnabled()
    await user.click(apply)
    expect(await screen.findByText('1件の変更を適用しました。')).toBeInTheDocument()
    expect(applied).toEqual([{ planId: 'plan-3', csv: '施策の方向コード,施策の方向,組織コード,組織名,役割\r\n' }])
  })
})
