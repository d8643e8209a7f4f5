/** The app's single urql client; requests carry the user's language and session. */
import { sessionExchange } from '@/features/session'
import { createGraphqlClient } from '@/lib/graphqlClient'
import { currentLanguage } from '@/lib/i18n'
import { i18n } from './i18n'
import { session } from './session'

export const graphqlClient = createGraphqlClient({
  getLanguage: () => currentLanguage(i18n),
  exchanges: [sessionExchange(session)],
})
