/** The app's single urql client; requests carry the user's language. */
import { createGraphqlClient } from '@/lib/graphqlClient'
import { currentLanguage } from '@/lib/i18n'
import { i18n } from './i18n'

export const graphqlClient = createGraphqlClient({ getLanguage: () => currentLanguage(i18n) })
