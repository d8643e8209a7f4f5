import { useCallback, useState, type SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery } from 'urql'
import { Button } from '@/components/Button'
import { ErrorState } from '@/components/ErrorState'
import { CheckboxGroup, ErrorSummary, formStyles, RadioGroup, type Choice } from '@/components/form'
import { LoadingState } from '@/components/LoadingState'
import { StatusMessage } from '@/components/StatusMessage'
import { describeError, type DescribedError } from '@/lib/graphqlError'
import { useDocumentTitle } from '@/lib/useDocumentTitle'
import { MyNotificationSettingsQuery, UpdateNotificationSettingsMutation } from '../api/operations'
import { deliveryOf, type Delivery } from '../model/invitationForm'
import styles from './Account.module.css'

/**
 * `/account/notifications`: how one's notification mails arrive — one per event, or one
 * digest a day at 08:00 Japan time — and whether mails about comments come at all.
 */
export function NotificationSettingsPage() {
  const { t } = useTranslation()
  const [result, reexecute] = useQuery({ query: MyNotificationSettingsQuery, requestPolicy: 'cache-and-network' })
  const retry = useCallback(() => {
    reexecute({ requestPolicy: 'network-only' })
  }, [reexecute])
  useDocumentTitle(t('account.notifications.title'))
  const me = result.data?.me

  return (
    <div className={styles.narrow}>
      <h1>{t('account.notifications.title')}</h1>
      <p className={styles.intro}>{t('account.notifications.intro')}</p>
      {result.error && !me ? (
        <ErrorState error={result.error} onRetry={retry} headingLevel={2} />
      ) : !me ? (
        <LoadingState lines={4} />
      ) : (
        <SettingsForm
          key={me.id}
          dailyDigest={me.notificationSettings.dailyDigest}
          muteComments={me.notificationSettings.muteComments}
        />
      )}
    </div>
  )
}

function SettingsForm({ dailyDigest, muteComments }: { dailyDigest: boolean; muteComments: boolean }) {
  const { t } = useTranslation()
  const [delivery, setDelivery] = useState<Delivery>(deliveryOf(dailyDigest))
  const [mute, setMute] = useState(muteComments)
  const [saved, setSaved] = useState(false)
  const [problem, setProblem] = useState<DescribedError | null>(null)
  const [attempt, setAttempt] = useState(0)
  const [{ fetching }, update] = useMutation(UpdateNotificationSettingsMutation)

  const deliveryChoices: Choice<Delivery>[] = [
    {
      value: 'immediate',
      label: t('account.notifications.immediate'),
      description: t('account.notifications.immediateDescription'),
    },
    {
      value: 'digest',
      label: t('account.notifications.digest'),
      description: t('account.notifications.digestDescription'),
    },
  ]
  const muteChoices: Choice<'mute'>[] = [
    { value: 'mute', label: t('account.notifications.mute'), description: t('account.notifications.muteDescription') },
  ]

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault()
    if (fetching) return
    setSaved(false)
    setProblem(null)
    const answer = await update({ dailyDigest: delivery === 'digest', muteComments: mute })
    if (answer.error) {
      setProblem(describeError(answer.error))
      setAttempt((n) => n + 1)
    } else {
      setSaved(true)
    }
  }

  return (
    <div className={styles.card}>
      <form className={formStyles.form} noValidate onSubmit={(event) => void submit(event)}>
        {problem ? (
          <ErrorSummary
            title={t('account.notifications.failedTitle')}
            message={problem.message ?? (problem.kind === 'NETWORK' ? t('errors.networkMessage') : t('errors.genericMessage'))}
            attempt={attempt}
          />
        ) : null}
        <RadioGroup
          id="notifications-delivery"
          required
          legend={t('account.notifications.delivery')}
          choices={deliveryChoices}
          value={delivery}
          onChange={(value) => {
            setDelivery(value)
            setSaved(false)
          }}
        />
        <CheckboxGroup
          id="notifications-comments"
          legend={t('account.notifications.comments')}
          choices={muteChoices}
          value={mute ? ['mute'] : []}
          onChange={(value) => {
            setMute(value.includes('mute'))
            setSaved(false)
          }}
        />
        <div aria-live="polite">{saved ? <StatusMessage>{t('account.notifications.saved')}</StatusMessage> : null}</div>
        <div className={formStyles.actions}>
          <Button type="submit" aria-disabled={fetching || undefined}>
            {fetching ? t('account.notifications.saving') : t('account.notifications.save')}
          </Button>
        </div>
      </form>
    </div>
  )
}
