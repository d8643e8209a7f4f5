import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { useMutation, useQuery } from 'urql'
import { BilingualName } from '@/components/BilingualName'
import { Button } from '@/components/Button'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { RoleList } from '@/components/RoleList'
import { StatusMessage } from '@/components/StatusMessage'
import { formStyles } from '@/components/form'
import { useDraft, useSignedInUser } from '@/features/session'
import { describeError, type DescribedError } from '@/lib/graphqlError'
import type { Role } from '@/lib/roles'
import { useDocumentTitle } from '@/lib/useDocumentTitle'
import {
  AdminOrganizationsQuery,
  AdminUserQuery,
  DeactivateUserMutation,
  UpdateUserMutation,
} from '../api/operations'
import type { OrganizationOption } from '../model/organizations'
import { ConfirmDialog } from './ConfirmDialog'
import { InviteUserAction } from './InviteUserAction'
import type { UserNotice } from './notices'
import { checkUserForm, USER_API_FIELDS, type UserFormValues } from '../model/userForm'
import { useFormProblems } from './useFormProblems'
import { UserForm } from './UserForm'
import styles from './Admin.module.css'

interface Account extends UserFormValues {
  id: string
  active: boolean
  organization: { nameJa: string; nameEn: string }
}

/** `/admin/users/:id`: change an account, deactivate it (with a confirmation) or reactivate it. */
export function UserEditPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const [user, reexecuteUser] = useQuery({ query: AdminUserQuery, variables: { id }, requestPolicy: 'cache-and-network' })
  const [organizations, reexecuteOrganizations] = useQuery({ query: AdminOrganizationsQuery })
  const retry = useCallback(() => {
    reexecuteUser({ requestPolicy: 'network-only' })
    reexecuteOrganizations({ requestPolicy: 'network-only' })
  }, [reexecuteUser, reexecuteOrganizations])
  const account = user.data?.user
  useDocumentTitle(account ? t('users.editTitle', { name: account.displayName }) : null)

  const back = (
    <p>
      <Link to="/admin/users" className={styles.back}>
        {t('users.backToList')}
      </Link>
    </p>
  )
  const error = user.error ?? organizations.error
  if (error && !(account && organizations.data)) {
    return (
      <div className={styles.page}>
        {back}
        <ErrorState error={error} onRetry={retry} />
      </div>
    )
  }
  if (!account || !organizations.data) {
    return (
      <div className={styles.page}>
        {back}
        <LoadingState />
      </div>
    )
  }
  return (
    <div className={styles.page}>
      {back}
      <h1>{t('users.editTitle', { name: account.displayName })}</h1>
      <AccountEditor
        key={account.id}
        account={{
          id: account.id,
          email: account.email,
          displayName: account.displayName,
          organizationId: account.organization.id,
          organization: account.organization,
          roles: [...account.roles],
          language: account.language,
          active: account.active,
        }}
        organizations={organizations.data.organizations}
      />
    </div>
  )
}

