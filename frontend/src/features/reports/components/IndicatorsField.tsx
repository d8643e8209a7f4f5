import { useTranslation } from 'react-i18next'
import { BilingualName } from '@/components/BilingualName'
import { CheckboxGroup, type Choice } from '@/components/form'
import { FIELD_IDS } from '../model/fieldIds'

export interface PlanIndicator {
  id: string
  code: string
  nameJa: string
  nameEn: string
  goal?: { id: string; code: string } | null
}

/**
 * The plan's target indicators the work contributes to, as checkboxes: those of the
 * direction's own goal first, then the whole plan's, then the other goals'.
 */
export function IndicatorsField({
  indicators,
  goalId,
  value,
  error,
  onChange,
}: {
  indicators: readonly PlanIndicator[]
  goalId: string | null
  value: readonly string[]
  error: string | null
  onChange: (ids: string[]) => void
}) {
  const { t } = useTranslation()
  const rank = (indicator: PlanIndicator) => (indicator.goal?.id === goalId ? 0 : indicator.goal ? 2 : 1)
  const ordered = [...indicators].sort((a, b) => rank(a) - rank(b))
  const choices: Choice<string>[] = ordered.map((indicator) => ({
    value: indicator.id,
    label: (
      <>
        <span>{indicator.code} </span>
        <BilingualName ja={indicator.nameJa} en={indicator.nameEn} />
      </>
    ),
    description: indicator.goal
      ? indicator.goal.id === goalId
        ? t('reports.indicators.ownGoal', { code: indicator.goal.code })
        : t('reports.indicators.goal', { code: indicator.goal.code })
      : t('reports.indicators.wholePlan'),
  }))
  // Ids the plan no longer lists stay selected (and are sent back) but are not offered.
  const known = new Set(indicators.map((i) => i.id))
  const unknown = value.filter((id) => !known.has(id))
  return (
    <CheckboxGroup
      id={FIELD_IDS.indicatorIds}
      legend={t('reports.fields.INDICATORS')}
      hint={t('reports.indicators.hint')}
      choices={choices}
      value={value.filter((id) => known.has(id))}
      error={error}
      onChange={(ids) => {
        onChange([...ids, ...unknown])
      }}
    />
  )
}
