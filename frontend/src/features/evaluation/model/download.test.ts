import { describe, expect, it } from 'vitest'
import { contentLength, exportPath, fallbackFileName, fileNameFromDisposition, readWithProgress, type Progress } from './download'

describe('export paths', () => {
  it('points at the server’s export endpoints', () => {
    expect(exportPath('e1', 'xlsx')).toBe('/exports/evaluations/e1.xlsx')
    expect(exportPath('e1', 'pdf')).toBe('/exports/evaluations/e1.pdf')
    expect(exportPath('e1', 'csv-directions')).toBe('/exports/evaluations/e1.csv?table=directions')
    expect(exportPath('e1', 'csv-opinions')).toBe('/exports/evaluations/e1.csv?table=opinions')
  })

  it('has a file name to fall back on', () => {
    expect(fallbackFileName(2024, 'pdf')).toBe('evaluation-2024.pdf')
    expect(fallbackFileName(2024, 'csv-goals')).toBe('evaluation-2024-goals.csv')
  })
})

describe('Content-Disposition', () => {
  it('prefers the UTF-8 name (Japanese file names)', () => {
    const header = `attachment; filename="_______2024.xlsx"; filename*=UTF-8''${encodeURIComponent('年度評価_2024.xlsx')}`
    expect(fileNameFromDisposition(header)).toBe('年度評価_2024.xlsx')
  })

  it('reads a quoted or bare name', () => {
    expect(fileNameFromDisposition('attachment; filename="evaluation 2024.pdf"')).toBe('evaluation 2024.pdf')
    expect(fileNameFromDisposition('attachment; filename=evaluation.csv')).toBe('evaluation.csv')
  })

  it('drops path parts and gives up on nothing usable', () => {
    expect(fileNameFromDisposition('attachment; filename="../../etc/passwd"')).toBe('passwd')
    expect(fileNameFromDisposition('attachment')).toBeNull()
    expect(fileNameFromDisposition(null)).toBeNull()
    expect(fileNameFromDisposition("attachment; filename*=UTF-8''%E0%A4%A")).toBeNull()
  })
})

function streamed(chunks: string[], headers: Record<string, string>): Response {
  const encoder = new TextEncoder()
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk))
      controller.close()
    },
  })
  return new Response(body, { headers })
}

describe('reading with progress', () => {
  it('reports bytes against Content-Length when the server sends it', async () => {
    const seen: Progress[] = []
    const blob = await readWithProgress(streamed(['abcd', 'efgh', 'ij'], { 'Content-Length': '10', 'Content-Type': 'text/csv' }), (p) => seen.push(p))
    expect(seen).toEqual([
      { received: 0, total: 10 },
      { received: 4, total: 10 },
      { received: 8, total: 10 },
      { received: 10, total: 10 },
    ])
    expect(blob.size).toBe(10)
    expect(blob.type).toBe('text/csv')
    expect(await blob.text()).toBe('abcdefghij')
  })

  it('reports bytes without a total when the length is unknown', async () => {
    const seen: Progress[] = []
    await readWithProgress(streamed(['abc'], {}), (p) => seen.push(p))
    expect(seen.at(-1)).toEqual({ received: 3, total: null })
  })

  it('ignores a Content-Length that is not a number', () => {
    expect(contentLength(new Response('x', { headers: { 'Content-Length': 'lots' } }))).toBeNull()
  })
})
