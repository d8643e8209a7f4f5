/**
 * Reports for component tests: one report shaped like the API's answer, and an in-memory
 * server for it (saving with versions, conflicts on a stale version, what is missing for
 * submission, copying, evidence), as handlers for `renderApp`.
 */
import type { SessionUser } from '@/features/session'
import { apiError, signedInOnly, type Handler } from '@/test/renderApp'

const indicators = [
  { id: 'ind-3', code: 'I3', nameJa: 'ボランティア・NPO活動に参加したことがある人の割合', nameEn: 'Residents who have volunteered', goal: { id: 'goal-1', code: '1' } },
  { id: 'ind-7', code: 'I7', nameJa: '地域の防災訓練に参加している人の割合', nameEn: 'Residents who take part in disaster drills', goal: { id: 'goal-3', code: '3' } },
  { id: 'ind-10', code: 'I10', nameJa: '市民と行政の協働が進んでいると感じる人の割合', nameEn: 'Residents who feel partnership is progressing', goal: null },
]

export interface Content {
  activities: {
    title: string
    description: string
    actor: string | null
    figures: { name: string; unit: string; planned: number | null; actual: number | null }[]
  }[]
  resultsSummary: string | null
  selfRating: string | null
  ratingReason: string | null
  issues: string | null
  nextStep: string | null
  nextStepReason: string | null
  indicatorIds: string[]
}

export const emptyContent: Content = {
  activities: [],
  resultsSummary: null,
  selfRating: null,
  ratingReason: null,
  issues: null,
  nextStep: null,
  nextStepReason: null,
  indicatorIds: [],
}

export const draftContent: Content = {
  activities: [
    {
      title: '福祉人材確保の相談会',
      description: '市内の介護事業所と合同で開催した。',
      actor: 'CITY',
      figures: [{ name: '参加者数', unit: '人', planned: 40, actual: 35 }],
    },
  ],
  resultsSummary: null,
  selfRating: null,
  ratingReason: null,
  issues: null,
  nextStep: null,
  nextStepReason: null,
  indicatorIds: ['ind-3'],
}

export interface Evidence {
  id: string
  fileName: string
  contentType: string
  size: number
  description: string | null
  uploadedAt: string
  downloadPath: string
}

export interface ServerComment {
  id: string
  reportId: string
  parentId: string | null
  field: string | null
  activityIndex: number | null
  body: string
  author: { id: string; displayName: string } | null
  createdAt: string
  editedAt: string | null
  retractedAt: string | null
  resolvedAt: string | null
  resolvedBy: { id: string; displayName: string } | null
}

export interface ServerEvent {
  seq: number
  occurredAt: string
  actorLabel: string
  action: string
  details: string
}

export interface ServerReport {
  id: string
  status: string
  version: number
  organizationId: string
  content: Content
  evidence: Evidence[]
  updatedBy: string | null
  copiedFromId: string | null
  comments?: ServerComment[]
  history?: ServerEvent[]
}

/** The steps the real server offers: writers submit a draft; the manager signs off or returns. */
export function actionsFor(report: ServerReport, viewer: SessionUser | null): string[] {
  if (!viewer) return []
  if (viewer.organization.id !== report.organizationId) {
    return viewer.roles.includes('PLAN_OFFICE') && report.status === 'SUBMITTED' ? ['ACCEPT', 'RETURN'] : []
  }
  if (['DRAFT', 'RETURNED'].includes(report.status) && viewer.roles.some((r) => ['DEPARTMENT_STAFF', 'DEPARTMENT_MANAGER', 'COUNCIL_COORDINATOR'].includes(r))) {
    return ['SUBMIT']
  }
  if (report.status === 'AWAITING_MANAGER' && viewer.roles.includes('DEPARTMENT_MANAGER')) return ['APPROVE', 'RETURN']
  return []
}

