import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { Providers } from '@/app/Providers'
import { routes } from '@/app/routes'
import {
  createFetchTransport,
  SessionController,
  sessionExchange,
  type SessionUser,
} from '@/features/session'
import { createGraphqlClient } from '@/lib/graphqlClient'
import { createI18n, currentLanguage } from '@/lib/i18n'
import type { Language } from '@/lib/fiscalYear'
import { directionAnswer, plan, plansAnswer } from './fixtures'
import { fakeToken } from './session'

export interface RecordedRequest {
  operation: string
  method: string
  language: string | null
  authorization: string | null
  variables: Record<string, unknown>
}

export type Answer = { data?: unknown; errors?: unknown[] } | 'network-error' | { status: number; body: unknown }

export interface HandlerContext {
  /** Whom the bearer token names; null for the public. */
  user: SessionUser | null
  language: string | null
  auth: FakeAuth
}

export type Handler = (variables: Record<string, unknown>, language: string | null, context: HandlerContext) => Answer

const MESSAGES = {
  NOT_FOUND: { ja: '見つかりません。', en: 'Not found.' },
  BAD_USER_INPUT: { ja: 'IDの形式が正しくありません。', en: 'This is not a valid ID.' },
  UNAUTHENTICATED: { ja: 'ログインしてください。', en: 'Please sign in.' },
  SESSION_INVALID: {
    ja: 'セッションの有効期限が切れたか、無効になりました。もう一度ログインしてください。',
    en: 'Your session has expired or ended. Please sign in again.',
  },
  INVALID_CREDENTIALS: {
    ja: 'メールアドレスまたはパスワードが正しくありません。',
    en: 'The e-mail address or password is not correct.',
  },
}

type MessageKey = keyof typeof MESSAGES

function message(key: MessageKey, language: string | null) {
  return MESSAGES[key][language === 'en' ? 'en' : 'ja']
}

export function apiError(code: string, text: string, path: string, field?: string) {
  return {
    data: null,
    errors: [{ message: text, path: [path], extensions: field ? { code, field } : { code } }],
  }
}

function translatedError(code: string, key: MessageKey, language: string | null, path: string) {
  return apiError(code, message(key, language), path)
}

/**
 * The server side of sessions, in memory: who the refresh cookie belongs to, which access
 * tokens are valid, and the accounts that can sign in. A bearer token not in `validTokens`
 * gets HTTP 401, as the real server answers a stale one.
 */
export class FakeAuth {
  cookieUser: SessionUser | null = null
  readonly validTokens = new Map<string, SessionUser>()
  readonly accounts = new Map<string, { user: SessionUser; password: string }>()
  refreshes = 0

  addAccount(user: SessionUser, password = 'correct-horse-battery') {
    this.accounts.set(user.email, { user, password })
  }

  issue(user: SessionUser) {
    const accessToken = fakeToken(Date.now())
    this.validTokens.set(accessToken, user)
    this.cookieUser = user
    return {
      accessToken,
      expiresAt: new Date(Date.now() + 900_000).toISOString(),
      user,
    }
  }

  /** Every access token stops working, as when 15 minutes have passed. */
  expireTokens() {
    this.validTokens.clear()
  }

  /** The sign-in ends (its refresh token is revoked). */
  endSession() {
    this.validTokens.clear()
    this.cookieUser = null
  }
}

