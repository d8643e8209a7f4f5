import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '@/components/Button'
import { RadioGroup } from '@/components/form'
import type { DescribedError } from '@/lib/graphqlError'
import { OverrideRatingMutation, type DirectionData } from '../api/operations'
import { useAction } from '../hooks/useAction'
import { useRatingText } from '../hooks/useRatingText'
import { isRating, RATINGS, type Rating } from '../model/format'
import { Dialog } from '@/components/Dialog'
import { Problem, TextAreaField } from './parts'

const FIELDS = { reason: 'reason', rating: 'rating' } as const

/**
 * Replaces a direction's proposed rating (plan office). The reason is required: the
 * committee and, once published, residents read it. Checked here first, then by the server.
 */
export function OverrideDialog({
  evaluationId,
  row,
  onClose,
  onDone,
}: {
  evaluationId: string
  /** The direction being changed; null keeps the dialog closed. */
  row: DirectionData | null
  onClose: () => void
  onDone: (message: string) => void
}) {
  const { t } = useTranslation()
  const ratingText = useRatingText()
  const [rating, setRating] = useState<Rating | ''>('')
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<{ rating?: string; reason?: string }>({})
  const [problem, setProblem] = useState<DescribedError | null>(null)
  const [saving, override] = useAction(OverrideRatingMutation, FIELDS)
  const firstRef = useRef<HTMLDivElement>(null)
  const [shownFor, setShownFor] = useState<string | null>(null)

  // A new direction opens with its current rating and reason.
  const rowKey = row?.direction.id ?? null
  if (rowKey !== shownFor) {
    setShownFor(rowKey)
    setRating(isRating(row?.rating) ? row.rating : '')
    setReason(row?.overrideReason ?? '')
    setErrors({})
    setProblem(null)
  }

  const onSubmit = async () => {
    if (!row) return
    const found: { rating?: string; reason?: string } = {}
    if (rating === '') found.rating = t('evaluation.override.ratingRequired')
    if (reason.trim() === '') found.reason = t('evaluation.override.reasonRequired')
    setErrors(found)
    setProblem(null)
    if (rating === '' || found.reason) return
    const outcome = await override({ evaluationId, directionId: row.direction.id, rating, reason })
    if (!outcome.ok) {
      setErrors(outcome.errors.fields)
      setProblem(outcome.errors.general)
      return
    }
    onDone(t('evaluation.override.saved', { code: row.direction.code, rating: ratingText(rating) }))
  }

  return (
    <Dialog
      open={row !== null}
      title={row ? t('evaluation.override.title', { code: row.direction.code }) : ''}
      initialFocus={firstRef}
      onCancel={onClose}
      actions={
        <>
          <Button type="submit" form="override-form" disabled={saving}>
            {t('evaluation.override.submit')}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('evaluation.common.cancel')}
          </Button>
        </>
      }
    >
      {row ? (
        <form
          id="override-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            void onSubmit()
          }}
        >
          <div ref={firstRef} tabIndex={-1}>
            <p lang="ja">
              {row.direction.code} {row.direction.nameJa}
            </p>
            <p>{t('evaluation.override.intro', { proposed: ratingText(row.proposedRating) })}</p>
          </div>
          <Problem problem={problem} />
          <RadioGroup<Rating | ''>
            id="override-rating"
            legend={t('evaluation.override.rating')}
            required
            value={rating}
            onChange={setRating}
            error={errors.rating}
            choices={RATINGS.map((value) => ({ value, label: ratingText(value) }))}
          />
          <TextAreaField
            id="override-reason"
            label={t('evaluation.override.reason')}
            hint={t('evaluation.override.reasonHint')}
            required
            value={reason}
            onChange={setReason}
            error={errors.reason}
          />
        </form>
      ) : null}
    </Dialog>
  )
}
