import type { Role } from '@/lib/roles'

/** Who has a review queue (`/reviews`): managers sign reports off, the office and the Council review. */
export const REVIEW_ROLES: readonly Role[] = ['PLAN_OFFICE', 'COUNCIL_COORDINATOR', 'DEPARTMENT_MANAGER']

/** Who manages the plan's ownership and reporting periods (`/admin/ownership`, `/admin/periods`). */
export const PLAN_OFFICE_ROLES: readonly Role[] = ['PLAN_OFFICE']
