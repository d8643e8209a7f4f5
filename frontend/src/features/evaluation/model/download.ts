/**
 * Downloading an export with the bearer token: the file name from `Content-Disposition`,
 * the body read chunk by chunk so a progress indicator can follow, and the kinds of export.
 */

export type ExportKind = 'xlsx' | 'pdf' | 'csv-goals' | 'csv-directions' | 'csv-indicators' | 'csv-opinions'

export const EXPORT_KINDS: readonly ExportKind[] = ['xlsx', 'pdf', 'csv-directions', 'csv-goals', 'csv-indicators', 'csv-opinions']

/** `/exports/evaluations/{id}.xlsx`, `.pdf`, `.csv?table=directions`. */
export function exportPath(evaluationId: string, kind: ExportKind): string {
  const base = `/exports/evaluations/${encodeURIComponent(evaluationId)}`
  if (kind === 'xlsx' || kind === 'pdf') return `${base}.${kind}`
  return `${base}.csv?table=${kind.slice('csv-'.length)}`
}

/** The name to save under when the server gives none. */
export function fallbackFileName(fiscalYear: number, kind: ExportKind): string {
  const stem = `evaluation-${String(fiscalYear)}`
  if (kind === 'xlsx' || kind === 'pdf') return `${stem}.${kind}`
  return `${stem}-${kind.slice('csv-'.length)}.csv`
}

/**
 * The file name of a `Content-Disposition` header: `filename*=UTF-8''…` (RFC 5987, for
 * Japanese names) when present, else `filename="…"`, else null. Path parts are dropped.
 */
export function fileNameFromDisposition(header: string | null | undefined): string | null {
  if (!header) return null
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header)
  let name: string | null = null
  if (extended?.[2]) {
    try {
      name = decodeURIComponent(extended[2].trim())
    } catch {
      name = null
    }
  }
  if (name === null) {
    const quoted = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(header)
    const bare = /filename\s*=\s*([^;"\s]+)/i.exec(header)
    name = quoted?.[1]?.replace(/\\(.)/g, '$1') ?? bare?.[1] ?? null
  }
  if (name === null) return null
  const base = name.split(/[\\/]/).pop()?.trim() ?? ''
  return base === '' ? null : base
}

export interface Progress {
  received: number
  /** From `Content-Length`; null when the server did not say (the indicator spins). */
  total: number | null
}

/** The total size a response announces, or null. */
export function contentLength(response: Pick<Response, 'headers'>): number | null {
  const text = response.headers.get('Content-Length')
  if (text === null || !/^\d+$/.test(text.trim())) return null
  const value = Number(text)
  return Number.isSafeInteger(value) ? value : null
}

/** Reads the whole body, reporting the bytes received after each chunk. */
export async function readWithProgress(
  response: Response,
  onProgress: (progress: Progress) => void,
): Promise<Blob> {
  const total = contentLength(response)
  const type = response.headers.get('Content-Type') ?? 'application/octet-stream'
  onProgress({ received: 0, total })
  if (!response.body) {
    const blob = await response.blob()
    onProgress({ received: blob.size, total })
    return blob
  }
  const reader = response.body.getReader()
  const chunks: Uint8Array<ArrayBuffer>[] = []
  let received = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
    received += value.byteLength
    onProgress({ received, total })
  }
  return new Blob(chunks, { type })
}
