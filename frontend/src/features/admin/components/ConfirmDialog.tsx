import { useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '@/components/Button'
import { Dialog } from '@/components/Dialog'

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
  const cancelRef = useRef<HTMLButtonElement>(null)
  return (
    <Dialog
      open={open}
      title={title}
      initialFocus={cancelRef}
      onCancel={onCancel}
      actions={
        <>
          <Button variant="danger" onClick={onConfirm} aria-disabled={busy || undefined}>
            {busy ? t('form.saving') : confirmLabel}
          </Button>
          <Button ref={cancelRef} variant="secondary" onClick={onCancel}>
            {t('form.cancel')}
          </Button>
        </>
      }
    >
      {children}
    </Dialog>
  )
}
