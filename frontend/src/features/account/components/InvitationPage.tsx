import { useCallback, useState, type SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { useMutation, useQuery } from 'urql'
import { Button } from '@/components/Button'
import { ErrorState } from '@/components/ErrorState'
import { ErrorSummary, formStyles, TextField, type SummaryItem } from '@/components/form'
import { LoadingState } from '@/components/LoadingState'
import { useSessionController, type SessionGrant } from '@/features/session'
import { formErrors } from '@/lib/formErrors'
import type { DescribedError } from '@/lib/graphqlError'
import { formatJapanTime } from '@/lib/japanTime'
import { useDocumentTitle } from '@/lib/useDocumentTitle'
import { useLanguage } from '@/lib/useLanguage'
import { AcceptInvitationMutation, InvitationQuery } from '../api/operations'
import {
  checkInvitationForm,
  INVITATION_API_FIELDS,
  INVITATION_FIELD_IDS,
  type InvitationField,
} from '../model/invitationForm'
import styles from './Account.module.css'

/**
 * `/invitations/:token` (public): whom the invitation is for, and a form to set the
 * password. The password policy's verdict appears by the field; on success the person is
 * signed in (as after `login`) and goes home. A used or expired link says so plainly.
 */
export function InvitationPage() {
  const { t } = useTranslation()
  const language = useLanguage()
  const { token = '' } = useParams()
  const [result, reexecute] = useQuery({ query: InvitationQuery, variables: { token }, requestPolicy: 'network-only' })
  const retry = useCallback(() => {
    reexecute({ requestPolicy: 'network-only' })
  }, [reexecute])
  const invitation = result.data?.invitation
  const unusable = result.data !== undefined && !invitation
  useDocumentTitle(unusable ? t('account.invitation.invalidTitle') : t('account.invitation.title'))

  if (result.error && !result.data) return <ErrorState error={result.error} onRetry={retry} />
  if (!result.data) return <LoadingState lines={4} />
  if (!invitation) {
    return (
      <div className={styles.narrow}>
        <h1>{t('account.invitation.invalidTitle')}</h1>
        <div className={styles.card}>
          <p>{t('account.invitation.invalidBody')}</p>
          <p>
            <Link to="/login">{t('account.invitation.toLogin')}</Link>
          </p>
        </div>
      </div>
    )
  }
  return (
    <div className={styles.narrow}>
      <h1>{t('account.invitation.title')}</h1>
      <p className={styles.intro}>{t('account.invitation.intro')}</p>
      <div className={styles.card}>
        <dl className={styles.facts}>
          <div>
            <dt>{t('account.invitation.name')}</dt>
            <dd>{invitation.displayName}</dd>
          </div>
          <div>
            <dt>{t('account.invitation.email')}</dt>
            <dd className={styles.token}>{invitation.email}</dd>
          </div>
          <div>
            <dt>{t('account.invitation.expires')}</dt>
            <dd>{formatJapanTime(invitation.expiresAt, language)}</dd>
          </div>
        </dl>
        <PasswordForm token={token} email={invitation.email} />
      </div>
    </div>
  )
}

function PasswordForm({ token, email }: { token: string; email: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const session = useSessionController()
  const [values, setValues] = useState<Record<InvitationField, string>>({ password: '', confirmation: '' })
  const [invalid, setInvalid] = useState<Partial<Record<InvitationField, string>>>({})
  const [general, setGeneral] = useState<DescribedError | null>(null)
  const [attempt, setAttempt] = useState(0)
  const [{ fetching }, accept] = useMutation(AcceptInvitationMutation)
  const set = (field: InvitationField) => (value: string) => {
    setValues((before) => ({ ...before, [field]: value }))
  }

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault()
    if (fetching) return
    setGeneral(null)
    const problems = checkInvitationForm(values, t)
    setInvalid(problems)
    if (Object.keys(problems).length > 0) {
      setAttempt((n) => n + 1)
      return
    }
    const result = await accept({ token, password: values.password })
    if (result.data) {
      const grant: SessionGrant = result.data.acceptInvitation
      session.signIn(grant)
      void navigate('/home', { replace: true })
    } else if (result.error) {
      const found = formErrors(result.error, INVITATION_API_FIELDS)
      setInvalid(found.fields)
      setGeneral(found.general)
      setValues({ password: '', confirmation: '' })
      setAttempt((n) => n + 1)
    }
  }

  const items: SummaryItem[] = (['password', 'confirmation'] as const).flatMap((field) => {
    const message = invalid[field]
    return message ? [{ fieldId: INVITATION_FIELD_IDS[field], message }] : []
  })
  const generalMessage = general
    ? (general.message ?? (general.kind === 'NETWORK' ? t('errors.networkMessage') : t('errors.genericMessage')))
    : null

  return (
    <form className={formStyles.form} noValidate onSubmit={(event) => void submit(event)}>
      {items.length > 0 || general ? (
        <ErrorSummary
          title={general ? t('account.invitation.failedTitle') : t('form.summaryTitle')}
          message={generalMessage}
          items={items}
          attempt={attempt}
        />
      ) : null}
      {/* For password managers: the account the new password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        id={INVITATION_FIELD_IDS.password}
        type="password"
        label={t('account.invitation.password')}
        hint={t('password.policy')}
        value={values.password}
        onChange={set('password')}
        error={invalid.password}
        required
        autoComplete="new-password"
      />
      <TextField
        id={INVITATION_FIELD_IDS.confirmation}
        type="password"
        label={t('account.invitation.confirm')}
        hint={t('account.invitation.confirmHint')}
        value={values.confirmation}
        onChange={set('confirmation')}
        error={invalid.confirmation}
        required
        autoComplete="new-password"
      />
      <div className={formStyles.actions}>
        <Button type="submit" aria-disabled={fetching || undefined}>
          {fetching ? t('account.invitation.submitting') : t('account.invitation.submit')}
        </Button>
      </div>
    </form>
  )
}
