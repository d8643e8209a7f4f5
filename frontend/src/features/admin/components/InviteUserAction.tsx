import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { Button } from '@/components/Button'
import { StatusMessage } from '@/components/StatusMessage'
import { describeError } from '@/lib/graphqlError'
import { formatJapanTime } from '@/lib/japanTime'
import { useLanguage } from '@/lib/useLanguage'
import { InviteUserMutation } from '../api/operations'
import styles from './Admin.module.css'

/**
 * "Send invitation" for an account: a mail with a link that sets the password once and works
 * for 7 days; sending again makes earlier links stop working. Says when the link expires.
 */
export function InviteUserAction({ userId, email, active }: { userId: string; email: string; active: boolean }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [{ fetching }, invite] = useMutation(InviteUserMutation)
  const [outcome, setOutcome] = useState<{ kind: 'sent'; expiresAt: string } | { kind: 'failed'; reason: string } | null>(null)

  const send = async () => {
    if (fetching) return
    setOutcome(null)
    const result = await invite({ userId })
    if (result.data) {
      setOutcome({ kind: 'sent', expiresAt: result.data.inviteUser.expiresAt })
    } else {
      const described = result.error ? describeError(result.error) : null
      setOutcome({ kind: 'failed', reason: described?.message ?? t(`errors.headings.${described?.kind ?? 'UNKNOWN'}`) })
    }
  }

  return (
    <section className={styles.inviteBox} aria-labelledby="invite-heading">
      <h3 id="invite-heading" className={styles.inviteHeading}>
        {t('account.invite.heading')}
      </h3>
      <p className={styles.secondary}>{t('account.invite.intro')}</p>
      {active ? (
        <div>
          <Button variant="secondary" onClick={() => void send()} aria-disabled={fetching || undefined}>
            {fetching ? t('account.invite.sending') : t('account.invite.send')}
          </Button>
        </div>
      ) : (
        <p>{t('account.invite.inactive')}</p>
      )}
      <div aria-live="polite">
        {outcome?.kind === 'sent' ? (
          <StatusMessage>
            {t('account.invite.sent', { email, expires: formatJapanTime(outcome.expiresAt, language) })}
          </StatusMessage>
        ) : null}
      </div>
      {outcome?.kind === 'failed' ? (
        <p role="alert" className={styles.alert}>
          {t('account.invite.failed', { reason: outcome.reason })}
        </p>
      ) : null}
    </section>
  )
}
