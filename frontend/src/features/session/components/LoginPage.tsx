import { useState, type SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Navigate, useLocation } from 'react-router'
import { useMutation } from 'urql'
import { Button } from '@/components/Button'
import { ErrorSummary, formStyles, TextField, type SummaryItem } from '@/components/form'
import { StatusMessage } from '@/components/StatusMessage'
import { describeError, type DescribedError } from '@/lib/graphqlError'
import { useDocumentTitle } from '@/lib/useDocumentTitle'
import { LoginMutation } from '../api/operations'
import { useSessionController, useSessionState } from '../hooks/sessionContext'
import { readLoginState } from '../model/routeState'
import { toGrant } from '../model/transport'
import styles from './SessionPages.module.css'

type Field = 'email' | 'password'
const FIELD_IDS: Record<Field, string> = { email: 'login-email', password: 'login-password' }

/**
 * `/login`. E-mail and password; the server's own message for a refusal (wrong password,
 * too many attempts) is shown as it is sent. After signing in, the user goes back to where
 * they came from (with its route state), or home.
 */
export function LoginPage() {
  const { t } = useTranslation()
  const session = useSessionController()
  const state = useSessionState()
  const location = useLocation()
  const { from, reason } = readLoginState(location.state)
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [invalid, setInvalid] = useState<Partial<Record<Field, string>>>({})
  const [refusal, setRefusal] = useState<DescribedError | null>(null)
  const [attempt, setAttempt] = useState(0)
  const [{ fetching }, login] = useMutation(LoginMutation)
  useDocumentTitle(t('session.loginTitle'))

  if (state.status === 'signedIn') {
    const back = reason === 'signedOut' ? undefined : from
    return back ? (
      <Navigate to={{ pathname: back.pathname, search: back.search, hash: back.hash }} state={back.state} replace />
    ) : (
      <Navigate to="/home" replace />
    )
  }

  const onSubmit = async (event: SyntheticEvent) => {
    event.preventDefault()
    if (fetching) return
    const problems: Partial<Record<Field, string>> = {}
    if (email.trim() === '') problems.email = t('session.emailRequired')
    if (password === '') problems.password = t('session.passwordRequired')
    setInvalid(problems)
    setRefusal(null)
    if (Object.keys(problems).length > 0) {
      setAttempt((n) => n + 1)
      return
    }
    const result = await login({ email: email.trim(), password })
    if (result.data) {
      session.signIn(toGrant(result.data.login))
    } else if (result.error) {
      setRefusal(describeError(result.error))
      setPassword('')
      setAttempt((n) => n + 1)
    }
  }

  const items: SummaryItem[] = (['email', 'password'] as const).flatMap((field) => {
    const message = invalid[field]
    return message ? [{ fieldId: FIELD_IDS[field], message }] : []
  })
  const refusalMessage =
    refusal?.message ?? (refusal?.kind === 'NETWORK' ? t('errors.networkMessage') : refusal ? t('errors.genericMessage') : null)
  const logout = state.status === 'signedOut' ? state.logout : undefined

  return (
    <div className={styles.narrow}>
      <h1>{t('session.loginTitle')}</h1>
      {reason === 'expired' ? <StatusMessage tone="warning">{t('session.expired')}</StatusMessage> : null}
      {reason === 'signedOut' ? (
        logout === 'unconfirmed' ? (
          <StatusMessage tone="warning">{t('session.signedOutUnconfirmed')}</StatusMessage>
        ) : (
          <StatusMessage tone="info">
            {logout === 'pending' ? t('session.signingOut') : t('session.signedOut')}
          </StatusMessage>
        )
      ) : null}
      {refusal || items.length > 0 ? (
        <ErrorSummary
          title={refusal ? t('session.failedTitle') : t('form.summaryTitle')}
          message={refusalMessage}
          items={items}
          attempt={attempt}
        />
      ) : null}
      <div className={styles.card}>
        <p className={styles.intro}>{t('session.loginIntro')}</p>
        <form className={formStyles.form} noValidate onSubmit={(event) => void onSubmit(event)}>
          <TextField
            id={FIELD_IDS.email}
            name="email"
            type="email"
            label={t('session.email')}
            value={email}
            onChange={setEmail}
            error={invalid.email}
            required
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            inputMode="email"
          />
          <TextField
            id={FIELD_IDS.password}
            name="password"
            type="password"
            label={t('session.password')}
            value={password}
            onChange={setPassword}
            error={invalid.password}
            required
            autoComplete="current-password"
          />
          <div className={formStyles.actions}>
            <Button type="submit" aria-disabled={fetching || undefined}>
              {fetching ? t('session.submitting') : t('session.submit')}
            </Button>
          </div>
        </form>
        <div className={styles.public}>
          <p>{t('session.publicNote')}</p>
          <p>
            <Link to="/">{t('session.publicLink')}</Link>
          </p>
        </div>
      </div>
    </div>
  )
}
