import { useTranslation } from 'react-i18next'
import { BilingualName } from '@/components/BilingualName'
import { Disclosure } from '@/components/Disclosure'
import { type FragmentType, getFragmentData, graphql } from '@/gql'
import { DirectionLink } from './DirectionLink'
import { policyAnchor } from './anchors'
import styles from './PlanTree.module.css'

const PolicyNodeFragment = graphql(`
  fragment PolicyNode_policy on Policy {
    id
    code
    nameJa
    nameEn
    directions {
      id
      ...DirectionLink_direction
    }
  }
`)

/** A basic policy (基本施策) with its policy directions and their latest ratings, collapsible. */
export function PolicyNode(props: {
  policy: FragmentType<typeof PolicyNodeFragment>
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const policy = getFragmentData(PolicyNodeFragment, props.policy)
  const { t } = useTranslation()
  return (
    <Disclosure
      level={4}
      className={styles.policy}
      id={policyAnchor(policy.code)}
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={
        <>
          <span className={styles.label}>{t('plan.policyLabel', { code: policy.code })}</span>{' '}
          <BilingualName ja={policy.nameJa} en={policy.nameEn} />
        </>
      }
      aside={t('plan.directionCount', { count: policy.directions.length })}
    >
      <ul className={styles.directions}>
        {policy.directions.map((direction) => (
          <li key={direction.id}>
            <DirectionLink direction={direction} />
          </li>
        ))}
      </ul>
    </Disclosure>
  )
}
