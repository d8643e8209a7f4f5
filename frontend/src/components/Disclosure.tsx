import { useId, type ReactNode } from 'react'
import styles from './Disclosure.module.css'

export interface DisclosureProps {
  /** The heading level of the toggle, so the tree keeps a correct outline. */
  level: 2 | 3 | 4 | 5
  title: ReactNode
  /** Shown after the heading, outside the button (a count, a badge). */
  aside?: ReactNode
  open: boolean
  onOpenChange: (open: boolean) => void
  children: ReactNode
  className?: string
  /** An anchor for links into the tree (`#policy-1-2`). */
  id?: string
}

/**
 * A heading whose button shows and hides a panel (the WAI-ARIA disclosure pattern).
 * The button is a native `<button>` with `aria-expanded`, so Enter and Space work and the
 * heading stays reachable by heading navigation.
 */
export function Disclosure({ level, title, aside, open, onOpenChange, children, className, id }: DisclosureProps) {
  const panelId = useId()
  const Heading = `h${String(level)}` as 'h2' | 'h3' | 'h4' | 'h5'
  return (
    <div className={className} id={id}>
      <div className={styles.header}>
        <Heading className={styles.heading}>
          <button
            type="button"
            className={styles.toggle}
            aria-expanded={open}
            aria-controls={panelId}
            onClick={() => {
              onOpenChange(!open)
            }}
          >
            <svg className={styles.chevron} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <path d="M5 3l6 5-6 5" fill="none" stroke="currentColor" strokeWidth="2" />
            </svg>
            <span className={styles.title}>{title}</span>
          </button>
        </Heading>
        {aside ? <div className={styles.aside}>{aside}</div> : null}
      </div>
      <div id={panelId} hidden={!open} className={styles.panel}>
        {children}
      </div>
    </div>
  )
}
