import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { BilingualName } from '@/components/BilingualName'
import { useShownPlan } from '../hooks/useShownPlan'
import { INDICATORS_ANCHOR, planPath } from './anchors'
import styles from './PlanHeaderInfo.module.css'

/** The name of the plan being viewed, for the site header. */
export function CurrentPlanName() {
  const { t } = useTranslation()
  const plan = useShownPlan({ exact: true })
  if (!plan) return null
  return (
    <p className={styles.planName}>
      <span className="visually-hidden">{t('app.currentPlan')}: </span>
      <BilingualName ja={plan.nameJa} en={plan.nameEn} />
    </p>
  )
}

/** The header's links into the plan being viewed: its structure and its indicators. */
export function PlanNavLinks({ linkClassName }: { linkClassName?: string }) {
  const { t } = useTranslation()
  const plan = useShownPlan()
  const { pathname, hash } = useLocation()
  if (!plan) return null
  const path = planPath(plan.code)
  const onPlanPage = pathname === path
  const onIndicators = onPlanPage && hash === `#${INDICATORS_ANCHOR}`
  return (
    <>
      <li>
        <Link
          to={path}
          className={linkClassName}
          aria-current={onPlanPage && !onIndicators ? 'page' : undefined}
        >
          {t('nav.structure')}
        </Link>
      </li>
      <li>
        <Link
          to={planPath(plan.code, INDICATORS_ANCHOR)}
          className={linkClassName}
          aria-current={onIndicators ? 'location' : undefined}
        >
          {t('nav.indicators')}
        </Link>
      </li>
    </>
  )
}
