/** Joins class names, skipping empty ones: `cx(styles.a, open && styles.b)`. */
export function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ')
}
