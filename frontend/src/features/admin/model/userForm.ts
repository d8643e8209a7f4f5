/** The account form's values, field ids, the API's field names, and the checks made before sending. */
import type { Role } from '@/lib/roles'

export type AccountLanguage = 'JA' | 'EN'

/** What the form edits (never the password: that stays out of drafts). */
export interface UserFormValues {
  email: string
  displayName: string
  organizationId: string
  roles: Role[]
  language: AccountLanguage
}

export type UserField = keyof UserFormValues | 'password'

export const USER_FIELD_IDS: Record<UserField, string> = {
  email: 'user-email',
  displayName: 'user-display-name',
  organizationId: 'user-organization',
  roles: 'user-roles',
  language: 'user-language',
  password: 'user-password',
}

/** The API's `extensions.field` names on this form (a weak first password is `newPassword`). */
export const USER_API_FIELDS: Partial<Record<string, UserField>> = {
  email: 'email',
  displayName: 'displayName',
  organizationId: 'organizationId',
  roles: 'roles',
  newPassword: 'password',
  password: 'password',
}

export const emptyUserForm = (): UserFormValues => ({
  email: '',
  displayName: '',
  organizationId: '',
  roles: [],
  language: 'JA',
})

/** The problems the form can see without asking the server. */
export function checkUserForm(
  values: UserFormValues,
  mode: 'create' | 'edit',
  t: (key: 'users.emailRequired' | 'users.displayNameRequired' | 'users.organizationRequired' | 'users.rolesRequired') => string,
): Partial<Record<UserField, string>> {
  const problems: Partial<Record<UserField, string>> = {}
  if (mode === 'create' && values.email.trim() === '') problems.email = t('users.emailRequired')
  if (values.displayName.trim() === '') problems.displayName = t('users.displayNameRequired')
  if (values.organizationId === '') problems.organizationId = t('users.organizationRequired')
  if (values.roles.length === 0) problems.roles = t('users.rolesRequired')
  return problems
}
