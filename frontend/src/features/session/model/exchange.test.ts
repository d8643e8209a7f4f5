import { parse } from 'graphql'
import { describe, expect, it, vi } from 'vitest'
import { createGraphqlClient } from '@/lib/graphqlClient'
import { ControlledTransport, fakeGrant, fakeToken, fakeUser, flush, ManualClock } from '@/test/session'
import { SessionController } from './controller'
import { sessionExchange } from './exchange'

// Documents built with `parse` (not a tag) stay out of codegen.
const UsersQuery = parse('query Users { users { id } }')
const PlansQuery = parse('query Plans { plans { id } }')
const LoginMutation = parse('mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }')
const CreateUserMutation = parse('mutation CreateUser { createUser(input: {email: "a@b.c", displayName: "A", organizationId: "o", roles: [ADMIN]}) { id } }')

interface Sent {
  operation: string
  authorization: string | null
  language: string | null
}

/**
 * A server that accepts only the tokens in `valid`: another token gets HTTP 401 with
 * UNAUTHENTICATED, as the real one answers a stale bearer.
 */
function fakeServer() {
  const valid = new Set<string>()
  const sent: Sent[] = []
  let usersAnswer: () => unknown = () => ({ data: { users: [{ id: 'u1' }] } })
  const fetch: typeof globalThis.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    const body =
      init?.method === 'POST' ? (JSON.parse(typeof init.body === 'string' ? init.body : '{}') as { query: string }) : { query: url.searchParams.get('query') ?? '' }
    const operation = /(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? '?'
    const headers = new Headers(init?.headers)
    const authorization = headers.get('authorization')
    sent.push({ operation, authorization, language: headers.get('accept-language') })
    const json = (status: number, payload: unknown) =>
      Promise.resolve(new Response(JSON.stringify(payload), { status, headers: { 'Content-Type': 'application/json' } }))
    if (authorization && !valid.has(authorization.replace('Bearer ', ''))) {
      return json(401, { data: null, errors: [{ message: 'セッションの有効期限が切れました。', extensions: { code: 'UNAUTHENTICATED' } }] })
    }
    switch (operation) {
      case 'Users':
        return authorization
          ? json(200, usersAnswer())
          : json(200, { data: null, errors: [{ message: 'ログインしてください。', extensions: { code: 'UNAUTHENTICATED' } }] })
      case 'Plans':
        return json(200, { data: { plans: [{ id: authorization ? 'plan-for-user' : 'plan-for-public' }] } })
      case 'Login':
        return json(200, { data: { login: { accessToken: 'new' } } })
      case 'CreateUser':
        return json(200, { data: { createUser: { id: 'created' } } })
      default:
        return json(200, { data: null, errors: [{ message: 'unknown' }] })
    }
  }
  return {
    valid,
    sent,
    fetch,
    answerUsers(answer: () => unknown) {
      usersAnswer = answer
    },
  }
}

async function setup({ signedIn = true }: { signedIn?: boolean } = {}) {
  const clock = new ManualClock()
  const transport = new ControlledTransport()
  const session = new SessionController({ transport, clock })
  const server = fakeServer()
  const client = createGraphqlClient({
    getLanguage: () => 'ja',
    url: 'http://localhost/graphql',
    fetch: server.fetch,
    exchanges: [sessionExchange(session)],
  })
  session.start()
  if (signedIn) {
    const grant = fakeGrant(fakeUser(), fakeToken(clock.now()))
    server.valid.add(grant.accessToken)
    transport.settle({ kind: 'ok', session: grant })
  } else {
    transport.settle({ kind: 'rejected' })
  }
  await session.ready()
  return { session, transport, server, client, clock }
}

/** Waits until the exchange has asked the controller for a refresh. */
async function refreshRequested(transport: ControlledTransport) {
  await vi.waitFor(() => {
    expect(transport.pending).toBe(1)
  })
}

/** A new session the fake server accepts, for the next refresh. */
function renewal(server: ReturnType<typeof fakeServer>, user = fakeUser()) {
  const grant = fakeGrant(user)
  server.valid.add(grant.accessToken)
  return { kind: 'ok' as const, session: grant }
}

