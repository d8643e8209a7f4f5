import type { InputHTMLAttributes, ReactNode, Ref } from 'react'
import { cx } from '@/lib/cx'
import { describedBy } from './fieldIds'
import { FieldError, FieldHint, RequiredMark } from './FieldParts'
import styles from './Form.module.css'

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'> {
  id: string
  label: ReactNode
  value: string
  onChange: (value: string) => void
  hint?: ReactNode
  error?: string | null
  required?: boolean
  /** Set false where every field is optional (filters): "optional" tags would be noise. */
  optionalMark?: boolean
  inputRef?: Ref<HTMLInputElement>
}

/** A labelled text input with its hint and error, linked by `aria-describedby`. */
export function TextField({
  id,
  label,
  value,
  onChange,
  hint,
  error,
  required = false,
  optionalMark = true,
  inputRef,
  className,
  ...input
}: TextFieldProps) {
  return (
    <div className={cx(styles.field, error && styles.fieldInvalid, className)}>
      <label htmlFor={id} className={styles.label}>
        {label}
        {required || optionalMark ? <RequiredMark required={required} /> : null}
      </label>
      {hint ? <FieldHint id={id}>{hint}</FieldHint> : null}
      <FieldError id={id} message={error} />
      <input
        {...input}
        ref={inputRef}
        id={id}
        name={input.name ?? id}
        className={styles.input}
        value={value}
        onChange={(event) => {
          onChange(event.target.value)
        }}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  )
}
