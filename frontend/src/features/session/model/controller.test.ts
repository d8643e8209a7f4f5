import { describe, expect, it } from 'vitest'
import { ControlledTransport, fakeGrant, fakeToken, fakeUser, flush, ManualClock } from '@/test/session'
import { SessionController, tokenLifetimeMs } from './controller'
import type { LockFn, SessionChannel, SessionMessage } from './types'

function setup(options: { lock?: LockFn; channel?: SessionChannel } = {}) {
  const clock = new ManualClock()
  const transport = new ControlledTransport()
  const session = new SessionController({ transport, clock, ...options })
  return { clock, transport, session }
}

/** A controller that has restored a signed-in session. */
async function signedIn(options: Parameters<typeof setup>[0] = {}) {
  const parts = setup(options)
  parts.session.start()
  const grant = fakeGrant(fakeUser(), fakeToken(parts.clock.now()))
  parts.transport.settle({ kind: 'ok', session: grant })
  await flush()
  return { ...parts, grant }
}

class FakeChannel implements SessionChannel {
  sent: SessionMessage[] = []
  private listener: ((event: MessageEvent<SessionMessage>) => void) | null = null
  postMessage(message: SessionMessage) {
    this.sent.push(message)
  }
  addEventListener(_type: 'message', listener: (event: MessageEvent<SessionMessage>) => void) {
    this.listener = listener
  }
  close() {
    this.listener = null
  }
  receive(message: SessionMessage) {
    this.listener?.({ data: message } as MessageEvent<SessionMessage>)
  }
}

describe('restoring on page load', () => {
  it('asks refreshSession once, however often start() is called', async () => {
    const { session, transport } = setup()
    session.start()
    session.start()
    expect(transport.refreshCalls).toBe(1)
    expect(session.getState()).toEqual({ status: 'restoring' })
    expect(session.isReady()).toBe(false)

    const grant = fakeGrant()
    transport.settle({ kind: 'ok', session: grant })
    await session.ready()
    expect(session.getState()).toEqual({ status: 'signedIn', user: grant.user })
    expect(session.accessToken()).toBe(grant.accessToken)
  })

  it('leaves the public signed out, without a reason to show', async () => {
    const { session, transport } = setup()
    session.start()
    transport.settle({ kind: 'rejected' })
    await session.ready()
    expect(session.getState()).toEqual({ status: 'signedOut', reason: 'none' })
    expect(session.accessToken()).toBeNull()
  })

  it('treats an unreachable server as nobody signed in', async () => {
    const { session, transport } = setup()
    session.start()
    transport.settle({ kind: 'failed' })
    await session.ready()
    expect(session.getState()).toEqual({ status: 'signedOut', reason: 'none' })
  })
})

describe('single-flight refresh', () => {
  it('shares one request among every caller while it runs', async () => {
    const { session, transport, grant } = await signedIn()
    const calls = transport.refreshCalls
    const results = [session.refresh(), session.refresh(), session.recover(grant.accessToken)]
    expect(transport.refreshCalls).toBe(calls + 1)
    const next = fakeGrant(grant.user)
    transport.settle({ kind: 'ok', session: next })
    const [a, b, recovered] = await Promise.all(results)
    expect(a).toBe(b)
    expect(recovered).toBe(true)
    expect(session.accessToken()).toBe(next.accessToken)
    // The next refresh is a new request.
    void session.refresh()
    expect(transport.refreshCalls).toBe(calls + 2)
  })

  it('runs refreshes of different tabs one after the other under the lock', async () => {
    // One lock shared by two controllers, as Web Locks are shared by the tabs of a browser.
    let tail: Promise<unknown> = Promise.resolve()
    const lock: LockFn = (task) => {
      const run = tail.then(task)
      tail = run.catch(() => undefined)
      return run
    }
    const clock = new ManualClock()
    const transport = new ControlledTransport()
    const tabA = new SessionController({ transport, clock, lock })
    const tabB = new SessionController({ transport, clock, lock })
    tabA.start()
    tabB.start()
    await flush()
    expect(transport.refreshCalls).toBe(1) // B waits for A's refresh to finish
    transport.settle({ kind: 'ok', session: fakeGrant() })
    await flush()
    expect(transport.refreshCalls).toBe(2)
    transport.settle({ kind: 'ok', session: fakeGrant() })
    await Promise.all([tabA.ready(), tabB.ready()])
    expect(tabA.getState().status).toBe('signedIn')
    expect(tabB.getState().status).toBe('signedIn')
  })

  it('does not refresh again for a request that failed with a token already replaced', async () => {
    const { session, transport, grant } = await signedIn()
    void session.refresh()
    transport.settle({ kind: 'ok', session: fakeGrant(grant.user) })
    await flush()
    const calls = transport.refreshCalls
    await expect(session.recover(grant.accessToken)).resolves.toBe(true)
    expect(transport.refreshCalls).toBe(calls)
  })

  it('ignores a refresh that was running when the user signed out', async () => {
    const { session, transport } = await signedIn()
    void session.refresh()
    await session.signOut()
    transport.settle({ kind: 'ok', session: fakeGrant() })
    await flush()
    expect(session.getState()).toMatchObject({ status: 'signedOut', reason: 'signedOut' })
    expect(session.accessToken()).toBeNull()
  })
})

