import { useCallback, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery } from 'urql'
import { LoadingState } from '@/components/LoadingState'
import { cx } from '@/lib/cx'
import { formatJapanTime } from '@/lib/japanTime'
import { useLanguage } from '@/lib/useLanguage'
import { ReviewRevisionsQuery } from '../api/operations'
import { isActivityActor, isNextStep, isSelfRating } from '../model/fields'
import {
  compareLastRevisions,
  type ActivityComparison,
  type ActivityLike,
  type FieldComparison,
  type RevisionLike,
} from '../model/revisionDiff'
import styles from './Review.module.css'

export interface ChangesSinceReturnProps {
  reportId: string
  /** The panel's heading level on the page it sits in. */
  headingLevel?: 2 | 3
}

/**
 * "Changes since the returned revision", loading the report's revisions itself, so a page
 * mounts it with the report's id alone. Renders nothing for a report submitted only once.
 */
export function ChangesSinceReturn({ reportId, headingLevel = 2 }: ChangesSinceReturnProps) {
  const { t } = useTranslation()
  const [result, reexecute] = useQuery({ query: ReviewRevisionsQuery, variables: { id: reportId }, requestPolicy: 'cache-and-network' })
  const retry = useCallback(() => {
    reexecute({ requestPolicy: 'network-only' })
  }, [reexecute])
  const revisions = result.data?.report?.revisions
  if (!revisions) {
    if (result.error) {
      return (
        <div className={styles.inlineProblem}>
          <p>{t('review.changes.loadFailed')}</p>
          <button type="button" className={styles.linkButton} onClick={retry}>
            {t('common.retry')}
          </button>
        </div>
      )
    }
    return result.fetching ? <LoadingState lines={3} /> : null
  }
  return <ChangesSinceReturnPanel revisions={revisions} headingLevel={headingLevel} />
}

/**
 * The last two submissions side by side, part by part: the results, the self-rating and its
 * reason, the issues, the next step and its reason, and the activities by title. Changed
 * parts carry a "changed" mark (words and a colour) and a stronger frame.
 */
