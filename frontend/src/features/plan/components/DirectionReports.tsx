import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { useQuery } from 'urql'
import { BilingualName } from '@/components/BilingualName'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { Notice } from '@/components/Notice'
import { RatingBadge } from '@/components/RatingBadge'
import { ReportStatusBadge } from '@/components/ReportStatusBadge'
import { isRating } from '@/components/ratings'
import { type LoginRouteState, useSessionState } from '@/features/session'
import { DirectionReportsQuery } from '../api/queries'
import { usePeriodName } from '../hooks/usePeriodName'
import { sortReports } from '../model/directionReports'
import styles from './DirectionPage.module.css'

/**
 * The direction's reports over the years, for signed-in people: those the server lets the
 * caller see (their organisation's, or all for reviewers and the committee), newest period
 * first and the lead's report first within a period. The public gets a hint to sign in.
 */
export function DirectionReports({ directionId, code, ownerIds }: { directionId: string; code: string; ownerIds: readonly string[] }) {
  const session = useSessionState()
  if (session.status === 'restoring') return <LoadingState lines={3} />
  if (session.status !== 'signedIn') return <SignInHint />
  return <ReportsTable directionId={directionId} code={code} ownerIds={ownerIds} />
}

function SignInHint() {
  const { t } = useTranslation()
  const location = useLocation()
  const state: LoginRouteState = {
    from: { pathname: location.pathname, search: location.search, hash: location.hash },
  }
  return (
    <Notice title={t('direction.reports.signInTitle')}>
      <p>{t('direction.reports.signInBody')}</p>
      <p>
        <Link to="/login" state={state}>
          {t('direction.reports.signIn')}
        </Link>
      </p>
    </Notice>
  )
}

function ReportsTable({ directionId, code, ownerIds }: { directionId: string; code: string; ownerIds: readonly string[] }) {
  const { t } = useTranslation()
  const periodName = usePeriodName()
  const [result, reexecute] = useQuery({
    query: DirectionReportsQuery,
    variables: { directionId },
    requestPolicy: 'cache-and-network',
  })
  const retry = useCallback(() => {
    reexecute({ requestPolicy: 'network-only' })
  }, [reexecute])
  const page = result.data?.reports
  if (!page) return result.error ? <ErrorState error={result.error} onRetry={retry} headingLevel={2} /> : <LoadingState lines={3} />
  if (page.nodes.length === 0) {
    return (
      <Notice title={t('direction.reports.emptyTitle')}>
        <p>{t('direction.reports.emptyBody')}</p>
      </Notice>
    )
  }
  const reports = sortReports(page.nodes, ownerIds)
  const captionId = 'direction-reports-caption'
  return (
    <>
      <div className={styles.scroll} role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className={styles.table}>
          <caption id={captionId} className="visually-hidden">
            {t('direction.reports.caption', { code, count: reports.length })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('direction.reports.period')}</th>
              <th scope="col">{t('direction.reports.organization')}</th>
              <th scope="col">{t('direction.reports.status')}</th>
              <th scope="col">{t('direction.reports.selfRating')}</th>
            </tr>
          </thead>
          <tbody>
            {reports.map((report) => (
              <tr key={report.id}>
                <th scope="row">
                  <Link to={`/reports/${encodeURIComponent(report.id)}`}>
                    {periodName(report.period)}
                    {report.organization ? (
                      <span className="visually-hidden">{t('direction.reports.linkOrganization', { organization: report.organization.nameJa })}</span>
                    ) : null}
                  </Link>
                </th>
                <td>
                  {report.organization ? (
                    <BilingualName ja={report.organization.nameJa} en={report.organization.nameEn} />
                  ) : (
                    t('direction.reports.noOrganization')
                  )}
                </td>
                <td>
                  <ReportStatusBadge status={report.status} />
                </td>
                <td>
                  {isRating(report.selfRating) ? (
                    <RatingBadge rating={report.selfRating} />
                  ) : (
                    <span className={styles.muted}>{t('direction.reports.noSelfRating')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {page.pageInfo.hasNextPage ? <p className={styles.muted}>{t('direction.reports.more', { count: reports.length })}</p> : null}
    </>
  )
}
