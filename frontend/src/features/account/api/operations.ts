/**
 * The account feature's GraphQL operations: one's notification settings, and the public
 * invitation link (who it is for; setting the password through it, which signs in).
 */
import { graphql } from '@/gql'

export const MyNotificationSettingsQuery = graphql(`
  query AccountNotificationSettings {
    me {
      id
      notificationSettings {
        dailyDigest
        muteComments
      }
    }
  }
`)

export const UpdateNotificationSettingsMutation = graphql(`
  mutation AccountUpdateNotificationSettings($dailyDigest: Boolean!, $muteComments: Boolean!) {
    updateNotificationSettings(dailyDigest: $dailyDigest, muteComments: $muteComments) {
      id
      notificationSettings {
        dailyDigest
        muteComments
      }
    }
  }
`)

export const InvitationQuery = graphql(`
  query AccountInvitation($token: String!) {
    invitation(token: $token) {
      email
      displayName
      expiresAt
    }
  }
`)

/**
 * Answers a session like `login`, with the same fields the session feature keeps (never
 * the refresh token: the server sets it as an HttpOnly cookie).
 */
export const AcceptInvitationMutation = graphql(`
  mutation AccountAcceptInvitation($token: String!, $password: String!) {
    acceptInvitation(token: $token, password: $password) {
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
  }
`)
