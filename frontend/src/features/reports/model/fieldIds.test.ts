import { describe, expect, it } from 'vitest'
import { fieldIdForPath } from './fieldIds'

describe('field ids for API paths', () => {
  it('point at the element that shows the field', () => {
    expect(fieldIdForPath('resultsSummary')).toBe('report-results-summary')
    expect(fieldIdForPath('selfRating')).toBe('report-self-rating')
    expect(fieldIdForPath('ratingReason')).toBe('report-rating-reason')
    expect(fieldIdForPath('nextStep')).toBe('report-next-step')
    expect(fieldIdForPath('indicatorIds')).toBe('report-indicators')
    expect(fieldIdForPath('activities')).toBe('report-activity-add')
    expect(fieldIdForPath('activities[2].title')).toBe('report-activity-2-title')
    expect(fieldIdForPath('activities[0].description')).toBe('report-activity-0-description')
    expect(fieldIdForPath('activities[1].figures')).toBe('report-activity-1-figure-add')
    expect(fieldIdForPath('activities[1].figures[3].planned')).toBe('report-activity-1-figure-3-planned')
  })

  it('know no element for a path the editor does not show', () => {
    expect(fieldIdForPath('id')).toBeNull()
    expect(fieldIdForPath('constructor')).toBeNull()
  })
})
