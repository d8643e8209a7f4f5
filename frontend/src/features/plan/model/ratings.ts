/** A direction's ratings over the years (the API lists them oldest first). */

export interface YearRating {
  fiscalYear: number
  evaluationStatus: string
  rating?: string | null
}

/**
 * The rating the plan tree shows: the newest year's that has one (a year whose evaluation
 * gave this direction no rating is passed over, since the year is shown beside it).
 * Null when no year rated it.
 */
export function latestRating<T extends YearRating>(ratings: readonly T[]): T | null {
  let latest: T | null = null
  for (const entry of ratings) {
    if (entry.rating && (!latest || entry.fiscalYear > latest.fiscalYear)) latest = entry
  }
  return latest
}

/** Newest year first, for the direction page's table. */
export function newestFirst<T extends { fiscalYear: number }>(ratings: readonly T[]): T[] {
  return [...ratings].sort((a, b) => b.fiscalYear - a.fiscalYear)
}
