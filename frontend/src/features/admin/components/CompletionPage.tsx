import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useParams } from 'react-router'
import { useQuery } from 'urql'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { Notice } from '@/components/Notice'
import { ReportStatusBadge } from '@/components/ReportStatusBadge'
import { StatusMessage } from '@/components/StatusMessage'
import { cx } from '@/lib/cx'
import { useDocumentTitle } from '@/lib/useDocumentTitle'
import { useLanguage } from '@/lib/useLanguage'
import { CompletionMatrixQuery } from '../api/periods'
import { buildCompletionGrid, donePercent } from '../model/completionMatrix'
import { formatDay } from '../model/dates'
import { readPeriodNotice } from './periodNotice'
import styles from './Admin.module.css'

/**
 * `/admin/periods/:id` (plan office): how far a period's reports have come — the count per
 * status, and every report as a grid of directions × owners, each cell the report's status
 * in words and colour, linking to the report.
 */
export function CompletionPage() {
  const { t } = useTranslation()
  const language = useLanguage()
  const { id = '' } = useParams()
  const location = useLocation()
  const notice = readPeriodNotice(location.state)
  const [result, reexecute] = useQuery({ query: CompletionMatrixQuery, variables: { periodId: id }, requestPolicy: 'cache-and-network' })
  const retry = useCallback(() => {
    reexecute({ requestPolicy: 'network-only' })
  }, [reexecute])
  const matrix = result.data?.completionMatrix
  const periodLabel = matrix ? (language === 'en' ? matrix.period.labelEn : matrix.period.labelJa) : null
  useDocumentTitle(periodLabel ? t('adminPeriods.matrix.title', { period: periodLabel }) : null)

  const back = (
    <p>
      <Link to="/admin/periods" className={styles.back}>
        {t('adminPeriods.matrix.back')}
      </Link>
    </p>
  )
  if (result.error && !matrix) {
    return (
      <div className={styles.page}>
        {back}
        <ErrorState error={result.error} onRetry={retry} />
      </div>
    )
  }
  if (!matrix || !periodLabel) {
    return (
      <div className={styles.page}>
        {back}
        <LoadingState />
      </div>
    )
  }
  const grid = buildCompletionGrid(matrix)
  const name = (o: { nameJa: string; nameEn: string }) => (language === 'en' ? o.nameEn : o.nameJa)

  return (
    <div className={styles.page}>
      {back}
      <h1>{t('adminPeriods.matrix.title', { period: periodLabel })}</h1>
      {notice ? (
        <StatusMessage>{t('adminPeriods.opened', { period: language === 'en' ? notice.opened.en : notice.opened.ja })}</StatusMessage>
      ) : null}
      <dl className={styles.facts}>
        <div>
          <dt>{t('adminPeriods.opensOn')}</dt>
          <dd>{formatDay(matrix.period.opensOn, language)}</dd>
        </div>
        <div>
          <dt>{t('adminPeriods.dueOn')}</dt>
          <dd>{formatDay(matrix.period.dueOn, language)}</dd>
        </div>
      </dl>

      <section className={styles.section} aria-labelledby="completion-counts-heading">
        <h2 id="completion-counts-heading" className={styles.sectionHeading}>
          {t('adminPeriods.matrix.countsHeading')}
        </h2>
        <p className={styles.completionTotal}>
          {t('adminPeriods.matrix.total', { total: grid.total, done: grid.done, percent: donePercent(grid.done, grid.total) })}
        </p>
        <ul className={styles.countList}>
          {grid.counts.map((count) => (
            <li key={count.status} className={cx(styles.countItem, count.count === 0 && styles.countZero)}>
              <ReportStatusBadge status={count.status} />
              <span className={styles.countNumber}>{t('adminPeriods.matrix.count', { count: count.count })}</span>
            </li>
          ))}
        </ul>
      </section>

      <section className={styles.page} aria-labelledby="completion-grid-heading">
        <h2 id="completion-grid-heading" className={styles.sectionHeading}>
          {t('adminPeriods.matrix.gridHeading')}
        </h2>
        {grid.groups.length === 0 ? (
          <Notice>{t('adminPeriods.matrix.empty')}</Notice>
        ) : (
          <div className={styles.scroll} role="region" aria-label={t('adminPeriods.matrix.scrollRegion')} tabIndex={0}>
            <table className={cx(styles.table, styles.matrixTable)}>
              <caption>{t('adminPeriods.matrix.caption', { period: periodLabel })}</caption>
              <thead>
                <tr>
                  <th scope="col" className={styles.stickyColumn}>
                    {t('adminOwnership.direction')}
                  </th>
                  {grid.columns.map((column) => (
                    <th key={column.id} scope="col" className={styles.matrixColumn}>
                      {name(column)}
                    </th>
                  ))}
                </tr>
              </thead>
              {grid.groups.map((group) => (
                <tbody key={group.policy.id}>
                  <tr className={styles.groupRow}>
                    <th scope="rowgroup" colSpan={grid.columns.length + 1}>
                      {t('adminOwnership.policy', { code: group.policy.code, name: name(group.policy) })}
                    </th>
                  </tr>
                  {group.rows.map((row) => (
                    <tr key={row.direction.id}>
                      <th scope="row" className={styles.stickyColumn}>
                        <span className={styles.directionCode}>{row.direction.code}</span> {name(row.direction)}
                      </th>
                      {row.cells.map((cell, index) => {
                        const column = grid.columns[index]
                        return (
                          <td key={column?.id ?? index} className={styles.statusCell}>
                            {cell ? (
                              <Link to={`/reports/${cell.reportId}`} className={styles.statusLink}>
                                <ReportStatusBadge status={cell.status} />
                                <span className="visually-hidden">
                                  {t('adminPeriods.matrix.reportContext', {
                                    direction: row.direction.code,
                                    organization: column ? name(column) : '',
                                  })}
                                </span>
                              </Link>
                            ) : (
                              <>
                                <span aria-hidden="true" className={styles.secondary}>
                                  —
                                </span>
                                <span className="visually-hidden">{t('adminPeriods.matrix.noReport')}</span>
                              </>
                            )}
                          </td>
                        )
                      })}
                    </tr>
                  ))}
                </tbody>
              ))}
            </table>
          </div>
        )}
      </section>
    </div>
  )
}
