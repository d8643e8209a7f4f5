import { useEffect, useId, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '@/components/Button'
import styles from './Admin.module.css'

/**
 * A modal confirmation on the native `<dialog>`: the page behind is inert, Escape cancels,
 * focus starts on "cancel" (the safe choice) and returns where it was when the dialog closes.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  busy,
  onConfirm,
  onCancel,
}: {
  open: boolean
  title: string
  children: ReactNode
  confirmLabel: string
  busy: boolean
  onConfirm: () => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDialogElement>(null)
  const cancelRef = useRef<HTMLButtonElement>(null)
  const titleId = useId()
  const bodyId = useId()

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) {
      const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
      dialog.showModal()
      cancelRef.current?.focus()
      return () => {
        if (dialog.open) dialog.close()
        opener?.focus()
      }
    }
    return undefined
  }, [open])

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
      <div className={styles.dialogBody}>
        <h2 id={titleId} className={styles.sectionHeading}>
          {title}
        </h2>
        <div id={bodyId}>{children}</div>
        <div className={styles.loadMore}>
          <Button variant="danger" onClick={onConfirm} aria-disabled={busy || undefined}>
            {busy ? t('form.saving') : confirmLabel}
          </Button>
          <Button ref={cancelRef} variant="secondary" onClick={onCancel}>
            {t('form.cancel')}
          </Button>
        </div>
      </div>
    </dialog>
  )
}
