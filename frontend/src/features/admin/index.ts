/**
 * The administration feature, for the plan office and administrators: accounts
 * (`/admin/users`, `/admin/users/new`, `/admin/users/:id`) and the audit log
 * (`/admin/audit`). The routes load it on first use, so the public never downloads it.
 * Other code imports the feature only through this file.
 */
export { AuditPage } from './components/AuditPage'
export { UserCreatePage } from './components/UserCreatePage'
export { UserEditPage } from './components/UserEditPage'
export { UsersPage } from './components/UsersPage'
