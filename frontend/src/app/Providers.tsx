import type { ReactNode } from 'react'
import { I18nextProvider } from 'react-i18next'
import { Provider as UrqlProvider, type Client } from 'urql'
import { CurrentPlanProvider } from '@/features/plan'
import type { I18n } from '@/lib/i18n'

/** Everything the screens need from above: translations, the GraphQL client, the current plan. */
export function Providers({ i18n, client, children }: { i18n: I18n; client: Client; children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <UrqlProvider value={client}>
        <CurrentPlanProvider>{children}</CurrentPlanProvider>
      </UrqlProvider>
    </I18nextProvider>
  )
}
