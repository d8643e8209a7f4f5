import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { RatingLegend } from '@/components/RatingBadge'
import { type FragmentType, getFragmentData, graphql } from '@/gql'
import { GoalNode } from './GoalNode'
import styles from './PlanTree.module.css'

const PlanTreeFragment = graphql(`
  fragment PlanTree_plan on Plan {
    goals {
      id
      policies {
        id
      }
      ...GoalNode_goal
    }
  }
`)

/**
 * The plan's structure: basic goals → basic policies → policy directions.
 * Everything starts expanded; each level can be collapsed, or all at once.
 */
export function PlanTree(props: { plan: FragmentType<typeof PlanTreeFragment>; headingId: string }) {
  const plan = getFragmentData(PlanTreeFragment, props.plan)
  const { t } = useTranslation()
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set())

  const allIds = useMemo(
    () => plan.goals.flatMap((goal) => [goal.id, ...goal.policies.map((policy) => policy.id)]),
    [plan.goals],
  )
  const isOpen = useCallback((id: string) => !collapsed.has(id), [collapsed])
  const setOpen = useCallback((id: string, open: boolean) => {
    setCollapsed((previous) => {
      const next = new Set(previous)
      if (open) next.delete(id)
      else next.add(id)
      return next
    })
  }, [])

  const allOpen = collapsed.size === 0
  const allClosed = allIds.every((id) => collapsed.has(id))

  return (
    <section className={styles.tree} aria-labelledby={props.headingId}>
      <div className={styles.treeHeader}>
        <h2 id={props.headingId}>{t('plan.structureHeading')}</h2>
        <div className={styles.treeActions}>
          <button
            type="button"
            className={styles.action}
            disabled={allOpen}
            onClick={() => {
              setCollapsed(new Set())
            }}
          >
            {t('plan.expandAll')}
          </button>
          <button
            type="button"
            className={styles.action}
            disabled={allClosed}
            onClick={() => {
              setCollapsed(new Set(allIds))
            }}
          >
            {t('plan.collapseAll')}
          </button>
        </div>
      </div>
      <p className={styles.intro}>{t('plan.structureIntro')}</p>
      <RatingLegend title={t('rating.legend')}>
        <p className={styles.legendNote}>{t('plan.rating.legendNote')}</p>
      </RatingLegend>
      <ul className={styles.goals}>
        {plan.goals.map((goal) => (
          <li key={goal.id}>
            <GoalNode goal={goal} isOpen={isOpen} setOpen={setOpen} />
          </li>
        ))}
      </ul>
    </section>
  )
}
