/**
 * What the home page shows a person, without React: which blocks their roles call for, the
 * reports their organisation must still hand in, what waits in their review queue, the
 * evaluations before the committee, and the year's evaluation the plan office is on.
 */
import { pickDefaultPlan } from '@/lib/defaultPlan'
import { fiscalYearOf } from '@/lib/fiscalYear'
import { hasAnyRole, REPORT_WRITER_ROLES, type Role } from '@/lib/roles'

export type HomeBlock = 'reports' | 'reviews' | 'committee' | 'evaluation'

/** Who has a review queue (`/reviews`); the same roles as the app's route guard. */
export const REVIEWER_ROLES: readonly Role[] = ['PLAN_OFFICE', 'COUNCIL_COORDINATOR', 'DEPARTMENT_MANAGER']

/** The blocks above the tools, in the order they are shown. */
export function homeBlocks(roles: readonly string[]): HomeBlock[] {
  const blocks: HomeBlock[] = []
  if (hasAnyRole(roles, REPORT_WRITER_ROLES)) blocks.push('reports')
  if (hasAnyRole(roles, REVIEWER_ROLES)) blocks.push('reviews')
  if (roles.includes('COMMITTEE_MEMBER')) blocks.push('committee')
  if (roles.includes('PLAN_OFFICE')) blocks.push('evaluation')
  return blocks
}

/** Statuses in which a report has not reached the reviewers (the server's "outstanding"). */
const OUTSTANDING: readonly string[] = ['NOT_STARTED', 'DRAFT', 'AWAITING_MANAGER', 'RETURNED']

export interface OwedReportLike {
  id: string
  status: string
  overdue: boolean
  direction?: { code: string } | null
  period: { opensOn: string; dueOn: string }
}

export interface ReportToDo<T extends OwedReportLike> {
  report: T
  overdue: boolean
  /** Whole days from today (in Japan) to the due date: 0 on the day, negative once past. */
  daysLeft: number
}

/** Whole days from `from` to `to`, both `YYYY-MM-DD`. */
export function daysBetween(from: string, to: string): number {
  const parse = (day: string) => Date.parse(`${day}T00:00:00Z`)
  return Math.round((parse(to) - parse(from)) / 86_400_000)
}

const byCode = new Intl.Collator('en', { numeric: true })

/**
 * The reports to hand in now: outstanding ones whose period has opened (`today` is the date
 * in Japan, `YYYY-MM-DD`), and every overdue one. Overdue first, then the nearest due date,
 * then by direction code.
 */
export function reportsToDo<T extends OwedReportLike>(reports: readonly T[], today: string): ReportToDo<T>[] {
  return reports
    .filter((report) => report.overdue || (OUTSTANDING.includes(report.status) && report.period.opensOn <= today))
    .map((report) => ({ report, overdue: report.overdue, daysLeft: daysBetween(today, report.period.dueOn) }))
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        a.report.period.dueOn.localeCompare(b.report.period.dueOn) ||
        byCode.compare(a.report.direction?.code ?? '', b.report.direction?.code ?? ''),
    )
}

export interface QueueItemLike {
  waitingSince: string
  waitingDays: number
}

export interface ReviewSummary {
  count: number
  /** The longest-waiting report's wait, or null when nothing waits. */
  longest: { days: number; since: string } | null
}

/** How many reports wait for the viewer, and the longest wait. */
export function reviewSummary(queue: readonly QueueItemLike[]): ReviewSummary {
  let longest: QueueItemLike | null = null
  for (const item of queue) {
    if (
      !longest ||
      item.waitingDays > longest.waitingDays ||
      (item.waitingDays === longest.waitingDays && Date.parse(item.waitingSince) < Date.parse(longest.waitingSince))
    ) {
      longest = item
    }
  }
  return { count: queue.length, longest: longest ? { days: longest.waitingDays, since: longest.waitingSince } : null }
}

export interface EvaluationLike {
  fiscalYear: number
  status: string
}

/** The evaluations before the committee (委員会審議中), newest year first. */
export function evaluationsInCommittee<T extends EvaluationLike>(evaluations: readonly T[]): T[] {
  return evaluations.filter((e) => e.status === 'IN_COMMITTEE').sort((a, b) => b.fiscalYear - a.fiscalYear)
}

export interface PlanPeriod {
  startFiscalYear: number
  endFiscalYear: number
}

export interface EvaluationToWatch {
  /** The year the plan office is on. */
  fiscalYear: number
  /** Its evaluation's status; null when it has not been compiled yet. */
  status: string | null
  /** When that year has none yet, the newest evaluation there is. */
  previous: EvaluationLike | null
}

/**
 * The evaluation the plan office is on: a year is evaluated once it has ended, so the year
 * due is last year (or the plan's last year once the plan is over). An evaluation of a later
 * year, compiled early, counts too. Null while the plan's first year is still running and
 * nothing has been compiled.
 */
export function evaluationToWatch(
  plan: PlanPeriod,
  evaluations: readonly EvaluationLike[],
  currentFiscalYear: number,
): EvaluationToWatch | null {
  const last = Math.min(plan.endFiscalYear, currentFiscalYear)
  const newest =
    evaluations
      .filter((e) => e.fiscalYear >= plan.startFiscalYear && e.fiscalYear <= last)
      .sort((a, b) => b.fiscalYear - a.fiscalYear)[0] ?? null
  const due = Math.min(plan.endFiscalYear, currentFiscalYear - 1)
  if (newest && newest.fiscalYear >= due) return { fiscalYear: newest.fiscalYear, status: newest.status, previous: null }
  if (due < plan.startFiscalYear) return null
  return { fiscalYear: due, status: null, previous: newest }
}

/**
 * The plans whose evaluations matter this year: those running this year or last year (last
 * year's evaluation is compiled and discussed this year, also when a new plan has begun);
 * otherwise the plan `/` opens.
 */
export function plansToWatch<P extends PlanPeriod & { code: string }>(plans: readonly P[], today: Date = new Date()): P[] {
  const currentFiscalYear = fiscalYearOf(today)
  const watched = plans.filter((p) => p.startFiscalYear <= currentFiscalYear && p.endFiscalYear >= currentFiscalYear - 1)
  if (watched.length > 0) return watched
  const fallback = pickDefaultPlan(plans, today)
  return fallback ? [fallback] : []
}
