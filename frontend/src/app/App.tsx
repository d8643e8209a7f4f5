import { createBrowserRouter } from 'react-router'
import { RouterProvider } from 'react-router/dom'
import { graphqlClient } from './graphqlClient'
import { i18n } from './i18n'
import { Providers } from './Providers'
import { routes } from './routes'
import { session } from './session'

const router = createBrowserRouter(routes)

export function App() {
  return (
    <Providers i18n={i18n} session={session} client={graphqlClient}>
      <RouterProvider router={router} />
    </Providers>
  )
}
