import { useTranslation } from 'react-i18next'
import { useLanguage } from '@/lib/useLanguage'
import { fiscalYearBoth } from '../model/format'

const KINDS = ['INTERIM', 'YEAR_END', 'QUARTER'] as const

/** `令和7年度（2025年度） 年度末報告` / `FY2025 (Reiwa 7) Year-end report`. */
export function usePeriodTitle(): (period: { fiscalYear: number; kind: string; quarter?: number | null }) => string {
  const { t } = useTranslation()
  const language = useLanguage()
  return (period) => {
    const kind = KINDS.find((k) => k === period.kind)
    const kindLabel = kind ? t(`reports.periodKinds.${kind}`, { quarter: String(period.quarter ?? '') }) : period.kind
    return t('reports.periodTitle', { year: fiscalYearBoth(period.fiscalYear, language), kind: kindLabel })
  }
}
