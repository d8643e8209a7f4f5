import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { useQuery } from 'urql'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { Notice } from '@/components/Notice'
import { useDocumentTitle } from '@/lib/useDocumentTitle'
import { useLanguage } from '@/lib/useLanguage'
import { AdminPeriodsQuery } from '../api/periods'
import { fiscalYearBoth, formatDay } from '../model/dates'
import { groupPeriodsByYear } from '../model/periodForm'
import { OpenPeriodForm } from './OpenPeriodForm'
import type { PeriodNotice } from './periodNotice'
import { PlanSelect } from './PlanSelect'
import { usePlanChoice } from './usePlanChoice'
import styles from './Admin.module.css'

/**
 * `/admin/periods` (plan office): the reporting periods of the plan by fiscal year, each
 * with a link to its completion matrix, and the form that opens a new period.
 */
export function PeriodsPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { plans, plan, error, retry, choose } = usePlanChoice()
  useDocumentTitle(t('adminPeriods.title'))
  return (
    <div className={styles.page}>
      <h1>{t('adminPeriods.title')}</h1>
      <p className={styles.intro}>{t('adminPeriods.intro')}</p>
      {error && !plans ? (
        <ErrorState error={error} onRetry={retry} headingLevel={2} />
      ) : !plans ? (
        <LoadingState />
      ) : !plan ? (
        <Notice>{t('adminOwnership.noPlan')}</Notice>
      ) : (
        <>
          <div className={styles.narrowField}>
            <PlanSelect id="periods-plan" plans={plans} value={plan.code} onChange={choose} />
          </div>
          <div className={styles.layout}>
            <PeriodList key={plan.id} planId={plan.id} />
            <OpenPeriodForm
              key={`form-${plan.id}`}
              plan={plan}
              onOpened={(period) => {
                const notice: PeriodNotice = { opened: { ja: period.labelJa, en: period.labelEn } }
                void navigate(`/admin/periods/${period.id}`, { state: notice })
              }}
            />
          </div>
        </>
      )}
    </div>
  )
}

function PeriodList({ planId }: { planId: string }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [result, reexecute] = useQuery({ query: AdminPeriodsQuery, variables: { planId }, requestPolicy: 'cache-and-network' })
  const retry = useCallback(() => {
    reexecute({ requestPolicy: 'network-only' })
  }, [reexecute])
  const periods = result.data?.reportingPeriods
  return (
    <section className={styles.page} aria-labelledby="periods-list-heading">
      <h2 id="periods-list-heading" className={styles.sectionHeading}>
        {t('adminPeriods.listHeading')}
      </h2>
      {result.error && !periods ? (
        <ErrorState error={result.error} onRetry={retry} headingLevel={2} />
      ) : !periods ? (
        <LoadingState lines={4} />
      ) : periods.length === 0 ? (
        <Notice>{t('adminPeriods.none')}</Notice>
      ) : (
        groupPeriodsByYear(periods).map((year) => {
          const yearLabel = fiscalYearBoth(year.fiscalYear, language)
          return (
            <div key={year.fiscalYear} className={styles.scroll} role="region" aria-label={t('adminPeriods.caption', { year: yearLabel })} tabIndex={0}>
              <table className={styles.table}>
                <caption>{t('adminPeriods.caption', { year: yearLabel })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('adminPeriods.period')}</th>
                    <th scope="col">{t('adminPeriods.opensOn')}</th>
                    <th scope="col">{t('adminPeriods.dueOn')}</th>
                    <th scope="col">{t('adminPeriods.completion')}</th>
                  </tr>
                </thead>
                <tbody>
                  {year.periods.map((period) => {
                    const label = language === 'en' ? period.labelEn : period.labelJa
                    return (
                      <tr key={period.id}>
                        <th scope="row">{label}</th>
                        <td className={styles.nowrap}>{formatDay(period.opensOn, language)}</td>
                        <td className={styles.nowrap}>{formatDay(period.dueOn, language)}</td>
                        <td className={styles.nowrap}>
                          <Link to={`/admin/periods/${period.id}`}>
                            {t('adminPeriods.viewMatrix')}
                            <span className="visually-hidden">{t('adminPeriods.viewMatrixContext', { period: label })}</span>
                          </Link>
                        </td>
                      </tr>
                    )
                  })}
                </tbody>
              </table>
            </div>
          )
        })
      )}
    </section>
  )
}
