import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { useClient, useQuery, type CombinedError } from 'urql'
import { Button } from '@/components/Button'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { Notice } from '@/components/Notice'
import { useDocumentTitle } from '@/lib/useDocumentTitle'
import { AdminOrganizationsQuery, AdminUserQuery, AuditEventsQuery } from '../api/operations'
import {
  auditFiltersToParams,
  readAuditFilters,
  toAuditFilterInput,
  type AuditFilters,
} from '../model/auditFilters'
import type { OrganizationOption } from '../model/organizations'
import { AuditFilterForm } from './AuditFilterForm'
import { AuditTable } from './AuditTable'
import styles from './Admin.module.css'

const PAGE_SIZE = 50

/**
 * `/admin/audit`: the audit log, newest first, filtered by action, period and organisation
 * (and by the acting account, from an account's page). Filters live in the URL; "load more"
 * follows the connection's cursor.
 */
export function AuditPage() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const applied = readAuditFilters(params)
  const filterKey = auditFiltersToParams(applied).toString()
  const [organizations, reexecute] = useQuery({ query: AdminOrganizationsQuery })
  const retry = useCallback(() => {
    reexecute({ requestPolicy: 'network-only' })
  }, [reexecute])
  useDocumentTitle(t('audit.title'))

  const apply = (filters: AuditFilters) => {
    setParams(auditFiltersToParams(filters))
  }

  return (
    <div className={styles.page}>
      <h1>{t('audit.title')}</h1>
      <div className={styles.intro}>
        <p>{t('audit.intro')}</p>
        <p>{t('audit.timeNote')}</p>
      </div>
      {organizations.error ? (
        <ErrorState error={organizations.error} onRetry={retry} headingLevel={2} />
      ) : !organizations.data ? (
        <LoadingState lines={3} />
      ) : (
        <>
          <AuditFilterForm
            key={`form:${filterKey}`}
            applied={applied}
            organizations={organizations.data.organizations}
            onApply={apply}
          />
          {applied.userId ? (
            <UserFilter
              id={applied.userId}
              onClear={() => {
                apply({ ...applied, userId: '' })
              }}
            />
          ) : null}
          <AuditResults key={`results:${filterKey}`} filters={applied} organizations={organizations.data.organizations} />
        </>
      )}
    </div>
  )
}

function UserFilter({ id, onClear }: { id: string; onClear: () => void }) {
  const { t } = useTranslation()
  const [{ data }] = useQuery({ query: AdminUserQuery, variables: { id } })
  const name = data?.user ? `${data.user.displayName} <${data.user.email}>` : id
  return (
    <div className={styles.chip}>
      <p>{t('audit.byUser', { name })}</p>
      <Button variant="secondary" onClick={onClear}>
        {t('audit.clearUser')}
      </Button>
    </div>
  )
}

type Page = NonNullable<ReturnType<typeof usePage>[0]['data']>['auditEvents']

function usePage(filters: AuditFilters) {
  return useQuery({
    query: AuditEventsQuery,
    variables: { filter: toAuditFilterInput(filters), first: PAGE_SIZE, after: null },
    // The log grows with every sign-in: always ask.
    requestPolicy: 'network-only',
  })
}

function AuditResults({ filters, organizations }: { filters: AuditFilters; organizations: readonly OrganizationOption[] }) {
  const { t } = useTranslation()
  const client = useClient()
  const [first, reexecute] = usePage(filters)
  const [more, setMore] = useState<Page[]>([])
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<CombinedError | null>(null)
  const retry = useCallback(() => {
    reexecute({ requestPolicy: 'network-only' })
  }, [reexecute])

  if (first.error && !first.data) return <ErrorState error={first.error} onRetry={retry} headingLevel={2} />
  if (!first.data) return <LoadingState />

  const pages = [first.data.auditEvents, ...more]
  const last = pages[pages.length - 1]
  const events = pages.flatMap((page) => page.nodes)
  const hasNext = last?.pageInfo.hasNextPage ?? false

  const loadMore = async () => {
    const after = last?.pageInfo.endCursor
    if (loadingMore || !after) return
    setLoadingMore(true)
    setMoreError(null)
    const result = await client
      .query(
        AuditEventsQuery,
        { filter: toAuditFilterInput(filters), first: PAGE_SIZE, after },
        { requestPolicy: 'network-only' },
      )
      .toPromise()
    setLoadingMore(false)
    const page = result.data?.auditEvents
    if (page) setMore((before) => [...before, page])
    else if (result.error) setMoreError(result.error)
  }

  if (events.length === 0) return <Notice>{t('audit.empty')}</Notice>
  return (
    <>
      <p role="status">{t(hasNext ? 'audit.shownMore' : 'audit.shown', { count: events.length })}</p>
      <AuditTable events={events} organizations={organizations} />
      {moreError ? (
        <ErrorState
          error={moreError}
          onRetry={() => {
            void loadMore()
          }}
          headingLevel={2}
        />
      ) : null}
      {hasNext ? (
        <div className={styles.loadMore}>
          <Button variant="secondary" onClick={() => void loadMore()} aria-disabled={loadingMore || undefined}>
            {loadingMore ? t('audit.loadingMore') : t('audit.loadMore')}
          </Button>
        </div>
      ) : null}
    </>
  )
}
