import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react'
import styles from './Dialog.module.css'

/**
 * A modal on the native `<dialog>`: the page behind is inert, Escape cancels, focus starts
 * on `initialFocus` (the safe choice, or the first field) and returns where it was when the
 * dialog closes.
 */
export function Dialog({
  open,
  title,
  children,
  actions,
  initialFocus,
  onCancel,
}: {
  open: boolean
  title: string
  children: ReactNode
  actions: ReactNode
  initialFocus: RefObject<HTMLElement | null>
  onCancel: () => void
}) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const bodyId = useId()

  useEffect(() => {
    const dialog = ref.current
    if (!dialog || !open) return undefined
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!dialog.open) dialog.showModal()
    initialFocus.current?.focus()
    return () => {
      if (dialog.open) dialog.close()
      if (opener && document.contains(opener)) opener.focus()
    }
  }, [open, initialFocus])

  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault()
        onCancel()
      }}
    >
      {open ? (
        <div className={styles.body}>
          <h2 id={titleId} className={styles.title}>
            {title}
          </h2>
          <div id={bodyId} className={styles.content}>
            {children}
          </div>
          <div className={styles.actions}>{actions}</div>
        </div>
      ) : null}
    </dialog>
  )
}
