import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '@/components/Button'
import type { LeaveGuard } from '../hooks/useLeaveGuard'
import { Dialog } from '@/components/Dialog'

/** Asks before leaving changes that could not be saved. */
export function LeaveDialog({ leave }: { leave: LeaveGuard }) {
  const { t } = useTranslation()
  const stayRef = useRef<HTMLButtonElement>(null)
  return (
    <Dialog
      open={leave.asking}
      title={t('reports.leave.title')}
      initialFocus={stayRef}
      onCancel={leave.stay}
      actions={
        <>
          <Button ref={stayRef} onClick={leave.stay}>
            {t('reports.leave.stay')}
          </Button>
          <Button variant="danger" onClick={leave.leaveAnyway}>
            {t('reports.leave.discard')}
          </Button>
        </>
      }
    >
      <p>{t('reports.leave.body')}</p>
    </Dialog>
  )
}
