/**
 * The review queue as the screen needs it: oldest first, what a resubmission changed, and
 * which rows the plan office has ticked for a bulk step.
 */
import { inFormOrder, type ReportField } from './fields'

export interface QueueItemLike {
  waitingSince: string
  changedSinceReturn?: readonly string[] | null
  report: { id: string }
}

/** The longest-waiting first; equal times keep the server's order. */
export function oldestFirst<T extends QueueItemLike>(items: readonly T[]): T[] {
  return items
    .map((item, index) => ({ item, index, time: Date.parse(item.waitingSince) }))
    .sort((a, b) => {
      const byTime = (Number.isNaN(a.time) ? Infinity : a.time) - (Number.isNaN(b.time) ? Infinity : b.time)
      return byTime !== 0 && !Number.isNaN(byTime) ? byTime : a.index - b.index
    })
    .map(({ item }) => item)
}

/** A first submission, or a resubmission after a return with the parts it changed. */
export type Submission = { kind: 'first' } | { kind: 'resubmitted'; changed: ReportField[] }

export function submissionOf(changedSinceReturn: readonly string[] | null | undefined): Submission {
  return changedSinceReturn == null ? { kind: 'first' } : { kind: 'resubmitted', changed: inFormOrder(changedSinceReturn) }
}

/** Ticking and unticking rows; a selection never holds ids that left the queue. */
export function toggle(selected: ReadonlySet<string>, id: string, on: boolean): Set<string> {
  const next = new Set(selected)
  if (on) next.add(id)
  else next.delete(id)
  return next
}

export function keepPresent(selected: ReadonlySet<string>, ids: readonly string[]): Set<string> {
  return new Set(ids.filter((id) => selected.has(id)))
}

/** The state of the "select all" box: every row, some rows, or none. */
export function selectAllState(selected: ReadonlySet<string>, ids: readonly string[]): 'all' | 'some' | 'none' {
  const count = ids.filter((id) => selected.has(id)).length
  if (count === 0) return 'none'
  return count === ids.length ? 'all' : 'some'
}

/** The ticked ids in the order of the rows on screen. */
export function selectedInOrder(selected: ReadonlySet<string>, ids: readonly string[]): string[] {
  return ids.filter((id) => selected.has(id))
}
