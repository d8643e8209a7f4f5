import { useCallback, useState } from 'react'
import { formErrors } from '@/lib/formErrors'
import type { DescribedError, ErrorLike } from '@/lib/graphqlError'

/**
 * What an administration form shows of its problems: a message per field, one general
 * problem, and the count of failed attempts (the error summary takes focus on each).
 */
export function useFormProblems<F extends string>(apiFields: Partial<Record<string, F>>) {
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({})
  const [general, setGeneral] = useState<DescribedError | null>(null)
  const [attempt, setAttempt] = useState(0)

  /** The form's own checks: true (and shown) when something is wrong, else the old problems are cleared. */
  const check = useCallback((problems: Partial<Record<F, string>>) => {
    setGeneral(null)
    setErrors(problems)
    const failed = Object.keys(problems).length > 0
    if (failed) setAttempt((n) => n + 1)
    return failed
  }, [])

  /** The server's refusal: the fields it named, and the rest as a general problem. */
  const fail = useCallback(
    (error: ErrorLike) => {
      const found = formErrors(error, apiFields)
      setErrors(found.fields)
      setGeneral(found.general)
      setAttempt((n) => n + 1)
    },
    [apiFields],
  )

  const clear = useCallback(() => {
    setErrors({})
    setGeneral(null)
  }, [])

  return { errors, general, attempt, check, fail, clear }
}
