import { useTranslation } from 'react-i18next'
import { Link, NavLink } from 'react-router'
import { CurrentPlanName, PlanNavLinks } from '@/features/plan'
import { AccountMenu, useSignedInUser } from '@/features/session'
import { ADMINISTRATION_ROLES, hasAnyRole, REPORT_WRITER_ROLES } from '@/lib/roles'
import { LanguageSwitch } from './LanguageSwitch'
import { PLAN_OFFICE_ROLES, REVIEW_ROLES } from './navRoles'
import styles from './Header.module.css'

/**
 * The site header: product name, the plan being viewed, the language switch, the account
 * corner (sign-in link, or the person's name with their menu), and the main menu.
 */
export function Header() {
  const { t } = useTranslation()
  const user = useSignedInUser()
  const administers = user !== null && hasAnyRole(user.roles, ADMINISTRATION_ROLES)
  const writesReports = user !== null && hasAnyRole(user.roles, REPORT_WRITER_ROLES)
  const reviews = user !== null && hasAnyRole(user.roles, REVIEW_ROLES)
  const runsPlan = user !== null && hasAnyRole(user.roles, PLAN_OFFICE_ROLES)
  return (
    <header className={styles.header}>
      <div className={styles.inner}>
        <div className={styles.brand}>
          <Link to={user ? '/home' : '/'} className={styles.logo}>
            <svg className={styles.mark} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
              <rect width="32" height="32" rx="8" />
              <path d="M16 25s-8-4.9-8-10.2A4.4 4.4 0 0 1 16 12a4.4 4.4 0 0 1 8 2.8C24 20.1 16 25 16 25z" />
            </svg>
            <span className={styles.productName} lang="ja">
              {t('app.name')}
            </span>
            <span className={styles.productLatin} lang="en">
              {t('app.nameLatin')}
            </span>
            <span className="visually-hidden">{t('app.homeLink')}</span>
          </Link>
          <div className={styles.context}>
            <p className={styles.tagline}>{t('app.tagline')}</p>
            <CurrentPlanName />
          </div>
        </div>
        <div className={styles.tools}>
          <LanguageSwitch />
          <AccountMenu />
        </div>
      </div>
      <nav className={styles.nav} aria-label={t('app.primaryNav')}>
        <ul className={styles.navList}>
          {user ? (
            <li>
              <NavLink to="/home" className={styles.navLink}>
                {t('nav.home')}
              </NavLink>
            </li>
          ) : null}
          {writesReports ? (
            <li>
              <NavLink to="/reports" className={styles.navLink}>
                {t('reports.nav')}
              </NavLink>
            </li>
          ) : null}
          {reviews ? (
            <li>
              <NavLink to="/reviews" className={styles.navLink}>
                {t('review.nav')}
              </NavLink>
            </li>
          ) : null}
          <PlanNavLinks linkClassName={styles.navLink} />
          <li>
            <NavLink to="/evaluations" className={styles.navLink}>
              {t('evaluation.nav')}
            </NavLink>
          </li>
          {administers ? (
            <>
              <li>
                <NavLink to="/admin/users" className={styles.navLink}>
                  {t('nav.users')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/admin/organizations" className={styles.navLink}>
                  {t('adminOrganizations.nav')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/admin/audit" className={styles.navLink}>
                  {t('nav.audit')}
                </NavLink>
              </li>
            </>
          ) : null}
          {runsPlan ? (
            <>
              <li>
                <NavLink to="/admin/ownership" className={styles.navLink}>
                  {t('adminOwnership.nav')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/admin/periods" className={styles.navLink}>
                  {t('adminPeriods.nav')}
                </NavLink>
              </li>
            </>
          ) : null}
        </ul>
      </nav>
    </header>
  )
}
