/** A direction's reports and ratings as the direction page lists them. */

export interface ReportRowLike {
  id: string
  organization?: { id: string; nameJa: string } | null
  period: { fiscalYear: number; dueOn: string }
}

const byName = new Intl.Collator('ja')

/**
 * Newest period first (by due date); within a period the owners in the order given (the
 * lead first), then organisations that no longer own the direction, by name.
 */
export function sortReports<T extends ReportRowLike>(reports: readonly T[], ownerIds: readonly string[] = []): T[] {
  const rank = (report: T) => {
    const index = report.organization ? ownerIds.indexOf(report.organization.id) : -1
    return index === -1 ? ownerIds.length : index
  }
  return [...reports].sort(
    (a, b) =>
      b.period.dueOn.localeCompare(a.period.dueOn) ||
      rank(a) - rank(b) ||
      byName.compare(a.organization?.nameJa ?? '', b.organization?.nameJa ?? '') ||
      a.id.localeCompare(b.id),
  )
}

export interface OwnerLike {
  role: string
  organization?: { id: string } | null
}

/** The owners with an organisation, the lead (主担当課) first, in the server's order otherwise. */
export function ownersLeadFirst<T extends OwnerLike>(owners: readonly T[]): (T & { organization: NonNullable<T['organization']> })[] {
  const known = owners.filter((owner): owner is T & { organization: NonNullable<T['organization']> } => Boolean(owner.organization))
  return [...known.filter((o) => o.role === 'LEAD'), ...known.filter((o) => o.role !== 'LEAD')]
}
