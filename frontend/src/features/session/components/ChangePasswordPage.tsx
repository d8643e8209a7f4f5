import { useState, type SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { Button } from '@/components/Button'
import { ErrorSummary, formStyles, TextField, type SummaryItem } from '@/components/form'
import { StatusMessage } from '@/components/StatusMessage'
import { formErrors } from '@/lib/formErrors'
import type { DescribedError } from '@/lib/graphqlError'
import { useDocumentTitle } from '@/lib/useDocumentTitle'
import { ChangePasswordMutation } from '../api/operations'
import { useSessionController } from '../hooks/sessionContext'
import { toGrant } from '../model/transport'
import styles from './SessionPages.module.css'

type Field = 'currentPassword' | 'newPassword' | 'confirmation'

const FIELD_IDS: Record<Field, string> = {
  currentPassword: 'password-current',
  newPassword: 'password-new',
  confirmation: 'password-confirmation',
}

/** The API's field names on this form (`extensions.field`). */
const API_FIELDS: Partial<Record<string, Field>> = { currentPassword: 'currentPassword', newPassword: 'newPassword' }

/**
 * `/account/password`. The policy stands beside the new password; the server's verdict on
 * each field (wrong current password, a weak new one) appears next to that field. On
 * success the server ends every other session and returns a new one for this tab.
 * Passwords are held in component state only, never in drafts.
 */
export function ChangePasswordPage() {
  const { t } = useTranslation()
  const session = useSessionController()
  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: '', newPassword: '', confirmation: '' })
  const [invalid, setInvalid] = useState<Partial<Record<Field, string>>>({})
  const [general, setGeneral] = useState<DescribedError | null>(null)
  const [attempt, setAttempt] = useState(0)
  const [done, setDone] = useState(false)
  const [{ fetching }, changePassword] = useMutation(ChangePasswordMutation)
  useDocumentTitle(t('password.title'))

  const set = (field: Field) => (value: string) => {
    setValues((before) => ({ ...before, [field]: value }))
  }

  const onSubmit = async (event: SyntheticEvent) => {
    event.preventDefault()
    if (fetching) return
    setDone(false)
    setGeneral(null)
    const problems: Partial<Record<Field, string>> = {}
    if (values.currentPassword === '') problems.currentPassword = t('password.currentRequired')
    if (values.newPassword === '') problems.newPassword = t('password.newRequired')
    if (values.confirmation === '') problems.confirmation = t('password.confirmRequired')
    else if (values.newPassword !== values.confirmation) problems.confirmation = t('password.mismatch')
    setInvalid(problems)
    if (Object.keys(problems).length > 0) {
      setAttempt((n) => n + 1)
      return
    }
    const result = await changePassword({
      currentPassword: values.currentPassword,
      newPassword: values.newPassword,
    })
    if (result.data) {
      session.signIn(toGrant(result.data.changePassword))
      setValues({ currentPassword: '', newPassword: '', confirmation: '' })
      setDone(true)
    } else if (result.error) {
      const errors = formErrors(result.error, API_FIELDS)
      setInvalid(errors.fields)
      setGeneral(errors.general)
      setAttempt((n) => n + 1)
    }
  }

  const items: SummaryItem[] = (Object.keys(FIELD_IDS) as Field[]).flatMap((field) => {
    const message = invalid[field]
    return message ? [{ fieldId: FIELD_IDS[field], message }] : []
  })
  const generalMessage = general
    ? (general.message ?? (general.kind === 'NETWORK' ? t('errors.networkMessage') : t('errors.genericMessage')))
    : null

  return (
    <div className={styles.narrow}>
      <h1>{t('password.title')}</h1>
      <p className={styles.intro}>{t('password.intro')}</p>
      {done ? <StatusMessage>{t('password.done')}</StatusMessage> : null}
      {items.length > 0 || general ? (
        <ErrorSummary
          title={general ? t('password.failedTitle') : t('form.summaryTitle')}
          message={generalMessage}
          items={items}
          attempt={attempt}
        />
      ) : null}
      <form className={formStyles.form} noValidate onSubmit={(event) => void onSubmit(event)}>
        {/* For password managers: which account this is. */}
        <input type="text" name="username" autoComplete="username" value={session.user()?.email ?? ''} readOnly hidden />
        <TextField
          id={FIELD_IDS.currentPassword}
          type="password"
          label={t('password.current')}
          value={values.currentPassword}
          onChange={set('currentPassword')}
          error={invalid.currentPassword}
          required
          autoComplete="current-password"
        />
        <TextField
          id={FIELD_IDS.newPassword}
          type="password"
          label={t('password.new')}
          hint={t('password.policy')}
          value={values.newPassword}
          onChange={set('newPassword')}
          error={invalid.newPassword}
          required
          autoComplete="new-password"
        />
        <TextField
          id={FIELD_IDS.confirmation}
          type="password"
          label={t('password.confirm')}
          hint={t('password.confirmHint')}
          value={values.confirmation}
          onChange={set('confirmation')}
          error={invalid.confirmation}
          required
          autoComplete="new-password"
        />
        <div className={formStyles.actions}>
          <Button type="submit" aria-disabled={fetching || undefined}>
            {fetching ? t('password.submitting') : t('password.submit')}
          </Button>
        </div>
      </form>
    </div>
  )
}
