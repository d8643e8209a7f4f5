/**
 * A fake GraphQL server for the evaluation page's component tests: the plan, its years,
 * one evaluation per year (the public sees only published ones), and the mutations,
 * recorded and answered from mutable state.
 */
import type { SessionUser } from '@/features/session'
import { organizations as testOrganizations } from '@/test/accounts'
import { apiError, signedInOnly, type Handler } from '@/test/renderApp'
import { fakeUser } from '@/test/session'
import type { EvaluationData } from '../api/operations'
import { plan } from './fixtures'

const organization = (id: string) => {
  const found = testOrganizations.find((o) => o.id === id)
  if (!found) throw new Error(`no organisation ${id}`)
  return found
}

export const committee: SessionUser = fakeUser({
  id: 'user-committee',
  email: 'committee@omitama.example',
  displayName: '渡辺 誠',
  roles: ['COMMITTEE_MEMBER'],
  organization: organization('org-committee'),
})

export const bousaiStaff: SessionUser = fakeUser({
  id: 'user-bousai',
  email: 'bousai@omitama.example',
  displayName: '高橋 健',
  roles: ['DEPARTMENT_STAFF'],
  organization: organization('org-bousai'),
})

export interface Recorded {
  operation: string
  variables: Record<string, unknown>
}

export function evaluationServer(evaluations: EvaluationData[]) {
  const state = { evaluations: [...evaluations], calls: [] as Recorded[] }
  const byYear = (year: unknown) => state.evaluations.find((e) => e.fiscalYear === year) ?? null
  const record = (operation: string, variables: Record<string, unknown>) => {
    state.calls.push({ operation, variables })
  }
  const mutation = (operation: string, answer: (variables: Record<string, unknown>) => ReturnType<Handler>): Handler =>
    signedInOnly((variables) => {
      record(operation, variables)
      return answer(variables)
    })
  const handlers: Record<string, Handler> = {
    EvaluationPlan: (variables) => ({ data: { plan: variables.code === plan.code ? plan : null } }),
    EvaluationPlans: () => ({ data: { plans: [plan] } }),
    EvaluationYears: (_variables, _language, { user }) => ({
      data: {
        annualEvaluations: state.evaluations
          .filter((e) => user !== null || e.status === 'PUBLISHED')
          .map((e) => ({ id: e.id, fiscalYear: e.fiscalYear, status: e.status })),
      },
    }),
    Evaluation: (variables, _language, { user }) => {
      const found = byYear(variables.fiscalYear)
      return { data: { annualEvaluation: found && (user !== null || found.status === 'PUBLISHED') ? found : null } }
    },
  }
  return { state, handlers, mutation, record }
}

export { apiError }
