import { describe, expect, it } from 'vitest'
import { saveOutcomeOfError } from './saveErrors'

const error = (extensions: Record<string, unknown>, message = 'message') => ({
  graphQLErrors: [{ message, extensions }] as never,
  networkError: undefined,
})

describe('a failed save', () => {
  it('is a conflict with the current version when someone saved first', () => {
    expect(saveOutcomeOfError(error({ code: 'CONFLICT', currentVersion: 8 }))).toEqual({ kind: 'conflict', currentVersion: 8 })
    expect(saveOutcomeOfError(error({ code: 'CONFLICT' }))).toEqual({ kind: 'conflict', currentVersion: null })
  })

  it('names the field the server found wrong', () => {
    const outcome = saveOutcomeOfError(error({ code: 'BAD_USER_INPUT', field: 'activities[0].title' }, '200文字以内で入力してください。'))
    expect(outcome).toMatchObject({
      kind: 'failed',
      error: { kind: 'BAD_USER_INPUT', message: '200文字以内で入力してください。' },
      fields: { 'activities[0].title': '200文字以内で入力してください。' },
    })
  })

  it('keeps a refusal about the report itself general (submitted meanwhile)', () => {
    const outcome = saveOutcomeOfError(error({ code: 'BAD_USER_INPUT', field: 'id' }, '「提出済み」の報告は編集できません。'))
    expect(outcome).toMatchObject({ kind: 'failed', fields: {}, error: { message: '「提出済み」の報告は編集できません。' } })
  })

  it('is a network failure when nothing answered', () => {
    expect(saveOutcomeOfError({ graphQLErrors: [], networkError: new TypeError('Failed to fetch') })).toMatchObject({
      kind: 'failed',
      error: { kind: 'NETWORK' },
    })
  })
})
