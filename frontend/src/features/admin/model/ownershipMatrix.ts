/**
 * The ownership matrix of the plan office: policy directions (rows, grouped by basic goal
 * and policy, in code order) × the organisations that can own them (columns: departments by
 * their Japanese name, then the Council of Social Welfare), each cell the organisation's
 * role for the direction (主担当 LEAD, 関係課 CO_OWNER) or none.
 */

export const OWNER_ROLES = ['LEAD', 'CO_OWNER'] as const
export type OwnerRole = (typeof OWNER_ROLES)[number]
/** A cell: a role, or '' for none. */
export type CellValue = OwnerRole | ''

export function isOwnerRole(value: unknown): value is OwnerRole {
  return typeof value === 'string' && (OWNER_ROLES as readonly string[]).includes(value)
}

/** Organisation kinds that own directions, in column order. */
const OWNING_KINDS = ['DEPARTMENT', 'COUNCIL'] as const

export interface OrganizationLike {
  id: string
  code: string
  nameJa: string
  nameEn: string
  kind: string
}

export interface OwnershipLike {
  role: string
  organization?: { id: string } | null
}

export interface DirectionLike {
  id: string
  code: string
  nameJa: string
  nameEn: string
  owners: readonly OwnershipLike[]
}

interface Named {
  id: string
  code: string
  nameJa: string
  nameEn: string
}

export interface PlanTreeLike<D extends DirectionLike = DirectionLike> {
  goals: readonly (Named & { policies: readonly (Named & { directions: readonly D[] })[] })[]
}

export interface MatrixRow<D extends DirectionLike> {
  direction: D
  /** One per column, in column order. */
  cells: CellValue[]
  /** A direction with owners but no lead (or with none at all) needs the office's attention. */
  hasLead: boolean
}

export interface MatrixGroup<D extends DirectionLike> {
  goal: Named
  policy: Named
  rows: MatrixRow<D>[]
}

export interface OwnershipMatrix<O extends OrganizationLike, D extends DirectionLike> {
  columns: O[]
  groups: MatrixGroup<D>[]
}

const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code, 'en', { numeric: true })

/** Departments by Japanese name, then the Council; other kinds never own directions. */
export function ownerColumns<O extends OrganizationLike>(organizations: readonly O[]): O[] {
  return OWNING_KINDS.flatMap((kind) =>
    organizations.filter((o) => o.kind === kind).sort((a, b) => a.nameJa.localeCompare(b.nameJa, 'ja')),
  )
}

/** The role of `organizationId` among a direction's owners, or '' for none. */
export function roleOf(owners: readonly OwnershipLike[], organizationId: string): CellValue {
  const role = owners.find((owner) => owner.organization?.id === organizationId)?.role
  return isOwnerRole(role) ? role : ''
}

export function buildOwnershipMatrix<O extends OrganizationLike, D extends DirectionLike>(
  plan: PlanTreeLike<D>,
  organizations: readonly O[],
  /** Newer owners of some directions (from a mutation's answer) than the plan holds. */
  ownersOverride: ReadonlyMap<string, readonly OwnershipLike[]> = new Map(),
): OwnershipMatrix<O, D> {
  const columns = ownerColumns(organizations)
  const groups = [...plan.goals].sort(byCode).flatMap((goal) =>
    [...goal.policies].sort(byCode).map((policy) => ({
      goal: { id: goal.id, code: goal.code, nameJa: goal.nameJa, nameEn: goal.nameEn },
      policy: { id: policy.id, code: policy.code, nameJa: policy.nameJa, nameEn: policy.nameEn },
      rows: [...policy.directions].sort(byCode).map((direction) => {
        const owners = ownersOverride.get(direction.id) ?? direction.owners
        return {
          direction,
          cells: columns.map((column) => roleOf(owners, column.id)),
          hasLead: owners.some((owner) => owner.role === 'LEAD'),
        }
      }),
    })),
  )
  return { columns, groups }
}

/** What choosing `next` in a cell that shows `current` asks of the server, if anything. */
export type CellChange = { kind: 'assign'; role: OwnerRole } | { kind: 'unassign' } | null

export function cellChange(current: CellValue, next: string): CellChange {
  if (next === current) return null
  if (next === '') return { kind: 'unassign' }
  return isOwnerRole(next) ? { kind: 'assign', role: next } : null
}

/** One call to the server, for one cell of a row. */
export interface RowStep {
  organizationId: string
  change: { kind: 'assign'; role: OwnerRole } | { kind: 'unassign' }
}

/**
 * The calls that turn a row into what was chosen in it, in an order the server accepts:
 * the new lead first (which makes the old lead a co-owner), then co-owners, then removals
 * (so a lead can be moved from one organisation to another in one save). Cells whose
 * choice equals what the server holds ask nothing.
 */
export function rowSteps(current: Readonly<Record<string, CellValue>>, chosen: Readonly<Record<string, CellValue>>): RowStep[] {
  const steps: RowStep[] = []
  for (const [organizationId, next] of Object.entries(chosen)) {
    const change = cellChange(current[organizationId] ?? '', next)
    if (change) steps.push({ organizationId, change })
  }
  const rank = (step: RowStep) => (step.change.kind === 'unassign' ? 2 : step.change.role === 'LEAD' ? 0 : 1)
  return steps.map((step, index) => ({ step, index })).sort((a, b) => rank(a.step) - rank(b.step) || a.index - b.index).map(({ step }) => step)
}
