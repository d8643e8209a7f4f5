import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'react-router'
import { useQuery } from 'urql'
import { ButtonLink } from '@/components/Button'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { Notice } from '@/components/Notice'
import { StatusMessage } from '@/components/StatusMessage'
import { formatJapanTime } from '@/lib/japanTime'
import { useDocumentTitle } from '@/lib/useDocumentTitle'
import { useLanguage } from '@/lib/useLanguage'
import { AdminUsersQuery } from '../api/operations'
import { readInviteNotice, readUserNotice } from './notices'
import { UsersTable } from './UsersTable'
import styles from './Admin.module.css'

/** `/admin/users`: every account, and the way to create one. */
export function UsersPage() {
  const { t } = useTranslation()
  const location = useLocation()
  const language = useLanguage()
  const notice = readUserNotice(location.state)
  const invited = readInviteNotice(location.state)
  const [result, reexecute] = useQuery({ query: AdminUsersQuery, requestPolicy: 'cache-and-network' })
  const retry = useCallback(() => {
    reexecute({ requestPolicy: 'network-only' })
  }, [reexecute])
  useDocumentTitle(t('users.title'))

  const users = result.data?.users
  return (
    <div className={styles.page}>
      <div className={styles.pageHeader}>
        <h1>{t('users.title')}</h1>
        <ButtonLink to="/admin/users/new">{t('users.create')}</ButtonLink>
      </div>
      <p className={styles.intro}>{t('users.intro')}</p>
      {notice ? <StatusMessage>{t(`users.${notice.kind}`, { name: notice.name })}</StatusMessage> : null}
      {invited?.kind === 'createdInvited' ? (
        <StatusMessage>
          {t('account.invite.createdInvited', { name: invited.name, expires: formatJapanTime(invited.expiresAt, language) })}
        </StatusMessage>
      ) : null}
      {invited?.kind === 'createdInviteFailed' ? (
        <StatusMessage tone="warning">
          {t('account.invite.createdInviteFailed', { name: invited.name, reason: invited.reason })}
        </StatusMessage>
      ) : null}
      {result.error && !users ? (
        <ErrorState error={result.error} onRetry={retry} headingLevel={2} />
      ) : !users ? (
        <LoadingState />
      ) : users.length === 0 ? (
        <Notice>{t('users.none')}</Notice>
      ) : (
        <UsersTable users={users} />
      )}
    </div>
  )
}
