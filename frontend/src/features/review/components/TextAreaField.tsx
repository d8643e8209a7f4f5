import type { Ref, TextareaHTMLAttributes } from 'react'
import { formStyles } from '@/components/form'
import { controlAria } from '@/components/form/fieldIds'
import { FieldShell, type FieldFrame } from '@/components/form/FieldShell'
import { cx } from '@/lib/cx'
import styles from './Review.module.css'

export interface TextAreaFieldProps
  extends FieldFrame,
    Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange' | 'className'> {
  value: string
  onChange: (value: string) => void
  ref?: Ref<HTMLTextAreaElement>
}

/** A labelled multi-line text field with its hint and error (the shared field frame). */
export function TextAreaField({
  id,
  label,
  value,
  onChange,
  hint,
  error,
  required = false,
  optionalMark,
  className,
  rows = 4,
  ref,
  ...textarea
}: TextAreaFieldProps) {
  const frame = { id, label, hint, error, required, optionalMark, className }
  return (
    <FieldShell {...frame}>
      <textarea
        {...textarea}
        ref={ref}
        id={id}
        name={textarea.name ?? id}
        rows={rows}
        className={cx(formStyles.input, styles.textarea)}
        value={value}
        onChange={(event) => {
          onChange(event.target.value)
        }}
        {...controlAria(frame)}
      />
    </FieldShell>
  )
}
