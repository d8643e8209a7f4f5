/**
 * The urql exchange that puts the session into requests. It sits before the cache:
 *
 * 1. While the session is being restored on page load, operations wait (one round trip),
 *    so nothing is fetched or cached as the public by mistake.
 * 2. Each operation carries `Authorization: Bearer …` when someone is signed in, except the
 *    operations that manage the session itself (`login`, `refreshSession`, `logout`).
 * 3. When the server answers UNAUTHENTICATED (HTTP 401 for a stale token), the controller
 *    refreshes once (single-flight, shared by every request that failed) and the operation
 *    is sent again once. If the refresh is refused, the user is signed out and the original
 *    error is delivered; route guards then send them to the sign-in page.
 * 4. When the signed-in person changes, results cached for the previous one are never
 *    served again: each such query goes to the network once.
 */
import { makeOperation, type Exchange, type Operation, type OperationResult } from '@urql/core'
import { filter, fromPromise, fromValue, makeSubject, map, merge, mergeMap, onPush, pipe, share, takeUntil } from 'wonka'

/** What the exchange needs from the session (the controller implements it). */
export interface SessionLink {
  isReady(): boolean
  ready(): Promise<void>
  accessToken(): string | null
  identity(): string | null
  recover(failedToken: string | null): Promise<boolean>
  expire(): void
}

/** Root fields of the mutations that manage the session: never authorised or retried. */
const SESSION_FIELDS = new Set(['login', 'refreshSession', 'logout'])

export function isSessionOperation(operation: Operation): boolean {
  if (operation.kind !== 'mutation') return false
  // Kinds compared as strings: the `Kind` enum would pull graphql-js into the bundle.
  return operation.query.definitions.some(
    (definition) =>
      (definition.kind as string) === 'OperationDefinition' &&
      'selectionSet' in definition &&
      definition.selectionSet.selections.some(
        (selection) => (selection.kind as string) === 'Field' && 'name' in selection && SESSION_FIELDS.has(selection.name.value),
      ),
  )
}

export function isUnauthenticated(result: OperationResult): boolean {
  const error = result.error
  if (!error) return false
  const response: unknown = error.response
  const status =
    typeof response === 'object' && response !== null && 'status' in response ? response.status : undefined
  return status === 401 || error.graphQLErrors.some((e) => e.extensions.code === 'UNAUTHENTICATED')
}

/** The token an operation was sent with (the exchange records it in the context). */
function sentToken(operation: Operation): string | null {
  const token: unknown = operation.context.sessionToken
  return typeof token === 'string' ? token : null
}

function headersOf(init: RequestInit): Record<string, string> {
  const out: Record<string, string> = {}
  new Headers(init.headers).forEach((value, key) => {
    out[key] = value
  })
  return out
}

export function sessionExchange(session: SessionLink): Exchange {
  return ({ forward }) => {
    const retries = makeSubject<Operation>()
    const released = makeSubject<OperationResult>()
    /** Operations whose results someone still waits for. */
    const active = new Set<number>()
    let identity = session.identity()
    /** Queries asked for by the current person, and those cached for a previous one. */
    let askedKeys = new Set<number>()
    const staleKeys = new Set<number>()

    const prepare = (operation: Operation): Operation => {
      const now = session.identity()
      if (now !== identity) {
        identity = now
        for (const key of askedKeys) staleKeys.add(key)
        askedKeys = new Set()
      }
      let requestPolicy = operation.context.requestPolicy
      if (operation.kind === 'query') {
        if (staleKeys.delete(operation.key)) requestPolicy = 'network-only'
        askedKeys.add(operation.key)
      }
      const token = isSessionOperation(operation) ? null : session.accessToken()
      const { fetchOptions } = operation.context
      const base = (typeof fetchOptions === 'function' ? fetchOptions() : fetchOptions) ?? {}
      const headers = headersOf(base)
      delete headers.authorization
      if (token) headers.authorization = `Bearer ${token}`
      return makeOperation(operation.kind, operation, {
        ...operation.context,
        requestPolicy,
        fetchOptions: { ...base, headers },
        sessionToken: token,
      })
    }

    /** Whether to hold back this result and recover the session first. */
    const shouldRecover = (result: OperationResult): boolean => {
      const operation = result.operation
      if (!isUnauthenticated(result) || isSessionOperation(operation)) return false
      const token = sentToken(operation)
      // Sent as the public: refreshing cannot help, signing in can (the page says so).
      if (token === null) return false
      if (operation.context.sessionRetried === true) {
        // A token fresh from a refresh was refused too: the session is over.
        session.expire()
        return false
      }
      return true
    }

    const recover = (result: OperationResult): void => {
      const operation = result.operation
      void session.recover(sentToken(operation)).then((ok) => {
        if (!active.has(operation.key)) return
        if (ok) {
          retries.next(
            makeOperation(operation.kind, operation, {
              ...operation.context,
              requestPolicy: 'network-only',
              sessionRetried: true,
            }),
          )
        } else {
          released.next(result)
        }
      })
    }

    return (operations$) => {
      const shared$ = share(operations$)
      const teardowns$ = pipe(
        shared$,
        filter((operation) => operation.kind === 'teardown'),
        onPush((operation) => {
          active.delete(operation.key)
        }),
      )
      const requests$ = pipe(
        shared$,
        filter((operation) => operation.kind !== 'teardown'),
        onPush((operation) => {
          active.add(operation.key)
        }),
        mergeMap((operation) =>
          session.isReady()
            ? fromValue(operation)
            : pipe(
                fromPromise(session.ready()),
                map(() => operation),
                takeUntil(
                  pipe(
                    shared$,
                    filter((other) => other.kind === 'teardown' && other.key === operation.key),
                  ),
                ),
              ),
        ),
      )
      const outgoing$ = pipe(merge([requests$, retries.source]), map(prepare))
      const results$ = pipe(
        forward(merge([outgoing$, teardowns$])),
        filter((result) => {
          if (shouldRecover(result)) {
            recover(result)
            return false
          }
          if (result.operation.kind === 'mutation' && !result.hasNext) active.delete(result.operation.key)
          return true
        }),
      )
      return merge([results$, released.source])
    }
  }
}
