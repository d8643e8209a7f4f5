/**
 * What a bulk accept or return did, report by report: the server judges each report on its
 * own and answers with one outcome each (`BulkReviewOutcome`). The screen lists the
 * successes and, for each failure, the reason in the user's language.
 */
import { isApiErrorCode, type ErrorKind } from '@/lib/graphqlError'

export interface BulkOutcomeLike {
  reportId: string
  succeeded: boolean
  code?: string | null
  message?: string | null
}

export interface Succeeded<I> {
  reportId: string
  /** The row it came from, when it is known. */
  item: I | null
}

export interface Failed<I> extends Succeeded<I> {
  kind: ErrorKind
  /** The server's reason (already in the user's language); null when it gave none. */
  message: string | null
}

export interface BulkResult<I> {
  succeeded: Succeeded<I>[]
  failed: Failed<I>[]
}

/**
 * The outcomes in the order the reports were asked for (`requested`), split into
 * successes and failures. A report the server did not answer for is a failure of unknown
 * kind rather than silently lost; an answer for a report nobody asked about is kept last.
 */
export function groupOutcomes<I>(
  requested: readonly string[],
  outcomes: readonly BulkOutcomeLike[],
  itemOf: (reportId: string) => I | null,
): BulkResult<I> {
  const byId = new Map(outcomes.map((outcome) => [outcome.reportId, outcome]))
  const order = [...requested, ...outcomes.map((o) => o.reportId).filter((id) => !requested.includes(id))]
  const result: BulkResult<I> = { succeeded: [], failed: [] }
  for (const reportId of new Set(order)) {
    const outcome = byId.get(reportId)
    const item = itemOf(reportId)
    if (outcome?.succeeded) {
      result.succeeded.push({ reportId, item })
    } else {
      const code = outcome?.code
      const message = outcome?.message?.trim() ?? ''
      result.failed.push({
        reportId,
        item,
        kind: isApiErrorCode(code) ? code : 'UNKNOWN',
        message: message === '' ? null : message,
      })
    }
  }
  return result
}
