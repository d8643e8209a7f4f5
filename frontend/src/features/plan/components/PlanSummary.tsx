import { useTranslation } from 'react-i18next'
import { BilingualName } from '@/components/BilingualName'
import { type FragmentType, getFragmentData, graphql } from '@/gql'
import { fiscalPeriodLabel } from '@/lib/fiscalYear'
import { useLanguage } from '@/lib/useLanguage'
import styles from './PlanSummary.module.css'

const PlanSummaryFragment = graphql(`
  fragment PlanSummary_plan on Plan {
    nameJa
    nameEn
    startFiscalYear
    endFiscalYear
    philosophyJa
    philosophyEn
    sloganJa
    sloganEn
  }
`)

/** The plan's title, period, basic philosophy (基本理念) and slogan. */
export function PlanSummary(props: { plan: FragmentType<typeof PlanSummaryFragment> }) {
  const plan = getFragmentData(PlanSummaryFragment, props.plan)
  const { t } = useTranslation()
  const language = useLanguage()
  return (
    <div className={styles.summary}>
      <h1 className={styles.title}>
        <BilingualName ja={plan.nameJa} en={plan.nameEn} stacked />
      </h1>
      <dl className={styles.facts}>
        <div className={styles.fact}>
          <dt>{t('plan.period')}</dt>
          <dd className="tabular">{fiscalPeriodLabel(plan.startFiscalYear, plan.endFiscalYear, language)}</dd>
        </div>
        <div className={styles.fact}>
          <dt>{t('plan.philosophy')}</dt>
          <dd>
            <BilingualName ja={plan.philosophyJa} en={plan.philosophyEn} stacked className={styles.philosophy} />
          </dd>
        </div>
        {plan.sloganJa ? (
          <div className={styles.fact}>
            <dt>{t('plan.slogan')}</dt>
            <dd>
              <BilingualName ja={plan.sloganJa} en={plan.sloganEn} stacked className={styles.slogan} />
            </dd>
          </div>
        ) : null}
      </dl>
    </div>
  )
}
