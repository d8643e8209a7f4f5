import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { useMutation, useQuery } from 'urql'
import { Button } from '@/components/Button'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { formStyles } from '@/components/form'
import { useDraft, useSignedInUser } from '@/features/session'
import { describeError } from '@/lib/graphqlError'
import { useDocumentTitle } from '@/lib/useDocumentTitle'
import { AdminOrganizationsQuery, CreateUserMutation, InviteUserMutation } from '../api/operations'
import type { InviteNotice, UserNotice } from './notices'
import { checkUserForm, emptyUserForm, USER_API_FIELDS } from '../model/userForm'
import { useFormProblems } from './useFormProblems'
import { UserForm } from './UserForm'
import styles from './Admin.module.css'

/** The in-memory draft of the create form (survives a trip through the sign-in page). */
export const CREATE_DRAFT_KEY = 'admin.user.new'

/** `/admin/users/new`: create an account. */
export function UserCreatePage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const me = useSignedInUser()
  const [values, setValues, discard] = useDraft(CREATE_DRAFT_KEY, emptyUserForm)
  const [password, setPassword] = useState('')
  const { errors, general, attempt, check, fail } = useFormProblems(USER_API_FIELDS)
  const [organizations, reexecute] = useQuery({ query: AdminOrganizationsQuery })
  const [{ fetching: creating }, createUser] = useMutation(CreateUserMutation)
  const [{ fetching: inviting }, inviteUser] = useMutation(InviteUserMutation)
  const fetching = creating || inviting
  /** Which button sent the form: create only, or create and send the invitation. */
  const [sending, setSending] = useState<'create' | 'invite'>('create')
  const retry = useCallback(() => {
    reexecute({ requestPolicy: 'network-only' })
  }, [reexecute])
  useDocumentTitle(t('users.createTitle'))

  const submit = async (then: 'create' | 'invite' = 'create') => {
    if (fetching) return
    setSending(then)
    if (check(checkUserForm(values, 'create', t))) return
    const result = await createUser({
      input: {
        email: values.email.trim(),
        displayName: values.displayName.trim(),
        organizationId: values.organizationId,
        roles: values.roles,
        language: values.language,
        password: password === '' ? null : password,
      },
    })
    if (result.data && then === 'invite') {
      discard()
      const { id, displayName: name } = result.data.createUser
      const invited = await inviteUser({ userId: id })
      const notice: InviteNotice = invited.data
        ? { kind: 'createdInvited', name, expiresAt: invited.data.inviteUser.expiresAt }
        : {
            kind: 'createdInviteFailed',
            name,
            reason: invited.error ? (describeError(invited.error).message ?? t('errors.genericMessage')) : t('errors.genericMessage'),
          }
      void navigate('/admin/users', { state: { notice } })
    } else if (result.data) {
      discard()
      const notice: UserNotice = { kind: 'created', name: result.data.createUser.displayName }
      void navigate('/admin/users', { state: { notice } })
    } else if (result.error) {
      fail(result.error)
    }
  }

  return (
    <div className={styles.page}>
      <p>
        <Link to="/admin/users" className={styles.back}>
          {t('users.backToList')}
        </Link>
      </p>
      <h1>{t('users.createTitle')}</h1>
      <p className={styles.intro}>{t('users.createIntro')}</p>
      {organizations.error ? (
        <ErrorState error={organizations.error} onRetry={retry} headingLevel={2} />
      ) : !organizations.data ? (
        <LoadingState lines={4} />
      ) : (
        <UserForm
          mode="create"
          values={values}
          onChange={setValues}
          password={password}
          onPasswordChange={setPassword}
          organizations={organizations.data.organizations}
          canGrantAdmin={me?.roles.includes('ADMIN') ?? false}
          errors={errors}
          general={general}
          attempt={attempt}
          submitting={fetching && sending === 'create'}
          submitLabel={t('users.submitCreate')}
          cancelTo="/admin/users"
          onSubmit={() => void submit('create')}
          passwordNote={<p>{t('account.invite.passwordNote')}</p>}
          extraActions={
            <Button
              variant="secondary"
              aria-disabled={fetching || undefined}
              onClick={() => void submit('invite')}
            >
              {fetching && sending === 'invite' ? t('account.invite.creating') : t('account.invite.createAndInvite')}
            </Button>
          }
          rolesNote={me?.roles.includes('ADMIN') ? null : <p className={formStyles.note}>{t('users.adminOnlyNote')}</p>}
        />
      )}
    </div>
  )
}
