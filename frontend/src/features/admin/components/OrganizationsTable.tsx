import { useTranslation } from 'react-i18next'
import { Button } from '@/components/Button'
import { getFragmentData, graphql, type FragmentType } from '@/gql'
import { cx } from '@/lib/cx'
import { groupByKind } from '../model/organizations'
import styles from './Admin.module.css'

const OrganizationsTableFragment = graphql(`
  fragment OrganizationsTable_organization on Organization {
    id
    code
    nameJa
    nameEn
    kind
    isSample
  }
`)

export interface OrganizationRow {
  id: string
  code: string
  nameJa: string
  nameEn: string
}

/**
 * Every organisation: its name in both languages (both are maintained here, whatever the
 * language of the page), its code, its kind and whether it is
 * the demo's sample data, with a button to rename it. In the order of the promotion
 * system (plan office, departments, the Council, the committee), then by Japanese name.
 */
export function OrganizationsTable({
  organizations: refs,
  onRename,
}: {
  organizations: readonly FragmentType<typeof OrganizationsTableFragment>[]
  onRename: (organization: OrganizationRow) => void
}) {
  const { t } = useTranslation()
  const rows = groupByKind(getFragmentData(OrganizationsTableFragment, refs)).flatMap((group) => group.items)
  return (
    <>
      <div className={styles.scroll} role="region" aria-label={t('adminOrganizations.scrollRegion')} tabIndex={0}>
        <table className={cx(styles.table, styles.organizationsTable)}>
          <caption>{t('adminOrganizations.tableCaption', { count: rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('adminOrganizations.name')}</th>
              <th scope="col">{t('adminOrganizations.code')}</th>
              <th scope="col">{t('adminOrganizations.kind')}</th>
              <th scope="col">{t('adminOrganizations.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((organization) => (
              <tr key={organization.id}>
                <th scope="row">
                  <span lang="ja">{organization.nameJa}</span>
                  {organization.isSample ? (
                    <span className={cx(styles.badge, styles.badgeInactive, styles.sampleBadge)}>{t('adminOrganizations.sample')}</span>
                  ) : null}
                  <span lang="en" className={styles.englishName}>
                    {organization.nameEn}
                  </span>
                </th>
                <td className={cx(styles.mono, styles.token)}>{organization.code}</td>
                <td className={styles.nowrap}>{t(`organizationKinds.${organization.kind}`)}</td>
                <td>
                  <Button
                    variant="secondary"
                    className={styles.smallButton}
                    onClick={() => {
                      onRename(organization)
                    }}
                  >
                    {t('adminOrganizations.rename')}
                    <span className="visually-hidden">{t('adminOrganizations.renameContext', { name: organization.nameJa })}</span>
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.some((organization) => organization.isSample) ? <p className={styles.secondary}>{t('adminOrganizations.sampleNote')}</p> : null}
    </>
  )
}
