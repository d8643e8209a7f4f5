/** The value, or a failed test: for list items a test knows are there. */
export function must<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`expected a ${what}`)
  return value
}
