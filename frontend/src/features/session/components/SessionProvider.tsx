import type { ReactNode } from 'react'
import type { SessionController } from '../model/controller'
import { SessionContext } from '../hooks/sessionContext'

/** Makes the page's session controller available to the screens below. */
export function SessionProvider({ session, children }: { session: SessionController; children: ReactNode }) {
  return <SessionContext value={session}>{children}</SessionContext>
}
