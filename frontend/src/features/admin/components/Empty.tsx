import { useTranslation } from 'react-i18next'

/** An empty table cell: a dash to the eye, "none" to a screen reader. */
export function Empty() {
  const { t } = useTranslation()
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t('audit.none')}</span>
    </>
  )
}
