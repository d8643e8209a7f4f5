import { describe, expect, it } from 'vitest'
import { checkInvitationForm, deliveryOf } from './invitationForm'

const t = (key: string) => key

describe('checkInvitationForm', () => {
  it('accepts a password typed twice', () => {
    expect(checkInvitationForm({ password: 'kasumi-lotus-lantern-77', confirmation: 'kasumi-lotus-lantern-77' }, t)).toEqual({})
  })

  it('asks for both fields', () => {
    expect(checkInvitationForm({ password: '', confirmation: '' }, t)).toEqual({
      password: 'account.invitation.passwordRequired',
      confirmation: 'account.invitation.confirmRequired',
    })
  })

  it('says when the two differ (the policy itself is the server’s)', () => {
    expect(checkInvitationForm({ password: 'short', confirmation: 'shorter' }, t)).toEqual({ confirmation: 'account.invitation.mismatch' })
    expect(checkInvitationForm({ password: 'short', confirmation: 'short' }, t)).toEqual({})
  })
})

describe('deliveryOf', () => {
  it('maps the daily digest flag to the choice on screen', () => {
    expect(deliveryOf(true)).toBe('digest')
    expect(deliveryOf(false)).toBe('immediate')
  })
})
