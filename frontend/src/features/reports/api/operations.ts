/**
 * The reports feature's GraphQL operations: what the viewer's organisation owes, one
 * report (with its comments and history), saving a draft, copying last period's text,
 * evidence files, the workflow steps and comments. The upload goes
 * over XMLHttpRequest (`model/upload.ts`), with this module's document as its text.
 */
import type { ResultOf } from '@graphql-typed-document-node/core'
import { graphql } from '@/gql'

/** A comment as the comments panel shows it. */
export const CommentFieldsFragment = graphql(`
  fragment CommentFields on Comment {
    id
    parentId
    field
    activityIndex
    body
    author {
      id
      displayName
    }
    createdAt
    editedAt
    retractedAt
    resolvedAt
    resolvedBy {
      id
      displayName
    }
  }
`)

/** Everything the editor writes; saves answer it too, so the editor learns the new base. */
export const ReportContentFragment = graphql(`
  fragment ReportContent_report on StatusReport {
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
    indicators {
      id
    }
  }
`)

export const MyReportsQuery = graphql(`
  query MyReports {
    myReports {
      id
      status
      overdue
      updatedAt
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

export const ReportQuery = graphql(`
  query Report($id: ID!) {
    report(id: $id) {
      id
      status
      version
      overdue
      updatedAt
      updatedBy {
        id
        displayName
      }
      copiedFromId
      unchangedSinceCopy
      missingForSubmission {
        field
        message
      }
      ...ReportContent_report
      indicators {
        id
        code
        nameJa
        nameEn
      }
      direction {
        id
        code
        nameJa
        nameEn
        goal {
          id
          code
        }
        plan {
          id
          indicators {
            id
            code
            nameJa
            nameEn
            goal {
              id
              code
            }
          }
        }
      }
      organization {
        id
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
      evidence {
        id
        fileName
        contentType
        size
        description
        uploadedAt
        downloadPath
      }
      submittedAt
      acceptedAt
      availableActions
      comments {
        ...CommentFields
      }
      history {
        seq
        occurredAt
        actorLabel
        action
        details
      }
    }
  }
`)

export const SaveReportMutation = graphql(`
  mutation SaveReport($id: ID!, $input: ReportInput!, $expectedVersion: Int!) {
    saveReport(id: $id, input: $input, expectedVersion: $expectedVersion) {
      id
      status
      version
      updatedAt
      missingForSubmission {
        field
        message
      }
      ...ReportContent_report
    }
  }
`)

export const CopyPreviousReportMutation = graphql(`
  mutation CopyPreviousReport($id: ID!, $expectedVersion: Int!) {
    copyPreviousReport(id: $id, expectedVersion: $expectedVersion) {
      id
      status
      version
      updatedAt
      copiedFromId
      ...ReportContent_report
    }
  }
`)

export const UploadEvidenceMutation = graphql(`
  mutation UploadEvidence($reportId: ID!, $file: Upload!, $description: String) {
    uploadEvidence(reportId: $reportId, file: $file, description: $description) {
      id
      fileName
      size
    }
  }
`)

export const RemoveEvidenceMutation = graphql(`
  mutation RemoveEvidence($id: ID!) {
    removeEvidence(id: $id) {
      id
      fileName
    }
  }
`)

/** The workflow steps: what each answers is what the page needs to move on. */
export const SubmitReportMutation = graphql(`
  mutation SubmitReport($id: ID!, $expectedVersion: Int!) {
    submitReport(id: $id, expectedVersion: $expectedVersion) {
      id
      status
      version
      submittedAt
      availableActions
    }
  }
`)

export const ApproveReportMutation = graphql(`
  mutation ApproveReport($id: ID!) {
    approveReport(id: $id) {
      id
      status
      version
      availableActions
    }
  }
`)

export const ReturnReportMutation = graphql(`
  mutation ReturnReport($id: ID!, $reason: String!) {
    returnReport(id: $id, reason: $reason) {
      id
      status
      version
      availableActions
    }
  }
`)

export const AcceptReportMutation = graphql(`
  mutation AcceptReport($id: ID!, $comment: String) {
    acceptReport(id: $id, comment: $comment) {
      id
      status
      version
      acceptedAt
      availableActions
    }
  }
`)

export const AddCommentMutation = graphql(`
  mutation AddComment($reportId: ID!, $body: String!, $field: ReportField, $activityIndex: Int, $parentId: ID) {
    addComment(reportId: $reportId, body: $body, field: $field, activityIndex: $activityIndex, parentId: $parentId) {
      ...CommentFields
    }
  }
`)

export const ResolveCommentMutation = graphql(`
  mutation ResolveComment($id: ID!, $resolved: Boolean!) {
    resolveComment(id: $id, resolved: $resolved) {
      ...CommentFields
    }
  }
`)

export const RetractCommentMutation = graphql(`
  mutation RetractComment($id: ID!) {
    retractComment(id: $id) {
      ...CommentFields
    }
  }
`)

/** One report as the report page reads it. */
export type ReportData = NonNullable<ResultOf<typeof ReportQuery>['report']>

/** One row of `myReports`. */
export type MyReport = ResultOf<typeof MyReportsQuery>['myReports'][number]
