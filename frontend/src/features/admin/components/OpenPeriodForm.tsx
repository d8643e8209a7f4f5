import { useState, type SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { Button } from '@/components/Button'
import { formStyles, RadioGroup, SelectField, TextField, type Choice } from '@/components/form'
import { fiscalYearOf } from '@/lib/fiscalYear'
import { useLanguage } from '@/lib/useLanguage'
import { OpenReportingPeriodMutation } from '../api/periods'
import { fiscalYearBoth } from '../model/dates'
import {
  checkPeriodForm,
  emptyPeriodForm,
  PERIOD_API_FIELDS,
  PERIOD_FIELD_IDS,
  PERIOD_FIELD_ORDER,
  PERIOD_KINDS,
  planFiscalYears,
  toOpenPeriodInput,
  type PeriodField,
  type PeriodFormValues,
  type PeriodKind,
} from '../model/periodForm'
import { FormProblems } from './FormProblems'
import { useFormProblems } from './useFormProblems'
import styles from './Admin.module.css'

interface PlanInfo {
  id: string
  startFiscalYear: number
  endFiscalYear: number
}

export interface OpenedPeriod {
  id: string
  labelJa: string
  labelEn: string
}

/** This fiscal year when the plan covers it, else the plan's nearest year. */
function defaultFiscalYear(plan: PlanInfo, today = new Date()): number {
  return Math.min(plan.endFiscalYear, Math.max(plan.startFiscalYear, fiscalYearOf(today)))
}

/**
 * Opens a reporting period: the fiscal year, the kind (interim, year-end or a quarter with
 * its number), when it opens and when it is due. The server's verdict on a field (a year
 * outside the plan, a kind already open that year, dates out of range) appears by it.
 */
export function OpenPeriodForm({ plan, onOpened }: { plan: PlanInfo; onOpened: (period: OpenedPeriod) => void }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [values, setValues] = useState<PeriodFormValues>(() => emptyPeriodForm(defaultFiscalYear(plan)))
  const { errors, general, attempt, check, fail } = useFormProblems(PERIOD_API_FIELDS)
  const [{ fetching }, open] = useMutation(OpenReportingPeriodMutation)
  const set = <K extends PeriodField>(key: K) => (value: PeriodFormValues[K]) => {
    setValues((before) => ({ ...before, [key]: value }))
  }

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault()
    if (fetching) return
    if (check(checkPeriodForm(values, t))) return
    // The new period's reports appear in lists of reports and periods: load those again.
    const result = await open(
      { input: toOpenPeriodInput(plan.id, values) },
      { additionalTypenames: ['ReportingPeriod', 'StatusReport'] },
    )
    if (result.data) {
      onOpened(result.data.openReportingPeriod)
    } else if (result.error) {
      fail(result.error)
    }
  }

  const kindChoices: Choice<PeriodKind>[] = PERIOD_KINDS.map((kind) => ({
    value: kind,
    label: t(`adminPeriods.kinds.${kind}`),
  }))

  return (
    <section className={styles.section} aria-labelledby="open-period-heading">
      <h2 id="open-period-heading" className={styles.sectionHeading}>
        {t('adminPeriods.form.heading')}
      </h2>
      <p className={styles.secondary}>{t('adminPeriods.form.intro')}</p>
      <form className={formStyles.form} noValidate onSubmit={(event) => void submit(event)}>
        <FormProblems
          order={PERIOD_FIELD_ORDER}
          ids={PERIOD_FIELD_IDS}
          errors={errors}
          general={general}
          attempt={attempt}
          failedTitle={t('adminPeriods.form.failedTitle')}
        />
        <SelectField
          id={PERIOD_FIELD_IDS.fiscalYear}
          label={t('adminPeriods.form.fiscalYear')}
          hint={t('adminPeriods.form.fiscalYearHint')}
          value={values.fiscalYear}
          onChange={set('fiscalYear')}
          error={errors.fiscalYear}
          required
        >
          {planFiscalYears(plan).map((year) => (
            <option key={year} value={String(year)}>
              {fiscalYearBoth(year, language)}
            </option>
          ))}
        </SelectField>
        <RadioGroup
          id={PERIOD_FIELD_IDS.kind}
          legend={t('adminPeriods.form.kind')}
          choices={kindChoices}
          value={values.kind}
          onChange={set('kind')}
          error={errors.kind}
          required
        />
        {values.kind === 'QUARTER' ? (
          <SelectField
            id={PERIOD_FIELD_IDS.quarter}
            label={t('adminPeriods.form.quarter')}
            value={values.quarter}
            onChange={set('quarter')}
            error={errors.quarter}
            required
          >
            <option value="">{t('form.select')}</option>
            {(['1', '2', '3', '4'] as const).map((quarter) => (
              <option key={quarter} value={quarter}>
                {t(`adminPeriods.form.quarters.${quarter}`)}
              </option>
            ))}
          </SelectField>
        ) : null}
        <TextField
          id={PERIOD_FIELD_IDS.opensOn}
          type="date"
          label={t('adminPeriods.form.opensOn')}
          hint={t('adminPeriods.form.opensOnHint')}
          value={values.opensOn}
          onChange={set('opensOn')}
          error={errors.opensOn}
          required
        />
        <TextField
          id={PERIOD_FIELD_IDS.dueOn}
          type="date"
          label={t('adminPeriods.form.dueOn')}
          hint={t('adminPeriods.form.dueOnHint')}
          value={values.dueOn}
          onChange={set('dueOn')}
          error={errors.dueOn}
          required
        />
        <div className={formStyles.actions}>
          <Button type="submit" aria-disabled={fetching || undefined}>
            {fetching ? t('adminPeriods.form.submitting') : t('adminPeriods.form.submit')}
          </Button>
        </div>
      </form>
    </section>
  )
}
