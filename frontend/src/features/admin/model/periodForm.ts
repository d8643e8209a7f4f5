/**
 * Opening a reporting period: the form's values, the checks made before sending, the API's
 * field names, and the periods of a plan grouped by fiscal year.
 */

export const PERIOD_KINDS = ['INTERIM', 'YEAR_END', 'QUARTER'] as const
export type PeriodKind = (typeof PERIOD_KINDS)[number]

export function isPeriodKind(value: unknown): value is PeriodKind {
  return typeof value === 'string' && (PERIOD_KINDS as readonly string[]).includes(value)
}

export interface PeriodFormValues {
  fiscalYear: string
  kind: PeriodKind
  quarter: string
  opensOn: string
  dueOn: string
}

export type PeriodField = keyof PeriodFormValues

export const PERIOD_FIELD_IDS: Record<PeriodField, string> = {
  fiscalYear: 'period-fiscal-year',
  kind: 'period-kind',
  quarter: 'period-quarter',
  opensOn: 'period-opens-on',
  dueOn: 'period-due-on',
}

/** The API's `extensions.field` names on this form. */
export const PERIOD_API_FIELDS: Partial<Record<string, PeriodField>> = {
  fiscalYear: 'fiscalYear',
  kind: 'kind',
  quarter: 'quarter',
  opensOn: 'opensOn',
  dueOn: 'dueOn',
}

export const PERIOD_FIELD_ORDER: readonly PeriodField[] = ['fiscalYear', 'kind', 'quarter', 'opensOn', 'dueOn']

export function emptyPeriodForm(fiscalYear: number | null): PeriodFormValues {
  return { fiscalYear: fiscalYear === null ? '' : String(fiscalYear), kind: 'INTERIM', quarter: '', opensOn: '', dueOn: '' }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

type CheckKey =
  | 'adminPeriods.form.fiscalYearRequired'
  | 'adminPeriods.form.quarterRequired'
  | 'adminPeriods.form.opensOnRequired'
  | 'adminPeriods.form.dueOnRequired'
  | 'adminPeriods.form.dateInvalid'
  | 'adminPeriods.form.dueBeforeOpen'

/** The problems the form can see without asking the server (the server checks the rest). */
export function checkPeriodForm(values: PeriodFormValues, t: (key: CheckKey) => string): Partial<Record<PeriodField, string>> {
  const problems: Partial<Record<PeriodField, string>> = {}
  if (values.fiscalYear === '') problems.fiscalYear = t('adminPeriods.form.fiscalYearRequired')
  if (values.kind === 'QUARTER' && values.quarter === '') problems.quarter = t('adminPeriods.form.quarterRequired')
  if (values.opensOn === '') problems.opensOn = t('adminPeriods.form.opensOnRequired')
  else if (!DAY.test(values.opensOn)) problems.opensOn = t('adminPeriods.form.dateInvalid')
  if (values.dueOn === '') problems.dueOn = t('adminPeriods.form.dueOnRequired')
  else if (!DAY.test(values.dueOn)) problems.dueOn = t('adminPeriods.form.dateInvalid')
  if (!problems.opensOn && !problems.dueOn && values.dueOn < values.opensOn) problems.dueOn = t('adminPeriods.form.dueBeforeOpen')
  return problems
}

export interface OpenPeriodInput {
  planId: string
  fiscalYear: number
  kind: PeriodKind
  quarter: number | null
  opensOn: string
  dueOn: string
}

export function toOpenPeriodInput(planId: string, values: PeriodFormValues): OpenPeriodInput {
  return {
    planId,
    fiscalYear: Number(values.fiscalYear),
    kind: values.kind,
    quarter: values.kind === 'QUARTER' && values.quarter !== '' ? Number(values.quarter) : null,
    opensOn: values.opensOn,
    dueOn: values.dueOn,
  }
}

export interface PeriodLike {
  id: string
  fiscalYear: number
  kind: string
  quarter?: number | null
  opensOn: string
}

function kindRank(period: PeriodLike): number {
  // Interim, quarters in order, then year-end: the order they fall due in a year.
  if (period.kind === 'INTERIM') return 0
  if (period.kind === 'QUARTER') return 1 + (period.quarter ?? 0) / 10
  if (period.kind === 'YEAR_END') return 2
  return 3
}

/** Periods by fiscal year, the newest year first; within a year, in the order they fall due. */
export function groupPeriodsByYear<P extends PeriodLike>(periods: readonly P[]): { fiscalYear: number; periods: P[] }[] {
  const years = [...new Set(periods.map((p) => p.fiscalYear))].sort((a, b) => b - a)
  return years.map((fiscalYear) => ({
    fiscalYear,
    periods: periods
      .filter((p) => p.fiscalYear === fiscalYear)
      .sort((a, b) => kindRank(a) - kindRank(b) || a.opensOn.localeCompare(b.opensOn)),
  }))
}

/** The fiscal years a plan's period covers, newest first (the form's choices). */
export function planFiscalYears(plan: { startFiscalYear: number; endFiscalYear: number }): number[] {
  const years: number[] = []
  for (let year = plan.endFiscalYear; year >= plan.startFiscalYear; year -= 1) years.push(year)
  return years
}