/** Answers like the demo server: the fixture plan, NOT_FOUND and BAD_USER_INPUT translated. */
export const demoHandlers: Record<string, Handler> = {
  Plans: () => ({ data: plansAnswer }),
  PlanExplorer: (variables, language) =>
    variables.code === plan.code ? { data: { plan } } : translatedError('NOT_FOUND', 'NOT_FOUND', language, 'plan'),
  DirectionPage: (variables, language) => {
    const id = String(variables.id)
    if (!id.startsWith('dir-')) return translatedError('BAD_USER_INPUT', 'BAD_USER_INPUT', language, 'policyDirection')
    const found = directionAnswer(id)
    return found
      ? { data: { policyDirection: found } }
      : translatedError('NOT_FOUND', 'NOT_FOUND', language, 'policyDirection')
  },
  RefreshSession: (_variables, language, { auth }) => {
    auth.refreshes += 1
    return auth.cookieUser
      ? { data: { refreshSession: auth.issue(auth.cookieUser) } }
      : translatedError('UNAUTHENTICATED', 'SESSION_INVALID', language, 'refreshSession')
  },
  Logout: (_variables, _language, { auth }) => {
    auth.endSession()
    return { data: { logout: true } }
  },
  Login: (variables, language, { auth }) => {
    const account = auth.accounts.get(String(variables.email))
    if (!account || account.password !== variables.password) {
      return translatedError('UNAUTHENTICATED', 'INVALID_CREDENTIALS', language, 'login')
    }
    return { data: { login: auth.issue(account.user) } }
  },
}

/** An operation that needs a signed-in caller: the public gets UNAUTHENTICATED. */
export function signedInOnly(handler: Handler): Handler {
  return (variables, language, context) =>
    context.user ? handler(variables, language, context) : translatedError('UNAUTHENTICATED', 'UNAUTHENTICATED', language, 'me')
}

export interface RenderAppOptions {
  language?: Language
  handlers?: Record<string, Handler>
  /** Restore a session of this person on page load (the refresh cookie is theirs). */
  signedInAs?: SessionUser
  /** Accounts that can sign in on the sign-in page (password `correct-horse-battery`). */
  accounts?: SessionUser[]
}

/** Renders the whole app (shell and routes) at `path`, against a fake GraphQL server. */
export function renderApp(
  path: string,
  { language = 'ja', handlers = {}, signedInAs, accounts = [] }: RenderAppOptions = {},
) {
  const requests: RecordedRequest[] = []
  const all = { ...demoHandlers, ...handlers }
  const auth = new FakeAuth()
  for (const account of accounts) auth.addAccount(account)
  if (signedInAs) {
    auth.addAccount(signedInAs)
    auth.cookieUser = signedInAs
  }

  const json = (status: number, body: unknown) =>
    Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }))

  const fakeFetch: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), 'http://localhost')
    const method = init?.method ?? 'GET'
    const body =
      method === 'GET'
        ? { query: url.searchParams.get('query'), variables: url.searchParams.get('variables') }
        : (JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as { query: string; variables: unknown })
    const query = String(body.query)
    const variables = (
      typeof body.variables === 'string' ? JSON.parse(body.variables) : (body.variables ?? {})
    ) as Record<string, unknown>
    const operation = /(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? 'anonymous'
    const headers = new Headers(init?.headers)
    const language = headers.get('accept-language')
    const authorization = headers.get('authorization')
    requests.push({ operation, method, language, authorization, variables })

    let user: SessionUser | null = null
    if (authorization) {
      user = auth.validTokens.get(authorization.replace(/^Bearer /, '')) ?? null
      if (!user) return json(401, translatedError('UNAUTHENTICATED', 'SESSION_INVALID', language, 'request'))
    }
    const handler = all[operation]
    const answer = handler
      ? handler(variables, language, { user, language, auth })
      : { errors: [{ message: `no handler for ${operation}` }] }
    if (answer === 'network-error') return Promise.reject(new TypeError('Failed to fetch'))
    if ('status' in answer) return json(answer.status, answer.body)
    return json(200, answer)
  }

  const i18n = createI18n(language)
  const getLanguage = () => currentLanguage(i18n)
  const session = new SessionController({
    transport: createFetchTransport({ url: 'http://localhost/graphql', getLanguage, fetch: fakeFetch }),
  })
  const client = createGraphqlClient({
    getLanguage,
    url: 'http://localhost/graphql',
    fetch: fakeFetch,
    exchanges: [sessionExchange(session)],
  })
  session.start()
  const router = createMemoryRouter(routes, { initialEntries: [path] })
  const user = userEvent.setup()
  const view = render(
    <Providers i18n={i18n} session={session} client={client}>
      <RouterProvider router={router} />
    </Providers>,
  )
  return { ...view, requests, router, i18n, user, session, auth }
}
