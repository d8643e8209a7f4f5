/**
 * The review feature's GraphQL operations: the queue, the bulk steps of the plan office,
 * the single steps on a report, and a report's revisions for the comparison.
 */
import type { ResultOf } from '@graphql-typed-document-node/core'
import { graphql } from '@/gql'

export const ReviewQueueQuery = graphql(`
  query ReviewQueue {
    reviewQueue {
      waitingSince
      waitingDays
      changedSinceReturn
      report {
        id
        status
        submittedAt
        availableActions
        direction {
          id
          code
          nameJa
          nameEn
        }
        organization {
          id
          nameJa
          nameEn
        }
        period {
          id
          fiscalYear
          labelJa
          labelEn
        }
      }
    }
  }
`)

/** What each bulk outcome carries; the report as it is now lets the cache move on. */
export const ReviewBulkAcceptMutation = graphql(`
  mutation ReviewBulkAccept($ids: [ID!]!, $comment: String) {
    bulkAcceptReports(ids: $ids, comment: $comment) {
      reportId
      succeeded
      code
      message
      report {
        id
        status
        availableActions
      }
    }
  }
`)

export const ReviewBulkReturnMutation = graphql(`
  mutation ReviewBulkReturn($ids: [ID!]!, $reason: String!) {
    bulkReturnReports(ids: $ids, reason: $reason) {
      reportId
      succeeded
      code
      message
      report {
        id
        status
        availableActions
      }
    }
  }
`)

export const ReviewApproveMutation = graphql(`
  mutation ReviewApprove($id: ID!) {
    approveReport(id: $id) {
      id
      status
      availableActions
    }
  }
`)

export const ReviewReturnMutation = graphql(`
  mutation ReviewReturn($id: ID!, $reason: String!) {
    returnReport(id: $id, reason: $reason) {
      id
      status
      availableActions
    }
  }
`)

export const ReviewAcceptMutation = graphql(`
  mutation ReviewAccept($id: ID!, $comment: String) {
    acceptReport(id: $id, comment: $comment) {
      id
      status
      availableActions
    }
  }
`)

/** Every submission of a report, frozen, for "changes since the returned revision". */
export const ReviewRevisionsQuery = graphql(`
  query ReviewRevisions($id: ID!) {
    report(id: $id) {
      id
      revisions {
        number
        status
        createdAt
        createdBy {
          id
          displayName
        }
        activities {
          title
          description
          actor
          figures {
            name
            unit
            planned
            actual
          }
        }
        resultsSummary
        selfRating
        ratingReason
        issues
        nextStep
        nextStepReason
      }
    }
  }
`)

export type QueueItem = ResultOf<typeof ReviewQueueQuery>['reviewQueue'][number]

export type Revision = NonNullable<ResultOf<typeof ReviewRevisionsQuery>['report']>['revisions'][number]
