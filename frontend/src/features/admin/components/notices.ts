/** What the accounts list says after a change made on another page (carried in route state). */
export type UserNoticeKind = 'created' | 'updated' | 'deactivated' | 'reactivated'

/** After "create and send invitation": the link's expiry, or why the mail was not sent. */
export type InviteNotice = { kind: 'createdInvited'; name: string; expiresAt: string } | { kind: 'createdInviteFailed'; name: string; reason: string }

export interface UserNotice {
  kind: UserNoticeKind
  name: string
}

const KINDS: readonly UserNoticeKind[] = ['created', 'updated', 'deactivated', 'reactivated']

export function readUserNotice(state: unknown): UserNotice | null {
  if (typeof state !== 'object' || state === null || !('notice' in state)) return null
  const notice = state.notice
  if (typeof notice !== 'object' || notice === null || !('kind' in notice) || !('name' in notice)) return null
  const { kind, name } = notice
  return KINDS.includes(kind as UserNoticeKind) && typeof name === 'string' ? { kind: kind as UserNoticeKind, name } : null
}

export function readInviteNotice(state: unknown): InviteNotice | null {
  if (typeof state !== 'object' || state === null || !('notice' in state)) return null
  const notice = state.notice
  if (typeof notice !== 'object' || notice === null || !('kind' in notice) || !('name' in notice)) return null
  const { kind, name } = notice
  if (typeof name !== 'string') return null
  if (kind === 'createdInvited' && 'expiresAt' in notice && typeof notice.expiresAt === 'string') {
    return { kind, name, expiresAt: notice.expiresAt }
  }
  if (kind === 'createdInviteFailed' && 'reason' in notice && typeof notice.reason === 'string') {
    return { kind, name, reason: notice.reason }
  }
  return null
}
