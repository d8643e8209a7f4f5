/**
 * The session of one page: who is signed in, the access token (in memory only), and
 * when to refresh it. No React here; components read it through `SessionProvider`, the
 * GraphQL client through `sessionExchange`.
 *
 * - The access token lives in this object and nowhere else (no storage, no cookie that
 *   script can read). The refresh token is the server's HttpOnly cookie.
 * - On page load `start()` asks `refreshSession` once, to restore a session from the cookie.
 * - Refreshes are single-flight: callers that ask while one runs share it. Across tabs they
 *   run one at a time under a Web Lock, because the cookie is shared and each refresh
 *   token works once (presenting a used one revokes the whole sign-in).
 * - The next refresh is planned from the token's own lifetime (`exp - iat`, both by the
 *   server's clock), so a wrong clock on the user's machine does not matter.
 * - Half-written forms (`drafts`) survive a session that ends under the user's feet, and
 *   are dropped when the user signs out or a different person signs in.
 */
import { DraftStore } from './drafts'
import type {
  Clock,
  LockFn,
  RefreshOutcome,
  SessionChannel,
  SessionGrant,
  SessionMessage,
  SessionState,
  SessionUser,
  SignedOutReason,
} from './types'

export interface SessionControllerOptions {
  transport: { refresh(): Promise<RefreshOutcome>; logout(accessToken: string | null): Promise<boolean> }
  /** Serialises refreshes across tabs; by default, none. */
  lock?: LockFn
  /** Tells other tabs about sign-ins and sign-outs; by default, none. */
  channel?: SessionChannel | null
  clock?: Clock
  /** Refresh this long before the access token expires (at most a quarter of its lifetime). */
  refreshMarginMs?: number
  /** After a planned refresh could not reach the server, try again after this long. */
  retryDelayMs?: number
}

const runUnlocked: LockFn = (task) => task()

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => {
    globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>)
  },
}

/** `exp - iat` of a JWT in milliseconds, or null when the token does not say. */
export function tokenLifetimeMs(token: string): number | null {
  const payload = token.split('.')[1]
  if (!payload) return null
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '=')
    const claims = JSON.parse(atob(base64)) as { exp?: unknown; iat?: unknown }
    if (typeof claims.exp !== 'number' || typeof claims.iat !== 'number') return null
    const lifetime = (claims.exp - claims.iat) * 1000
    return lifetime > 0 ? lifetime : null
  } catch {
    return null
  }
}

export class SessionController {
  /** Half-written forms of the signed-in person (see `useDraft`). */
  readonly drafts = new DraftStore()

  private state: SessionState = { status: 'restoring' }
  private token: string | null = null
  /** Whose drafts `drafts` holds. */
  private draftOwner: string | null = null
  private readonly listeners = new Set<() => void>()
  private inflight: Promise<RefreshOutcome> | null = null
  /** Moves on every sign-in and sign-out made here: a refresh started before is ignored. */
  private generation = 0
  private timer: unknown = null
  private dueAt: number | null = null
  private started = false
  private resolveReady: () => void = () => undefined
  private readonly readyPromise: Promise<void>
  /** A sign-out the server has not answered yet. */
  private pendingLogout: Promise<unknown> | null = null

  private readonly transport: SessionControllerOptions['transport']
  private readonly lock: LockFn
  private readonly channel: SessionChannel | null
  private readonly clock: Clock
  private readonly refreshMarginMs: number
  private readonly retryDelayMs: number

  constructor(options: SessionControllerOptions) {
    this.transport = options.transport
    this.lock = options.lock ?? runUnlocked
    this.channel = options.channel ?? null
    this.clock = options.clock ?? systemClock
    this.refreshMarginMs = options.refreshMarginMs ?? 60_000
    this.retryDelayMs = options.retryDelayMs ?? 15_000
    this.readyPromise = new Promise((resolve) => {
      this.resolveReady = resolve
    })
  }

  // --- reading ---------------------------------------------------------------------

  readonly getState = (): SessionState => this.state

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  accessToken(): string | null {
    return this.token
  }

  /** The signed-in person's id, or null: what cached data belongs to. */
  identity(): string | null {
    return this.state.status === 'signedIn' ? this.state.user.id : null
  }

  user(): SessionUser | null {
    return this.state.status === 'signedIn' ? this.state.user : null
  }

  /**
   * Whether requests may go out: the restore on page load has finished, and no sign-out is
   * waiting for the server (its answer clears the cookie, which must not hit a new sign-in).
   */
  isReady(): boolean {
    return this.state.status !== 'restoring' && this.pendingLogout === null
  }

  async ready(): Promise<void> {
    await this.readyPromise
    while (this.pendingLogout) await this.pendingLogout
  }

  /** Whether a form that is going away should leave its draft behind (the session expired). */
  keepsDrafts(): boolean {
    return this.state.status === 'signedOut' && this.state.reason === 'expired'
  }

  // --- life cycle ------------------------------------------------------------------

  /** Restores the session from the cookie, once per page; listens to the other tabs. */
  start(): void {
    if (this.started) return
    this.started = true
    this.channel?.addEventListener('message', this.onMessage)
    void this.refresh()
  }

  dispose(): void {
    this.cancelTimer()
    this.channel?.close()
  }

