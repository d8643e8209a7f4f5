import { useTranslation } from 'react-i18next'
import { BilingualName } from '@/components/BilingualName'
import { type FragmentType, getFragmentData, graphql } from '@/gql'
import { ownersLeadFirst } from '../model/directionReports'
import styles from './DirectionPage.module.css'

const DirectionOwnersFragment = graphql(`
  fragment DirectionOwners_direction on PolicyDirection {
    owners {
      role
      organization {
        id
        nameJa
        nameEn
      }
    }
  }
`)

/** Who owns the direction now: the lead (主担当) first, then the co-owners (関係課). */
export function DirectionOwners(props: { direction: FragmentType<typeof DirectionOwnersFragment> }) {
  const { owners } = getFragmentData(DirectionOwnersFragment, props.direction)
  const { t } = useTranslation()
  const listed = ownersLeadFirst(owners)
  const lead = listed.filter((owner) => owner.role === 'LEAD')
  const others = listed.filter((owner) => owner.role !== 'LEAD')
  if (listed.length === 0) return <p className={styles.owners}>{t('direction.owners.none')}</p>
  return (
    <dl className={styles.owners}>
      {lead.length > 0 ? (
        <div>
          <dt>{t('direction.owners.LEAD')}</dt>
          {lead.map((owner) => (
            <dd key={owner.organization.id}>
              <BilingualName ja={owner.organization.nameJa} en={owner.organization.nameEn} />
            </dd>
          ))}
        </div>
      ) : null}
      {others.length > 0 ? (
        <div>
          <dt>{t('direction.owners.CO_OWNER')}</dt>
          {others.map((owner) => (
            <dd key={owner.organization.id}>
              <BilingualName ja={owner.organization.nameJa} en={owner.organization.nameEn} />
            </dd>
          ))}
        </div>
      ) : null}
    </dl>
  )
}
