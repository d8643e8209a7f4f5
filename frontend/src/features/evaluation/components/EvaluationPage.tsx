import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { useQuery } from 'urql'
import { Disclosure } from '@/components/Disclosure'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { NotFoundContent } from '@/components/NotFoundContent'
import { Notice } from '@/components/Notice'
import { useSignedInUser } from '@/features/session'
import { fiscalYearOf } from '@/lib/fiscalYear'
import { useDocumentTitle } from '@/lib/useDocumentTitle'
import { useLanguage } from '@/lib/useLanguage'
import { useScrollToHash } from '@/lib/useScrollToHash'
import {
  EVALUATION_TYPENAMES,
  EvaluationPlanQuery,
  EvaluationQuery,
  EvaluationYearsQuery,
  type EvaluationData,
} from '../api/operations'
import { EXPORTS_ANCHOR, goalAnchor, INDICATORS_ANCHOR, OPINIONS_ANCHOR, SUMMARY_ANCHOR } from '../model/anchors'
import { fiscalYearBoth } from '../model/format'
import { abilities, type Abilities } from '../model/permissions'
import { parseFiscalYear, yearLinks } from '../model/years'
import { ActionsPanel } from './ActionsPanel'
import { EvaluationHeader } from './EvaluationHeader'
import { ExportsSection } from './ExportsSection'
import { GoalSection } from './GoalSection'
import { IndicatorsSection } from './IndicatorsSection'
import { OpinionsSection } from './OpinionsSection'
import { SummarySection } from './SummarySection'
import { YearNav } from './YearNav'
import styles from './Evaluation.module.css'

/**
 * `/evaluations/:planCode/:fiscalYear`: a plan year's annual evaluation (年度評価). Open to
 * the public once published (the API answers null for what the reader may not see); the
 * plan office and the committee get their actions on the same page.
 */
export function EvaluationPage() {
  const { planCode = '', fiscalYear: yearParam } = useParams()
  const fiscalYear = parseFiscalYear(yearParam)
  const { t } = useTranslation()
  const language = useLanguage()
  const user = useSignedInUser()
  const context = useMemo(() => ({ additionalTypenames: EVALUATION_TYPENAMES }), [])

  const [planResult, reexecutePlan] = useQuery({ query: EvaluationPlanQuery, variables: { code: planCode } })
  const plan = planResult.data?.plan ?? null
  const inPlan = plan !== null && fiscalYear !== null && fiscalYear >= plan.startFiscalYear && fiscalYear <= plan.endFiscalYear
  const [yearsResult] = useQuery({
    query: EvaluationYearsQuery,
    variables: { planId: plan?.id ?? '' },
    pause: plan === null,
    context,
  })
  const [evaluationResult, reexecuteEvaluation] = useQuery({
    query: EvaluationQuery,
    variables: { planId: plan?.id ?? '', fiscalYear: fiscalYear ?? 0 },
    pause: !inPlan,
    context,
  })
  const evaluation = evaluationResult.data?.annualEvaluation ?? null
  const can = abilities(user, evaluation?.status ?? null)

  const retryPlan = useCallback(() => {
    reexecutePlan({ requestPolicy: 'network-only' })
  }, [reexecutePlan])
  const retryEvaluation = useCallback(() => {
    reexecuteEvaluation({ requestPolicy: 'network-only' })
  }, [reexecuteEvaluation])

  useDocumentTitle(inPlan ? t('evaluation.title', { year: fiscalYearBoth(fiscalYear, language) }) : null)
  useScrollToHash(evaluation !== null)

  if (planResult.error) return <ErrorState error={planResult.error} onRetry={retryPlan} />
  if (!plan) return planResult.fetching || !planResult.data ? <LoadingState /> : <NotFoundContent />
  if (!inPlan) return <NotFoundContent />

  const links = yearLinks(plan, yearsResult.data?.annualEvaluations ?? [], {
    includeUncompiled: abilities(user, null).compile,
    currentFiscalYear: fiscalYearOf(new Date()),
  })

  const loaded = !evaluationResult.error && evaluationResult.data !== undefined
  let notice = null
  if (evaluationResult.error) {
    notice = <ErrorState error={evaluationResult.error} onRetry={retryEvaluation} headingLevel={2} />
  } else if (!loaded) {
    notice = <LoadingState />
  } else if (!evaluation) {
    notice = (
      <NotAvailable
        fiscalYear={fiscalYear}
        signedIn={user !== null}
        anyPublished={links.some((link) => link.status !== null)}
        can={can}
      />
    )
  }

  // Each part keeps its place whether or not the year is compiled, so the actions panel
  // (and the result it announces) stays when compiling brings the evaluation in.
  return (
    <div className={styles.page}>
      <EvaluationHeader plan={plan} fiscalYear={fiscalYear} evaluation={evaluation} />
      <YearNav planCode={plan.code} links={links} current={fiscalYear} />
      {notice}
      {evaluation ? <PageMenu evaluation={evaluation} /> : null}
      {loaded ? <ActionsPanel planId={plan.id} fiscalYear={fiscalYear} evaluation={evaluation} can={can} /> : null}
      {evaluation ? <EvaluationBody evaluation={evaluation} can={can} signedIn={user !== null} /> : null}
    </div>
  )
}