  /**
   * Exchanges the cookie for a new session. Single-flight: while one refresh runs, every
   * caller gets the same promise. Never rejects.
   */
  refresh(): Promise<RefreshOutcome> {
    if (this.inflight) return this.inflight
    const generation = this.generation
    const request = this.lock(() => this.transport.refresh()).catch((): RefreshOutcome => ({ kind: 'failed' }))
    const inflight = request.then((outcome) => {
      this.inflight = null
      if (generation === this.generation) this.apply(outcome)
      return outcome
    })
    this.inflight = inflight
    return inflight
  }

  /**
   * After the server refused `failedToken` (UNAUTHENTICATED): refresh once, unless the
   * token has been replaced since. True when the request may be sent again.
   */
  async recover(failedToken: string | null): Promise<boolean> {
    if (this.token !== null && this.token !== failedToken) return true
    if (this.state.status !== 'signedIn') return false
    const outcome = await this.refresh()
    return outcome.kind === 'ok' && this.token !== null
  }

  /** A new session from `login` or `changePassword`. */
  signIn(grant: SessionGrant): void {
    this.generation += 1
    const before = this.identity()
    this.setSession(grant)
    if (before !== grant.user.id) this.post({ type: 'signed-in', userId: grant.user.id })
  }

  /**
   * Signs out here at once (token, drafts, state), tells the other tabs, then asks the
   * server to end the sign-in and clear the cookie. True when the server confirmed.
   */
  async signOut(): Promise<boolean> {
    const token = this.token
    this.generation += 1
    this.dropSession()
    this.setState({ status: 'signedOut', reason: 'signedOut', logout: 'pending' })
    this.post({ type: 'signed-out' })
    const logout = this.lock(() => this.transport.logout(token)).catch(() => false)
    this.pendingLogout = logout
    const confirmed = await logout
    if (this.pendingLogout === logout) this.pendingLogout = null
    const state = this.state
    if (state.status === 'signedOut' && state.logout === 'pending') {
      this.setState({ ...state, logout: confirmed ? 'confirmed' : 'unconfirmed' })
    }
    return confirmed
  }

  /** The server refused a token fresh from a refresh: the session is over. */
  expire(): void {
    if (this.state.status !== 'signedIn') return
    this.generation += 1
    this.endSession('expired')
  }

  /** Refreshes now if the planned time has passed (the tab slept, or was hidden). */
  refreshIfDue(): void {
    if (this.state.status === 'signedIn' && this.dueAt !== null && this.clock.now() >= this.dueAt) {
      void this.refresh()
    }
  }

  // --- internals -------------------------------------------------------------------

  private readonly onMessage = (event: MessageEvent<SessionMessage>): void => {
    const message = event.data
    if (message.type === 'signed-out') {
      if (this.state.status !== 'signedIn') return
      this.generation += 1
      this.dropSession()
      this.setState({ status: 'signedOut', reason: 'signedOut' })
    } else if (this.identity() !== message.userId) {
      // Another tab signed in: the cookie now holds that sign-in.
      void this.refresh()
    }
  }

  private apply(outcome: RefreshOutcome): void {
    switch (outcome.kind) {
      case 'ok':
        this.setSession(outcome.session)
        break
      case 'rejected':
        this.endSession(this.state.status === 'signedIn' ? 'expired' : 'none')
        break
      case 'failed':
        if (this.state.status === 'restoring') {
          this.setState({ status: 'signedOut', reason: 'none' })
        } else if (this.state.status === 'signedIn') {
          this.plan(this.retryDelayMs)
        }
        break
    }
  }

  private setSession(grant: SessionGrant): void {
    this.token = grant.accessToken
    if (this.draftOwner !== grant.user.id) {
      this.drafts.clear()
      this.draftOwner = grant.user.id
    }
    this.setState({ status: 'signedIn', user: grant.user })
    const lifetime = tokenLifetimeMs(grant.accessToken) ?? Date.parse(grant.expiresAt) - this.clock.now()
    const margin = Math.min(this.refreshMarginMs, lifetime / 4)
    this.plan(Math.max(lifetime - margin, 1_000))
  }

  /** Ends the session, keeping drafts only when it expired. */
  private endSession(reason: SignedOutReason): void {
    this.token = null
    this.cancelTimer()
    if (reason !== 'expired') {
      this.drafts.clear()
      this.draftOwner = null
    }
    this.setState({ status: 'signedOut', reason })
  }

  /** Forgets everything of the signed-in person. */
  private dropSession(): void {
    this.token = null
    this.cancelTimer()
    this.drafts.clear()
    this.draftOwner = null
  }

  private plan(delayMs: number): void {
    this.cancelTimer()
    this.dueAt = this.clock.now() + delayMs
    this.timer = this.clock.setTimeout(() => {
      this.timer = null
      void this.refresh()
    }, delayMs)
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer)
    this.timer = null
    this.dueAt = null
  }

  private post(message: SessionMessage): void {
    try {
      this.channel?.postMessage(message)
    } catch {
      // A closed channel: the other tabs learn at their next request.
    }
  }

  private setState(state: SessionState): void {
    this.state = state
    if (state.status !== 'restoring') this.resolveReady()
    for (const listener of this.listeners) listener()
  }
}
