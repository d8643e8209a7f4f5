import { useEffect } from 'react'
import { useLocation } from 'react-router'

/**
 * Scrolls to the element named by the URL's `#hash` once `ready` (its content has loaded),
 * and moves focus there so keyboard and screen-reader users land in the same place.
 */
export function useScrollToHash(ready: boolean): void {
  const { hash } = useLocation()
  useEffect(() => {
    if (!ready || hash.length < 2) return
    const target = document.getElementById(decodeURIComponent(hash.slice(1)))
    if (!target) return
    // jsdom (tests) has no scrollIntoView.
    if (typeof target.scrollIntoView === 'function') target.scrollIntoView({ block: 'start' })
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1')
    target.focus({ preventScroll: true })
  }, [hash, ready])
}
