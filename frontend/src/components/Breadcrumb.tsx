import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import styles from './Breadcrumb.module.css'

export interface BreadcrumbItem {
  key: string
  label: ReactNode
  /** Omitted for the current page, the last item. */
  to?: string
}

/** The path to the current page, as a `nav` with an ordered list (last item is the page). */
export function Breadcrumb({ items }: { items: readonly BreadcrumbItem[] }) {
  const { t } = useTranslation()
  return (
    <nav aria-label={t('direction.breadcrumb')} className={styles.breadcrumb}>
      <ol className={styles.list}>
        {items.map((item) => (
          <li key={item.key} className={styles.item}>
            {item.to ? (
              <Link to={item.to}>{item.label}</Link>
            ) : (
              <span aria-current="page">{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  )
}
