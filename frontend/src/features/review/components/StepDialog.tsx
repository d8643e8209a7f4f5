import { useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '@/components/Button'
import { StatusMessage } from '@/components/StatusMessage'
import { Dialog } from '@/components/Dialog'
import { TextAreaField } from './TextAreaField'
import styles from './Review.module.css'

export type ReviewStep = 'approve' | 'accept' | 'return'

/**
 * Confirms a review step. Returning asks for the reason (required: it reaches the writers
 * and opens a comment thread); accepting offers an optional comment; the manager's
 * sign-off asks nothing more. `problem` is the server's refusal, shown in the dialog.
 */
export function StepDialog({
  step,
  title,
  context,
  body,
  confirmLabel,
  busy,
  problem,
  onConfirm,
  onCancel,
}: {
  step: ReviewStep | null
  title: string
  /** Names the report the step is about, when the page around does not. */
  context?: string
  body: string
  confirmLabel: string
  busy: boolean
  problem: string | null
  onConfirm: (text: string) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const textRef = useRef<HTMLTextAreaElement>(null)
  const cancelRef = useRef<HTMLButtonElement>(null)
  const fieldId = useId()

  const confirm = () => {
    if (busy) return
    if (step === 'return' && text.trim() === '') {
      setError(t('review.dialog.reasonRequired'))
      textRef.current?.focus()
      return
    }
    onConfirm(text.trim())
  }
  const cancel = () => {
    setError(null)
    onCancel()
  }

  return (
    <Dialog
      open={step !== null}
      title={title}
      initialFocus={step === 'approve' ? cancelRef : textRef}
      onCancel={cancel}
      actions={
        <>
          <Button variant={step === 'return' ? 'danger' : 'primary'} onClick={confirm} aria-disabled={busy || undefined}>
            {busy ? t('review.dialog.working') : confirmLabel}
          </Button>
          <Button ref={cancelRef} variant="secondary" onClick={cancel}>
            {t('form.cancel')}
          </Button>
        </>
      }
    >
      {context ? <p className={styles.dialogContext}>{context}</p> : null}
      <p>{body}</p>
      {problem ? <StatusMessage tone="warning">{problem}</StatusMessage> : null}
      {step === 'return' ? (
        <TextAreaField
          id={`${fieldId}-reason`}
          ref={textRef}
          label={t('review.dialog.reason')}
          hint={t('review.dialog.reasonHint')}
          required
          rows={5}
          value={text}
          error={error}
          onChange={(value) => {
            setText(value)
            if (value.trim() !== '') setError(null)
          }}
        />
      ) : null}
      {step === 'accept' ? (
        <TextAreaField
          id={`${fieldId}-comment`}
          ref={textRef}
          label={t('review.dialog.comment')}
          hint={t('review.dialog.commentHint')}
          rows={4}
          value={text}
          onChange={setText}
        />
      ) : null}
    </Dialog>
  )
}
