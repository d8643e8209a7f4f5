import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '@/components/Button'
import { StatusMessage } from '@/components/StatusMessage'
import type { DescribedError } from '@/lib/graphqlError'
import { useLanguage } from '@/lib/useLanguage'
import {
  CompileEvaluationMutation,
  FinalizeEvaluationMutation,
  PublishEvaluationMutation,
  StartCommitteeReviewMutation,
  type EvaluationData,
} from '../api/operations'
import { useAction } from '../hooks/useAction'
import { fiscalYearBoth, missingReportCount } from '../model/format'
import type { Abilities } from '../model/permissions'
import { Dialog } from '@/components/Dialog'
import { Problem } from './parts'
import styles from './Evaluation.module.css'

type Step = 'startReview' | 'finalize' | 'publish'

/**
 * The plan office's steps: compile (again), hand to the committee, finalise (confirmed:
 * it locks every report of the year), publish. Each step's result is announced.
 */
export function ActionsPanel({
  planId,
  fiscalYear,
  evaluation,
  can,
}: {
  planId: string
  fiscalYear: number
  evaluation: EvaluationData | null
  can: Abilities
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [compiling, compile] = useAction(CompileEvaluationMutation)
  const [starting, startReview] = useAction(StartCommitteeReviewMutation)
  const [finalizing, finalize] = useAction(FinalizeEvaluationMutation)
  const [publishing, publish] = useAction(PublishEvaluationMutation)
  const [message, setMessage] = useState<string | null>(null)
  const [problem, setProblem] = useState<DescribedError | null>(null)
  const [confirming, setConfirming] = useState<Step | null>(null)
  const cancelRef = useRef<HTMLButtonElement>(null)
  const busy = compiling || starting || finalizing || publishing

  // After the last step (publishing) no action is left, but its result is still shown.
  const anyAction = can.compile || can.startReview || can.finalize || can.publish
  if (!anyAction && message === null && problem === null) return null

  const onCompile = async () => {
    setMessage(null)
    setProblem(null)
    const outcome = await compile({ planId, fiscalYear })
    if (!outcome.ok) {
      setProblem(outcome.errors.general)
      return
    }
    const compiled = outcome.data.compileAnnualEvaluation
    setMessage(
      t('evaluation.actions.compiled', {
        rated: compiled.ratingCounts.total,
        unrated: compiled.ratingCounts.unrated,
        missing: missingReportCount(compiled),
      }),
    )
  }

  const onConfirm = async () => {
    if (!evaluation || !confirming) return
    setMessage(null)
    setProblem(null)
    const run = confirming === 'startReview' ? startReview : confirming === 'finalize' ? finalize : publish
    const outcome = await run({ evaluationId: evaluation.id })
    const step = confirming
    setConfirming(null)
    if (!outcome.ok) {
      setProblem(outcome.errors.general)
      return
    }
    setMessage(t(`evaluation.actions.${step}Done`))
  }

  const year = fiscalYearBoth(fiscalYear, language)
  return (
    <section className={styles.panel} aria-labelledby="evaluation-actions-heading">
      <h2 id="evaluation-actions-heading">{t('evaluation.actions.heading')}</h2>
      {can.compile ? <p>{t('evaluation.actions.compileHint')}</p> : null}
      <div className={styles.actions}>
        {can.compile ? (
          <Button variant={evaluation ? 'secondary' : 'primary'} disabled={busy} onClick={() => void onCompile()}>
            {evaluation ? t('evaluation.actions.recompile') : t('evaluation.actions.compile')}
          </Button>
        ) : null}
        {can.startReview ? (
          <Button disabled={busy} onClick={() => { setConfirming('startReview'); }}>
            {t('evaluation.actions.startReview')}
          </Button>
        ) : null}
        {can.finalize ? (
          <Button disabled={busy} onClick={() => { setConfirming('finalize'); }}>
            {t('evaluation.actions.finalize')}
          </Button>
        ) : null}
        {can.publish ? (
          <Button disabled={busy} onClick={() => { setConfirming('publish'); }}>
            {t('evaluation.actions.publish')}
          </Button>
        ) : null}
      </div>
      {busy ? (
        <p role="status" className={styles.muted}>
          {t('evaluation.actions.working')}
        </p>
      ) : null}
      {message ? <StatusMessage>{message}</StatusMessage> : null}
      <Problem problem={problem} />
      <Dialog
        open={confirming !== null}
        title={confirming ? t(`evaluation.actions.${confirming}Title`, { year }) : ''}
        initialFocus={cancelRef}
        onCancel={() => { setConfirming(null); }}
        actions={
          <>
            <Button variant={confirming === 'finalize' ? 'danger' : 'primary'} disabled={busy} onClick={() => void onConfirm()}>
              {confirming ? t(`evaluation.actions.${confirming}Confirm`) : ''}
            </Button>
            <Button ref={cancelRef} variant="secondary" onClick={() => { setConfirming(null); }}>
              {t('evaluation.actions.cancel')}
            </Button>
          </>
        }
      >
        {confirming ? <p>{t(`evaluation.actions.${confirming}Body`, { year })}</p> : null}
      </Dialog>
    </section>
  )
}
