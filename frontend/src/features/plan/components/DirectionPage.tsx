import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { useQuery } from 'urql'
import { BilingualName } from '@/components/BilingualName'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { NewBadge } from '@/components/NewBadge'
import { NotFoundContent } from '@/components/NotFoundContent'
import { useSignedInUser } from '@/features/session'
import { useDocumentTitle } from '@/lib/useDocumentTitle'
import { useLanguage } from '@/lib/useLanguage'
import { DirectionPageQuery } from '../api/queries'
import { useAnnounceCurrentPlan } from '../hooks/currentPlan'
import { ownersLeadFirst } from '../model/directionReports'
import { planPath, STRUCTURE_ANCHOR } from './anchors'
import { DirectionBreadcrumb } from './DirectionBreadcrumb'
import { DirectionLink } from './DirectionLink'
import { DirectionOwners } from './DirectionOwners'
import { DirectionRatings } from './DirectionRatings'
import { DirectionReports } from './DirectionReports'
import styles from './DirectionPage.module.css'

/**
 * `/directions/:id`: one policy direction (施策の方向), where it sits in the plan and who
 * owns it, its rating in each year's evaluation, and (for signed-in people) its progress
 * reports over the years.
 */
export function DirectionPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const language = useLanguage()
  const user = useSignedInUser()
  const [result, reexecute] = useQuery({ query: DirectionPageQuery, variables: { id } })
  const direction = result.data?.policyDirection

  useAnnounceCurrentPlan(direction?.plan.code)
  useDocumentTitle(direction ? `${direction.code} ${language === 'en' ? direction.nameEn : direction.nameJa}` : null)
  const retry = useCallback(() => {
    reexecute({ requestPolicy: 'network-only' })
  }, [reexecute])

  if (result.error) return <ErrorState error={result.error} onRetry={retry} />
  if (!direction) return result.fetching || !result.data ? <LoadingState /> : <NotFoundContent />

  return (
    <article className={styles.page} aria-labelledby="direction-heading">
      <DirectionBreadcrumb direction={direction} />
      <div className={styles.header}>
        <p className={styles.kind}>{t('plan.directionLabel', { code: direction.code })}</p>
        <h1 id="direction-heading" className={styles.title}>
          <BilingualName ja={direction.nameJa} en={direction.nameEn} stacked />
        </h1>
        {direction.isNew ? <NewBadge /> : null}
        <DirectionOwners direction={direction} />
      </div>

      <section className={styles.section} aria-labelledby="direction-ratings">
        <h2 id="direction-ratings">{t('direction.ratings.heading')}</h2>
        <p className={styles.intro}>{t('direction.ratings.intro')}</p>
        <DirectionRatings direction={direction} signedIn={user !== null} />
      </section>

      <section className={styles.section} aria-labelledby="direction-reports">
        <h2 id="direction-reports">{t('direction.reportsHeading')}</h2>
        <DirectionReports
          directionId={direction.id}
          code={direction.code}
          ownerIds={ownersLeadFirst(direction.owners).map((owner) => owner.organization.id)}
        />
      </section>

      <section className={styles.section} aria-labelledby="direction-siblings">
        <h2 id="direction-siblings">{t('direction.siblingsHeading')}</h2>
        <ul className={styles.siblings}>
          {direction.policy.directions.map((sibling) => (
            <li key={sibling.id}>
              <DirectionLink
                direction={sibling}
                current={sibling.id === direction.id}
                currentMarker={t('direction.currentMarker')}
              />
            </li>
          ))}
        </ul>
        <p>
          <Link to={planPath(direction.plan.code, STRUCTURE_ANCHOR)}>{t('direction.backToStructure')}</Link>
        </p>
      </section>
    </article>
  )
}
