import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery } from 'urql'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { Notice } from '@/components/Notice'
import { StatusMessage } from '@/components/StatusMessage'
import { useDocumentTitle } from '@/lib/useDocumentTitle'
import { AdminOrganizationListQuery, ORGANIZATION_TYPENAMES } from '../api/organizations'
import { AddOrganizationForm } from './AddOrganizationForm'
import { OrganizationsTable, type OrganizationRow } from './OrganizationsTable'
import { RenameOrganizationDialog, type Renamed } from './RenameOrganizationDialog'
import styles from './Admin.module.css'

/** Loaded again when an organisation is added or renamed (see `ORGANIZATION_TYPENAMES`). */
const LIST_CONTEXT = { additionalTypenames: ORGANIZATION_TYPENAMES }

/**
 * `/admin/organizations` (plan office and administrators): the organisation chart of the
 * promotion system, with the way to add an organisation and to rename one. The rename
 * dialog comes first in the page so that its error summary is the one its heading id
 * names (the form parts use one fixed id for it).
 */
export function OrganizationsPage() {
  const { t } = useTranslation()
  const [result, reexecute] = useQuery({ query: AdminOrganizationListQuery, requestPolicy: 'cache-and-network', context: LIST_CONTEXT })
  const retry = useCallback(() => {
    reexecute({ requestPolicy: 'network-only' })
  }, [reexecute])
  const [renaming, setRenaming] = useState<OrganizationRow | null>(null)
  const [renamed, setRenamed] = useState<Renamed | null>(null)
  useDocumentTitle(t('adminOrganizations.title'))

  const organizations = result.data?.organizations
  return (
    <div className={styles.page}>
      <h1>{t('adminOrganizations.title')}</h1>
      <p className={styles.intro}>{t('adminOrganizations.intro')}</p>
      <RenameOrganizationDialog
        key={renaming?.id ?? 'closed'}
        organization={renaming}
        onCancel={() => {
          setRenaming(null)
        }}
        onRenamed={(done) => {
          setRenaming(null)
          setRenamed(done)
        }}
      />
      <div className={styles.layout}>
        <section className={styles.page} aria-labelledby="organizations-list-heading">
          <h2 id="organizations-list-heading" className={styles.sectionHeading}>
            {t('adminOrganizations.listHeading')}
          </h2>
          {renamed ? <StatusMessage>{t('adminOrganizations.renamed', { from: renamed.from, to: renamed.to })}</StatusMessage> : null}
          {result.error && !organizations ? (
            <ErrorState error={result.error} onRetry={retry} headingLevel={2} />
          ) : !organizations ? (
            <LoadingState lines={5} />
          ) : organizations.length === 0 ? (
            <Notice>{t('adminOrganizations.none')}</Notice>
          ) : (
            <OrganizationsTable
              organizations={organizations}
              onRename={(organization) => {
                setRenamed(null)
                setRenaming(organization)
              }}
            />
          )}
        </section>
        <AddOrganizationForm />
      </div>
    </div>
  )
}
