import type { Role } from '@/lib/roles'

/** The signed-in person, as the session carries them. */
export interface SessionUser {
  id: string
  email: string
  displayName: string
  roles: readonly Role[]
  language: 'JA' | 'EN'
  organization: {
    id: string
    code: string
    nameJa: string
    nameEn: string
    kind: string
  }
}

/** What `login`, `refreshSession` and `changePassword` give the app (never the refresh token). */
export interface SessionGrant {
  accessToken: string
  /** RFC 3339, by the server's clock. */
  expiresAt: string
  user: SessionUser
}

/** How a refresh ended. */
export type RefreshOutcome =
  /** A new session. */
  | { kind: 'ok'; session: SessionGrant }
  /** The server refused the refresh token (UNAUTHENTICATED): the user is signed out. */
  | { kind: 'rejected' }
  /** The server could not be asked (network, 5xx, rate limit): nothing is known, nothing changes. */
  | { kind: 'failed' }

/** How the controller reaches the server; the app's goes over `fetch`, tests pass a fake. */
export interface SessionTransport {
  /** `refreshSession` with the cookie. */
  refresh(): Promise<RefreshOutcome>
  /** `logout` with the cookie; true when the server confirmed. */
  logout(accessToken: string | null): Promise<boolean>
}

/** Why nobody is signed in. */
export type SignedOutReason =
  /** Nobody was (the public, or no session to restore). */
  | 'none'
  /** The session ended under the user's feet (a refresh was refused): drafts are kept. */
  | 'expired'
  /** The user signed out (here or in another tab): drafts are gone. */
  | 'signedOut'

/** Whether the server confirmed a sign-out made in this tab. */
export type LogoutStatus = 'pending' | 'confirmed' | 'unconfirmed'

export type SessionState =
  | { status: 'restoring' }
  | { status: 'signedOut'; reason: SignedOutReason; logout?: LogoutStatus }
  | { status: 'signedIn'; user: SessionUser }

/** Runs `task` while holding the browser-wide refresh lock (Web Locks), or just runs it. */
export type LockFn = <T>(task: () => Promise<T>) => Promise<T>

/** The part of `BroadcastChannel` the controller uses. */
export interface SessionChannel {
  postMessage(message: SessionMessage): void
  addEventListener(type: 'message', listener: (event: MessageEvent<SessionMessage>) => void): void
  close(): void
}

/** What one tab tells the others. No token is ever broadcast. */
export type SessionMessage = { type: 'signed-out' } | { type: 'signed-in'; userId: string }

/** Timers, injectable so tests control time. */
export interface Clock {
  now(): number
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}
