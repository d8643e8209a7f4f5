/**
 * Maps an urql `CombinedError` to what the UI shows: a heading chosen by the server's
 * `extensions.code` (translated on our side) and the server's own message (translated
 * on its side, from the `Accept-Language` header we send).
 */
import type { CombinedError } from '@urql/core'

/** The finite list of `extensions.code` values the API returns. */
export const API_ERROR_CODES = [
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'RATE_LIMITED',
  'INTERNAL',
] as const

export type ApiErrorCode = (typeof API_ERROR_CODES)[number]

/** An API code, or a failure before the API answered, or a code we do not know. */
export type ErrorKind = ApiErrorCode | 'NETWORK' | 'UNKNOWN'

export interface DescribedError {
  kind: ErrorKind
  /** The server's message, already in the user's language; null for network failures. */
  message: string | null
  /** Whether trying the same request again may succeed. */
  retryable: boolean
}

const RETRYABLE: ReadonlySet<ErrorKind> = new Set<ErrorKind>([
  'NETWORK',
  'RATE_LIMITED',
  'INTERNAL',
  'UNKNOWN',
])

export function isApiErrorCode(value: unknown): value is ApiErrorCode {
  return typeof value === 'string' && (API_ERROR_CODES as readonly string[]).includes(value)
}

/** The shape of `CombinedError` this module reads; tests can build it by hand. */
export type ErrorLike = Pick<CombinedError, 'graphQLErrors' | 'networkError'> & {
  response?: unknown
}

function responseStatus(response: unknown): number | undefined {
  if (typeof response === 'object' && response !== null && 'status' in response) {
    return typeof response.status === 'number' ? response.status : undefined
  }
  return undefined
}

export function describeError(error: ErrorLike): DescribedError {
  const first = error.graphQLErrors[0]
  if (first) {
    const code = first.extensions.code
    const kind: ErrorKind = isApiErrorCode(code) ? code : 'UNKNOWN'
    const message = first.message.trim()
    return { kind, message: message === '' ? null : message, retryable: RETRYABLE.has(kind) }
  }
  if (responseStatus(error.response) === 429) {
    return { kind: 'RATE_LIMITED', message: null, retryable: true }
  }
  if (error.networkError) {
    return { kind: 'NETWORK', message: null, retryable: true }
  }
  return { kind: 'UNKNOWN', message: null, retryable: true }
}
