import { CombinedError } from '@urql/core'
import { describe, expect, it } from 'vitest'
import { API_ERROR_CODES, describeError } from './graphqlError'

function apiError(code: unknown, message = 'msg'): CombinedError {
  return new CombinedError({
    graphQLErrors: [{ message, extensions: { code } }],
  })
}

describe('describeError', () => {
  it.each(API_ERROR_CODES)('maps extensions.code %s', (code) => {
    expect(describeError(apiError(code)).kind).toBe(code)
  })

  it('keeps the server message, which the server translated', () => {
    expect(describeError(apiError('NOT_FOUND', '見つかりません。'))).toEqual({
      kind: 'NOT_FOUND',
      message: '見つかりません。',
      retryable: false,
    })
  })

  it('offers a retry only where one may help', () => {
    expect(describeError(apiError('INTERNAL')).retryable).toBe(true)
    expect(describeError(apiError('RATE_LIMITED')).retryable).toBe(true)
    expect(describeError(apiError('BAD_USER_INPUT')).retryable).toBe(false)
    expect(describeError(apiError('FORBIDDEN')).retryable).toBe(false)
  })

  it('treats an unknown or missing code as UNKNOWN', () => {
    expect(describeError(apiError('TEAPOT')).kind).toBe('UNKNOWN')
    expect(describeError(apiError(undefined)).kind).toBe('UNKNOWN')
  })

  it('reads only the first GraphQL error', () => {
    const error = new CombinedError({
      graphQLErrors: [
        { message: 'first', extensions: { code: 'FORBIDDEN' } },
        { message: 'second', extensions: { code: 'INTERNAL' } },
      ],
    })
    expect(describeError(error)).toMatchObject({ kind: 'FORBIDDEN', message: 'first' })
  })

  it('reports a failed connection as NETWORK without a message', () => {
    const error = new CombinedError({ networkError: new TypeError('Failed to fetch') })
    expect(describeError(error)).toEqual({ kind: 'NETWORK', message: null, retryable: true })
  })

  it('reports HTTP 429 without a GraphQL body as RATE_LIMITED', () => {
    const error = new CombinedError({
      networkError: new Error('Too Many Requests'),
      response: { status: 429 },
    })
    expect(describeError(error).kind).toBe('RATE_LIMITED')
  })

  it('drops an empty message', () => {
    expect(describeError(apiError('INTERNAL', '  ')).message).toBeNull()
  })
})