function AccountEditor({ account, organizations }: { account: Account; organizations: readonly OrganizationOption[] }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const me = useSignedInUser()
  const iAmAdmin = me?.roles.includes('ADMIN') ?? false
  const isSelf = me?.id === account.id
  // Only an administrator may change an administrator (the server refuses the plan office).
  const editable = iAmAdmin || !account.roles.includes('ADMIN')
  const original: UserFormValues = {
    email: account.email,
    displayName: account.displayName,
    organizationId: account.organizationId,
    roles: account.roles,
    language: account.language,
  }
  const [values, setValues, discard] = useDraft(`admin.user.${account.id}`, () => original)
  const { errors, general, attempt, check, fail } = useFormProblems(USER_API_FIELDS)
  const [unchanged, setUnchanged] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [statusNotice, setStatusNotice] = useState<'deactivated' | 'reactivated' | null>(null)
  const [statusError, setStatusError] = useState<DescribedError | null>(null)
  const [{ fetching: saving }, updateUser] = useMutation(UpdateUserMutation)
  const [{ fetching: deactivating }, deactivateUser] = useMutation(DeactivateUserMutation)

  const save = async () => {
    setUnchanged(false)
    if (check(checkUserForm(values, 'edit', t))) return
    // Only what changed: the audit log then records exactly that.
    const sameRoles = values.roles.length === original.roles.length && values.roles.every((r) => original.roles.includes(r))
    const input = {
      ...(values.displayName.trim() !== original.displayName ? { displayName: values.displayName.trim() } : {}),
      ...(values.organizationId !== original.organizationId ? { organizationId: values.organizationId } : {}),
      ...(sameRoles ? {} : { roles: values.roles }),
      ...(values.language !== original.language ? { language: values.language } : {}),
    }
    if (Object.keys(input).length === 0) {
      setUnchanged(true)
      return
    }
    const result = await updateUser({ id: account.id, input })
    if (result.data) {
      discard()
      const notice: UserNotice = { kind: 'updated', name: result.data.updateUser.displayName }
      void navigate('/admin/users', { state: { notice } })
    } else if (result.error) {
      fail(result.error)
    }
  }

  const deactivate = async () => {
    if (deactivating) return
    setStatusError(null)
    const result = await deactivateUser({ id: account.id })
    setConfirming(false)
    if (result.error) setStatusError(describeError(result.error))
    else setStatusNotice('deactivated')
  }

  const reactivate = async () => {
    if (saving) return
    setStatusError(null)
    const result = await updateUser({ id: account.id, input: { active: true } })
    if (result.error) setStatusError(describeError(result.error))
    else setStatusNotice('reactivated')
  }

  const lockedRoles: Role[] = isSelf && account.roles.includes('ADMIN') ? ['ADMIN'] : []

  return (
    <div className={styles.layout}>
      <section className={styles.page} aria-labelledby="account-details">
        <h2 id="account-details" className={styles.sectionHeading}>
          {t('users.detailsHeading')}
        </h2>
        <dl className={styles.facts}>
          <div>
            <dt>{t('users.email')}</dt>
            <dd className={styles.mono}>{account.email}</dd>
          </div>
        </dl>
        {unchanged ? <StatusMessage tone="info">{t('users.unchanged')}</StatusMessage> : null}
        {editable ? (
          <UserForm
            mode="edit"
            values={values}
            onChange={setValues}
            organizations={organizations}
            canGrantAdmin={iAmAdmin}
            lockedRoles={lockedRoles}
            errors={errors}
            general={general}
            attempt={attempt}
            submitting={saving}
            submitLabel={t('users.submitEdit')}
            cancelTo="/admin/users"
            onSubmit={() => void save()}
            rolesNote={
              lockedRoles.length > 0 ? (
                <p className={formStyles.note}>{t('users.ownAdminNote')}</p>
              ) : iAmAdmin ? null : (
                <p className={formStyles.note}>{t('users.adminOnlyNote')}</p>
              )
            }
          />
        ) : (
          <>
            <StatusMessage tone="info">{t('users.protectedAdmin')}</StatusMessage>
            <dl className={styles.facts}>
              <div>
                <dt>{t('users.name')}</dt>
                <dd>{account.displayName}</dd>
              </div>
              <div>
                <dt>{t('users.organization')}</dt>
                <dd>
                  <BilingualName ja={account.organization.nameJa} en={account.organization.nameEn} />
                </dd>
              </div>
              <div>
                <dt>{t('users.roles')}</dt>
                <dd>
                  <RoleList roles={account.roles} />
                </dd>
              </div>
            </dl>
          </>
        )}
      </section>
      <aside className={styles.section} aria-labelledby="account-status">
        <h2 id="account-status" className={styles.sectionHeading}>
          {t('users.statusHeading')}
        </h2>
        {statusNotice ? (
          <StatusMessage>{t(`users.${statusNotice}`, { name: account.displayName })}</StatusMessage>
        ) : null}
        {statusError ? (
          <StatusMessage tone="warning">{statusError.message ?? t('errors.genericMessage')}</StatusMessage>
        ) : null}
        <p>{account.active ? t('users.statusActive') : t('users.statusInactive')}</p>
        {!editable ? null : account.active ? (
          isSelf ? (
            <p className={styles.secondary}>{t('users.selfNote')}</p>
          ) : (
            <div>
              <Button
                variant="danger"
                onClick={() => {
                  setConfirming(true)
                }}
              >
                {t('users.deactivate')}
              </Button>
            </div>
          )
        ) : (
          <div>
            <Button variant="secondary" onClick={() => void reactivate()}>
              {t('users.reactivate')}
            </Button>
          </div>
        )}
        <p>
          <Link to={`/admin/audit?user=${encodeURIComponent(account.id)}`}>{t('users.auditLink')}</Link>
        </p>
        {editable ? <InviteUserAction userId={account.id} email={account.email} active={account.active} /> : null}
      </aside>
      <ConfirmDialog
        open={confirming}
        title={t('users.confirmTitle', { name: account.displayName })}
        confirmLabel={t('users.confirmDeactivate')}
        busy={deactivating}
        onConfirm={() => void deactivate()}
        onCancel={() => {
          setConfirming(false)
        }}
      >
        <p>{t('users.confirmBody')}</p>
      </ConfirmDialog>
    </div>
  )
}
