import { useTranslation } from 'react-i18next'
import { BilingualName } from '@/components/BilingualName'
import { Disclosure } from '@/components/Disclosure'
import { type FragmentType, getFragmentData, graphql } from '@/gql'
import { PolicyNode } from './PolicyNode'
import { goalAnchor } from './anchors'
import styles from './PlanTree.module.css'

const GoalNodeFragment = graphql(`
  fragment GoalNode_goal on Goal {
    id
    code
    nameJa
    nameEn
    policies {
      id
      ...PolicyNode_policy
    }
  }
`)

/** A basic goal (基本目標) with its basic policies, collapsible. */
export function GoalNode(props: {
  goal: FragmentType<typeof GoalNodeFragment>
  isOpen: (id: string) => boolean
  setOpen: (id: string, open: boolean) => void
}) {
  const goal = getFragmentData(GoalNodeFragment, props.goal)
  const { t } = useTranslation()
  const { isOpen, setOpen } = props
  return (
    <Disclosure
      level={3}
      className={styles.goal}
      id={goalAnchor(goal.code)}
      open={isOpen(goal.id)}
      onOpenChange={(open) => {
        setOpen(goal.id, open)
      }}
      title={
        <>
          <span className={styles.goalLabel}>{t('plan.goalLabel', { code: goal.code })}</span>{' '}
          <BilingualName ja={goal.nameJa} en={goal.nameEn} />
        </>
      }
    >
      <ul className={styles.policies}>
        {goal.policies.map((policy) => (
          <li key={policy.id}>
            <PolicyNode
              policy={policy}
              open={isOpen(policy.id)}
              onOpenChange={(open) => {
                setOpen(policy.id, open)
              }}
            />
          </li>
        ))}
      </ul>
    </Disclosure>
  )
}
