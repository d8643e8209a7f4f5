import { useTranslation } from 'react-i18next'
import { SelectField } from '@/components/form'
import { fiscalPeriodLabel } from '@/lib/fiscalYear'
import { useLanguage } from '@/lib/useLanguage'

interface PlanOption {
  code: string
  nameJa: string
  nameEn: string
  startFiscalYear: number
  endFiscalYear: number
}

/** The plan to work on, when there is more than one plan generation. */
export function PlanSelect({ id, plans, value, onChange }: { id: string; plans: readonly PlanOption[]; value: string; onChange: (code: string) => void }) {
  const { t } = useTranslation()
  const language = useLanguage()
  if (plans.length < 2) return null
  return (
    <SelectField id={id} label={t('adminPeriods.plan')} value={value} onChange={onChange} optionalMark={false}>
      {plans.map((plan) => (
        <option key={plan.code} value={plan.code}>
          {t('adminPeriods.planOption', {
            name: language === 'en' ? plan.nameEn : plan.nameJa,
            period: fiscalPeriodLabel(plan.startFiscalYear, plan.endFiscalYear, language),
          })}
        </option>
      ))}
    </SelectField>
  )
}
