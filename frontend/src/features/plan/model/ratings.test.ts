import { describe, expect, it } from 'vitest'
import { latestRating, newestFirst } from './ratings'

const year = (fiscalYear: number, rating: string | null, evaluationStatus = 'PUBLISHED') => ({ fiscalYear, rating, evaluationStatus })

describe('latestRating', () => {
  it('is the newest year with a rating', () => {
    expect(latestRating([year(2022, 'C'), year(2024, 'B'), year(2023, 'A')])).toEqual(year(2024, 'B'))
  })

  it('passes over a newer year that gave no rating', () => {
    expect(latestRating([year(2023, 'B'), year(2024, null)])).toEqual(year(2023, 'B'))
  })

  it('includes a draft the viewer may see (the badge says it is a draft)', () => {
    expect(latestRating([year(2023, 'B'), year(2024, 'A', 'DRAFT')])).toEqual(year(2024, 'A', 'DRAFT'))
  })

  it('is null when no year rated the direction', () => {
    expect(latestRating([])).toBeNull()
    expect(latestRating([year(2024, null)])).toBeNull()
  })
})

describe('newestFirst', () => {
  it('orders by year, newest first, without changing the list given', () => {
    const list = [year(2021, 'B'), year(2023, 'A'), year(2022, null)]
    expect(newestFirst(list).map((r) => r.fiscalYear)).toEqual([2023, 2022, 2021])
    expect(list.map((r) => r.fiscalYear)).toEqual([2021, 2023, 2022])
  })
})
