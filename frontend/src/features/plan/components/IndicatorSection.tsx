import { useTranslation } from 'react-i18next'
import { BilingualName } from '@/components/BilingualName'
import { Notice } from '@/components/Notice'
import { type FragmentType, getFragmentData, graphql } from '@/gql'
import { observedFiscalYears } from '@/lib/indicatorValue'
import { IndicatorTable } from './IndicatorTable'
import styles from './IndicatorTable.module.css'

const IndicatorSectionFragment = graphql(`
  fragment IndicatorSection_plan on Plan {
    goals {
      id
      code
      nameJa
      nameEn
    }
    indicators {
      id
      goal {
        id
      }
      values {
        fiscalYear
      }
      ...IndicatorRow_indicator
    }
  }
`)

/** The target indicators (成果指標): a table per basic goal, then one for the whole plan. */
export function IndicatorSection(props: {
  plan: FragmentType<typeof IndicatorSectionFragment>
  headingId: string
}) {
  const plan = getFragmentData(IndicatorSectionFragment, props.plan)
  const { t } = useTranslation()

  const goalGroups = plan.goals
    .map((goal) => ({ goal, indicators: plan.indicators.filter((i) => i.goal?.id === goal.id) }))
    .filter((group) => group.indicators.length > 0)
  const wholePlan = plan.indicators.filter((i) => !i.goal)

  return (
    <section className={styles.section} aria-labelledby={props.headingId}>
      <h2 id={props.headingId}>{t('indicators.heading')}</h2>
      <p className={styles.intro}>{t('indicators.intro')}</p>
      <p className={styles.intro}>{t('plan.progress.explain')}</p>
      {plan.indicators.length === 0 ? <Notice>{t('indicators.none')}</Notice> : null}
      {goalGroups.map(({ goal, indicators }) => {
        const headingText = t('indicators.goalHeading', { code: goal.code })
        return (
          <IndicatorTable
            key={goal.id}
            headingText={headingText}
            heading={
              <h3 className={styles.groupHeading}>
                {headingText}
                <BilingualName ja={goal.nameJa} en={goal.nameEn} className={styles.goalName} />
              </h3>
            }
            years={observedFiscalYears(indicators)}
            indicators={indicators.map((i) => ({ id: i.id, ref: i }))}
          />
        )
      })}
      {wholePlan.length > 0 ? (
        <IndicatorTable
          headingText={t('indicators.wholePlanHeading')}
          heading={<h3 className={styles.groupHeading}>{t('indicators.wholePlanHeading')}</h3>}
          years={observedFiscalYears(wholePlan)}
          indicators={wholePlan.map((i) => ({ id: i.id, ref: i }))}
        />
      ) : null}
    </section>
  )
}
