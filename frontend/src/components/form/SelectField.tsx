import type { ReactNode, SelectHTMLAttributes } from 'react'
import { controlAria } from './fieldIds'
import { FieldShell, type FieldFrame } from './FieldShell'
import styles from './Form.module.css'

export interface SelectFieldProps
  extends FieldFrame,
    Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange' | 'className'> {
  value: string
  onChange: (value: string) => void
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
  optionalMark,
  children,
  className,
  ...select
}: SelectFieldProps) {
  const frame = { id, label, hint, error, required, optionalMark, className }
  return (
    <FieldShell {...frame}>
      <select
        {...select}
        id={id}
        name={select.name ?? id}
        className={styles.select}
        value={value}
        onChange={(event) => {
          onChange(event.target.value)
        }}
        {...controlAria(frame)}
      >
        {children}
      </select>
    </FieldShell>
  )
}
