import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { BilingualName } from '@/components/BilingualName'
import { RoleList } from '@/components/RoleList'
import { useSignedInUser } from '@/features/session'
import { ADMINISTRATION_ROLES, hasAnyRole, REPORT_WRITER_ROLES } from '@/lib/roles'
import { useDocumentTitle } from '@/lib/useDocumentTitle'
import styles from './HomePage.module.css'

interface Tool {
  to: string
  title: string
  body: string
}

/**
 * `/home`. Only what is real today: for the people who write reports, their organisation's
 * reports first; the plan explorer for everyone, the administration pages for the plan
 * office and administrators, and the person's own password. Reviews will add their entry
 * when they exist.
 */
export function HomePage() {
  const { t } = useTranslation()
  const user = useSignedInUser()
  useDocumentTitle(t('home.title'))
  if (!user) return null

  const tools: Tool[] = []
  if (hasAnyRole(user.roles, REPORT_WRITER_ROLES)) {
    tools.push({ to: '/reports', title: t('reports.home.title'), body: t('reports.home.body') })
  }
  tools.push({ to: '/', title: t('home.planTitle'), body: t('home.planBody') })
  if (hasAnyRole(user.roles, ADMINISTRATION_ROLES)) {
    tools.push(
      { to: '/admin/users', title: t('home.usersTitle'), body: t('home.usersBody') },
      { to: '/admin/audit', title: t('home.auditTitle'), body: t('home.auditBody') },
    )
  }
  tools.push({ to: '/account/password', title: t('home.passwordTitle'), body: t('home.passwordBody') })

  return (
    <div className={styles.page}>
      <section className={styles.welcome} aria-labelledby="home-heading">
        <h1 id="home-heading">{t('home.greeting', { name: user.displayName })}</h1>
        <dl className={styles.facts}>
          <div>
            <dt>{t('home.organization')}</dt>
            <dd>
              <BilingualName ja={user.organization.nameJa} en={user.organization.nameEn} />
            </dd>
          </div>
          <div>
            <dt>{t('home.roles')}</dt>
            <dd>
              <RoleList roles={user.roles} />
            </dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="home-tools">
        <h2 id="home-tools" className={styles.toolsHeading}>
          {t('home.toolsHeading')}
        </h2>
        <ul className={styles.tools}>
          {tools.map((tool) => (
            <li key={tool.to} className={styles.tool}>
              <h3 className={styles.toolTitle}>
                <Link to={tool.to}>{tool.title}</Link>
              </h3>
              <p>{tool.body}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}
