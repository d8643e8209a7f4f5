import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import styles from './Form.module.css'

/** "必須" / "任意" after a label. */
export function RequiredMark({ required }: { required: boolean }) {
  const { t } = useTranslation()
  return required ? (
    <span className={styles.required}>{t('form.required')}</span>
  ) : (
    <span className={styles.optional}>{t('form.optional')}</span>
  )
}

export function FieldHint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={`${id}-hint`} className={styles.hint}>
      {children}
    </div>
  )
}

/** The message next to a field the server (or the form) found wrong. */
export function FieldError({ id, message }: { id: string; message: string | null | undefined }) {
  const { t } = useTranslation()
  if (!message) return null
  return (
    <p id={`${id}-error`} className={styles.error}>
      <span className="visually-hidden">{t('form.errorPrefix')}: </span>
      {message}
    </p>
  )
}
