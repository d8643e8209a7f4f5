import { Link } from 'react-router'
import { BilingualName } from '@/components/BilingualName'
import { NewBadge } from '@/components/NewBadge'
import { type FragmentType, getFragmentData, graphql } from '@/gql'
import { cx } from '@/lib/cx'
import { LatestRating } from './LatestRating'
import styles from './DirectionLink.module.css'

const DirectionLinkFragment = graphql(`
  fragment DirectionLink_direction on PolicyDirection {
    id
    code
    nameJa
    nameEn
    isNew
    ratings {
      fiscalYear
      evaluationStatus
      rating
    }
  }
`)

/**
 * A policy direction (施策の方向) as a link to its page: code, name, the 新規 badge and its
 * latest rating (with the year it is from).
 */
export function DirectionLink(props: {
  direction: FragmentType<typeof DirectionLinkFragment>
  /** Marks the direction whose page is showing, as plain text instead of a link. */
  current?: boolean
  currentMarker?: string
}) {
  const direction = getFragmentData(DirectionLinkFragment, props.direction)
  const content = (
    <>
      <span className={cx(styles.code, 'tabular')}>{direction.code}</span>{' '}
      <BilingualName ja={direction.nameJa} en={direction.nameEn} className={styles.name} />
    </>
  )
  return (
    <div className={styles.direction}>
      {props.current ? (
        <span className={styles.current} aria-current="page">
          {content}
          {props.currentMarker ? <span className={styles.marker}>{props.currentMarker}</span> : null}
        </span>
      ) : (
        <Link to={`/directions/${encodeURIComponent(direction.id)}`} className={styles.link}>
          {content}
        </Link>
      )}
      {direction.isNew ? <NewBadge /> : null}
      <LatestRating ratings={direction.ratings} />
    </div>
  )
}
