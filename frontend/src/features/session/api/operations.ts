/**
 * The session feature's GraphQL operations. None of them selects `refreshToken`: the
 * refresh token stays in the server's HttpOnly cookie and never reaches script.
 */
import { graphql } from '@/gql'

/** What the app keeps of a session: the access token, its expiry and the person. */
export const SessionFieldsFragment = graphql(`
  fragment SessionFields on Session {
    accessToken
    expiresAt
    user {
      id
      email
      displayName
      roles
      language
      organization {
        id
        code
        nameJa
        nameEn
        kind
      }
    }
  }
`)

export const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      ...SessionFields
    }
  }
`)

/** Sent without an argument: the server reads the refresh token from its cookie. */
export const RefreshSessionMutation = graphql(`
  mutation RefreshSession {
    refreshSession {
      ...SessionFields
    }
  }
`)

/** Sent without an argument: the server revokes the cookie's token family and clears it. */
export const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`)

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      ...SessionFields
    }
  }
`)
