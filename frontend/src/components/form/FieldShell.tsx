import type { ReactNode } from 'react'
import { cx } from '@/lib/cx'
import { FieldError, FieldHint, RequiredMark } from './FieldParts'
import styles from './Form.module.css'

/** What every labelled field shows around its control. */
export interface FieldFrame {
  id: string
  label: ReactNode
  hint?: ReactNode
  error?: string | null
  required?: boolean
  /** Set false where every field is optional (filters): "optional" tags would be noise. */
  optionalMark?: boolean
  className?: string
}

/** The label, hint and error of a field, around its control (the children). */
export function FieldShell({
  id,
  label,
  hint,
  error,
  required = false,
  optionalMark = true,
  className,
  children,
}: FieldFrame & { children: ReactNode }) {
  return (
    <div className={cx(styles.field, error && styles.fieldInvalid, className)}>
      <label htmlFor={id} className={styles.label}>
        {label}
        {required || optionalMark ? <RequiredMark required={required} /> : null}
      </label>
      {hint ? <FieldHint id={id}>{hint}</FieldHint> : null}
      <FieldError id={id} message={error} />
      {children}
    </div>
  )
}
