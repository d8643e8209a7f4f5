/**
 * Organisations and people for component tests of sessions and administration, shaped
 * like the demo server's.
 */
import type { SessionUser } from '@/features/session'
import { fakeUser } from './session'

export const organizations = [
  { id: 'org-plan-office', code: 'plan-office', nameJa: '地域福祉計画事務局（社会福祉課）', nameEn: 'Community Welfare Plan Office', kind: 'PLAN_OFFICE' },
  { id: 'org-welfare', code: 'welfare', nameJa: '社会福祉課', nameEn: 'Social Welfare Division', kind: 'DEPARTMENT' },
  { id: 'org-bousai', code: 'bousai', nameJa: '防災管理課', nameEn: 'Disaster Management Division', kind: 'DEPARTMENT' },
  { id: 'org-council', code: 'council', nameJa: '小美玉市社会福祉協議会', nameEn: 'Omitama Council of Social Welfare', kind: 'COUNCIL' },
  { id: 'org-committee', code: 'committee', nameJa: '小美玉市地域福祉計画推進委員会', nameEn: 'Promotion Committee', kind: 'COMMITTEE' },
]

const organization = (id: string) => {
  const found = organizations.find((o) => o.id === id)
  if (!found) throw new Error(`no organisation ${id}`)
  return found
}

export const office: SessionUser = fakeUser()

export const staff: SessionUser = fakeUser({
  id: 'user-staff',
  email: 'welfare@omitama.example',
  displayName: '鈴木 一郎',
  roles: ['DEPARTMENT_STAFF'],
  organization: organization('org-welfare'),
})

export const admin: SessionUser = fakeUser({
  id: 'user-admin',
  email: 'admin@omitama.example',
  displayName: '山本 翔',
  roles: ['ADMIN'],
  organization: organization('org-plan-office'),
})

/** A user as the `users` and `user` queries return them. */
export function asApiUser(user: SessionUser, active = true) {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: [...user.roles],
    language: user.language,
    active,
    organization: { id: user.organization.id, nameJa: user.organization.nameJa, nameEn: user.organization.nameEn },
  }
}
