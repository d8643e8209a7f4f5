import { useEffect, useState } from 'react'
import { useBlocker } from 'react-router'
import { useSessionController } from '@/features/session'
import type { ReportAutosave } from '../model/autosave'

export interface LeaveGuard {
  /** Saving before leaving failed: the writer is asked. */
  asking: boolean
  stay: () => void
  leaveAnyway: () => void
}

/**
 * Leaving the editor for another page of the app first saves what is pending; only if
 * that fails (or a conflict waits for a choice) is the writer asked whether to leave. When
 * the session has ended, the way to the sign-in page is never blocked: the draft is kept.
 */
export function useLeaveGuard(controller: ReportAutosave): LeaveGuard {
  const session = useSessionController()
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      currentLocation.pathname !== nextLocation.pathname &&
      session.getState().status === 'signedIn' &&
      !controller.isSaved(),
  )
  const [asking, setAsking] = useState(false)
  const blocked = blocker.state === 'blocked'
  const { proceed } = blocker

  useEffect(() => {
    if (!blocked || !proceed) return undefined
    let live = true
    void controller.flush().then(() => {
      if (!live) return
      if (controller.isSaved()) proceed()
      else setAsking(true)
    })
    return () => {
      live = false
    }
  }, [blocked, proceed, controller])

  return {
    asking: asking && blocked,
    stay: () => {
      setAsking(false)
      blocker.reset?.()
    },
    leaveAnyway: () => {
      setAsking(false)
      blocker.proceed?.()
    },
  }
}
