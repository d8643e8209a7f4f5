import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '@/components/Button'
import { StatusMessage } from '@/components/StatusMessage'
import type { DescribedError } from '@/lib/graphqlError'
import { WriteAssessmentMutation } from '../api/operations'
import { useAction } from '../hooks/useAction'
import { Problem, TextAreaField } from './parts'
import styles from './Evaluation.module.css'

const FIELDS = { body: 'body' } as const

/**
 * The overall assessment (総括) of the plan (`goalCode` null) or of a goal, and for the
 * plan office a form to write it. An empty text removes it.
 */
export function AssessmentBlock({
  evaluationId,
  goalCode,
  assessment,
  targetName,
  canEdit,
  headingLevel,
}: {
  evaluationId: string
  goalCode: string | null
  assessment: string | null
  /** `計画全体` or `基本目標1`, for the field's label. */
  targetName: string
  canEdit: boolean
  headingLevel: 3 | 4
}) {
  const { t } = useTranslation()
  const id = useId()
  const fieldId = `assessment-${goalCode ?? 'plan'}`
  const Heading = `h${String(headingLevel)}` as 'h3' | 'h4'
  const [editing, setEditing] = useState(false)
  const [text, setText] = useState(assessment ?? '')
  const [fieldError, setFieldError] = useState<string | null>(null)
  const [problem, setProblem] = useState<DescribedError | null>(null)
  const [saved, setSaved] = useState(false)
  const [saving, write] = useAction(WriteAssessmentMutation, FIELDS)
  const openRef = useRef<HTMLButtonElement>(null)
  const returnFocus = useRef(false)

  // Closing the form puts focus back on the button that opened it.
  useEffect(() => {
    if (!editing && returnFocus.current) {
      returnFocus.current = false
      openRef.current?.focus()
    }
  }, [editing])

  const close = () => {
    returnFocus.current = true
    setEditing(false)
  }

  const onSave = async () => {
    setFieldError(null)
    setProblem(null)
    setSaved(false)
    const outcome = await write({ evaluationId, goalCode, body: text })
    if (!outcome.ok) {
      setFieldError(outcome.errors.fields.body ?? null)
      setProblem(outcome.errors.general)
      return
    }
    setSaved(true)
    close()
  }

  return (
    <div className={styles.section}>
      <Heading id={id}>{t('evaluation.assessment.heading')}</Heading>
      {assessment ? <p className={styles.text}>{assessment}</p> : <p className={styles.muted}>{t('evaluation.assessment.none')}</p>}
      {saved ? <StatusMessage>{t('evaluation.assessment.saved', { target: targetName })}</StatusMessage> : null}
      {canEdit && !editing ? (
        <div className={styles.actions}>
          <Button
            ref={openRef}
            variant="secondary"
            aria-describedby={id}
            onClick={() => {
              setText(assessment ?? '')
              setSaved(false)
              setEditing(true)
            }}
          >
            {assessment ? t('evaluation.assessment.edit', { target: targetName }) : t('evaluation.assessment.write', { target: targetName })}
          </Button>
        </div>
      ) : null}
      {canEdit && editing ? (
        <form
          className={styles.inlineForm}
          onSubmit={(event) => {
            event.preventDefault()
            void onSave()
          }}
        >
          <Problem problem={problem} />
          <TextAreaField
            id={fieldId}
            label={t('evaluation.assessment.label', { target: targetName })}
            hint={t('evaluation.assessment.hint')}
            value={text}
            onChange={setText}
            error={fieldError}
            optionalMark={false}
            rows={5}
            autoFocus
          />
          <div className={styles.actions}>
            <Button type="submit" disabled={saving}>
              {t('evaluation.assessment.save')}
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                setProblem(null)
                setFieldError(null)
                close()
              }}
            >
              {t('evaluation.common.close')}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  )
}
