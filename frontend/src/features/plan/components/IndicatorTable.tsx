import type { ComponentProps, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { fiscalYearLabel } from '@/lib/fiscalYear'
import { useLanguage } from '@/lib/useLanguage'
import { IndicatorRow } from './IndicatorRow'
import styles from './IndicatorTable.module.css'

export interface IndicatorTableProps {
  /** Plain text of the heading, for the table's caption and the scroll region's name. */
  headingText: string
  heading: ReactNode
  years: readonly number[]
  indicators: readonly { id: string; ref: ComponentProps<typeof IndicatorRow>['indicator'] }[]
}

/** The indicators of one goal (or of the whole plan) as a table that scrolls sideways when narrow. */
export function IndicatorTable({ headingText, heading, years, indicators }: IndicatorTableProps) {
  const { t } = useTranslation()
  const language = useLanguage()
  return (
    <section className={styles.group}>
      {heading}
      <div
        className={styles.scroll}
        role="region"
        aria-label={t('indicators.scrollRegion', { heading: headingText })}
        tabIndex={0}
      >
        <table className={styles.table}>
          <caption className="visually-hidden">{t('indicators.tableCaption', { heading: headingText })}</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={years.length > 0 ? 2 : 1} className={styles.nameHeader}>
                {t('indicators.columnName')}
              </th>
              <th scope="col" rowSpan={years.length > 0 ? 2 : 1}>
                {t('indicators.columnUnit')}
              </th>
              {years.length > 0 ? (
                <th scope="colgroup" colSpan={years.length} className={styles.groupHeader}>
                  {t('indicators.columnObserved')}
                </th>
              ) : null}
              <th scope="col" rowSpan={years.length > 0 ? 2 : 1} className={styles.numberHeader}>
                {t('indicators.columnBaseline')}
              </th>
              <th scope="col" rowSpan={years.length > 0 ? 2 : 1} className={styles.numberHeader}>
                {t('indicators.columnTarget')}
              </th>
              <th scope="col" rowSpan={years.length > 0 ? 2 : 1}>
                {t('plan.progress.column')}
              </th>
              <th scope="col" rowSpan={years.length > 0 ? 2 : 1}>
                {t('indicators.columnTrend')}
              </th>
            </tr>
            {years.length > 0 ? (
              <tr>
                {years.map((year) => (
                  <th key={year} scope="col" className={styles.numberHeader}>
                    {fiscalYearLabel(year, language)}
                  </th>
                ))}
              </tr>
            ) : null}
          </thead>
          <tbody>
            {indicators.map((indicator) => (
              <IndicatorRow key={indicator.id} indicator={indicator.ref} years={years} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