function missing(content: Content): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = []
  if (content.activities.length === 0) out.push({ field: 'activities', message: '取組を1件以上入力してください。' })
  content.activities.forEach((a, index) => {
    if (a.title.trim() === '') out.push({ field: `activities[${String(index)}].title`, message: `${String(index + 1)}件目の取組に名称を入力してください。` })
  })
  if (!content.resultsSummary) out.push({ field: 'resultsSummary', message: '実績の概要を入力してください。' })
  if (!content.selfRating) out.push({ field: 'selfRating', message: '自己評価（A〜D）を選んでください。' })
  else if (['C', 'D'].includes(content.selfRating) && !content.ratingReason) {
    out.push({ field: 'ratingReason', message: '自己評価がC・Dの場合は、その理由を入力してください。' })
  }
  if (!content.nextStep) out.push({ field: 'nextStep', message: '今後の方向性を選んでください。' })
  return out
}

const organizations: Record<string, { id: string; nameJa: string; nameEn: string }> = {
  'org-welfare': { id: 'org-welfare', nameJa: '社会福祉課', nameEn: 'Social Welfare Division' },
  'org-bousai': { id: 'org-bousai', nameJa: '防災管理課', nameEn: 'Disaster Management Division' },
}

export const period = { id: 'period-2025-ye', fiscalYear: 2025, kind: 'YEAR_END', quarter: null, opensOn: '2026-04-01', dueOn: '2026-05-31' }
export const UPDATED_AT = '2026-11-27T04:05:00Z'

/** The report as `Report`, `SaveReport` and `CopyPreviousReport` answer it. */
export function reportAnswer(report: ServerReport, viewer: SessionUser | null = null) {
  const { indicatorIds, ...content } = report.content
  return {
    id: report.id,
    status: report.status,
    version: report.version,
    overdue: false,
    updatedAt: UPDATED_AT,
    updatedBy: report.updatedBy ? { id: 'user-other', displayName: report.updatedBy } : null,
    copiedFromId: report.copiedFromId,
    unchangedSinceCopy: [],
    missingForSubmission: missing(report.content),
    ...content,
    indicators: indicatorIds.map((id) => {
      const found = indicators.find((i) => i.id === id)
      return { id, code: found?.code ?? '?', nameJa: found?.nameJa ?? id, nameEn: found?.nameEn ?? id }
    }),
    direction: {
      id: 'dir-1-3-4',
      code: '1-3-4',
      nameJa: '福祉・介護人材、専門職の確保への支援',
      nameEn: 'Securing welfare and care workers and professionals',
      goal: { id: 'goal-1', code: '1' },
      plan: { id: 'plan-3', indicators },
    },
    organization: organizations[report.organizationId] ?? null,
    period,
    evidence: report.evidence,
    submittedAt: null,
    acceptedAt: null,
    availableActions: actionsFor(report, viewer),
    comments: report.comments ?? [],
    history: report.history ?? [],
  }
}

export function serverReport(overrides: Partial<ServerReport> = {}): ServerReport {
  return {
    id: 'report-1',
    status: 'DRAFT',
    version: 3,
    organizationId: 'org-welfare',
    content: structuredClone(draftContent),
    evidence: [],
    updatedBy: '鈴木 一郎',
    copiedFromId: null,
    ...overrides,
  }
}

/** Applies a `ReportInput` as the server does: omitted fields stay, blank text is none. */
function apply(content: Content, input: Record<string, unknown>): Content {
  const next = structuredClone(content)
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : null)
  if ('activities' in input) next.activities = structuredClone(input.activities) as Content['activities']
  if ('resultsSummary' in input) next.resultsSummary = text(input.resultsSummary)
  if ('selfRating' in input) next.selfRating = input.selfRating as string | null
  if ('ratingReason' in input) next.ratingReason = text(input.ratingReason)
  if ('issues' in input) next.issues = text(input.issues)
  if ('nextStep' in input) next.nextStep = input.nextStep as string | null
  if ('nextStepReason' in input) next.nextStepReason = text(input.nextStepReason)
  if ('indicatorIds' in input) next.indicatorIds = [...new Set(input.indicatorIds as string[])]
  return next
}

