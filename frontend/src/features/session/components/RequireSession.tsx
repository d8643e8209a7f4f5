import { Navigate, Outlet, useLocation } from 'react-router'
import { LoadingState } from '@/components/LoadingState'
import { hasAnyRole, type Role } from '@/lib/roles'
import { useSessionState } from '../hooks/sessionContext'
import type { LoginRouteState } from '../model/routeState'
import { NoPermissionPage } from './NoPermissionPage'

/**
 * A route guard. While the session is restored it shows a loading state; for nobody signed
 * in it goes to `/login`, carrying where the user was (path, query, hash and route state),
 * so signing in brings them back; without one of `roles` it shows the no-permission page.
 * The server decides again on every request: this only spares people a dead end.
 */
export function RequireSession({ roles }: { roles?: readonly Role[] }) {
  const state = useSessionState()
  const location = useLocation()
  if (state.status === 'restoring') return <LoadingState lines={3} />
  if (state.status === 'signedOut') {
    // After signing out on purpose, nobody is taken back to the page they left.
    const loginState: LoginRouteState =
      state.reason === 'signedOut'
        ? { reason: 'signedOut' }
        : {
            reason: state.reason,
            from: { pathname: location.pathname, search: location.search, hash: location.hash, state: location.state },
          }
    return <Navigate to="/login" replace state={loginState} />
  }
  if (roles && !hasAnyRole(state.user.roles, roles)) return <NoPermissionPage />
  return <Outlet />
}
