/**
 * Test doubles for the session model: a clock that moves only when told, a transport
 * whose answers the test releases one by one, and JWT-shaped tokens. Used by unit tests
 * only (never imported by the app).
 */
import type { Clock, RefreshOutcome, SessionGrant, SessionUser } from '@/features/session'

export class ManualClock implements Clock {
  private time: number
  private timers: { at: number; callback: () => void; id: number }[] = []
  private nextId = 1

  constructor(start = Date.UTC(2026, 10, 27, 0, 0, 0)) {
    this.time = start
  }

  now(): number {
    return this.time
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++
    this.timers.push({ at: this.time + ms, callback, id })
    return id
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((timer) => timer.id !== handle)
  }

  /** Moves time forward, running the timers that fall due, in order. */
  advance(ms: number): void {
    const until = this.time + ms
    for (;;) {
      const due = this.timers.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0]
      if (!due) break
      this.timers = this.timers.filter((timer) => timer !== due)
      this.time = due.at
      due.callback()
    }
    this.time = until
  }

  /** Moves time forward without running timers, as for a tab that slept. */
  jump(ms: number): void {
    this.time += ms
  }

  get pending(): number {
    return this.timers.length
  }
}

function base64url(text: string): string {
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

let serial = 0

/** A token shaped like the server's: `exp - iat` is its lifetime (15 minutes by default). */
export function fakeToken(issuedAtMs = Date.UTC(2026, 10, 27), lifetimeSeconds = 900): string {
  serial += 1
  const iat = Math.floor(issuedAtMs / 1000)
  const payload = { iss: 'nukumori', sub: 'user', iat, exp: iat + lifetimeSeconds, jti: String(serial) }
  return `${base64url('{"typ":"JWT","alg":"HS256"}')}.${base64url(JSON.stringify(payload))}.signature${String(serial)}`
}

export function fakeUser(overrides: Partial<SessionUser> = {}): SessionUser {
  return {
    id: 'user-office',
    email: 'office@omitama.example',
    displayName: '佐藤 花子',
    roles: ['PLAN_OFFICE'],
    language: 'JA',
    organization: {
      id: 'org-plan-office',
      code: 'plan-office',
      nameJa: '地域福祉計画事務局（社会福祉課）',
      nameEn: 'Community Welfare Plan Office (Social Welfare Division)',
      kind: 'PLAN_OFFICE',
    },
    ...overrides,
  }
}

export function fakeGrant(user: SessionUser = fakeUser(), token = fakeToken()): SessionGrant {
  return { accessToken: token, expiresAt: new Date(Date.UTC(2026, 10, 27, 0, 15)).toISOString(), user }
}

/** A transport whose refreshes wait until the test settles them. */
export class ControlledTransport {
  refreshCalls = 0
  logoutCalls: (string | null)[] = []
  logoutAnswer = true
  private waiting: ((outcome: RefreshOutcome) => void)[] = []

  refresh = (): Promise<RefreshOutcome> => {
    this.refreshCalls += 1
    return new Promise((resolve) => {
      this.waiting.push(resolve)
    })
  }

  logout = (token: string | null): Promise<boolean> => {
    this.logoutCalls.push(token)
    return Promise.resolve(this.logoutAnswer)
  }

  get pending(): number {
    return this.waiting.length
  }

  /** Answers the oldest refresh still waiting. */
  settle(outcome: RefreshOutcome): void {
    const next = this.waiting.shift()
    if (!next) throw new Error('no refresh is waiting')
    next(outcome)
  }
}

/** Lets pending promise callbacks run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve()
}
