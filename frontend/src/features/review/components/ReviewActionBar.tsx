import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { Button } from '@/components/Button'
import { StatusMessage } from '@/components/StatusMessage'
import { describeError } from '@/lib/graphqlError'
import { ReviewAcceptMutation, ReviewApproveMutation, ReviewReturnMutation } from '../api/operations'
import { StepDialog, type ReviewStep } from './StepDialog'
import styles from './Review.module.css'

export interface ReviewActionBarProps {
  /** The report as the page has it: the server says which steps the viewer may take. */
  report: { id: string; status: string; availableActions: readonly string[] }
  /** After a step succeeded (the page may reload the report, or go back to the queue). */
  onDone?: (step: ReviewStep, message: string) => void
  /** The bar's heading level on the page it sits in. */
  headingLevel?: 2 | 3
  /**
   * `panel` (default): a framed section with a heading, an explanation and the message
   * about the step just taken. `inline`: the buttons alone, for a row of a list; `context`
   * then names the report in the buttons and the dialog, and `onDone` tells what happened.
   */
  variant?: 'panel' | 'inline'
  /** Names the report (`1-1-1 学校や地域における福祉教育の充実（社会福祉課）`). */
  context?: string
}

const STEP_ACTION: Record<ReviewStep, string> = { approve: 'APPROVE', accept: 'ACCEPT', return: 'RETURN' }

/**
 * The reviewer's side of a report: the department manager's sign-off (課長確認), and the
 * plan office's or Council coordinator's acceptance or return. Only the steps the server
 * offers (`availableActions`) appear; each is confirmed in a dialog, returning with a
 * required reason, accepting with an optional comment. Renders nothing when no review
 * step is offered, except the message about a step just taken.
 */
export function ReviewActionBar({ report, onDone, headingLevel = 2, variant = 'panel', context }: ReviewActionBarProps) {
  const { t } = useTranslation()
  const [step, setStep] = useState<ReviewStep | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState<{ reportId: string; message: string } | null>(null)
  const [approving, approve] = useMutation(ReviewApproveMutation)
  const [returning, returnReport] = useMutation(ReviewReturnMutation)
  const [accepting, accept] = useMutation(ReviewAcceptMutation)
  const busy = approving.fetching || returning.fetching || accepting.fetching

  const offered = (['approve', 'accept', 'return'] as const).filter((s) => report.availableActions.includes(STEP_ACTION[s]))
  const message = variant === 'panel' && done?.reportId === report.id ? <StatusMessage>{done.message}</StatusMessage> : null
  if (offered.length === 0) return message

  const manager = offered.includes('approve') || report.status === 'AWAITING_MANAGER'
  const Heading = headingLevel === 2 ? 'h2' : 'h3'

  const run = async (text: string) => {
    if (!step || busy) return
    setProblem(null)
    const result =
      step === 'return'
        ? await returnReport({ id: report.id, reason: text })
        : step === 'accept'
          ? await accept({ id: report.id, comment: text === '' ? null : text })
          : await approve({ id: report.id })
    if (result.error) {
      const described = describeError(result.error)
      setProblem(described.message ?? t(`errors.headings.${described.kind}`))
      return
    }
    const notice = t(`review.actions.done.${step}`)
    setDone({ reportId: report.id, message: notice })
    setStep(null)
    onDone?.(step, notice)
  }

  const buttons = offered.map((s) => (
    <Button
      key={s}
      variant={s === 'return' ? 'secondary' : 'primary'}
      className={variant === 'inline' ? styles.smallButton : undefined}
      onClick={() => {
        setProblem(null)
        setStep(s)
      }}
    >
      {t(`review.actions.${s}`)}
      {variant === 'inline' && context ? <span className="visually-hidden">{t('review.actions.context', { report: context })}</span> : null}
    </Button>
  ))
  const dialog = (
    <StepDialog
      key={step ?? 'closed'}
      step={step}
      title={step ? t(`review.actions.${step}Title`) : ''}
      context={context}
      body={step ? t(`review.actions.${step}Body`) : ''}
      confirmLabel={step ? t(`review.actions.${step}Confirm`) : ''}
      busy={busy}
      problem={problem}
      onConfirm={(text) => void run(text)}
      onCancel={() => {
        setStep(null)
      }}
    />
  )

  if (variant === 'inline') {
    return (
      <div className={styles.inlineActions}>
        {buttons}
        {dialog}
      </div>
    )
  }
  return (
    <section className={styles.actionBar} aria-labelledby={`review-actions-${report.id}`}>
      <Heading id={`review-actions-${report.id}`} className={styles.actionBarTitle}>
        {manager ? t('review.actions.headingManager') : t('review.actions.heading')}
      </Heading>
      {message}
      <p>{manager ? t('review.actions.introManager') : t('review.actions.intro')}</p>
      <div className={styles.actions}>{buttons}</div>
      {dialog}
    </section>
  )
}
