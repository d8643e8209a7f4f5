/**
 * The organisation chart (`/admin/organizations`): every organisation, adding one and
 * renaming one. The list and the mutations' answers spread the table's fragment.
 */
import { graphql } from '@/gql'

export const AdminOrganizationListQuery = graphql(`
  query AdminOrganizationList {
    organizations {
      id
      ...OrganizationsTable_organization
    }
  }
`)

export const CreateOrganizationMutation = graphql(`
  mutation AdminCreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      id
      nameJa
      ...OrganizationsTable_organization
    }
  }
`)

export const RenameOrganizationMutation = graphql(`
  mutation AdminRenameOrganization($id: ID!, $input: RenameOrganizationInput!) {
    renameOrganization(id: $id, input: $input) {
      id
      nameJa
      ...OrganizationsTable_organization
    }
  }
`)

/**
 * Every query that lists organisations names this type, so that adding one (which the
 * cache cannot know belongs in a list) loads them again: the table here, the account
 * form's choices and the audit filter.
 */
export const ORGANIZATION_TYPENAMES = ['Organization']
