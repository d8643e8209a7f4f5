import type { FieldFrame } from './FieldShell'

/** The ids a field's hint and error carry, for `aria-describedby`. */
export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean)
  return ids.length > 0 ? ids.join(' ') : undefined
}

/** The accessibility attributes a control inside a `FieldShell` carries. */
export function controlAria({ id, hint, error, required = false }: FieldFrame) {
  return {
    'aria-required': required || undefined,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, hint, error),
  } as const
}
