import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { Button } from '@/components/Button'
import { StatusMessage } from '@/components/StatusMessage'
import { describeError, type DescribedError } from '@/lib/graphqlError'
import { AcceptReportMutation, ApproveReportMutation, ReturnReportMutation, type ReportData } from '../api/operations'
import { offers } from '../model/workflow'
import { Dialog } from '@/components/Dialog'
import { TextAreaField } from './TextAreaField'
import styles from './Reports.module.css'

type Step = 'approve' | 'return' | 'accept'

/**
 * The review steps the server offers the viewer (`availableActions`): the department
 * manager's sign-off (課長確認) or return of a report awaiting them, and a reviewer's
 * acceptance or return. Returning needs a reason; each step is confirmed in a dialog.
 */
export function WorkflowActions({
  report,
  onDone,
}: {
  report: Pick<ReportData, 'id' | 'status' | 'availableActions'>
  onDone: (notice: string) => void
}) {
  const { t } = useTranslation()
  const [step, setStep] = useState<Step | null>(null)
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | null>(null)
  const [comment, setComment] = useState('')
  const [problem, setProblem] = useState<DescribedError | null>(null)
  const [approve, approveReport] = useMutation(ApproveReportMutation)
  const [returning, returnReport] = useMutation(ReturnReportMutation)
  const [accepting, acceptReport] = useMutation(AcceptReportMutation)
  const busy = approve.fetching || returning.fetching || accepting.fetching
  const cancelRef = useRef<HTMLButtonElement>(null)
  const reasonRef = useRef<HTMLTextAreaElement>(null)
  const commentRef = useRef<HTMLTextAreaElement>(null)

  const actions = report.availableActions
  const canApprove = offers(actions, 'APPROVE')
  const canReturn = offers(actions, 'RETURN')
  const canAccept = offers(actions, 'ACCEPT')
  if (!canApprove && !canReturn && !canAccept) return null
  const managerStep = report.status === 'AWAITING_MANAGER'

  const open = (next: Step) => {
    setProblem(null)
    setReasonError(null)
    setStep(next)
  }
  const close = () => {
    setStep(null)
  }

  const run = async () => {
    if (busy || !step) return
    setProblem(null)
    let result
    if (step === 'return') {
      if (reason.trim() === '') {
        setReasonError(t('reports.workflow.reasonRequired'))
        reasonRef.current?.focus()
        return
      }
      result = await returnReport({ id: report.id, reason: reason.trim() })
    } else if (step === 'approve') {
      result = await approveReport({ id: report.id })
    } else {
      result = await acceptReport({ id: report.id, comment: comment.trim() === '' ? null : comment.trim() })
    }
    if (result.error) {
      setProblem(describeError(result.error))
      return
    }
    setStep(null)
    setReason('')
    setComment('')
    onDone(t(`reports.workflow.done.${step}`))
  }

  const dialogTitle = step ? t(`reports.workflow.${step}Title`) : ''
  return (
    <section className={styles.workflow} aria-labelledby="workflow-heading">
      <h2 id="workflow-heading" className={styles.sectionTitleSmall}>
        {managerStep ? t('reports.workflow.managerHeading') : t('reports.workflow.reviewHeading')}
      </h2>
      <p>{managerStep ? t('reports.workflow.managerIntro') : t('reports.workflow.reviewIntro')}</p>
      <div className={styles.actions}>
        {canApprove ? (
          <Button
            onClick={() => {
              open('approve')
            }}
          >
            {t('reports.workflow.approve')}
          </Button>
        ) : null}
        {canAccept ? (
          <Button
            onClick={() => {
              open('accept')
            }}
          >
            {t('reports.workflow.accept')}
          </Button>
        ) : null}
        {canReturn ? (
          <Button
            variant="secondary"
            onClick={() => {
              open('return')
            }}
          >
            {t('reports.workflow.return')}
          </Button>
        ) : null}
      </div>
      <Dialog
        open={step !== null}
        title={dialogTitle}
        initialFocus={step === 'return' ? reasonRef : step === 'accept' ? commentRef : cancelRef}
        onCancel={close}
        actions={
          <>
            <Button variant={step === 'return' ? 'danger' : 'primary'} onClick={() => void run()} aria-disabled={busy || undefined}>
              {busy ? t('reports.workflow.working') : step ? t(`reports.workflow.${step}Confirm`) : ''}
            </Button>
            <Button ref={cancelRef} variant="secondary" onClick={close}>
              {t('form.cancel')}
            </Button>
          </>
        }
      >
        {step ? <p>{t(`reports.workflow.${step}Body`)}</p> : null}
        {problem ? <StatusMessage tone="warning">{problem.message ?? t(`errors.headings.${problem.kind}`)}</StatusMessage> : null}
        {step === 'return' ? (
          <TextAreaField
            id="return-reason"
            ref={reasonRef}
            label={t('reports.workflow.reason')}
            hint={t('reports.workflow.reasonHint')}
            required
            rows={5}
            value={reason}
            error={reasonError}
            onChange={(value) => {
              setReason(value)
              if (value.trim() !== '') setReasonError(null)
            }}
          />
        ) : null}
        {step === 'accept' ? (
          <TextAreaField
            id="accept-comment"
            ref={commentRef}
            label={t('reports.workflow.acceptComment')}
            hint={t('reports.workflow.acceptCommentHint')}
            rows={4}
            value={comment}
            onChange={setComment}
          />
        ) : null}
      </Dialog>
    </section>
  )
}
