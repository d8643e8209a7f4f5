import type { ReactNode } from 'react'
import styles from './Notice.module.css'

/** A calm, bordered note for empty states ("nothing here yet, and why"). */
export function Notice({ title, children }: { title?: ReactNode; children: ReactNode }) {
  return (
    <div className={styles.notice}>
      {title ? <p className={styles.title}>{title}</p> : null}
      <div className={styles.body}>{children}</div>
    </div>
  )
}
