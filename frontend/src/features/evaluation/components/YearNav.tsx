import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { fiscalYearLabel } from '@/lib/fiscalYear'
import { useLanguage } from '@/lib/useLanguage'
import { EVALUATION_STATUSES } from '../model/format'
import { evaluationPath, type YearLink } from '../model/years'
import styles from './Evaluation.module.css'

/** Links to the plan's other evaluation years, each with its status in words. */
export function YearNav({ planCode, links, current }: { planCode: string; links: readonly YearLink[]; current: number }) {
  const { t } = useTranslation()
  const language = useLanguage()
  if (links.length === 0) return null
  return (
    <nav className={styles.years} aria-label={t('evaluation.yearsNav')}>
      <ul>
        {links.map((link) => {
          const status = EVALUATION_STATUSES.find((s) => s === link.status)
          return (
            <li key={link.fiscalYear}>
              <Link
                to={evaluationPath(planCode, link.fiscalYear)}
                className={styles.yearLink}
                aria-current={link.fiscalYear === current ? 'page' : undefined}
              >
                <span>{fiscalYearLabel(link.fiscalYear, language)}</span>
                <span className={styles.yearStatus}>
                  {status ? t(`evaluation.status.${status}`) : t('evaluation.yearNotCompiled')}
                </span>
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
