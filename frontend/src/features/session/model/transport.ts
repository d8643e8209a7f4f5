/**
 * `refreshSession` and `logout` over plain `fetch`, outside the urql client: the client's
 * session exchange calls the controller, which calls this, so going through the client
 * would loop. Both send no refresh-token argument: the browser adds the HttpOnly cookie
 * (`credentials: 'same-origin'`; the cookie's path is `/graphql`).
 */
import { stringifyDocument } from '@urql/core'
import type { DocumentNode } from 'graphql'
import { getFragmentData, type FragmentType } from '@/gql'
import { LogoutMutation, RefreshSessionMutation, SessionFieldsFragment } from '../api/operations'
import type { RefreshOutcome, SessionGrant, SessionTransport } from './types'

export interface FetchTransportOptions {
  url?: string
  /** The language for the server's messages, read at request time. */
  getLanguage: () => string
  fetch?: typeof fetch
}

interface GraphqlBody {
  data?: Record<string, unknown> | null
  errors?: { message?: string; extensions?: { code?: unknown } }[]
}

type Answer = { status: number; body: GraphqlBody | null } | null

/** The session fields of a `Session` answer, unmasked, as the controller keeps them. */
export function toGrant(session: FragmentType<typeof SessionFieldsFragment>): SessionGrant {
  const fields = getFragmentData(SessionFieldsFragment, session)
  return { accessToken: fields.accessToken, expiresAt: fields.expiresAt, user: fields.user }
}

export function createFetchTransport({ url = '/graphql', getLanguage, fetch: fetchFn }: FetchTransportOptions): SessionTransport {
  async function post(document: DocumentNode, accessToken: string | null, keepalive = false): Promise<Answer> {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      Accept: 'application/graphql-response+json, application/json',
      'Accept-Language': getLanguage(),
    }
    if (accessToken) headers.Authorization = `Bearer ${accessToken}`
    try {
      const response = await (fetchFn ?? globalThis.fetch)(url, {
        method: 'POST',
        credentials: 'same-origin',
        keepalive,
        headers,
        body: JSON.stringify({ query: stringifyDocument(document) }),
      })
      let body: GraphqlBody | null = null
      try {
        body = (await response.json()) as GraphqlBody
      } catch {
        body = null
      }
      return { status: response.status, body }
    } catch {
      return null
    }
  }

  const isUnauthenticated = (answer: Answer) =>
    answer !== null &&
    (answer.status === 401 || (answer.body?.errors ?? []).some((e) => e.extensions?.code === 'UNAUTHENTICATED'))

  return {
    async refresh(): Promise<RefreshOutcome> {
      const answer = await post(RefreshSessionMutation, null)
      const session = answer?.body?.data?.refreshSession
      if (session && typeof session === 'object') {
        return { kind: 'ok', session: toGrant(session) }
      }
      return isUnauthenticated(answer) ? { kind: 'rejected' } : { kind: 'failed' }
    },

    async logout(accessToken: string | null): Promise<boolean> {
      // With the token, the audit log names who signed out. An expired token is refused
      // before the mutation runs, so then sign out with the cookie alone. `keepalive` lets
      // the request finish when the user closes the tab right after signing out.
      let answer = await post(LogoutMutation, accessToken, true)
      if (accessToken && answer?.status === 401) answer = await post(LogoutMutation, null, true)
      return answer?.body?.data?.logout === true
    },
  }
}
