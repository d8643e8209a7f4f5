import { useEffect, useId, useRef, type ReactNode } from 'react'
import styles from './Form.module.css'

export interface SummaryItem {
  /** The id of the field (or fieldset) to move to. */
  fieldId: string
  message: string
}

/**
 * What is wrong with a form, at its top: a heading, a general message, and a link to each
 * field in error. It takes focus when it appears or changes (`attempt` counts submits), so
 * keyboard and screen-reader users learn about the problem at once.
 */
export function ErrorSummary({
  title,
  message,
  items = [],
  attempt,
}: {
  title: ReactNode
  message?: ReactNode
  items?: readonly SummaryItem[]
  attempt: number
}) {
  const ref = useRef<HTMLDivElement>(null)
  // Unique per summary: a page may show two (a form and a dialog's form).
  const titleId = useId()
  useEffect(() => {
    ref.current?.focus()
  }, [attempt])
  return (
    <div ref={ref} tabIndex={-1} className={styles.summary} aria-labelledby={titleId}>
      <div role="alert">
        <h2 id={titleId} className={styles.summaryTitle}>
          {title}
        </h2>
        {message ? <p className={styles.summaryMessage}>{message}</p> : null}
        {items.length > 0 ? (
          <ul className={styles.summaryList}>
            {items.map((item) => (
              <li key={item.fieldId}>
                <a
                  href={`#${item.fieldId}`}
                  onClick={(event) => {
                    event.preventDefault()
                    const target = document.getElementById(item.fieldId)
                    const focusable =
                      target instanceof HTMLFieldSetElement ? (target.querySelector('input') ?? target) : target
                    focusable?.focus()
                    target?.scrollIntoView({ block: 'center' })
                  }}
                >
                  {item.message}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  )
}
