/**
 * The completion matrix of a reporting period: every report, as directions (rows, grouped
 * by policy) × owners (columns), each cell the report's status, with the count per status.
 */

/** The API's `ReportStatus`, in the order the counts are shown. */
export const COMPLETION_STATUSES = [
  'NOT_STARTED',
  'DRAFT',
  'AWAITING_MANAGER',
  'SUBMITTED',
  'RETURNED',
  'ACCEPTED',
  'LOCKED',
] as const

export type CompletionStatus = (typeof COMPLETION_STATUSES)[number]

export interface CompletionOrganization {
  id: string
  nameJa: string
  nameEn: string
  kind: string
}

export interface CompletionCellLike<O extends CompletionOrganization = CompletionOrganization> {
  reportId: string
  status: string
  organization?: O | null
}

export interface CompletionDirection {
  id: string
  code: string
  nameJa: string
  nameEn: string
  policy: { id: string; code: string; nameJa: string; nameEn: string }
}

export interface CompletionMatrixLike<O extends CompletionOrganization, D extends CompletionDirection> {
  rows: readonly { direction: D; cells: readonly CompletionCellLike<O>[] }[]
  counts: readonly { status: string; count: number }[]
  total: number
}

export interface GridCell {
  reportId: string
  status: string
}

export interface CompletionGrid<O extends CompletionOrganization, D extends CompletionDirection> {
  /** Every organisation that owes a report in the period: departments by name, then the Council. */
  columns: O[]
  groups: { policy: D['policy']; rows: { direction: D; cells: (GridCell | null)[] }[] }[]
  /** Every status, in workflow order, with zero where the server listed none. */
  counts: { status: CompletionStatus; count: number }[]
  total: number
  /** Accepted or locked. */
  done: number
}

const KIND_ORDER = ['DEPARTMENT', 'COUNCIL']

function kindRank(kind: string): number {
  const index = KIND_ORDER.indexOf(kind)
  return index === -1 ? KIND_ORDER.length : index
}

export function buildCompletionGrid<O extends CompletionOrganization, D extends CompletionDirection>(
  matrix: CompletionMatrixLike<O, D>,
): CompletionGrid<O, D> {
  const organizations = new Map<string, O>()
  for (const row of matrix.rows) {
    for (const cell of row.cells) {
      if (cell.organization && !organizations.has(cell.organization.id)) organizations.set(cell.organization.id, cell.organization)
    }
  }
  const columns = [...organizations.values()].sort(
    (a, b) => kindRank(a.kind) - kindRank(b.kind) || a.nameJa.localeCompare(b.nameJa, 'ja'),
  )

  const rows = [...matrix.rows].sort((a, b) => a.direction.code.localeCompare(b.direction.code, 'en', { numeric: true }))
  const groups: CompletionGrid<O, D>['groups'] = []
  for (const row of rows) {
    const cells = columns.map((column) => {
      const cell = row.cells.find((c) => c.organization?.id === column.id)
      return cell ? { reportId: cell.reportId, status: cell.status } : null
    })
    const last = groups.at(-1)
    if (last?.policy.id === row.direction.policy.id) last.rows.push({ direction: row.direction, cells })
    else groups.push({ policy: row.direction.policy, rows: [{ direction: row.direction, cells }] })
  }

  const countOf = new Map(matrix.counts.map((c) => [c.status, c.count]))
  const counts = COMPLETION_STATUSES.map((status) => ({ status, count: countOf.get(status) ?? 0 }))
  const done = (countOf.get('ACCEPTED') ?? 0) + (countOf.get('LOCKED') ?? 0)
  return { columns, groups, counts, total: matrix.total, done }
}

/** The share of reports done, as a whole percentage (0 when there are none). */
export function donePercent(done: number, total: number): number {
  return total > 0 ? Math.round((done / total) * 100) : 0
}
