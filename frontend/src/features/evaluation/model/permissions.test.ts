import { describe, expect, it } from 'vitest'
import { abilities } from './permissions'

const office = { roles: ['PLAN_OFFICE'], organization: { id: 'org-plan-office' } }
const committee = { roles: ['COMMITTEE_MEMBER'], organization: { id: 'org-committee' } }
const bousai = { roles: ['DEPARTMENT_STAFF'], organization: { id: 'org-bousai' } }

describe('abilities', () => {
  it('gives the public nothing but reading', () => {
    const can = abilities(null, 'PUBLISHED')
    expect(can).toMatchObject({ compile: false, edit: false, respond: false, giveOpinion: false, internal: false })
    expect(can.recordIndicator('org-bousai')).toBe(false)
  })

  it('lets the plan office compile a year not compiled yet, but not edit what does not exist', () => {
    expect(abilities(office, null)).toMatchObject({ compile: true, edit: false, startReview: false, respond: false })
  })

  it('follows the evaluation’s course for the plan office', () => {
    expect(abilities(office, 'DRAFT')).toMatchObject({ compile: true, edit: true, startReview: true, finalize: false, publish: false, respond: true })
    expect(abilities(office, 'IN_COMMITTEE')).toMatchObject({ compile: true, edit: true, startReview: false, finalize: true, publish: false })
    expect(abilities(office, 'FINALIZED')).toMatchObject({ compile: false, edit: false, finalize: false, publish: true, respond: true })
    expect(abilities(office, 'PUBLISHED')).toMatchObject({ compile: false, edit: false, publish: false, respond: false })
  })

  it('lets committee members give opinions only while in committee', () => {
    expect(abilities(committee, 'IN_COMMITTEE').giveOpinion).toBe(true)
    expect(abilities(committee, 'DRAFT').giveOpinion).toBe(false)
    expect(abilities(committee, 'FINALIZED').giveOpinion).toBe(false)
    expect(abilities(committee, 'IN_COMMITTEE').compile).toBe(false)
  })

  it('lets the source organisation’s staff record their indicator until the year is finalised', () => {
    expect(abilities(bousai, 'DRAFT').recordIndicator('org-bousai')).toBe(true)
    expect(abilities(bousai, 'DRAFT').recordIndicator('org-kyodo')).toBe(false)
    expect(abilities(bousai, 'DRAFT').recordIndicator(null)).toBe(false)
    expect(abilities(bousai, 'FINALIZED').recordIndicator('org-bousai')).toBe(false)
    expect(abilities(office, 'IN_COMMITTEE').recordIndicator(null)).toBe(true)
  })
})