/**
 * Handlers over one report. `saves` records each save's input and expected version;
 * `report` may be changed by the test (someone else saving, say).
 */
export function reportServer(initial: ServerReport = serverReport()) {
  const state = {
    report: initial,
    saves: [] as { input: Record<string, unknown>; expectedVersion: number }[],
    copies: 0,
    steps: [] as { step: string; variables: Record<string, unknown> }[],
    /** Where a submission goes: to the manager, or straight to the reviewers. */
    submitTo: 'AWAITING_MANAGER',
    previous: { ...structuredClone(draftContent), resultsSummary: '前期の実績', selfRating: 'B', nextStep: 'CONTINUE' } as Content | null,
  }
  /** Someone else saves `patch` (the version moves). */
  const saveAsSomeoneElse = (patch: Partial<Content>, name = '高橋 恵子') => {
    state.report = {
      ...state.report,
      content: { ...state.report.content, ...patch },
      version: state.report.version + 1,
      updatedBy: name,
    }
  }
  const handlers: Record<string, Handler> = {
    Report: signedInOnly((variables, _language, { user }) =>
      variables.id === state.report.id
        ? { data: { report: reportAnswer(state.report, user) } }
        : { data: { report: null } },
    ),
    MyReports: signedInOnly(() => ({ data: { myReports: [] } })),
    SaveReport: signedInOnly((variables, _language, { user }) => {
      const input = variables.input as Record<string, unknown>
      const expectedVersion = Number(variables.expectedVersion)
      state.saves.push({ input, expectedVersion })
      if (!['NOT_STARTED', 'DRAFT', 'RETURNED'].includes(state.report.status)) {
        return apiError('BAD_USER_INPUT', '「提出済み」の報告は編集できません。', 'saveReport', 'id')
      }
      if (expectedVersion !== state.report.version) {
        return {
          data: null,
          errors: [
            {
              message: '先にほかの人が保存しました。',
              path: ['saveReport'],
              extensions: { code: 'CONFLICT', currentVersion: state.report.version },
            },
          ],
        }
      }
      state.report = {
        ...state.report,
        content: apply(state.report.content, input),
        version: state.report.version + 1,
        status: state.report.status === 'NOT_STARTED' ? 'DRAFT' : state.report.status,
        updatedBy: '鈴木 一郎',
      }
      return { data: { saveReport: reportAnswer(state.report, user) } }
    }),
    CopyPreviousReport: signedInOnly((variables, _language, { user }) => {
      state.copies += 1
      if (!state.previous) return apiError('BAD_USER_INPUT', '前の期間の同じ施策の方向の報告がありません。', 'copyPreviousReport', 'id')
      if (Number(variables.expectedVersion) !== state.report.version) {
        return { data: null, errors: [{ message: 'conflict', extensions: { code: 'CONFLICT', currentVersion: state.report.version } }] }
      }
      state.report = {
        ...state.report,
        content: structuredClone(state.previous),
        version: state.report.version + 1,
        status: 'DRAFT',
        copiedFromId: 'report-previous',
      }
      return { data: { copyPreviousReport: reportAnswer(state.report, user) } }
    }),
    RemoveEvidence: signedInOnly((variables) => {
      const found = state.report.evidence.find((e) => e.id === variables.id)
      if (!found) return apiError('NOT_FOUND', '見つかりません。', 'removeEvidence')
      state.report = { ...state.report, evidence: state.report.evidence.filter((e) => e.id !== variables.id) }
      return { data: { removeEvidence: { id: found.id, fileName: found.fileName } } }
    }),
    SubmitReport: signedInOnly((variables, _language, { user }) => {
      state.steps.push({ step: 'submit', variables })
      if (Number(variables.expectedVersion) !== state.report.version) {
        return { data: null, errors: [{ message: 'conflict', extensions: { code: 'CONFLICT', currentVersion: state.report.version } }] }
      }
      const todo = missing(state.report.content)
      if (todo.length > 0) return apiError('BAD_USER_INPUT', todo.map((m) => m.message).join('\n'), 'submitReport', todo[0]?.field)
      move(state.submitTo, 'report.submitted', user)
      return { data: { submitReport: stepAnswer(user) } }
    }),
    ApproveReport: signedInOnly((variables, _language, { user }) => {
      state.steps.push({ step: 'approve', variables })
      move('SUBMITTED', 'report.approved', user)
      return { data: { approveReport: stepAnswer(user) } }
    }),
    ReturnReport: signedInOnly((variables, _language, { user }) => {
      state.steps.push({ step: 'return', variables })
      move('RETURNED', 'report.returned', user, String(variables.reason))
      return { data: { returnReport: stepAnswer(user) } }
    }),
    AcceptReport: signedInOnly((variables, _language, { user }) => {
      state.steps.push({ step: 'accept', variables })
      move('ACCEPTED', 'report.accepted', user)
      return { data: { acceptReport: stepAnswer(user) } }
    }),
    AddComment: signedInOnly((variables, _language, { user }) => {
      const comment: ServerComment = {
        id: `comment-${String(++serial)}`,
        reportId: state.report.id,
        parentId: (variables.parentId as string | null | undefined) ?? null,
        field: (variables.field as string | null | undefined) ?? null,
        activityIndex: (variables.activityIndex as number | null | undefined) ?? null,
        body: String(variables.body),
        author: user ? { id: user.id, displayName: user.displayName } : null,
        createdAt: new Date(Date.UTC(2026, 10, 27, 5, serial)).toISOString(),
        editedAt: null,
        retractedAt: null,
        resolvedAt: null,
        resolvedBy: null,
      }
      state.report = { ...state.report, comments: [...(state.report.comments ?? []), comment] }
      return { data: { addComment: comment } }
    }),
    ResolveComment: signedInOnly((variables, _language, { user }) =>
      changeComment(String(variables.id), (c) => ({
        ...c,
        resolvedAt: variables.resolved === false ? null : '2026-11-27T06:00:00Z',
        resolvedBy: variables.resolved === false || !user ? null : { id: user.id, displayName: user.displayName },
      }), 'resolveComment'),
    ),
    RetractComment: signedInOnly((variables) =>
      changeComment(String(variables.id), (c) => ({ ...c, body: '', retractedAt: '2026-11-27T06:30:00Z' }), 'retractComment'),
    ),
  }

  let serial = 0
  function move(to: string, action: string, user: SessionUser | null, reason: string | null = null) {
    const from = state.report.status
    const history = state.report.history ?? []
    state.report = {
      ...state.report,
      status: to,
      version: state.report.version + 1,
      history: [
        ...history,
        {
          seq: history.length + 100,
          occurredAt: '2026-11-27T05:30:00Z',
          actorLabel: user?.email ?? 'system',
          action,
          details: JSON.stringify({ from, to, version: state.report.version + 1, reason }),
        },
      ],
    }
  }
  function stepAnswer(user: SessionUser | null) {
    const answer = reportAnswer(state.report, user)
    return { id: answer.id, status: answer.status, version: answer.version, submittedAt: null, acceptedAt: null, availableActions: answer.availableActions }
  }
  function changeComment(id: string, change: (comment: ServerComment) => ServerComment, path: string) {
    const found = (state.report.comments ?? []).find((c) => c.id === id)
    if (!found) return apiError('NOT_FOUND', '見つかりません。', path)
    const changed = change(found)
    state.report = { ...state.report, comments: (state.report.comments ?? []).map((c) => (c.id === id ? changed : c)) }
    return { data: { [path]: changed } }
  }
  return { state, handlers, saveAsSomeoneElse }
}
