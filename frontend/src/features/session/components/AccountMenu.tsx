import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useNavigate } from 'react-router'
import { useLanguage } from '@/lib/useLanguage'
import { useSessionController, useSessionState } from '../hooks/sessionContext'
import type { LoginRouteState } from '../model/routeState'
import styles from './AccountMenu.module.css'

/**
 * The header's account corner. For the public, a sign-in link (that brings them back here).
 * For a signed-in person, their name and organisation on a button that opens a small menu
 * (disclosure pattern: Escape or a click elsewhere closes it and focus returns to the button)
 * with "change password" and "sign out".
 */
export function AccountMenu() {
  const { t } = useTranslation()
  const language = useLanguage()
  const state = useSessionState()
  const session = useSessionController()
  const location = useLocation()
  const navigate = useNavigate()
  const [open, setOpen] = useState(false)
  const container = useRef<HTMLDivElement>(null)
  const trigger = useRef<HTMLButtonElement>(null)
  const panelId = useId()

  useEffect(() => {
    if (!open) return
    const onPointer = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointer)
    return () => {
      document.removeEventListener('pointerdown', onPointer)
    }
  }, [open])

  if (state.status === 'restoring') return null
  if (state.status === 'signedOut') {
    if (location.pathname === '/login') return null
    const loginState: LoginRouteState = {
      from: { pathname: location.pathname, search: location.search, hash: location.hash, state: location.state },
    }
    return (
      <Link to="/login" state={loginState} className={styles.signIn}>
        {t('session.signIn')}
      </Link>
    )
  }

  const { user } = state
  const organization = language === 'en' ? user.organization.nameEn : user.organization.nameJa

  const close = () => {
    setOpen(false)
  }

  const signOut = () => {
    setOpen(false)
    void session.signOut()
    void navigate('/login', { replace: true, state: { reason: 'signedOut' } satisfies LoginRouteState })
  }

  return (
    <div
      ref={container}
      className={styles.menu}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation()
          setOpen(false)
          trigger.current?.focus()
        }
      }}
      onBlur={(event) => {
        if (open && !container.current?.contains(event.relatedTarget)) setOpen(false)
      }}
    >
      <button
        ref={trigger}
        type="button"
        className={styles.trigger}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setOpen((value) => !value)
        }}
      >
        <span className="visually-hidden">{t('session.accountMenu')}: </span>
        <span className={styles.who}>
          <span className={styles.name}>{user.displayName}</span>
          <span className={styles.organization}>{organization}</span>
        </span>
        <svg className={styles.chevron} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M7 10l5 5 5-5z" />
        </svg>
      </button>
      <div id={panelId} className={styles.panel} hidden={!open}>
        <ul className={styles.items}>
          <li>
            <Link to="/home" className={styles.item} onClick={close}>
              {t('nav.home')}
            </Link>
          </li>
          <li>
            <Link to="/account/password" className={styles.item} onClick={close}>
              {t('session.changePassword')}
            </Link>
          </li>
          <li>
            <Link to="/account/notifications" className={styles.item} onClick={close}>
              {t('account.notifications.title')}
            </Link>
          </li>
          <li>
            <button type="button" className={styles.item} onClick={signOut}>
              {t('session.signOut')}
            </button>
          </li>
        </ul>
      </div>
    </div>
  )
}
