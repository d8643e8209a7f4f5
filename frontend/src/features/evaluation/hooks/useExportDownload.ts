import { useCallback, useRef, useState } from 'react'
import { useSessionController } from '@/features/session'
import { isApiErrorCode, type DescribedError } from '@/lib/graphqlError'
import { useLanguage } from '@/lib/useLanguage'
import { exportPath, fallbackFileName, fileNameFromDisposition, readWithProgress, type ExportKind, type Progress } from '../model/download'

export type DownloadState =
  | { phase: 'idle' }
  | { phase: 'downloading'; kind: ExportKind; progress: Progress }
  | { phase: 'done'; kind: ExportKind; fileName: string }
  | { phase: 'failed'; kind: ExportKind; problem: DescribedError }

async function problemOf(response: Response): Promise<DescribedError> {
  let code: unknown = null
  let message: unknown = null
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } }
    code = body.error?.code
    message = body.error?.message
  } catch {
    // Not JSON: the status says enough.
  }
  const kind = isApiErrorCode(code)
    ? code
    : response.status === 404
      ? 'NOT_FOUND'
      : response.status === 401
        ? 'UNAUTHENTICATED'
        : response.status === 429
          ? 'RATE_LIMITED'
          : 'UNKNOWN'
  return { kind, message: typeof message === 'string' ? message : null, retryable: kind !== 'NOT_FOUND' }
}

/** Hands a blob to the browser as a download under `fileName`. */
function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => {
    URL.revokeObjectURL(url)
  }, 60_000)
}

/**
 * Downloads an export with the bearer token (an unpublished evaluation needs it, and the
 * token lives in memory only, so a plain link cannot carry it): fetched with the token
 * (refreshed once if stale), read chunk by chunk for the progress indicator, then saved
 * under the name from `Content-Disposition`. One download at a time.
 */
export function useExportDownload(evaluationId: string, fiscalYear: number) {
  const session = useSessionController()
  const language = useLanguage()
  const [state, setState] = useState<DownloadState>({ phase: 'idle' })
  const running = useRef(false)

  const download = useCallback(
    async (kind: ExportKind) => {
      if (running.current) return
      running.current = true
      setState({ phase: 'downloading', kind, progress: { received: 0, total: null } })
      const path = exportPath(evaluationId, kind)
      const get = (token: string | null) =>
        fetch(path, {
          credentials: 'same-origin',
          headers: { 'Accept-Language': language, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        })
      try {
        const token = session.accessToken()
        let response = await get(token)
        if (response.status === 401 && token && (await session.recover(token))) {
          response = await get(session.accessToken())
        }
        if (!response.ok) {
          setState({ phase: 'failed', kind, problem: await problemOf(response) })
          return
        }
        const fileName = fileNameFromDisposition(response.headers.get('Content-Disposition')) ?? fallbackFileName(fiscalYear, kind)
        const blob = await readWithProgress(response, (progress) => {
          setState({ phase: 'downloading', kind, progress })
        })
        save(blob, fileName)
        setState({ phase: 'done', kind, fileName })
      } catch {
        setState({ phase: 'failed', kind, problem: { kind: 'NETWORK', message: null, retryable: true } })
      } finally {
        running.current = false
      }
    },
    [evaluationId, fiscalYear, language, session],
  )

  return { state, download }
}
