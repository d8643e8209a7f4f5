import type { SignedOutReason } from './types'

/** Where the user was, so that signing in can take them back (route state survives the trip). */
export interface ReturnLocation {
  pathname: string
  search: string
  hash: string
  state?: unknown
}

/** The route state the sign-in page reads. */
export interface LoginRouteState {
  from?: ReturnLocation
  reason?: SignedOutReason
}

function isReturnLocation(value: unknown): value is ReturnLocation {
  return (
    typeof value === 'object' &&
    value !== null &&
    'pathname' in value &&
    typeof value.pathname === 'string' &&
    value.pathname.startsWith('/') &&
    !value.pathname.startsWith('//')
  )
}

const REASONS: readonly SignedOutReason[] = ['none', 'expired', 'signedOut']

/** Reads the sign-in page's route state defensively (history state outlives app versions). */
export function readLoginState(state: unknown): LoginRouteState {
  if (typeof state !== 'object' || state === null) return {}
  const from = 'from' in state && isReturnLocation(state.from) ? state.from : undefined
  const reason =
    'reason' in state && REASONS.includes(state.reason as SignedOutReason) ? (state.reason as SignedOutReason) : undefined
  return {
    ...(from ? { from: { pathname: from.pathname, search: from.search || '', hash: from.hash || '', state: from.state } } : {}),
    ...(reason ? { reason } : {}),
  }
}
