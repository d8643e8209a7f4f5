/**
 * Evidence uploads over XMLHttpRequest, for its upload progress events (fetch has none),
 * by the GraphQL multipart request spec: `operations` (the mutation, `file: null`), `map`
 * (which variable the file fills) and the file. The request carries the app's bearer
 * token, the user's language (the server translates its messages) and
 * `X-Requested-With`, without which the server refuses a multipart form (a cross-site
 * form cannot set it).
 *
 * A stale token (HTTP 401) is refreshed once through the session, as the GraphQL client
 * does, and the upload sent again.
 */

export const REQUESTED_WITH = 'nukumori'

/** What an upload ended with. */
export type UploadOutcome<T> =
  | { kind: 'uploaded'; data: T }
  /** The server (or the proxy in front of it) refused the size before reading it all. */
  | { kind: 'tooLarge'; message: string | null }
  /** The server refused the file (type, name, size, empty): its message, translated. */
  | { kind: 'refused'; message: string | null; code: string | null }
  | { kind: 'unauthenticated'; message: string | null }
  | { kind: 'network' }
  | { kind: 'aborted' }

export interface UploadSession {
  accessToken(): string | null
  /** After a 401 with `failedToken`: true when a new token may be tried. */
  recover(failedToken: string | null): Promise<boolean>
}

/** The part of XMLHttpRequest used here, so tests can fake it. */
export interface XhrLike {
  open(method: string, url: string): void
  setRequestHeader(name: string, value: string): void
  send(body: FormData): void
  abort(): void
  readonly status: number
  readonly responseText: string
  readonly upload: { onprogress: ((event: { loaded: number; total: number; lengthComputable: boolean }) => void) | null }
  onload: (() => void) | null
  onerror: (() => void) | null
  onabort: (() => void) | null
}

export interface UploadRequest {
  /** The mutation's text; it must name its file variable `file`. */
  query: string
  variables: Record<string, unknown>
  /** The root field to read from `data`. */
  field: string
  file: File
  language: string
  session: UploadSession
  /** 0…1 as the bytes go out. */
  onProgress?: (fraction: number) => void
  signal?: AbortSignal
  url?: string
  makeXhr?: () => XhrLike
}

interface RawAnswer {
  status: number
  body: unknown
}

function send(request: UploadRequest, token: string | null): Promise<RawAnswer | 'network' | 'aborted'> {
  const { query, variables, file, language, onProgress, signal, url = '/graphql' } = request
  const xhr = (request.makeXhr ?? (() => new XMLHttpRequest() as unknown as XhrLike))()
  const form = new FormData()
  form.append('operations', JSON.stringify({ query, variables: { ...variables, file: null } }))
  form.append('map', JSON.stringify({ 0: ['variables.file'] }))
  form.append('0', file, file.name)
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve('aborted')
      return
    }
    const onAbort = () => {
      xhr.abort()
    }
    signal?.addEventListener('abort', onAbort, { once: true })
    const done = (answer: RawAnswer | 'network' | 'aborted') => {
      signal?.removeEventListener('abort', onAbort)
      resolve(answer)
    }
    xhr.open('POST', url)
    xhr.setRequestHeader('X-Requested-With', REQUESTED_WITH)
    xhr.setRequestHeader('Accept-Language', language)
    xhr.setRequestHeader('Accept', 'application/graphql-response+json, application/json')
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`)
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(Math.min(1, event.loaded / event.total))
    }
    xhr.onload = () => {
      let body: unknown = null
      try {
        body = JSON.parse(xhr.responseText)
      } catch {
        body = null
      }
      done({ status: xhr.status, body })
    }
    xhr.onerror = () => {
      done('network')
    }
    xhr.onabort = () => {
      done('aborted')
    }
    xhr.send(form)
  })
}

interface GraphqlBody {
  data?: Record<string, unknown> | null
  errors?: { message?: string; extensions?: { code?: string; field?: string } }[]
}

function firstError(body: unknown): { message: string | null; code: string | null } {
  const error = (body as GraphqlBody | null)?.errors?.[0]
  const message = typeof error?.message === 'string' && error.message.trim() !== '' ? error.message : null
  return { message, code: error?.extensions?.code ?? null }
}

function isUnauthenticated(answer: RawAnswer): boolean {
  return answer.status === 401 || firstError(answer.body).code === 'UNAUTHENTICATED'
}

/** Uploads one file; never rejects. */
export async function uploadFile<T>(request: UploadRequest): Promise<UploadOutcome<T>> {
  let token = request.session.accessToken()
  let answer = await send(request, token)
  if (answer !== 'network' && answer !== 'aborted' && isUnauthenticated(answer) && token !== null) {
    if (await request.session.recover(token)) {
      token = request.session.accessToken()
      request.onProgress?.(0)
      answer = await send(request, token)
    }
  }
  if (answer === 'network' || answer === 'aborted') return { kind: answer }
  if (answer.status === 413) return { kind: 'tooLarge', message: firstError(answer.body).message }
  if (isUnauthenticated(answer)) return { kind: 'unauthenticated', message: firstError(answer.body).message }
  const body = answer.body as GraphqlBody | null
  const data = body?.data?.[request.field]
  if (data != null && !body?.errors?.length) return { kind: 'uploaded', data: data as T }
  if (!body) return { kind: 'network' }
  return { kind: 'refused', ...firstError(body) }
}