describe('planned refresh', () => {
  it('refreshes a minute before the token expires, by the token’s own lifetime', async () => {
    const { session, transport, clock } = await signedIn()
    const calls = transport.refreshCalls
    clock.advance(13 * 60_000)
    expect(transport.refreshCalls).toBe(calls)
    clock.advance(60_000)
    expect(transport.refreshCalls).toBe(calls + 1)
    transport.settle({ kind: 'ok', session: fakeGrant(fakeUser(), fakeToken(clock.now())) })
    await flush()
    expect(session.getState().status).toBe('signedIn')
    expect(clock.pending).toBe(1) // the next one is planned
  })

  it('is not fooled by a wrong clock on this machine', async () => {
    const { session, transport, clock } = setup()
    session.start()
    // expiresAt says the token expired long ago by the local clock; its lifetime says 15 min.
    transport.settle({
      kind: 'ok',
      session: { ...fakeGrant(), expiresAt: new Date(clock.now() - 3_600_000).toISOString() },
    })
    await flush()
    const calls = transport.refreshCalls
    clock.advance(10 * 60_000)
    expect(transport.refreshCalls).toBe(calls)
    clock.advance(4 * 60_000)
    expect(transport.refreshCalls).toBe(calls + 1)
  })

  it('keeps the session and tries again later when the server cannot be reached', async () => {
    const { session, transport, clock } = await signedIn()
    clock.advance(14 * 60_000)
    transport.settle({ kind: 'failed' })
    await flush()
    expect(session.getState().status).toBe('signedIn')
    const calls = transport.refreshCalls
    clock.advance(15_000)
    expect(transport.refreshCalls).toBe(calls + 1)
  })

  it('catches up when the tab comes back after the planned time', async () => {
    const { session, transport, clock } = await signedIn()
    const calls = transport.refreshCalls
    session.refreshIfDue()
    expect(transport.refreshCalls).toBe(calls)
    // Timers of a hidden tab may not fire: move the clock without running them.
    clock.jump(20 * 60_000)
    session.refreshIfDue()
    expect(transport.refreshCalls).toBe(calls + 1)
  })

  it('reads the lifetime from the token', () => {
    expect(tokenLifetimeMs(fakeToken(Date.now(), 900))).toBe(900_000)
    expect(tokenLifetimeMs('not-a-jwt')).toBeNull()
    expect(tokenLifetimeMs('a.b.c')).toBeNull()
  })
})

describe('signing out after a failed refresh', () => {
  it('signs the user out when the server refuses the refresh, keeping drafts', async () => {
    const { session, transport, grant } = await signedIn()
    session.drafts.set('admin.user.new', { email: 'new@omitama.example' })
    const recovered = session.recover(grant.accessToken)
    transport.settle({ kind: 'rejected' })
    await expect(recovered).resolves.toBe(false)
    expect(session.getState()).toEqual({ status: 'signedOut', reason: 'expired' })
    expect(session.accessToken()).toBeNull()
    expect(session.keepsDrafts()).toBe(true)
    expect(session.drafts.get('admin.user.new')).toEqual({ email: 'new@omitama.example' })
  })

  it('gives the draft back to the same person when they sign in again', async () => {
    const { session, transport, grant } = await signedIn()
    session.drafts.set('form', 'half written')
    void session.recover(grant.accessToken)
    transport.settle({ kind: 'rejected' })
    await flush()
    session.signIn(fakeGrant(grant.user))
    expect(session.drafts.get('form')).toBe('half written')
  })

  it('drops the draft when someone else signs in', async () => {
    const { session, transport, grant } = await signedIn()
    session.drafts.set('form', 'half written')
    void session.recover(grant.accessToken)
    transport.settle({ kind: 'rejected' })
    await flush()
    session.signIn(fakeGrant(fakeUser({ id: 'user-staff', email: 'welfare@omitama.example' })))
    expect(session.drafts.size).toBe(0)
  })

  it('does not refresh for a request sent as the public', async () => {
    const { session, transport } = setup()
    session.start()
    transport.settle({ kind: 'rejected' })
    await flush()
    await expect(session.recover(null)).resolves.toBe(false)
    expect(transport.refreshCalls).toBe(1)
  })

  it('expire() ends a session whose fresh token was refused', async () => {
    const { session } = await signedIn()
    session.expire()
    expect(session.getState()).toEqual({ status: 'signedOut', reason: 'expired' })
  })
})

