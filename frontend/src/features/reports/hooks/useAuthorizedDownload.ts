import { useCallback } from 'react'
import { useSessionController } from '@/features/session'
import { isApiErrorCode, type DescribedError } from '@/lib/graphqlError'
import { useLanguage } from '@/lib/useLanguage'

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
  const kind = isApiErrorCode(code) ? code : response.status === 404 ? 'NOT_FOUND' : 'UNKNOWN'
  return { kind, message: typeof message === 'string' ? message : null, retryable: kind !== 'NOT_FOUND' }
}

/**
 * Downloads a file the server serves only with the bearer token (`/files/{id}`): a plain
 * link cannot carry the token, which lives in memory only. The file is fetched with it
 * (refreshed once if stale) and handed to the browser under its name. Null when it worked.
 */
export function useAuthorizedDownload(): (path: string, fileName: string) => Promise<DescribedError | null> {
  const session = useSessionController()
  const language = useLanguage()
  return useCallback(
    async (path, fileName) => {
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
        if (!response.ok) return await problemOf(response)
        const url = URL.createObjectURL(await response.blob())
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
        return null
      } catch {
        return { kind: 'NETWORK', message: null, retryable: true }
      }
    },
    [session, language],
  )
}
