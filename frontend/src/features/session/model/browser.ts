/**
 * The browser's pieces the controller uses, where they exist: a Web Lock that lets one
 * tab refresh at a time, and a BroadcastChannel that tells the other tabs about sign-ins
 * and sign-outs. Without them (old browsers, tests) each tab still works on its own.
 */
import type { LockFn, SessionChannel } from './types'

const NAME = 'nukumori.session'

export function webLock(name = NAME): LockFn {
  return <T>(task: () => Promise<T>): Promise<T> => {
    const locks = typeof navigator === 'undefined' ? undefined : (navigator as Partial<Navigator>).locks
    if (!locks) return task()
    return locks.request(name, task)
  }
}

export function sessionChannel(name = NAME): SessionChannel | null {
  return typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : null
}

/**
 * Refreshes when the tab comes back (timers sleep in hidden tabs and suspended laptops),
 * so the first request after a long pause does not have to fail first.
 */
export function refreshWhenBack(refreshIfDue: () => void): () => void {
  if (typeof document === 'undefined') return () => undefined
  const onVisible = () => {
    if (document.visibilityState === 'visible') refreshIfDue()
  }
  document.addEventListener('visibilitychange', onVisible)
  window.addEventListener('online', refreshIfDue)
  return () => {
    document.removeEventListener('visibilitychange', onVisible)
    window.removeEventListener('online', refreshIfDue)
  }
}
