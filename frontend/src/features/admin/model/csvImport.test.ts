import { describe, expect, it } from 'vitest'
import {
  canApply,
  csvFileName,
  csvImportReducer,
  decodeCsv,
  initialCsvImport,
  sortedProblems,
  withBom,
  type CsvImportAction,
  type CsvImportState,
  type ImportPreview,
} from './csvImport'

const change = { kind: 'ADD', directionCode: '3-3-3', organizationCode: 'bousai', role: 'CO_OWNER', previousRole: null }
const validPreview: ImportPreview = { valid: true, changes: [change], problems: [] }
const invalidPreview: ImportPreview = {
  valid: false,
  changes: [],
  problems: [
    { line: 6, message: '組織コード "nowhere" はありません' },
    { line: 5, message: '施策の方向 "9-9-9" はこの計画にありません' },
  ],
}
const problem = { kind: 'FORBIDDEN' as const, message: '権限がありません。', retryable: false }

function run(...actions: CsvImportAction[]): CsvImportState {
  return actions.reduce(csvImportReducer, initialCsvImport)
}

describe('the CSV import steps', () => {
  it('previews a chosen file, then applies a valid preview', () => {
    const previewed = run({ type: 'chosen', fileName: 'owners.csv' }, { type: 'previewed', csv: 'a,b', preview: validPreview })
    expect(previewed).toEqual({ step: 'previewed', fileName: 'owners.csv', csv: 'a,b', preview: validPreview, applyError: null })
    expect(canApply(previewed)).toBe(true)
    const applying = csvImportReducer(previewed, { type: 'apply' })
    expect(applying.step).toBe('applying')
    expect(canApply(applying)).toBe(false)
    expect(csvImportReducer(applying, { type: 'applied', changes: [change] })).toEqual({
      step: 'applied',
      fileName: 'owners.csv',
      changes: [change],
    })
  })

  it('never applies an invalid preview', () => {
    const previewed = run({ type: 'chosen', fileName: 'x.csv' }, { type: 'previewed', csv: 'x', preview: invalidPreview })
    expect(canApply(previewed)).toBe(false)
    expect(csvImportReducer(previewed, { type: 'apply' })).toBe(previewed)
  })

  it('does not apply a file that changes nothing, nor one marked valid with problems', () => {
    const nothing = run({ type: 'chosen', fileName: 'x.csv' }, { type: 'previewed', csv: 'x', preview: { valid: true, changes: [], problems: [] } })
    expect(canApply(nothing)).toBe(false)
    const odd = run(
      { type: 'chosen', fileName: 'x.csv' },
      { type: 'previewed', csv: 'x', preview: { valid: true, changes: [change], problems: [{ line: 2, message: '?' }] } },
    )
    expect(canApply(odd)).toBe(false)
  })

  it('keeps the preview, with the reason, when applying fails', () => {
    const failed = run(
      { type: 'chosen', fileName: 'x.csv' },
      { type: 'previewed', csv: 'x', preview: validPreview },
      { type: 'apply' },
      { type: 'applyFailed', error: problem },
    )
    expect(failed).toMatchObject({ step: 'previewed', applyError: problem, preview: validPreview })
    expect(canApply(failed)).toBe(true)
  })

  it('reports a file it could not read or the server could not check', () => {
    expect(run({ type: 'chosen', fileName: 'x.xlsx' }, { type: 'unreadable' })).toEqual({ step: 'failed', fileName: 'x.xlsx', error: 'unreadable' })
    expect(run({ type: 'chosen', fileName: 'x.csv' }, { type: 'previewFailed', error: problem })).toEqual({ step: 'failed', fileName: 'x.csv', error: problem })
  })

  it('ignores an answer that arrives for an import already given up', () => {
    const reset = run({ type: 'chosen', fileName: 'x.csv' }, { type: 'reset' })
    expect(csvImportReducer(reset, { type: 'previewed', csv: 'x', preview: validPreview })).toEqual(initialCsvImport)
    expect(csvImportReducer(initialCsvImport, { type: 'applied', changes: [] })).toEqual(initialCsvImport)
  })

  it('starts over when another file is chosen', () => {
    const previewed = run({ type: 'chosen', fileName: 'a.csv' }, { type: 'previewed', csv: 'x', preview: invalidPreview })
    expect(csvImportReducer(previewed, { type: 'chosen', fileName: 'b.csv' })).toEqual({ step: 'previewing', fileName: 'b.csv' })
  })
})

describe('sortedProblems', () => {
  it('lists problems by line, keeping the server’s order within a line', () => {
    const problems = [
      { line: 6, message: 'b' },
      { line: 2, message: 'a' },
      { line: 6, message: 'c' },
    ]
    expect(sortedProblems(problems).map((p) => p.message)).toEqual(['a', 'b', 'c'])
    expect(sortedProblems(invalidPreview.problems).map((p) => p.line)).toEqual([5, 6])
  })
})

describe('CSV encodings', () => {
  const text = '施策の方向コード,組織コード,役割\r\n1-1-1,welfare,主担当\r\n'

  it('reads UTF-8 with or without a BOM', () => {
    const bytes = new TextEncoder().encode(text)
    expect(decodeCsv(bytes)).toBe(text)
    const withMark = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes])
    expect(decodeCsv(withMark)).toBe(text)
  })

  it('reads Shift_JIS, as Excel saves a Japanese CSV', () => {
    // 主担当 in Shift_JIS.
    const sjis = new Uint8Array([0x31, 0x2c, 0x8e, 0xe5, 0x92, 0x53, 0x93, 0x96])
    expect(decodeCsv(sjis)).toBe('1,主担当')
  })

  it('saves with exactly one BOM', () => {
    expect(withBom('a,b')).toBe('\ufeffa,b')
    expect(withBom('\ufeffa,b')).toBe('\ufeffa,b')
    expect(new TextEncoder().encode(withBom('a')).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]))
  })

  it('names the download after the plan and the day in Japan', () => {
    expect(csvFileName('omitama-3', new Date('2026-11-27T16:00:00Z'))).toBe('ownership-omitama-3-20261128.csv')
    expect(csvFileName('計画 3', new Date('2026-04-01T00:00:00Z'))).toBe('ownership-___3-20260401.csv')
  })
})
