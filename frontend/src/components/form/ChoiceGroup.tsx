import type { ReactNode } from 'react'
import { cx } from '@/lib/cx'
import { describedBy } from './fieldIds'
import { FieldError, FieldHint, RequiredMark } from './FieldParts'
import styles from './Form.module.css'

export interface Choice<V extends string> {
  value: V
  label: ReactNode
  description?: ReactNode
  disabled?: boolean
  /** `lang` of the label, when it is not in the page's language. */
  lang?: string
}

interface BaseProps<V extends string> {
  id: string
  legend: ReactNode
  choices: readonly Choice<V>[]
  hint?: ReactNode
  error?: string | null
  required?: boolean
}

/** A fieldset of checkboxes: any number of the choices. */
export function CheckboxGroup<V extends string>({
  value,
  onChange,
  ...props
}: BaseProps<V> & { value: readonly V[]; onChange: (value: V[]) => void }) {
  return (
    <ChoiceFieldset
      {...props}
      type="checkbox"
      isChecked={(choice) => value.includes(choice)}
      onToggle={(choice, checked) => {
        const next = checked ? [...value, choice] : value.filter((v) => v !== choice)
        // Keep the choices' own order.
        onChange(props.choices.map((c) => c.value).filter((v) => next.includes(v)))
      }}
    />
  )
}

/** A fieldset of radio buttons: exactly one of the choices. */
export function RadioGroup<V extends string>({
  value,
  onChange,
  ...props
}: BaseProps<V> & { value: V; onChange: (value: V) => void }) {
  return (
    <ChoiceFieldset
      {...props}
      type="radio"
      isChecked={(choice) => value === choice}
      onToggle={(choice, checked) => {
        if (checked) onChange(choice)
      }}
    />
  )
}

function ChoiceFieldset<V extends string>({
  id,
  legend,
  choices,
  hint,
  error,
  required = false,
  type,
  isChecked,
  onToggle,
}: BaseProps<V> & {
  type: 'checkbox' | 'radio'
  isChecked: (value: V) => boolean
  onToggle: (value: V, checked: boolean) => void
}) {
  return (
    <fieldset
      id={id}
      className={cx(styles.field, styles.fieldset, error && styles.fieldInvalid)}
      aria-describedby={describedBy(id, hint, error)}
      aria-invalid={error ? true : undefined}
    >
      <legend className={styles.label}>
        {legend}
        <RequiredMark required={required} />
      </legend>
      {hint ? <FieldHint id={id}>{hint}</FieldHint> : null}
      <FieldError id={id} message={error} />
      <div className={styles.choices}>
        {choices.map((choice) => {
          const inputId = `${id}-${choice.value}`
          return (
            <div key={choice.value} className={styles.choice}>
              <input
                id={inputId}
                type={type}
                name={id}
                value={choice.value}
                className={styles.choiceInput}
                checked={isChecked(choice.value)}
                disabled={choice.disabled}
                onChange={(event) => {
                  onToggle(choice.value, event.target.checked)
                }}
                aria-describedby={choice.description ? `${inputId}-description` : undefined}
              />
              <label htmlFor={inputId} className={styles.choiceLabel}>
                <span lang={choice.lang}>{choice.label}</span>
                {choice.description ? (
                  <span id={`${inputId}-description`} className={styles.choiceDescription}>
                    {choice.description}
                  </span>
                ) : null}
              </label>
            </div>
          )
        })}
      </div>
    </fieldset>
  )
}
