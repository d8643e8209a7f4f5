import { useTranslation } from 'react-i18next'
import { useLanguage } from '@/lib/useLanguage'
import { fiscalYearBoth, isPeriodKind, type PeriodLike } from '../model/periods'

/** `令和7年度（2025年度） 年度末報告` / `FY2025 (Reiwa 7) Year-end report`. */
export function usePeriodName(): (period: PeriodLike) => string {
  const { t } = useTranslation()
  const language = useLanguage()
  return (period) => {
    const kind = isPeriodKind(period.kind)
      ? t(`plan.periodKinds.${period.kind}`, { quarter: String(period.quarter ?? '') })
      : period.kind
    return t('plan.periodName', { year: fiscalYearBoth(period.fiscalYear, language), kind })
  }
}
