import { useCallback, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useQuery } from 'urql'
import { BilingualName } from '@/components/BilingualName'
import { Notice } from '@/components/Notice'
import { EvaluationStatusText } from '@/components/RatingBadge'
import { isEvaluationStatus } from '@/components/ratings'
import { fiscalYearBoth, usePlans } from '@/features/plan'
import { fiscalYearOf } from '@/lib/fiscalYear'
import { useLanguage } from '@/lib/useLanguage'
import { HomeEvaluationsQuery } from '../api/operations'
import { evaluationsInCommittee, evaluationToWatch, plansToWatch, type EvaluationLike } from '../model/todo'
import { Block, BlockData } from './Block'
import styles from './HomePage.module.css'

interface PlanRef {
  id: string
  code: string
  nameJa: string
  nameEn: string
  startFiscalYear: number
  endFiscalYear: number
}

function evaluationPath(planCode: string, fiscalYear: number): string {
  return `/evaluations/${encodeURIComponent(planCode)}/${String(fiscalYear)}`
}

/** For committee members: the evaluations before the committee (審議中の評価), linking to each. */
export function CommitteeBlock() {
  const { t } = useTranslation()
  return (
    <Block id="home-committee" title={t('home.committee.heading')}>
      <WatchedPlans>
        {(plan) => (
          <PlanEvaluations plan={plan}>{(evaluations) => <InCommittee plan={plan} evaluations={evaluations} />}</PlanEvaluations>
        )}
      </WatchedPlans>
    </Block>
  )
}

/** For the plan office: the evaluation of the year it is on, and where that stands. */
export function OfficeEvaluationBlock() {
  const { t } = useTranslation()
  return (
    <Block id="home-evaluation" title={t('home.evaluation.heading')}>
      <WatchedPlans>
        {(plan) => (
          <PlanEvaluations plan={plan}>{(evaluations) => <YearEvaluation plan={plan} evaluations={evaluations} />}</PlanEvaluations>
        )}
      </WatchedPlans>
    </Block>
  )
}

/** The plans whose evaluations matter this year; each one named when there are several. */
function WatchedPlans({ children }: { children: (plan: PlanRef) => ReactNode }) {
  const { t } = useTranslation()
  const [result, reexecute] = usePlans()
  const retry = useCallback(() => {
    reexecute({ requestPolicy: 'network-only' })
  }, [reexecute])
  return (
    <BlockData data={result.data?.plans} error={result.error} retry={retry}>
      {(plans) => {
        const watched = plansToWatch(plans)
        const [only] = watched
        if (!only) return <Notice>{t('home.noPlan')}</Notice>
        if (watched.length === 1) return children(only)
        return (
          <ul className={styles.plans}>
            {watched.map((plan) => (
              <li key={plan.id} className={styles.plan}>
                <h3 className={styles.planName}>
                  <BilingualName ja={plan.nameJa} en={plan.nameEn} />
                </h3>
                {children(plan)}
              </li>
            ))}
          </ul>
        )
      }}
    </BlockData>
  )
}

/** One plan's evaluations the viewer may read, loaded on their own. */
function PlanEvaluations({ plan, children }: { plan: PlanRef; children: (evaluations: readonly EvaluationLike[]) => ReactNode }) {
  const [result, reexecute] = useQuery({
    query: HomeEvaluationsQuery,
    variables: { planId: plan.id },
    requestPolicy: 'cache-and-network',
  })
  const retry = useCallback(() => {
    reexecute({ requestPolicy: 'network-only' })
  }, [reexecute])
  return (
    <BlockData data={result.data?.annualEvaluations} error={result.error} retry={retry}>
      {children}
    </BlockData>
  )
}

function InCommittee({ plan, evaluations }: { plan: PlanRef; evaluations: readonly EvaluationLike[] }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const shown = evaluationsInCommittee(evaluations)
  if (shown.length === 0) {
    return (
      <Notice title={t('home.committee.emptyTitle')}>
        <p>{t('home.committee.emptyBody')}</p>
      </Notice>
    )
  }
  return (
    <>
      <p className={styles.summary}>{t('home.committee.summary', { count: shown.length })}</p>
      <ul className={styles.items}>
        {shown.map((evaluation) => (
          <li key={evaluation.fiscalYear} className={styles.item}>
            <p className={styles.itemTitle}>
              <Link to={evaluationPath(plan.code, evaluation.fiscalYear)}>
                {t('home.evaluation.ofYear', { year: fiscalYearBoth(evaluation.fiscalYear, language) })}
              </Link>
            </p>
            <p className={styles.meta}>
              <EvaluationStatusText status={evaluation.status} />
            </p>
          </li>
        ))}
      </ul>
    </>
  )
}

function YearEvaluation({ plan, evaluations }: { plan: PlanRef; evaluations: readonly EvaluationLike[] }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const watch = evaluationToWatch(plan, evaluations, fiscalYearOf(new Date()))
  if (!watch) {
    return (
      <Notice title={t('home.evaluation.notYetTitle')}>
        <p>{t('home.evaluation.notYetBody', { year: fiscalYearBoth(plan.startFiscalYear, language) })}</p>
      </Notice>
    )
  }
  const year = fiscalYearBoth(watch.fiscalYear, language)
  const path = evaluationPath(plan.code, watch.fiscalYear)
  if (watch.status === null) {
    return (
      <>
        <p className={styles.summary}>{t('home.evaluation.notCompiled', { year })}</p>
        {watch.previous ? (
          <p>
            {t('home.evaluation.previous', { year: fiscalYearBoth(watch.previous.fiscalYear, language) })}
            <EvaluationStatusText status={watch.previous.status} />
          </p>
        ) : null}
        <p>
          <Link to={path} className={styles.primaryLink}>
            {t('home.evaluation.compile', { year })}
          </Link>
        </p>
      </>
    )
  }
  return (
    <>
      <p className={styles.summary}>
        {t('home.evaluation.yearStatus', { year })}
        <EvaluationStatusText status={watch.status} />
      </p>
      {isEvaluationStatus(watch.status) ? <p>{t(`home.evaluation.next.${watch.status}`)}</p> : null}
      <p>
        <Link to={path} className={styles.primaryLink}>
          {t('home.evaluation.open', { year })}
        </Link>
      </p>
    </>
  )
}
