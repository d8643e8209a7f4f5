/**
 * The kinds of audit events the server records (`domain::audit::AuditAction`). The API
 * types `action` as a string; an action not listed here is shown by its name.
 */
export const AUDIT_ACTIONS = [
  'login.succeeded',
  'login.failed',
  'login.locked_out',
  'login.refused_while_locked',
  'session.logout',
  'session.refresh_reused',
  'password.changed',
  'password.reset',
  'user.created',
  'user.updated',
  'user.roles_changed',
  'user.deactivated',
  'user.reactivated',
  'organization.created',
  'organization.renamed',
  'plan.imported',
  'ownership.assigned',
  'ownership.unassigned',
  'ownership.imported',
  'period.opened',
  'report.saved',
  'report.copied_from_previous',
  'evidence.uploaded',
  'evidence.removed',
  'report.submitted',
  'report.approved',
  'report.returned',
  'report.accepted',
  'report.locked',
  'comment.added',
  'comment.edited',
  'comment.retracted',
  'comment.resolved',
  'invitation.sent',
  'invitation.accepted',
  'user.notification_settings_changed',
  'indicator.value_recorded',
  'evaluation.compiled',
  'evaluation.rating_overridden',
  'evaluation.assessment_written',
  'evaluation.committee_started',
  'evaluation.opinion_added',
  'evaluation.opinion_answered',
  'evaluation.finalized',
  'evaluation.published',
] as const

export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === 'string' && (AUDIT_ACTIONS as readonly string[]).includes(value)
}

/** The translation key of an action (`login.failed` → `login_failed`: keys cannot hold dots). */
export function actionKey(action: AuditAction) {
  return action.replace(/\./g, '_') as ActionKey<AuditAction>
}

type ActionKey<S extends string> = S extends `${infer A}.${infer B}` ? `${A}_${ActionKey<B>}` : S
