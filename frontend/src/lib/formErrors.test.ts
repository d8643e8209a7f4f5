import { CombinedError } from '@urql/core'
import { describe, expect, it } from 'vitest'
import { formErrors } from './formErrors'

const failure = (...errors: { message: string; extensions: Record<string, unknown> }[]) =>
  new CombinedError({ graphQLErrors: errors })

describe('formErrors', () => {
  it('puts messages for named fields next to those fields', () => {
    const result = formErrors(
      failure({ message: 'このメールアドレスは既に登録されています。', extensions: { code: 'BAD_USER_INPUT', field: 'email' } }),
      { email: 'email', newPassword: 'password' },
    )
    expect(result).toEqual({ fields: { email: 'このメールアドレスは既に登録されています。' }, general: null })
  })

  it('maps API field names to the form’s', () => {
    const result = formErrors(
      failure({ message: 'よく使われるパスワードです。', extensions: { code: 'BAD_USER_INPUT', field: 'newPassword' } }),
      { newPassword: 'password' },
    )
    expect(result.fields).toEqual({ password: 'よく使われるパスワードです。' })
  })

  it('reports other problems, and fields the form lacks, as general', () => {
    const forbidden = formErrors(failure({ message: '権限がありません。', extensions: { code: 'FORBIDDEN' } }), {
      email: 'email',
    })
    expect(forbidden.general).toEqual({ kind: 'FORBIDDEN', message: '権限がありません。', retryable: false })
    const unknownField = formErrors(
      failure({ message: 'x', extensions: { code: 'BAD_USER_INPUT', field: 'somethingElse' } }),
      { email: 'email' },
    )
    expect(unknownField.general?.kind).toBe('BAD_USER_INPUT')
  })

  it('reports a network failure as general', () => {
    const offline = new CombinedError({ networkError: new TypeError('Failed to fetch') })
    expect(formErrors(offline, {}).general?.kind).toBe('NETWORK')
  })
})
