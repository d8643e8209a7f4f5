/**
 * The roles of the promotion system (推進体制), in the order they are listed on screens.
 * The strings are the API's `Role` enum; their names are in `roles.*` of the locale files.
 */
export const ROLES = [
  'PLAN_OFFICE',
  'DEPARTMENT_STAFF',
  'DEPARTMENT_MANAGER',
  'COUNCIL_COORDINATOR',
  'COMMITTEE_MEMBER',
  'ADMIN',
] as const

export type Role = (typeof ROLES)[number]

/** Roles that may open the administration pages (accounts, audit log). */
export const ADMINISTRATION_ROLES: readonly Role[] = ['PLAN_OFFICE', 'ADMIN']

/** Roles that write their organisation's progress reports (the server's writers). */
export const REPORT_WRITER_ROLES: readonly Role[] = ['DEPARTMENT_STAFF', 'DEPARTMENT_MANAGER', 'COUNCIL_COORDINATOR']

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

/** Whether someone with `roles` holds at least one of `wanted`. */
export function hasAnyRole(roles: readonly string[], wanted: readonly Role[]): boolean {
  return wanted.some((role) => roles.includes(role))
}

/** `roles` in the display order, unknown values dropped. */
export function sortRoles(roles: readonly string[]): Role[] {
  return ROLES.filter((role) => roles.includes(role))
}
