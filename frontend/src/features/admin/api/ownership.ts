/**
 * The plan office's ownership operations: the plans, a plan's directions with their owners
 * and the organisations (the matrix), assigning and unassigning, and the CSV round trip.
 */
import { graphql } from '@/gql'

/** Every plan generation, for choosing the plan to work on. */
export const AdminPlansQuery = graphql(`
  query AdminPlans {
    plans {
      id
      code
      nameJa
      nameEn
      startFiscalYear
      endFiscalYear
    }
  }
`)

export const AdminOwnershipQuery = graphql(`
  query AdminOwnership($code: String!) {
    plan(code: $code) {
      id
      code
      goals {
        id
        code
        nameJa
        nameEn
        policies {
          id
          code
          nameJa
          nameEn
          directions {
            id
            code
            nameJa
            nameEn
            owners {
              role
              organization {
                id
              }
            }
          }
        }
      }
    }
    organizations {
      id
      code
      nameJa
      nameEn
      kind
    }
  }
`)

export const AssignDirectionMutation = graphql(`
  mutation AdminAssignDirection($directionId: ID!, $organizationId: ID!, $role: OwnerRole!) {
    assignDirection(directionId: $directionId, organizationId: $organizationId, role: $role) {
      id
      owners {
        role
        organization {
          id
        }
      }
    }
  }
`)

export const UnassignDirectionMutation = graphql(`
  mutation AdminUnassignDirection($directionId: ID!, $organizationId: ID!) {
    unassignDirection(directionId: $directionId, organizationId: $organizationId) {
      id
      owners {
        role
        organization {
          id
        }
      }
    }
  }
`)

export const OwnershipCsvQuery = graphql(`
  query AdminOwnershipCsv($planId: ID!) {
    ownershipCsv(planId: $planId)
  }
`)

export const PreviewOwnershipImportMutation = graphql(`
  mutation AdminPreviewOwnershipImport($planId: ID!, $csv: String!) {
    previewOwnershipImport(planId: $planId, csv: $csv) {
      valid
      changes {
        kind
        directionCode
        organizationCode
        role
        previousRole
      }
      problems {
        line
        message
      }
    }
  }
`)

export const ApplyOwnershipImportMutation = graphql(`
  mutation AdminApplyOwnershipImport($planId: ID!, $csv: String!) {
    applyOwnershipImport(planId: $planId, csv: $csv) {
      kind
      directionCode
      organizationCode
      role
      previousRole
    }
  }
`)
