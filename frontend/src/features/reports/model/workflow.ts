/**
 * The workflow as the report page needs it: the steps the server offers the viewer, the
 * comment threads (per field, oldest first), and the report's history read from its
 * audit events.
 */
import { isReportStatus, type ReportStatus } from './format'
import { REPORT_FIELDS, type ReportField } from './reportValues'

export const WORKFLOW_ACTIONS = ['SUBMIT', 'APPROVE', 'RETURN', 'ACCEPT', 'LOCK'] as const
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number]

export function offers(actions: readonly string[], action: WorkflowAction): boolean {
  return actions.includes(action)
}

// --- comments ----------------------------------------------------------------------

export interface CommentLike {
  id: string
  parentId?: string | null
  field?: string | null
  activityIndex?: number | null
  createdAt: string
  resolvedAt?: string | null
}

export interface Thread<C extends CommentLike> {
  root: C
  replies: C[]
  resolved: boolean
}

export interface ThreadGroup<C extends CommentLike> {
  /** The field the threads are about; null for the report as a whole. */
  field: ReportField | null
  threads: Thread<C>[]
}

function asField(value: string | null | undefined): ReportField | null {
  return value != null && (REPORT_FIELDS as readonly string[]).includes(value) ? (value as ReportField) : null
}

/**
 * Threads (a first comment and its replies, oldest first) grouped by the field they are
 * about, in form order, the whole report's first. A reply whose thread is unknown is shown
 * as a thread of its own rather than lost.
 */
export function threadsByField<C extends CommentLike>(comments: readonly C[]): ThreadGroup<C>[] {
  const byTime = [...comments].sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  const ids = new Set(byTime.map((c) => c.id))
  const threads = byTime
    .filter((c) => !c.parentId || !ids.has(c.parentId))
    .map((root) => ({
      root,
      replies: byTime.filter((c) => c.parentId === root.id),
      resolved: Boolean(root.resolvedAt),
    }))
  const order: (ReportField | null)[] = [null, ...REPORT_FIELDS]
  return order
    .map((field) => ({ field, threads: threads.filter((t) => asField(t.root.field) === field) }))
    .filter((group) => group.threads.length > 0)
}

/** How many threads about each field are still open. */
export function openThreadCounts(comments: readonly CommentLike[]): Map<ReportField | null, number> {
  const counts = new Map<ReportField | null, number>()
  for (const group of threadsByField(comments)) {
    const open = group.threads.filter((t) => !t.resolved).length
    if (open > 0) counts.set(group.field, open)
  }
  return counts
}

/** The element a field's threads start at, for links from the report's sections. */
export function commentsAnchor(field: ReportField | null): string {
  return `comments-${field ?? 'report'}`
}

// --- history -----------------------------------------------------------------------

export interface AuditEventLike {
  seq: number
  occurredAt: string
  actorLabel: string
  action: string
  details: string
}

export type HistoryEntry =
  | { kind: 'status'; action: 'submitted' | 'approved' | 'returned' | 'accepted' | 'locked'; from: ReportStatus | null; to: ReportStatus | null; reason: string | null }
  | { kind: 'saved'; version: number | null }
  | { kind: 'copied' }
  | { kind: 'evidence'; action: 'uploaded' | 'removed'; file: string | null }
  | { kind: 'comment'; action: 'added' | 'edited' | 'retracted' | 'resolved' | 'reopened' }
  | { kind: 'other'; action: string }

function parseDetails(details: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(details)
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

function status(value: unknown): ReportStatus | null {
  return isReportStatus(value) ? value : null
}

const STATUS_ACTIONS = {
  'report.submitted': 'submitted',
  'report.approved': 'approved',
  'report.returned': 'returned',
  'report.accepted': 'accepted',
  'report.locked': 'locked',
} as const

/** What an audit event about a report says, for people. */
export function describeEvent(event: AuditEventLike): HistoryEntry {
  const details = parseDetails(event.details)
  const action = event.action
  if (action in STATUS_ACTIONS) {
    return {
      kind: 'status',
      action: STATUS_ACTIONS[action as keyof typeof STATUS_ACTIONS],
      from: status(details.from),
      to: status(details.to),
      reason: text(details.reason),
    }
  }
  switch (action) {
    case 'report.saved':
      return { kind: 'saved', version: typeof details.version === 'number' ? details.version : null }
    case 'report.copied_from_previous':
      return { kind: 'copied' }
    case 'evidence.uploaded':
    case 'evidence.removed':
      return { kind: 'evidence', action: action === 'evidence.uploaded' ? 'uploaded' : 'removed', file: text(details.file) }
    case 'comment.added':
      return { kind: 'comment', action: 'added' }
    case 'comment.edited':
      return { kind: 'comment', action: 'edited' }
    case 'comment.retracted':
      return { kind: 'comment', action: 'retracted' }
    case 'comment.resolved':
      return { kind: 'comment', action: details.resolved === false ? 'reopened' : 'resolved' }
    default:
      return { kind: 'other', action }
  }
}

/** The events that move a report along (the rest are saves, files and comments). */
export function isMilestone(entry: HistoryEntry): boolean {
  return entry.kind === 'status' || entry.kind === 'copied'
}
