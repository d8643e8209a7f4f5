import { useCallback, useEffect, useState, type Dispatch, type SetStateAction } from 'react'
import { useSessionController } from './sessionContext'

/**
 * `useState` for a form that must survive a trip through the sign-in page: the value is
 * mirrored into the session's in-memory draft store (never into storage), restored when
 * the form mounts again, and dropped when the form goes away for any other reason than an
 * expired session (the user left, submitted, signed out, or someone else signed in).
 *
 * Keep passwords out of drafts: hold them in plain component state.
 */
export function useDraft<T>(
  key: string,
  initial: () => T,
): [value: T, setValue: Dispatch<SetStateAction<T>>, discard: () => void] {
  const session = useSessionController()
  // The first factory is the one for the empty form.
  const [makeInitial] = useState(() => initial)
  const [value, setValue] = useState<T>(() =>
    session.drafts.has(key) ? (session.drafts.get(key) as T) : makeInitial(),
  )

  useEffect(() => {
    session.drafts.set(key, value)
  }, [session, key, value])

  useEffect(
    () => () => {
      if (!session.keepsDrafts()) session.drafts.delete(key)
    },
    [session, key],
  )

  const discard = useCallback(() => {
    session.drafts.delete(key)
    setValue(makeInitial())
  }, [session, key, makeInitial])

  return [value, setValue, discard]
}
