/**
 * Splits a failed mutation into what a form shows: messages for the fields the server
 * named (`extensions.field` on BAD_USER_INPUT, already translated by the server) and one
 * general problem for the rest (FORBIDDEN, CONFLICT, RATE_LIMITED, network…).
 */
import { describeError, type DescribedError, type ErrorLike } from './graphqlError'

export interface FormErrors<F extends string> {
  fields: Partial<Record<F, string>>
  general: DescribedError | null
}

/**
 * `fieldNames` maps the API's field names to the form's (`newPassword` → `password` on the
 * account form); a field the form does not show is reported as general.
 */
export function formErrors<F extends string>(
  error: ErrorLike,
  fieldNames: Partial<Record<string, F>>,
): FormErrors<F> {
  const fields: Partial<Record<F, string>> = {}
  let general: DescribedError | null = null
  for (const graphQLError of error.graphQLErrors) {
    const apiField = graphQLError.extensions.field
    const field = typeof apiField === 'string' ? fieldNames[apiField] : undefined
    if (field && graphQLError.extensions.code === 'BAD_USER_INPUT') {
      fields[field] ??= graphQLError.message
    } else {
      general ??= describeError({ graphQLErrors: [graphQLError], networkError: undefined })
    }
  }
  if (error.graphQLErrors.length === 0) general = describeError(error)
  return { fields, general }
}
