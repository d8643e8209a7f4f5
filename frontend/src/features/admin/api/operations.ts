/**
 * The administration feature's GraphQL operations: accounts, organisations, the audit log.
 * Lists spread the fragments of the components that render their rows.
 */
import { graphql } from '@/gql'

export const AdminUsersQuery = graphql(`
  query AdminUsers {
    users {
      id
      ...UsersTable_user
    }
  }
`)

export const AdminUserQuery = graphql(`
  query AdminUser($id: ID!) {
    user(id: $id) {
      id
      email
      displayName
      roles
      language
      active
      organization {
        id
        nameJa
        nameEn
      }
    }
  }
`)

/** Every organisation, for the account form and the audit filter. */
export const AdminOrganizationsQuery = graphql(`
  query AdminOrganizations {
    organizations {
      id
      code
      nameJa
      nameEn
      kind
    }
  }
`)

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
      displayName
    }
  }
`)

export const UpdateUserMutation = graphql(`
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      id
      displayName
      roles
      language
      active
      organization {
        id
      }
    }
  }
`)

export const DeactivateUserMutation = graphql(`
  mutation DeactivateUser($id: ID!) {
    deactivateUser(id: $id) {
      id
      active
    }
  }
`)

/** Sends an account its invitation mail; earlier links stop working. */
export const InviteUserMutation = graphql(`
  mutation AdminInviteUser($userId: ID!) {
    inviteUser(userId: $userId) {
      userId
      expiresAt
    }
  }
`)

export const AuditEventsQuery = graphql(`
  query AuditEvents($filter: AuditFilterInput, $first: Int!, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      nodes {
        seq
        ...AuditRow_event
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`)
