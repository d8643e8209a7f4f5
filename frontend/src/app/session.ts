/**
 * The page's single session controller. It starts at once (before React renders), so the
 * one `refreshSession` that restores a session from the cookie is already on its way
 * while the app mounts; GraphQL operations wait for it (see `sessionExchange`).
 */
import { createFetchTransport, refreshWhenBack, SessionController, sessionChannel, webLock } from '@/features/session'
import { currentLanguage } from '@/lib/i18n'
import { i18n } from './i18n'

export const session = new SessionController({
  transport: createFetchTransport({ getLanguage: () => currentLanguage(i18n) }),
  lock: webLock(),
  channel: sessionChannel(),
})

session.start()
refreshWhenBack(() => {
  session.refreshIfDue()
})