export function ChangesSinceReturnPanel({
  revisions,
  headingLevel = 2,
}: {
  revisions: readonly RevisionLike[]
  headingLevel?: 2 | 3
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const comparison = compareLastRevisions(revisions)
  if (!comparison) return null
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const Sub = headingLevel === 2 ? 'h3' : 'h4'
  const headingId = `changes-since-return-${String(comparison.after.number)}`
  const beforeLabel = t('review.changes.before', { number: comparison.before.number })
  const afterLabel = t('review.changes.after', { number: comparison.after.number })
  const fieldNames = comparison.changed.map((field) => t(`review.fields.${field}`)).join(t('review.fieldSeparator'))
  const activitiesChanged = comparison.changed.includes('ACTIVITIES')

  return (
    <section className={styles.changes} aria-labelledby={headingId}>
      <Heading id={headingId} className={styles.changesTitle}>
        {t('review.changes.heading')}
      </Heading>
      <p>
        {t('review.changes.intro', {
          before: comparison.before.number,
          after: comparison.after.number,
          time: formatJapanTime(comparison.after.createdAt, language),
        })}
      </p>
      <p className={styles.changesSummary}>
        {comparison.changed.length > 0 ? t('review.changes.summary', { fields: fieldNames }) : t('review.changes.nothing')}
      </p>

      <div className={cx(styles.changeBlock, activitiesChanged && styles.changeBlockChanged)}>
        <Sub className={styles.changeTitle}>
          {t('review.fields.ACTIVITIES')}
          <ChangeMark changed={activitiesChanged} />
        </Sub>
        {comparison.activitiesReordered ? <p>{t('review.changes.activities.reordered')}</p> : null}
        {comparison.activities.length === 0 ? (
          <p className={styles.muted}>{t('review.changes.activities.none')}</p>
        ) : (
          <ul className={styles.activityChanges}>
            {comparison.activities.map((activity, index) => (
              <ActivityRow
                key={`${activity.kind}-${String(index)}`}
                activity={activity}
                beforeLabel={beforeLabel}
                afterLabel={afterLabel}
              />
            ))}
          </ul>
        )}
      </div>

      {comparison.fields.map((field) => (
        <div key={field.field} className={cx(styles.changeBlock, field.changed && styles.changeBlockChanged)}>
          <Sub className={styles.changeTitle}>
            {t(`review.fields.${field.field}`)}
            <ChangeMark changed={field.changed} />
          </Sub>
          <BeforeAfter
            beforeLabel={beforeLabel}
            afterLabel={afterLabel}
            before={<FieldValue comparison={field} side="before" />}
            after={<FieldValue comparison={field} side="after" />}
          />
        </div>
      ))}
    </section>
  )
}

function ChangeMark({ changed }: { changed: boolean }) {
  const { t } = useTranslation()
  return (
    <span className={cx(styles.mark, changed ? styles.markChanged : styles.markSame)}>
      {changed ? t('review.changes.changed') : t('review.changes.unchanged')}
    </span>
  )
}

function BeforeAfter({
  beforeLabel,
  afterLabel,
  before,
  after,
}: {
  beforeLabel: string
  afterLabel: string
  before: ReactNode
  after: ReactNode
}) {
  return (
    <dl className={styles.beforeAfter}>
      <div>
        <dt>{beforeLabel}</dt>
        <dd>{before}</dd>
      </div>
      <div>
        <dt>{afterLabel}</dt>
        <dd>{after}</dd>
      </div>
    </dl>
  )
}

function FieldValue({ comparison, side }: { comparison: FieldComparison; side: 'before' | 'after' }) {
  const { t } = useTranslation()
  const value = comparison[side]
  if (value === null) return <span className={styles.muted}>{t('review.changes.empty')}</span>
  const shown =
    comparison.field === 'SELF_RATING' && isSelfRating(value)
      ? t(`review.ratings.${value}`)
      : comparison.field === 'NEXT_STEP' && isNextStep(value)
        ? t(`review.nextSteps.${value}`)
        : value
  return <span className={styles.preWrap}>{shown}</span>
}

function ActivityRow({
  activity,
  beforeLabel,
  afterLabel,
}: {
  activity: ActivityComparison
  beforeLabel: string
  afterLabel: string
}) {
  const { t } = useTranslation()
  const title = activity.title.trim() === '' ? t('review.changes.activities.untitled') : activity.title
  const parts = [
    activity.descriptionChanged ? t('review.changes.activities.parts.description') : null,
    activity.actorChanged ? t('review.changes.activities.parts.actor') : null,
    activity.figuresChanged ? t('review.changes.activities.parts.figures') : null,
  ].filter((part): part is string => part !== null)
  return (
    <li className={cx(styles.activityChange, activity.kind !== 'unchanged' && styles.activityChanged)}>
      <p className={styles.activityTitle}>
        <span className={cx(styles.mark, activity.kind === 'unchanged' ? styles.markSame : styles.markChanged)}>
          {t(`review.changes.activities.${activity.kind}`)}
        </span>{' '}
        {title}
      </p>
      {parts.length > 0 ? (
        <p className={styles.secondary}>{t('review.changes.activities.details', { parts: parts.join(t('review.fieldSeparator')) })}</p>
      ) : null}
      {activity.kind === 'changed' && activity.before && activity.after ? (
        <BeforeAfter
          beforeLabel={beforeLabel}
          afterLabel={afterLabel}
          before={<ActivityText activity={activity.before} />}
          after={<ActivityText activity={activity.after} />}
        />
      ) : null}
    </li>
  )
}

function ActivityText({ activity }: { activity: ActivityLike }) {
  const { t } = useTranslation()
  const actor = activity.actor && isActivityActor(activity.actor) ? t(`review.actors.${activity.actor}`) : null
  return (
    <span className={styles.activityText}>
      {activity.description.trim() === '' ? (
        <span className={styles.muted}>{t('review.changes.empty')}</span>
      ) : (
        <span className={styles.preWrap}>{activity.description}</span>
      )}
      {actor ? <span className={styles.secondary}>{t('review.changes.activities.actorLine', { actor })}</span> : null}
      {activity.figures.map((figure, index) => (
        <span key={index} className={styles.secondary}>
          {t('review.changes.activities.figureLine', {
            name: figure.name,
            planned: figure.planned == null ? '—' : String(figure.planned),
            actual: figure.actual == null ? '—' : String(figure.actual),
            unit: figure.unit,
          })}
        </span>
      ))}
    </span>
  )
}
