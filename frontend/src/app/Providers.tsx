import type { ReactNode } from 'react'
import { I18nextProvider } from 'react-i18next'
import { Provider as UrqlProvider, type Client } from 'urql'
import { CurrentPlanProvider } from '@/features/plan'
import { SessionProvider, type SessionController } from '@/features/session'
import type { I18n } from '@/lib/i18n'

/**
 * Everything the screens need from above: translations, the session, the GraphQL client,
 * the current plan.
 */
export function Providers({
  i18n,
  session,
  client,
  children,
}: {
  i18n: I18n
  session: SessionController
  client: Client
  children: ReactNode
}) {
  return (
    <I18nextProvider i18n={i18n}>
      <SessionProvider session={session}>
        <UrqlProvider value={client}>
          <CurrentPlanProvider>{children}</CurrentPlanProvider>
        </UrqlProvider>
      </SessionProvider>
    </I18nextProvider>
  )
}
