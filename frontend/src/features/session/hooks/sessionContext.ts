import { createContext, useContext, useSyncExternalStore } from 'react'
import type { SessionController } from '../model/controller'
import type { SessionState, SessionUser } from '../model/types'

/** The page's session controller; `SessionProvider` supplies it. */
export const SessionContext = createContext<SessionController | null>(null)

export function useSessionController(): SessionController {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSessionController needs a <SessionProvider>')
  return session
}

/** The session state; re-renders the caller when it changes. */
export function useSessionState(): SessionState {
  const session = useSessionController()
  return useSyncExternalStore(session.subscribe, session.getState, session.getState)
}

/** The signed-in person, or null for the public (and while the session is restored). */
export function useSignedInUser(): SessionUser | null {
  const state = useSessionState()
  return state.status === 'signedIn' ? state.user : null
}
