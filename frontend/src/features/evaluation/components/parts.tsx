/** Small pieces of the evaluation page: rating, status, change, problem, multi-line field. */
import type { Ref, TextareaHTMLAttributes } from 'react'
import { useTranslation } from 'react-i18next'
import { controlAria } from '@/components/form/fieldIds'
import { FieldShell, type FieldFrame } from '@/components/form/FieldShell'
import { formStyles } from '@/components/form'
import { cx } from '@/lib/cx'
import type { DescribedError } from '@/lib/graphqlError'
import { useLanguage } from '@/lib/useLanguage'
import type { YearOverYearData } from '../api/operations'
import { EVALUATION_STATUSES, isRating, shareChange } from '../model/format'
import styles from './Evaluation.module.css'

/** A rating as a letter in a coloured square and its name in words: `B 概ね達成`. */
export function RatingBadge({ rating }: { rating: string | null | undefined }) {
  const { t } = useTranslation()
  if (!isRating(rating)) {
    return (
      <span className={styles.rating}>
        <span className={cx(styles.ratingLetter, styles.ratingNone)} aria-hidden="true">
          –
        </span>
        {t('evaluation.ratings.none')}
      </span>
    )
  }
  return (
    <span className={styles.rating}>
      <span className={cx(styles.ratingLetter, styles[`rating${rating}`])}>{rating}</span>
      <span>{t(`evaluation.ratings.${rating}`)}</span>
    </span>
  )
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation()
  const known = EVALUATION_STATUSES.find((s) => s === status)
  return (
    <span className={cx(styles.badge, known && styles[`status${known}`])}>
      {known ? t(`evaluation.status.${known}`) : status}
    </span>
  )
}

/** ▲ 6.9ポイント上昇 / ▼ 2.0ポイント低下 / ― 変化なし; or why there is no comparison. */
export function ShareChange({ yoy }: { yoy: YearOverYearData }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const described = shareChange(yoy.change, language)
  if (!described) {
    const why = yoy.previousShareAOrB === null ? t('evaluation.summary.yoyNone') : t('evaluation.summary.yoyNoneNow')
    return <span className={styles.muted}>{why}</span>
  }
  const words =
    described.direction === 'up'
      ? t('evaluation.summary.yoyUp', { points: described.points })
      : described.direction === 'down'
        ? t('evaluation.summary.yoyDown', { points: described.points })
        : t('evaluation.summary.yoySame')
  return (
    <span className={cx(styles.change, styles[`change${described.direction}`])}>
      <span aria-hidden="true">{described.mark}</span>
      <span>{words}</span>
    </span>
  )
}

/** What went wrong with an action: a heading by the error's kind and the server's message. */
export function Problem({ problem }: { problem: DescribedError | null }) {
  const { t } = useTranslation()
  if (!problem) return null
  return (
    <div role="alert" className={styles.problem}>
      <p className={styles.problemTitle}>{t(`errors.headings.${problem.kind}`)}</p>
      <p>{problem.message ?? (problem.kind === 'NETWORK' ? t('errors.networkMessage') : t('errors.genericMessage'))}</p>
    </div>
  )
}

export interface TextAreaFieldProps
  extends FieldFrame,
    Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange' | 'className'> {
  value: string
  onChange: (value: string) => void
  ref?: Ref<HTMLTextAreaElement>
}

/** A labelled multi-line field with its hint and error (the shared field frame). */
export function TextAreaField({
  id,
  label,
  value,
  onChange,
  hint,
  error,
  required = false,
  optionalMark,
  className,
  rows = 4,
  ref,
  ...textarea
}: TextAreaFieldProps) {
  const frame = { id, label, hint, error, required, optionalMark, className }
  return (
    <FieldShell {...frame}>
      <textarea
        {...textarea}
        ref={ref}
        id={id}
        name={textarea.name ?? id}
        rows={rows}
        className={cx(formStyles.input, styles.textarea)}
        value={value}
        onChange={(event) => {
          onChange(event.target.value)
        }}
        {...controlAria(frame)}
      />
    </FieldShell>
  )
}
