import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '@/components/Button'
import { TextField } from '@/components/form'
import { StatusMessage } from '@/components/StatusMessage'
import { fiscalYearLabel } from '@/lib/fiscalYear'
import type { DescribedError } from '@/lib/graphqlError'
import { useLanguage } from '@/lib/useLanguage'
import { RecordIndicatorValueMutation } from '../api/operations'
import { useAction } from '../hooks/useAction'
import { parseNumberInput } from '../model/numberInput'
import { Problem } from './parts'
import styles from './Evaluation.module.css'

const FIELDS = { value: 'value', source: 'source', note: 'note' } as const
type Field = (typeof FIELDS)[keyof typeof FIELDS]

/**
 * Records an indicator's value for the evaluated year (plan office, or staff of the
 * organisation that reports the indicator): value, source, note.
 */
export function IndicatorValueForm({
  indicatorId,
  code,
  fiscalYear,
  onClose,
}: {
  indicatorId: string
  code: string
  fiscalYear: number
  onClose: () => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [value, setValue] = useState('')
  const [source, setSource] = useState('')
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [problem, setProblem] = useState<DescribedError | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const [saving, record] = useAction(RecordIndicatorValueMutation, FIELDS)
  const prefix = `indicator-${code}`
  const year = fiscalYearLabel(fiscalYear, language)

  const onSubmit = async () => {
    setSaved(null)
    setProblem(null)
    const number = parseNumberInput(value)
    if (number === null) {
      setErrors({ value: value.trim() === '' ? t('evaluation.indicators.record.required') : t('evaluation.indicators.record.notANumber') })
      return
    }
    setErrors({})
    const outcome = await record({
      indicatorId,
      fiscalYear,
      value: number,
      source: source.trim() === '' ? null : source,
      note: note.trim() === '' ? null : note,
    })
    if (!outcome.ok) {
      setErrors(outcome.errors.fields)
      setProblem(outcome.errors.general)
      return
    }
    setSaved(t('evaluation.indicators.record.saved', { code, year }))
  }

  return (
    <form
      className={styles.inlineForm}
      noValidate
      aria-label={t('evaluation.indicators.record.legend', { code, year })}
      onSubmit={(event) => {
        event.preventDefault()
        void onSubmit()
      }}
    >
      <p>
        <strong>{t('evaluation.indicators.record.legend', { code, year })}</strong>
      </p>
      <Problem problem={problem} />
      <TextField
        id={`${prefix}-value`}
        label={t('evaluation.indicators.record.value')}
        hint={t('evaluation.indicators.record.valueHint')}
        required
        inputMode="decimal"
        autoComplete="off"
        value={value}
        onChange={setValue}
        error={errors.value}
      />
      <TextField
        id={`${prefix}-source`}
        label={t('evaluation.indicators.record.source')}
        hint={t('evaluation.indicators.record.sourceHint')}
        value={source}
        onChange={setSource}
        error={errors.source}
      />
      <TextField
        id={`${prefix}-note`}
        label={t('evaluation.indicators.record.note')}
        value={note}
        onChange={setNote}
        error={errors.note}
      />
      {saved ? <StatusMessage>{saved}</StatusMessage> : null}
      <div className={styles.actions}>
        <Button type="submit" disabled={saving}>
          {t('evaluation.indicators.record.submit')}
        </Button>
        <Button variant="secondary" onClick={onClose}>
          {t('evaluation.common.close')}
        </Button>
      </div>
    </form>
  )
}
