/** The invitation page's password form: field ids, the API's field names, and the checks made first. */

export type InvitationField = 'password' | 'confirmation'

export const INVITATION_FIELD_IDS: Record<InvitationField, string> = {
  password: 'invitation-password',
  confirmation: 'invitation-confirmation',
}

/** The API's `extensions.field` names: the password policy speaks of `newPassword`. */
export const INVITATION_API_FIELDS: Partial<Record<string, InvitationField>> = {
  newPassword: 'password',
  password: 'password',
}

type CheckKey = 'account.invitation.passwordRequired' | 'account.invitation.confirmRequired' | 'account.invitation.mismatch'

export function checkInvitationForm(
  values: Record<InvitationField, string>,
  t: (key: CheckKey) => string,
): Partial<Record<InvitationField, string>> {
  const problems: Partial<Record<InvitationField, string>> = {}
  if (values.password === '') problems.password = t('account.invitation.passwordRequired')
  if (values.confirmation === '') problems.confirmation = t('account.invitation.confirmRequired')
  else if (values.password !== '' && values.password !== values.confirmation) problems.confirmation = t('account.invitation.mismatch')
  return problems
}

/** How notification mails arrive, as the form shows it. */
export type Delivery = 'immediate' | 'digest'

export function deliveryOf(dailyDigest: boolean): Delivery {
  return dailyDigest ? 'digest' : 'immediate'
}
