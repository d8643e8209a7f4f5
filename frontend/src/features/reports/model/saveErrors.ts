/**
 * What a failed save means for the editor: a conflict (someone saved first; the error
 * carries `currentVersion`), or a failure with messages for the fields the server named
 * (`extensions.field`, an input path such as `activities[0].title`) and a general one.
 */
import { describeError, type ErrorLike } from '@/lib/graphqlError'
import type { SaveOutcome } from './autosave'

export function saveOutcomeOfError(error: ErrorLike | undefined): Exclude<SaveOutcome, { kind: 'saved' }> {
  if (!error) return { kind: 'failed', error: { kind: 'UNKNOWN', message: null, retryable: true }, fields: {} }
  const conflict = error.graphQLErrors.find((e) => e.extensions.code === 'CONFLICT')
  if (conflict) {
    const current = conflict.extensions.currentVersion
    return { kind: 'conflict', currentVersion: typeof current === 'number' ? current : null }
  }
  const fields: Record<string, string> = {}
  for (const graphQLError of error.graphQLErrors) {
    const field = graphQLError.extensions.field
    if (graphQLError.extensions.code === 'BAD_USER_INPUT' && typeof field === 'string' && field !== 'id') {
      fields[field] ??= graphQLError.message
    }
  }
  return { kind: 'failed', error: describeError(error), fields }
}
