/**
 * The administration feature, for the plan office and administrators: accounts
 * (`/admin/users`, `/admin/users/new`, `/admin/users/:id`, with invitations), the
 * organisations (`/admin/organizations`: add one, rename one), the audit log
 * (`/admin/audit`), and for the plan office the ownership of policy directions
 * (`/admin/ownership`) and the reporting periods with their completion
 * (`/admin/periods`, `/admin/periods/:id`). The routes load it on first use, so the public
 * never downloads it. Other code imports the feature only through this file.
 */
export { AuditPage } from './components/AuditPage'
export { CompletionPage } from './components/CompletionPage'
export { OrganizationsPage } from './components/OrganizationsPage'
export { OwnershipPage } from './components/OwnershipPage'
export { PeriodsPage } from './components/PeriodsPage'
export { UserCreatePage } from './components/UserCreatePage'
export { UserEditPage } from './components/UserEditPage'
export { UsersPage } from './components/UsersPage'
