/** What the accounts list says after a change made on another page (carried in route state). */
export type UserNoticeKind = 'created' | 'updated' | 'deactivated' | 'reactivated'

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
