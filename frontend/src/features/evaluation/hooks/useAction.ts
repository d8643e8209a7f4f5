import type { TypedDocumentNode } from '@graphql-typed-document-node/core'
import { useCallback } from 'react'
import { useMutation, type AnyVariables } from 'urql'
import { formErrors, type FormErrors } from '@/lib/formErrors'

export type ActionOutcome<D, F extends string> = { ok: true; data: D } | { ok: false; errors: FormErrors<F> }

const NO_FIELDS: Partial<Record<string, never>> = {}

/**
 * A mutation as an action: runs it and gives the data, or the errors split into the
 * form's fields (`fieldNames`, a constant, maps the API's field names to the form's) and
 * one general problem. The page's queries refetch by themselves (urql's document cache).
 */
export function useAction<D, V extends AnyVariables, F extends string = never>(
  document: TypedDocumentNode<D, V>,
  fieldNames: Partial<Record<string, F>> = NO_FIELDS,
): [boolean, (variables: V) => Promise<ActionOutcome<D, F>>] {
  const [state, execute] = useMutation(document)
  const run = useCallback(
    async (variables: V): Promise<ActionOutcome<D, F>> => {
      const result = await execute(variables)
      if (result.error) return { ok: false, errors: formErrors(result.error, fieldNames) }
      if (!result.data) return { ok: false, errors: { fields: {}, general: { kind: 'UNKNOWN', message: null, retryable: true } } }
      return { ok: true, data: result.data }
    },
    [execute, fieldNames],
  )
  return [state.fetching, run]
}
