import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * Sets `document.title` to `page | ぬくもり` (translated). `null` leaves the title as it is,
 * for a page still loading; an error or empty state then sets its own.
 */
export function useDocumentTitle(page: string | null | undefined): void {
  const { t } = useTranslation()
  const title = page ? t('app.pageTitle', { page }) : null
  useEffect(() => {
    if (title) document.title = title
  }, [title])
}
