import { useTranslation } from 'react-i18next'
import { BilingualName } from '@/components/BilingualName'
import { cx } from '@/lib/cx'
import { formatJapanTime } from '@/lib/japanTime'
import { useLanguage } from '@/lib/useLanguage'
import type { EvaluationData } from '../api/operations'
import { EVALUATION_STATUSES, fiscalYearBoth, statusStep } from '../model/format'
import { StatusBadge } from './parts'
import styles from './Evaluation.module.css'

export interface PlanHeading {
  nameJa: string
  nameEn: string
}

/** The page's `h1` (the year in 令和 and Western form), the plan, and where the evaluation is. */
export function EvaluationHeader({
  plan,
  fiscalYear,
  evaluation,
}: {
  plan: PlanHeading
  fiscalYear: number
  evaluation: Pick<EvaluationData, 'status' | 'compiledAt' | 'finalizedAt' | 'publishedAt'> | null
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const current = evaluation ? statusStep(evaluation.status) : -1
  const dates = evaluation
    ? ([
        ['compiled', evaluation.compiledAt],
        ['finalized', evaluation.finalizedAt],
        ['published', evaluation.publishedAt],
      ] as const)
    : []
  return (
    <header className={styles.header}>
      <p className={styles.planName}>
        <BilingualName ja={plan.nameJa} en={plan.nameEn} />
      </p>
      <h1>{t('evaluation.title', { year: fiscalYearBoth(fiscalYear, language) })}</h1>
      {evaluation ? (
        <div className={styles.statusRow}>
          <p>
            {t('evaluation.status.label')}: <StatusBadge status={evaluation.status} />
          </p>
          <ol className={styles.steps} aria-label={t('evaluation.status.stepsLabel')}>
            {EVALUATION_STATUSES.map((status, index) => {
              const state = index < current ? 'done' : index === current ? 'current' : 'upcoming'
              return (
                <li
                  key={status}
                  className={cx(styles.step, state === 'done' && styles.stepDone, state === 'current' && styles.stepCurrent)}
                  aria-current={state === 'current' ? 'step' : undefined}
                >
                  {t(`evaluation.status.${status}`)}
                  <span className="visually-hidden">（{t(`evaluation.status.${state}`)}）</span>
                </li>
              )
            })}
          </ol>
        </div>
      ) : null}
      {dates.some(([, value]) => value) ? (
        <dl className={styles.dates}>
          {dates.map(([key, value]) =>
            value ? (
              <div key={key}>
                <dt>{t(`evaluation.dates.${key}`)}</dt>
                <dd>
                  <time dateTime={value}>{formatJapanTime(value, language)}</time>
                </dd>
              </div>
            ) : null,
          )}
        </dl>
      ) : null}
    </header>
  )
}