describe('sessionExchange', () => {
  it('sends the bearer token and the language with every operation', async () => {
    const { client, server, session } = await setup()
    const result = await client.query(UsersQuery, {}).toPromise()
    expect(result.data).toEqual({ users: [{ id: 'u1' }] })
    expect(server.sent).toEqual([
      { operation: 'Users', authorization: `Bearer ${session.accessToken() ?? ''}`, language: 'ja' },
    ])
  })

  it('sends nothing for the public', async () => {
    const { client, server } = await setup({ signedIn: false })
    const result = await client.query(PlansQuery, {}).toPromise()
    expect(result.data).toEqual({ plans: [{ id: 'plan-for-public' }] })
    expect(server.sent[0]?.authorization).toBeNull()
  })

  it('never authorises or retries the sign-in itself', async () => {
    const { client, server } = await setup()
    await client.mutation(LoginMutation, { email: 'a', password: 'b' }).toPromise()
    expect(server.sent.at(-1)).toMatchObject({ operation: 'Login', authorization: null })
  })

  it('holds operations back until the session is restored', async () => {
    const clock = new ManualClock()
    const transport = new ControlledTransport()
    const session = new SessionController({ transport, clock })
    const server = fakeServer()
    const client = createGraphqlClient({
      getLanguage: () => 'ja',
      url: 'http://localhost/graphql',
      fetch: server.fetch,
      exchanges: [sessionExchange(session)],
    })
    session.start()
    const pending = client.query(PlansQuery, {}).toPromise()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(server.sent).toEqual([])
    const grant = fakeGrant()
    server.valid.add(grant.accessToken)
    transport.settle({ kind: 'ok', session: grant })
    const result = await pending
    expect(result.data).toEqual({ plans: [{ id: 'plan-for-user' }] })
    expect(server.sent[0]?.authorization).toBe(`Bearer ${grant.accessToken}`)
  })

  it('refreshes once after UNAUTHENTICATED and retries, without showing the error', async () => {
    const { client, server, transport, session } = await setup()
    server.valid.clear() // the access token expired
    const pending = client.query(UsersQuery, {}, { requestPolicy: 'network-only' }).toPromise()
    await refreshRequested(transport)
    transport.settle(renewal(server))
    const result = await pending
    expect(result.error).toBeUndefined()
    expect(result.data).toEqual({ users: [{ id: 'u1' }] })
    expect(server.sent.map((s) => s.operation)).toEqual(['Users', 'Users'])
    expect(server.sent[1]?.authorization).toBe(`Bearer ${session.accessToken() ?? ''}`)
  })

  it('retries a mutation refused for its stale token', async () => {
    const { client, server, transport } = await setup()
    server.valid.clear()
    const pending = client.mutation(CreateUserMutation, {}).toPromise()
    await refreshRequested(transport)
    transport.settle(renewal(server))
    const result = await pending
    expect(result.data).toEqual({ createUser: { id: 'created' } })
  })

  it('shares one refresh among requests that fail together', async () => {
    const { client, server, transport } = await setup()
    server.valid.clear()
    const both = Promise.all([
      client.query(UsersQuery, {}, { requestPolicy: 'network-only' }).toPromise(),
      client.query(PlansQuery, {}, { requestPolicy: 'network-only' }).toPromise(),
    ])
    await refreshRequested(transport)
    await flush()
    expect(transport.pending).toBe(1)
    const refreshes = transport.refreshCalls
    transport.settle(renewal(server))
    const [users, plans] = await both
    expect(users.data).toEqual({ users: [{ id: 'u1' }] })
    expect(plans.data).toEqual({ plans: [{ id: 'plan-for-user' }] })
    expect(transport.refreshCalls).toBe(refreshes)
  })

  it('signs the user out and delivers the error when the refresh is refused', async () => {
    const { client, server, transport, session } = await setup()
    server.valid.clear()
    const pending = client.query(UsersQuery, {}, { requestPolicy: 'network-only' }).toPromise()
    await refreshRequested(transport)
    transport.settle({ kind: 'rejected' })
    const result = await pending
    expect(result.error?.graphQLErrors[0]?.extensions.code).toBe('UNAUTHENTICATED')
    expect(session.getState()).toEqual({ status: 'signedOut', reason: 'expired' })
    expect(server.sent).toHaveLength(1) // not sent again
  })

  it('gives up after one retry', async () => {
    const { client, server, transport, session } = await setup()
    server.valid.clear()
    const pending = client.query(UsersQuery, {}, { requestPolicy: 'network-only' }).toPromise()
    await refreshRequested(transport)
    // The refresh "succeeds" but the server refuses its token as well.
    transport.settle({ kind: 'ok', session: fakeGrant() })
    const result = await pending
    expect(result.error?.graphQLErrors[0]?.extensions.code).toBe('UNAUTHENTICATED')
    expect(server.sent).toHaveLength(2)
    expect(session.getState()).toEqual({ status: 'signedOut', reason: 'expired' })
  })

  it('does not refresh for the public: signing in is what helps', async () => {
    const { client, transport } = await setup({ signedIn: false })
    const result = await client.query(UsersQuery, {}).toPromise()
    expect(result.error?.graphQLErrors[0]?.extensions.code).toBe('UNAUTHENTICATED')
    expect(transport.refreshCalls).toBe(1) // only the restore on page load
  })

  it('does not serve one person’s cached results to the next', async () => {
    const { client, server, session } = await setup()
    await client.query(UsersQuery, {}).toPromise()
    await client.query(UsersQuery, {}).toPromise()
    expect(server.sent).toHaveLength(1) // cached for the same person

    await session.signOut()
    const other = fakeGrant(fakeUser({ id: 'user-admin', email: 'admin@omitama.example', roles: ['ADMIN'] }))
    server.valid.add(other.accessToken)
    session.signIn(other)
    server.answerUsers(() => ({ data: { users: [{ id: 'u1' }, { id: 'u2' }] } }))
    const result = await client.query(UsersQuery, {}).toPromise()
    expect(result.data).toEqual({ users: [{ id: 'u1' }, { id: 'u2' }] })
    expect(server.sent).toHaveLength(2)
    // And cached again for the new person.
    await client.query(UsersQuery, {}).toPromise()
    expect(server.sent).toHaveLength(2)
  })
})
