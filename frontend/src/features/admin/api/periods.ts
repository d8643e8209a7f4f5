/** The plan office's reporting periods: the list, opening one, and a period's completion matrix. */
import { graphql } from '@/gql'

export const AdminPeriodsQuery = graphql(`
  query AdminPeriods($planId: ID!) {
    reportingPeriods(planId: $planId) {
      id
      fiscalYear
      kind
      quarter
      opensOn
      dueOn
      labelJa
      labelEn
    }
  }
`)

export const OpenReportingPeriodMutation = graphql(`
  mutation AdminOpenReportingPeriod($input: OpenReportingPeriodInput!) {
    openReportingPeriod(input: $input) {
      id
      fiscalYear
      kind
      quarter
      opensOn
      dueOn
      labelJa
      labelEn
    }
  }
`)

export const CompletionMatrixQuery = graphql(`
  query AdminCompletionMatrix($periodId: ID!) {
    completionMatrix(periodId: $periodId) {
      period {
        id
        fiscalYear
        kind
        quarter
        opensOn
        dueOn
        labelJa
        labelEn
      }
      total
      counts {
        status
        count
      }
      rows {
        direction {
          id
          code
          nameJa
          nameEn
          policy {
            id
            code
            nameJa
            nameEn
          }
        }
        cells {
          reportId
          status
          organization {
            id
            nameJa
            nameEn
            kind
          }
        }
      }
    }
  }
`)