function NotAvailable({
  fiscalYear,
  signedIn,
  anyPublished,
  can,
}: {
  fiscalYear: number
  signedIn: boolean
  anyPublished: boolean
  can: Abilities
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const year = fiscalYearBoth(fiscalYear, language)
  if (can.compile) {
    return (
      <Notice title={t('evaluation.notCompiled.title', { year })}>
        <p>{t('evaluation.notCompiled.body')}</p>
      </Notice>
    )
  }
  return (
    <Notice title={signedIn ? t('evaluation.notAvailable.title', { year }) : t('evaluation.notPublished.title', { year })}>
      <p>{signedIn ? t('evaluation.notAvailable.body') : t('evaluation.notPublished.body')}</p>
      <p>{anyPublished ? t('evaluation.notPublished.otherYears') : t('evaluation.notPublished.noneYet')}</p>
    </Notice>
  )
}

function PageMenu({ evaluation }: { evaluation: EvaluationData }) {
  const { t } = useTranslation()
  return (
    <nav className={styles.toc} aria-label={t('evaluation.onThisPage')}>
      <ul>
        <li>
          <a href={`#${SUMMARY_ANCHOR}`}>{t('evaluation.summary.heading')}</a>
        </li>
        {evaluation.goals.map((goal) => (
          <li key={goal.goal.id}>
            <a href={`#${goalAnchor(goal.goal.code)}`}>{t('evaluation.common.goalLabel', { code: goal.goal.code })}</a>
          </li>
        ))}
        <li>
          <a href={`#${INDICATORS_ANCHOR}`}>{t('evaluation.indicators.heading')}</a>
        </li>
        <li>
          <a href={`#${OPINIONS_ANCHOR}`}>{t('evaluation.opinions.heading')}</a>
        </li>
        <li>
          <a href={`#${EXPORTS_ANCHOR}`}>{t('evaluation.exports.heading')}</a>
        </li>
      </ul>
    </nav>
  )
}

function EvaluationBody({ evaluation, can, signedIn }: { evaluation: EvaluationData; can: Abilities; signedIn: boolean }) {
  const { t } = useTranslation()
  const [ruleOpen, setRuleOpen] = useState(false)
  return (
    <>
      <SummarySection evaluation={evaluation} can={can} />
      {evaluation.goals.map((goal) => (
        <GoalSection key={goal.goal.id} evaluationId={evaluation.id} goal={goal} can={can} />
      ))}
      <IndicatorsSection evaluation={evaluation} can={can} />
      <OpinionsSection evaluation={evaluation} can={can} />
      <Disclosure level={2} title={t('evaluation.ratingRule.heading')} open={ruleOpen} onOpenChange={setRuleOpen}>
        <p className={styles.text}>{evaluation.ratingRule}</p>
      </Disclosure>
      <ExportsSection evaluationId={evaluation.id} fiscalYear={evaluation.fiscalYear} signedIn={signedIn} />
    </>
  )
}
