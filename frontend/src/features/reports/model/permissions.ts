/** Who may do what with a report, as far as the screens need to know (the server decides). */
import { hasAnyRole, REPORT_WRITER_ROLES, type Role } from '@/lib/roles'
import { isEditableStatus } from './format'

interface Viewer {
  roles: readonly Role[]
  organization: { id: string }
}

/** Whether the viewer writes this report now: their organisation's, and still with them. */
export function canEdit(report: { status: string; organization?: { id: string } | null }, viewer: Viewer | null): boolean {
  return (
    viewer !== null &&
    report.organization?.id === viewer.organization.id &&
    hasAnyRole(viewer.roles, REPORT_WRITER_ROLES) &&
    isEditableStatus(report.status)
  )
}
