/**
 * What the signed-in person may do on an evaluation page. The server decides again on
 * every request; this only keeps buttons away from people who cannot use them.
 */
import { hasAnyRole, REPORT_WRITER_ROLES, type Role } from '@/lib/roles'
import { isEditable } from './format'

/** Who runs the evaluation: compile, override, assess, hand over, answer, finalise, publish. */
export const EVALUATION_MANAGER_ROLES: readonly Role[] = ['PLAN_OFFICE']

/** Who gives opinions while the committee reviews the evaluation. */
export const COMMITTEE_ROLES: readonly Role[] = ['COMMITTEE_MEMBER']

export interface Reader {
  roles: readonly string[]
  organization: { id: string }
}

export interface Abilities {
  /** Compile (or compile again) the year. */
  compile: boolean
  /** Override ratings and write assessments. */
  edit: boolean
  startReview: boolean
  finalize: boolean
  publish: boolean
  /** Answer opinions (市の考え方・反映状況). */
  respond: boolean
  /** Give an opinion. */
  giveOpinion: boolean
  /** Record a value of the indicator with this source organisation. */
  recordIndicator: (sourceOrganizationId: string | null) => boolean
  /** Whether the reader sees the internal parts (missing reports, authors). */
  internal: boolean
}

const NOTHING: Abilities = {
  compile: false,
  edit: false,
  startReview: false,
  finalize: false,
  publish: false,
  respond: false,
  giveOpinion: false,
  recordIndicator: () => false,
  internal: false,
}

/**
 * The abilities of `reader` on an evaluation with `status` (null: not compiled yet).
 * Indicator values of a finalised year no longer change.
 */
export function abilities(reader: Reader | null, status: string | null): Abilities {
  if (!reader) return NOTHING
  const manages = hasAnyRole(reader.roles, EVALUATION_MANAGER_ROLES)
  const editable = status === null || isEditable(status)
  const writes = hasAnyRole(reader.roles, REPORT_WRITER_ROLES)
  return {
    compile: manages && editable,
    edit: manages && status !== null && editable,
    startReview: manages && status === 'DRAFT',
    finalize: manages && status === 'IN_COMMITTEE',
    publish: manages && status === 'FINALIZED',
    respond: manages && status !== null && status !== 'PUBLISHED',
    giveOpinion: hasAnyRole(reader.roles, COMMITTEE_ROLES) && status === 'IN_COMMITTEE',
    recordIndicator: (sourceOrganizationId) =>
      editable && (manages || (writes && sourceOrganizationId !== null && sourceOrganizationId === reader.organization.id)),
    internal: true,
  }
}
