/**
 * The home page's GraphQL operations: one per block, so each block loads (and fails) on
 * its own. The plans come from the plan feature's shared `Plans` query.
 */
import type { ResultOf } from '@graphql-typed-document-node/core'
import { graphql } from '@/gql'

/** What the viewer's organisation owes (`myReports`), for the reports to hand in. */
export const HomeReportsQuery = graphql(`
  query HomeReports {
    myReports {
      id
      status
      overdue
      direction {
        id
        code
        nameJa
        nameEn
      }
      period {
        id
        fiscalYear
        kind
        quarter
        opensOn
        dueOn
      }
    }
  }
`)

export type HomeReport = ResultOf<typeof HomeReportsQuery>['myReports'][number]

/** What waits in the viewer's review queue: only how many and how long. */
export const HomeReviewQueueQuery = graphql(`
  query HomeReviewQueue {
    reviewQueue {
      waitingSince
      waitingDays
      report {
        id
      }
    }
  }
`)

/** The evaluations of a plan the viewer may read. */
export const HomeEvaluationsQuery = graphql(`
  query HomeEvaluations($planId: ID!) {
    annualEvaluations(planId: $planId) {
      id
      fiscalYear
      status
    }
  }
`)
