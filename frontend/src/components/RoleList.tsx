import { useTranslation } from 'react-i18next'
import { sortRoles } from '@/lib/roles'
import { useLanguage } from '@/lib/useLanguage'
import styles from './RoleList.module.css'

/**
 * Roles as a list of tags, in the order of the promotion system. The Japanese name is the
 * official one; with English selected, the English name comes first and the Japanese follows.
 */
export function RoleList({ roles, className }: { roles: readonly string[]; className?: string }) {
  const { t, i18n } = useTranslation()
  const language = useLanguage()
  const ja = i18n.getFixedT('ja')
  return (
    <ul className={[styles.roles, className].filter(Boolean).join(' ')}>
      {sortRoles(roles).map((role) => (
        <li key={role} className={styles.role}>
          {language === 'ja' ? (
            t(`roles.${role}`)
          ) : (
            <>
              {t(`roles.${role}`)}{' '}
              <span lang="ja" className={styles.japanese}>
                {ja(`roles.${role}`)}
              </span>
            </>
          )}
        </li>
      ))}
    </ul>
  )
}
