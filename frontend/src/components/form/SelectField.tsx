import type { ReactNode, SelectHTMLAttributes } from 'react'
import { cx } from '@/lib/cx'
import { describedBy } from './fieldIds'
import { FieldError, FieldHint, RequiredMark } from './FieldParts'
import styles from './Form.module.css'

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange'> {
  id: string
  label: ReactNode
  value: string
  onChange: (value: string) => void
  hint?: ReactNode
  error?: string | null
  required?: boolean
  /** Set false where every field is optional (filters): "optional" tags would be noise. */
  optionalMark?: boolean
  children: ReactNode
}

/** A labelled `select` (options as children) with its hint and error. */
export function SelectField({
  id,
  label,
  value,
  onChange,
  hint,
  error,
  required = false,
  optionalMark = true,
  children,
  className,
  ...select
}: SelectFieldProps) {
  return (
    <div className={cx(styles.field, error && styles.fieldInvalid, className)}>
      <label htmlFor={id} className={styles.label}>
        {label}
        {required || optionalMark ? <RequiredMark required={required} /> : null}
      </label>
      {hint ? <FieldHint id={id}>{hint}</FieldHint> : null}
      <FieldError id={id} message={error} />
      <select
        {...select}
        id={id}
        name={select.name ?? id}
        className={styles.select}
        value={value}
        onChange={(event) => {
          onChange(event.target.value)
        }}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {children}
      </select>
    </div>
  )
}