describe('signing in and out', () => {
  it('signs out at once, forgets drafts, tells other tabs, then the server', async () => {
    const channel = new FakeChannel()
    const { session, transport, grant } = await signedIn({ channel })
    session.drafts.set('form', 'x')
    const done = session.signOut()
    expect(session.getState()).toEqual({ status: 'signedOut', reason: 'signedOut', logout: 'pending' })
    expect(session.accessToken()).toBeNull()
    expect(session.drafts.size).toBe(0)
    expect(channel.sent).toContainEqual({ type: 'signed-out' })
    await expect(done).resolves.toBe(true)
    expect(transport.logoutCalls).toEqual([grant.accessToken])
    expect(session.getState()).toEqual({ status: 'signedOut', reason: 'signedOut', logout: 'confirmed' })
  })

  it('holds requests back until the server has answered the sign-out', async () => {
    const { session, transport } = await signedIn()
    let answer: (confirmed: boolean) => void = () => undefined
    transport.logout = () =>
      new Promise<boolean>((resolve) => {
        answer = resolve
      })
    const done = session.signOut()
    expect(session.isReady()).toBe(false)
    let released = false
    void session.ready().then(() => {
      released = true
    })
    await flush()
    expect(released).toBe(false)
    answer(true)
    await done
    await flush()
    expect(released).toBe(true)
    expect(session.isReady()).toBe(true)
  })

  it('says so when the server did not confirm the sign-out', async () => {
    const { session, transport } = await signedIn()
    transport.logoutAnswer = false
    await expect(session.signOut()).resolves.toBe(false)
    expect(session.getState()).toMatchObject({ logout: 'unconfirmed' })
  })

  it('announces a sign-in to the other tabs, without the token', async () => {
    const channel = new FakeChannel()
    const { session, transport } = setup({ channel })
    session.start()
    transport.settle({ kind: 'rejected' })
    await flush()
    const grant = fakeGrant()
    session.signIn(grant)
    expect(session.getState()).toEqual({ status: 'signedIn', user: grant.user })
    expect(channel.sent).toEqual([{ type: 'signed-in', userId: grant.user.id }])
  })

  it('follows the other tabs: signs out with them, picks up their sign-in', async () => {
    const channel = new FakeChannel()
    const { session, transport } = await signedIn({ channel })
    channel.receive({ type: 'signed-out' })
    expect(session.getState()).toEqual({ status: 'signedOut', reason: 'signedOut' })
    expect(transport.logoutCalls).toEqual([]) // the other tab told the server

    const calls = transport.refreshCalls
    channel.receive({ type: 'signed-in', userId: 'user-office' })
    expect(transport.refreshCalls).toBe(calls + 1)
    transport.settle({ kind: 'ok', session: fakeGrant() })
    await flush()
    expect(session.getState().status).toBe('signedIn')
    // Already that person: nothing to do.
    channel.receive({ type: 'signed-in', userId: 'user-office' })
    expect(transport.refreshCalls).toBe(calls + 1)
  })

  it('notifies subscribers on every change', async () => {
    const { session, transport } = setup()
    const seen: string[] = []
    const unsubscribe = session.subscribe(() => seen.push(session.getState().status))
    session.start()
    transport.settle({ kind: 'rejected' })
    await flush()
    session.signIn(fakeGrant())
    unsubscribe()
    void session.signOut()
    expect(seen).toEqual(['signedOut', 'signedIn'])
  })
})
