import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { BilingualName } from '@/components/BilingualName'
import { RoleList } from '@/components/RoleList'
import { useSignedInUser } from '@/features/session'
import { ADMINISTRATION_ROLES, hasAnyRole, REPORT_WRITER_ROLES } from '@/lib/roles'
import { useDocumentTitle } from '@/lib/useDocumentTitle'
import { homeBlocks, REVIEWER_ROLES } from '../model/todo'
import { CommitteeBlock, OfficeEvaluationBlock } from './EvaluationBlocks'
import { ReportsBlock } from './ReportsBlock'
import { ReviewsBlock } from './ReviewsBlock'
import styles from './HomePage.module.css'

interface Tool {
  to: string
  title: string
  body: string
}

/**
 * `/home`: what this person must do now, by role (each block loads on its own): the reports
 * their organisation must hand in, the reports waiting for their review, the evaluations
 * before the committee, the year's evaluation for the plan office. Then the parts of the
 * product they can use.
 */
export function HomePage() {
  const { t } = useTranslation()
  const user = useSignedInUser()
  useDocumentTitle(t('home.title'))
  if (!user) return null

  const blocks = homeBlocks(user.roles)
  const tools: Tool[] = []
  if (hasAnyRole(user.roles, REPORT_WRITER_ROLES)) {
    tools.push({ to: '/reports', title: t('reports.home.title'), body: t('reports.home.body') })
  }
  if (hasAnyRole(user.roles, REVIEWER_ROLES)) {
    tools.push({ to: '/reviews', title: t('home.reviewsTitle'), body: t('home.reviewsBody') })
  }
  tools.push(
    { to: '/', title: t('home.planTitle'), body: t('home.planBody') },
    { to: '/evaluations', title: t('home.evaluationsTitle'), body: t('home.evaluationsBody') },
  )
  if (hasAnyRole(user.roles, ADMINISTRATION_ROLES)) {
    tools.push(
      { to: '/admin/users', title: t('home.usersTitle'), body: t('home.usersBody') },
      { to: '/admin/audit', title: t('home.auditTitle'), body: t('home.auditBody') },
    )
  }
  tools.push(
    { to: '/account/password', title: t('home.passwordTitle'), body: t('home.passwordBody') },
    { to: '/account/notifications', title: t('home.notificationsTitle'), body: t('home.notificationsBody') },
  )

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
      {blocks.length > 0 ? (
        <div className={styles.blocks}>
          {blocks.includes('reports') ? <ReportsBlock /> : null}
          {blocks.includes('reviews') ? <ReviewsBlock /> : null}
          {blocks.includes('committee') ? <CommitteeBlock /> : null}
          {blocks.includes('evaluation') ? <OfficeEvaluationBlock /> : null}
        </div>
      ) : null}
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
