/**
 * The year links of an evaluation page, and the year `/evaluations/:planCode` opens.
 */
export interface YearLink {
  fiscalYear: number
  /** The evaluation's status, or null for a plan year not compiled yet. */
  status: string | null
}

export interface PlanPeriod {
  startFiscalYear: number
  endFiscalYear: number
}

/**
 * The years to link: every evaluation the reader may see; for the plan office also the
 * plan's years up to the current one that have none yet (so they can be compiled).
 */
export function yearLinks(
  plan: PlanPeriod,
  evaluations: readonly { fiscalYear: number; status: string }[],
  { includeUncompiled, currentFiscalYear }: { includeUncompiled: boolean; currentFiscalYear: number },
): YearLink[] {
  const byYear = new Map<number, string>(evaluations.map((e) => [e.fiscalYear, e.status]))
  const years = new Set<number>(byYear.keys())
  if (includeUncompiled) {
    const last = Math.min(plan.endFiscalYear, currentFiscalYear)
    for (let year = plan.startFiscalYear; year <= last; year++) years.add(year)
  }
  return [...years].sort((a, b) => a - b).map((fiscalYear) => ({ fiscalYear, status: byYear.get(fiscalYear) ?? null }))
}

/** The year to open: the latest link (the newest evaluation, or the office's newest year). */
export function defaultYear(links: readonly YearLink[]): number | null {
  return links.length === 0 ? null : (links[links.length - 1]?.fiscalYear ?? null)
}

/** A fiscal year from the URL, or null when it is not a plausible one. */
export function parseFiscalYear(text: string | undefined): number | null {
  if (!text || !/^\d{4}$/.test(text)) return null
  return Number(text)
}

export function evaluationPath(planCode: string, fiscalYear?: number, anchor?: string): string {
  const base = `/evaluations/${encodeURIComponent(planCode)}`
  const path = fiscalYear === undefined ? base : `${base}/${String(fiscalYear)}`
  return anchor ? `${path}#${anchor}` : path
}
