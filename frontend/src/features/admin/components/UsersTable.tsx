import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { BilingualName } from '@/components/BilingualName'
import { RoleList } from '@/components/RoleList'
import { getFragmentData, graphql, type FragmentType } from '@/gql'
import { cx } from '@/lib/cx'
import styles from './Admin.module.css'

const UsersTableUserFragment = graphql(`
  fragment UsersTable_user on User {
    id
    email
    displayName
    roles
    active
    organization {
      id
      nameJa
      nameEn
    }
  }
`)

/**
 * Every account: name (a link to edit it), e-mail, organisation, roles, and whether it is
 * active. Sorted by organisation, then name. Scrolls sideways when the window is narrow.
 */
export function UsersTable({ users: refs }: { users: readonly FragmentType<typeof UsersTableUserFragment>[] }) {
  const { t } = useTranslation()
  const users = [...getFragmentData(UsersTableUserFragment, refs)].sort(
    (a, b) =>
      a.organization.nameJa.localeCompare(b.organization.nameJa, 'ja') ||
      a.displayName.localeCompare(b.displayName, 'ja'),
  )
  return (
    <div className={styles.scroll} role="region" aria-label={t('users.scrollRegion')} tabIndex={0}>
      <table className={cx(styles.table, styles.usersTable)}>
        <caption>{t('users.tableCaption', { count: users.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('users.name')}</th>
            <th scope="col">{t('users.email')}</th>
            <th scope="col">{t('users.organization')}</th>
            <th scope="col">{t('users.roles')}</th>
            <th scope="col">{t('users.status')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className={user.active ? undefined : styles.inactiveRow}>
              <th scope="row">
                <Link to={`/admin/users/${user.id}`} aria-label={t('users.editLink', { name: user.displayName })}>
                  {user.displayName}
                </Link>
              </th>
              <td className={cx(styles.mono, styles.token)}>{user.email}</td>
              <td>
                <BilingualName ja={user.organization.nameJa} en={user.organization.nameEn} />
              </td>
              <td>
                <RoleList roles={user.roles} />
              </td>
              <td>
                <span className={cx(styles.badge, user.active ? styles.badgeActive : styles.badgeInactive)}>
                  {user.active ? t('users.active') : t('users.inactive')}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
