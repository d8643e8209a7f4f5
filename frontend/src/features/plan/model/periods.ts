/**
 * Fiscal years and reporting periods as officials write them, for the screens that name a
 * period outside the reports feature (the home page, a direction's reports).
 */

/** `令和7年度（2025年度）` / `FY2025 (Reiwa 7)`: the era and the Western year, as offices write both. */
export { fiscalYearBoth } from '@/lib/fiscalYear'

export const PERIOD_KINDS = ['INTERIM', 'YEAR_END', 'QUARTER'] as const
export type PeriodKind = (typeof PERIOD_KINDS)[number]

export function isPeriodKind(value: unknown): value is PeriodKind {
  return typeof value === 'string' && (PERIOD_KINDS as readonly string[]).includes(value)
}

/** What a period's name is made of. */
export interface PeriodLike {
  fiscalYear: number
  kind: string
  quarter?: number | null
}
