import { useEffect, useRef } from 'react'
import { NavigationType, Outlet, ScrollRestoration, useLocation, useNavigationType } from 'react-router'
import { useTranslation } from 'react-i18next'
import { Footer } from './Footer'
import { Header } from './Header'
import styles from './AppShell.module.css'

export const MAIN_ID = 'main-content'

/**
 * The page frame: skip link, header, main, footer. After each navigation the user makes,
 * focus moves to `main`, so screen-reader and keyboard users start at the new page's content.
 */
export function AppShell() {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  const navigationType = useNavigationType()
  const mainRef = useRef<HTMLElement>(null)
  const shownPath = useRef(pathname)

  useEffect(() => {
    if (shownPath.current === pathname) return // first render (and StrictMode's second run)
    shownPath.current = pathname
    // A redirect (REPLACE, such as `/` → the plan) is not a move the user made, unless it
    // took away the element that had focus (signing in returns to the page the user left).
    const active = document.activeElement
    const focusLost = active === null || active === document.body || !document.contains(active)
    if (navigationType === NavigationType.Replace && !focusLost) return
    mainRef.current?.focus({ preventScroll: true })
  }, [pathname, navigationType])

  return (
    <div className={styles.shell}>
      <a href={`#${MAIN_ID}`} className={styles.skipLink}>
        {t('app.skipToContent')}
      </a>
      <Header />
      <main id={MAIN_ID} ref={mainRef} tabIndex={-1} className={styles.main}>
        <Outlet />
      </main>
      <Footer />
      <ScrollRestoration />
    </div>
  )
}
