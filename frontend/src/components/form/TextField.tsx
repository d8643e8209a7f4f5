import type { InputHTMLAttributes, Ref } from 'react'
import { controlAria } from './fieldIds'
import { FieldShell, type FieldFrame } from './FieldShell'
import styles from './Form.module.css'

export interface TextFieldProps
  extends FieldFrame,
    Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'className'> {
  value: string
  onChange: (value: string) => void
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
  optionalMark,
  inputRef,
  className,
  ...input
}: TextFieldProps) {
  const frame = { id, label, hint, error, required, optionalMark, className }
  return (
    <FieldShell {...frame}>
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
        {...controlAria(frame)}
      />
    </FieldShell>
  )
}
