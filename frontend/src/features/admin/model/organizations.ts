/** Organisation kinds in the order of the promotion system, for grouped selects. */
export const ORGANIZATION_KINDS = ['PLAN_OFFICE', 'DEPARTMENT', 'COUNCIL', 'COMMITTEE'] as const

export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number]

export interface OrganizationOption {
  id: string
  nameJa: string
  nameEn: string
  kind: string
}

/** Organisations grouped by kind (in the order above), each group sorted by its Japanese name. */
export function groupByKind<T extends OrganizationOption>(organizations: readonly T[]): { kind: OrganizationKind; items: T[] }[] {
  return ORGANIZATION_KINDS.map((kind) => ({
    kind,
    items: organizations.filter((o) => o.kind === kind).sort((a, b) => a.nameJa.localeCompare(b.nameJa, 'ja')),
  })).filter((group) => group.items.length > 0)
}
