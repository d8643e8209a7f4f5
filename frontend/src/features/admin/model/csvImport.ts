/**
 * Importing an ownership table (CSV): read the file, ask the server what it would change
 * (`previewOwnershipImport`: the changes, or every invalid row with its line number), then
 * apply it (`applyOwnershipImport`), which is offered only for a valid preview with changes.
 */
import type { DescribedError } from '@/lib/graphqlError'

export interface OwnershipChange {
  kind: string
  directionCode: string
  organizationCode: string
  role: string
  previousRole?: string | null
}

export interface CsvProblem {
  line: number
  message: string
}

export interface ImportPreview {
  valid: boolean
  changes: readonly OwnershipChange[]
  problems: readonly CsvProblem[]
}

export type CsvImportState =
  | { step: 'idle' }
  | { step: 'previewing'; fileName: string }
  | { step: 'failed'; fileName: string; error: DescribedError | 'unreadable' }
  | { step: 'previewed'; fileName: string; csv: string; preview: ImportPreview; applyError: DescribedError | null }
  | { step: 'applying'; fileName: string; csv: string; preview: ImportPreview }
  | { step: 'applied'; fileName: string; changes: readonly OwnershipChange[] }

export type CsvImportAction =
  | { type: 'chosen'; fileName: string }
  | { type: 'unreadable' }
  | { type: 'previewed'; csv: string; preview: ImportPreview }
  | { type: 'previewFailed'; error: DescribedError }
  | { type: 'apply' }
  | { type: 'applied'; changes: readonly OwnershipChange[] }
  | { type: 'applyFailed'; error: DescribedError }
  | { type: 'reset' }

export const initialCsvImport: CsvImportState = { step: 'idle' }

export function csvImportReducer(state: CsvImportState, action: CsvImportAction): CsvImportState {
  switch (action.type) {
    case 'chosen':
      return { step: 'previewing', fileName: action.fileName }
    case 'unreadable':
      return state.step === 'previewing' ? { step: 'failed', fileName: state.fileName, error: 'unreadable' } : state
    case 'previewed':
      return state.step === 'previewing'
        ? { step: 'previewed', fileName: state.fileName, csv: action.csv, preview: action.preview, applyError: null }
        : state
    case 'previewFailed':
      return state.step === 'previewing' ? { step: 'failed', fileName: state.fileName, error: action.error } : state
    case 'apply':
      return canApply(state) && state.step === 'previewed'
        ? { step: 'applying', fileName: state.fileName, csv: state.csv, preview: state.preview }
        : state
    case 'applied':
      return state.step === 'applying' ? { step: 'applied', fileName: state.fileName, changes: action.changes } : state
    case 'applyFailed':
      return state.step === 'applying'
        ? { step: 'previewed', fileName: state.fileName, csv: state.csv, preview: state.preview, applyError: action.error }
        : state
    case 'reset':
      return initialCsvImport
  }
}

/** Apply is offered for a preview the server found valid that changes something. */
export function canApply(state: CsvImportState): boolean {
  return state.step === 'previewed' && state.preview.valid && state.preview.problems.length === 0 && state.preview.changes.length > 0
}

/** Problems by line, then in the server's order within a line. */
export function sortedProblems(problems: readonly CsvProblem[]): CsvProblem[] {
  return problems.map((problem, index) => ({ problem, index })).sort((a, b) => a.problem.line - b.problem.line || a.index - b.index).map(({ problem }) => problem)
}

/**
 * The text of an uploaded CSV: UTF-8 (with or without a BOM), or else Shift_JIS, which is
 * what Excel writes when a Japanese user saves "CSV" without choosing UTF-8.
 */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('shift_jis').decode(bytes)
  }
}

/** The table as the file to save: UTF-8 with a BOM, so Excel opens it in the right encoding. */
export function withBom(csv: string): string {
  return csv.startsWith('\ufeff') ? csv : `\ufeff${csv}`
}

const dayInJapan = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' })

/** `ownership-omitama-3-20261127.csv`: the plan and the day (in Japan) of the download. */
export function csvFileName(planCode: string, now: Date = new Date()): string {
  const safe = planCode.replace(/[^A-Za-z0-9_-]/g, '_')
  return `ownership-${safe}-${dayInJapan.format(now).replace(/-/g, '')}.csv`
}
