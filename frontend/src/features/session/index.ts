/**
 * The session feature: who is signed in, the access token (in memory only), refreshing it,
 * the urql exchange that puts it into requests, route guards, the sign-in and
 * change-password pages, and the header's account menu. See "Sessions" in the README.
 * Other code imports the feature only through this file.
 */

// Wiring (src/app): one controller per page, its transport and browser helpers, the exchange.
export { SessionController, type SessionControllerOptions } from './model/controller'
export { createFetchTransport, type FetchTransportOptions } from './model/transport'
export { refreshWhenBack, sessionChannel, webLock } from './model/browser'
export { sessionExchange, type SessionLink } from './model/exchange'
export type {
  Clock,
  LockFn,
  LogoutStatus,
  RefreshOutcome,
  SessionChannel,
  SessionGrant,
  SessionMessage,
  SessionState,
  SessionTransport,
  SessionUser,
  SignedOutReason,
} from './model/types'

// For screens.
export { SessionProvider } from './components/SessionProvider'
export { useSessionController, useSessionState, useSignedInUser } from './hooks/sessionContext'
export { useDraft } from './hooks/useDraft'
export { AccountMenu } from './components/AccountMenu'
export { ChangePasswordPage } from './components/ChangePasswordPage'
export { LoginPage } from './components/LoginPage'
export { NoPermissionPage } from './components/NoPermissionPage'
export { RequireSession } from './components/RequireSession'
export type { LoginRouteState, ReturnLocation } from './model/routeState'
