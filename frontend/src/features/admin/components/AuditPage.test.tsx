// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { office, organizations } from '@/test/accounts'
import { renderApp, signedInOnly, type Handler } from '@/test/renderApp'

function event(seq: number, overrides: Record<string, unknown> = {}) {
  return {
    seq,
    occurredAt: '2026-11-27T02:03:30.524998+00:00',
    actorUserId: 'user-office',
    actorLabel: 'office@omitama.example',
    action: 'login.succeeded',
    subjectType: 'user',
    subjectId: 'user-office',
    organization: { id: 'org-plan-office', nameJa: '地域福祉計画事務局（社会福祉課）', nameEn: 'Plan Office' },
    details: '{}',
    clientIp: '127.0.0.1',
    ...overrides,
  }
}

const pages: Record<string, { nodes: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }> = {
  first: {
    nodes: [
      event(60, {
        action: 'user.roles_changed',
        details: '{"from":["DEPARTMENT_STAFF"],"to":["DEPARTMENT_STAFF","DEPARTMENT_MANAGER"]}',
        clientIp: null,
      }),
      event(59, {
        action: 'user.updated',
        details: '{"organization":{"from":"org-welfare","to":"org-bousai"},"displayName":{"from":"鈴木 一郎","to":"鈴木 一朗"}}',
      }),
      event(58, { action: 'user.created', details: '{"email":"new@omitama.example","roles":["COMMITTEE_MEMBER"]}' }),
    ],
    pageInfo: { hasNextPage: true, endCursor: '58' },
  },
  '58': {
    nodes: [event(57, { actorLabel: 'system', actorUserId: null, action: 'plan.imported', details: '{"code":"omitama-3"}' })],
    pageInfo: { hasNextPage: false, endCursor: '57' },
  },
}

const seen: unknown[] = []
const handlers: Record<string, Handler> = {
  AdminOrganizations: () => ({ data: { organizations } }),
  AuditEvents: signedInOnly((variables) => {
    seen.push(variables)
    const page = pages[typeof variables.after === 'string' ? variables.after : 'first']
    return { data: { auditEvents: page } }
  }),
}

describe('the audit log', () => {
  it('shows events newest first, in Japan time, with readable details', async () => {
    renderApp('/admin/audit', { signedInAs: office, handlers })
    const table = await screen.findByRole('table', { name: '監査ログ（新しい順）' })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows.map((row) => within(row).getAllByRole('cell')[0]?.textContent)).toEqual(['60', '59', '58'])
    const row = (index: number) => {
      const found = rows[index]
      if (!found) throw new Error(`no row ${String(index)}`)
      return within(found)
    }
    expect(row(0).getByText('2026/11/27 11:03:30')).toBeInTheDocument()
    expect(row(0).getByText('役割の変更')).toBeInTheDocument()
    expect(row(0).getByText('担当課職員 → 担当課職員、担当課長')).toBeInTheDocument()
    expect(row(1).getByText('社会福祉課 → 防災管理課')).toBeInTheDocument()
    expect(row(1).getByText('鈴木 一郎 → 鈴木 一朗')).toBeInTheDocument()
    expect(row(2).getByText('new@omitama.example')).toBeInTheDocument()
    expect(row(2).getByText('推進委員')).toBeInTheDocument()
    expect(screen.getByText('3件を表示しています。さらに古い記録があります。')).toBeInTheDocument()
  })

  it('loads more with the cursor, and stops at the end', async () => {
    seen.length = 0
    const { user } = renderApp('/admin/audit', { signedInAs: office, handlers })
    await user.click(await screen.findByRole('button', { name: 'さらに読み込む' }))
    expect(await screen.findByText('4件を表示しています。')).toBeInTheDocument()
    const table = screen.getByRole('table')
    expect(within(table).getByText('計画の取り込み')).toBeInTheDocument()
    expect(within(table).getByText('システム')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'さらに読み込む' })).toBeNull()
    expect(seen).toMatchObject([{ first: 50, after: null }, { first: 50, after: '58' }])
  })

  it('filters by action, period and organisation through the URL', async () => {
    seen.length = 0
    const { user, router } = renderApp('/admin/audit', { signedInAs: office, handlers })
    await screen.findByRole('table')
    await user.selectOptions(screen.getByLabelText('操作の種類'), 'ログイン失敗')
    await user.type(screen.getByLabelText('開始日'), '2026-04-01')
    await user.type(screen.getByLabelText('終了日'), '2026-04-30')
    await user.selectOptions(screen.getByLabelText('組織'), '防災管理課')
    await user.click(screen.getByRole('button', { name: '絞り込む' }))
    await waitFor(() => {
      expect(router.state.location.search).toBe('?action=login.failed&from=2026-04-01&until=2026-04-30&org=org-bousai')
    })
    await waitFor(() => {
      expect(seen.at(-1)).toEqual({
        filter: {
          action: 'login.failed',
          from: '2026-03-31T15:00:00.000Z',
          until: '2026-04-30T15:00:00.000Z',
          organizationId: 'org-bousai',
        },
        first: 50,
        after: null,
      })
    })
  })

  it('names the organisation events, with the kind in words and a rename as before → after', async () => {
    renderApp('/admin/audit', {
      signedInAs: office,
      handlers: {
        ...handlers,
        AuditEvents: signedInOnly(() => ({
          data: {
            auditEvents: {
              nodes: [
                event(71, {
                  action: 'organization.renamed',
                  subjectType: 'organization',
                  details: '{"code":"bousai","from":{"nameJa":"防災管理課","nameEn":"Disaster Management Division"},"to":{"nameJa":"危機管理課","nameEn":"Crisis Management Division"}}',
                }),
                event(70, {
                  action: 'organization.created',
                  subjectType: 'organization',
                  details: '{"code":"kenko-zoshin","kind":"DEPARTMENT","nameJa":"健康増進課"}',
                }),
              ],
              pageInfo: { hasNextPage: false, endCursor: '70' },
            },
          },
        })),
      },
    })
    const table = await screen.findByRole('table', { name: '監査ログ（新しい順）' })
    const [renamed, created] = within(table).getAllByRole('row').slice(1).map((row) => within(row))
    expect(renamed?.getByText('組織名の変更')).toBeInTheDocument()
    expect(renamed?.getByText('防災管理課 / Disaster Management Division → 危機管理課 / Crisis Management Division')).toBeInTheDocument()
    expect(renamed?.getByText('bousai')).toBeInTheDocument()
    expect(created?.getByText('組織の追加')).toBeInTheDocument()
    expect(created?.getByText('担当課')).toBeInTheDocument()
    expect(created?.getByText('名称（日本語）')).toBeInTheDocument()
    // Both can be chosen in the filter.
    expect(within(screen.getByLabelText('操作の種類')).getByRole('option', { name: '組織の追加' })).toHaveValue('organization.created')
    expect(within(screen.getByLabelText('操作の種類')).getByRole('option', { name: '組織名の変更' })).toHaveValue('organization.renamed')
  })

  it('refuses a period that runs backwards', async () => {
    const { user, router } = renderApp('/admin/audit', { signedInAs: office, handlers })
    await screen.findByRole('table')
    await user.type(screen.getByLabelText('開始日'), '2026-05-01')
    await user.type(screen.getByLabelText('終了日'), '2026-04-30')
    await user.click(screen.getByRole('button', { name: '絞り込む' }))
    expect(screen.getByLabelText('終了日')).toHaveAccessibleDescription(/終了日は開始日と同じか/)
    expect(router.state.location.search).toBe('')
  })
})
