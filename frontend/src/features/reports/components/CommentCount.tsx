import { useTranslation } from 'react-i18next'
import { commentsAnchor } from '../model/workflow'
import type { ReportField } from '../model/reportValues'
import styles from './Reports.module.css'

/** "2 open comments", beside a part of the report: moves to that part's threads. */
export function CommentCount({ field, counts }: { field: ReportField; counts: ReadonlyMap<ReportField | null, number> }) {
  const { t } = useTranslation()
  const count = counts.get(field) ?? 0
  if (count === 0) return null
  const target = commentsAnchor(field)
  return (
    <a
      href={`#${target}`}
      className={styles.commentCount}
      onClick={(event) => {
        event.preventDefault()
        const heading = document.getElementById(target)
        heading?.focus()
        heading?.scrollIntoView({ block: 'start' })
      }}
    >
      {t('reports.comments.openCount', { count })}
    </a>
  )
}
