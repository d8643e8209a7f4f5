import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { Providers } from '@/app/Providers'
import { routes } from '@/app/routes'
import { createGraphqlClient } from '@/lib/graphqlClient'
import { createI18n, currentLanguage } from '@/lib/i18n'
import type { Language } from '@/lib/fiscalYear'
import { directionAnswer, plan, plansAnswer } from './fixtures'

export interface RecordedRequest {
  operation: string
  method: string
  language: string | null
  variables: Record<string, unknown>
}

type Answer = { data?: unknown; errors?: unknown[] } | 'network-error'
export type Handler = (variables: Record<string, unknown>, language: string | null) => Answer

const MESSAGES = {
  NOT_FOUND: { ja: '見つかりません。', en: 'Not found.' },
  BAD_USER_INPUT: { ja: 'IDの形式が正しくありません。', en: 'This is not a valid ID.' },
}

function apiError(code: keyof typeof MESSAGES, language: string | null, path: string) {
  return {
    data: null,
    errors: [{ message: MESSAGES[code][language === 'en' ? 'en' : 'ja'], path: [path], extensions: { code } }],
  }
}

/** Answers like the demo server: the fixture plan, NOT_FOUND and BAD_USER_INPUT translated. */
export const demoHandlers: Record<string, Handler> = {
  Plans: () => ({ data: plansAnswer }),
  PlanExplorer: (variables, language) =>
    variables.code === plan.code ? { data: { plan } } : apiError('NOT_FOUND', language, 'plan'),
  DirectionPage: (variables, language) => {
    const id = String(variables.id)
    if (!id.startsWith('dir-')) return apiError('BAD_USER_INPUT', language, 'policyDirection')
    const found = directionAnswer(id)
    return found ? { data: { policyDirection: found } } : apiError('NOT_FOUND', language, 'policyDirection')
  },
}

/** Renders the whole app (shell and routes) at `path`, against a fake GraphQL server. */
export function renderApp(
  path: string,
  { language = 'ja', handlers = {} }: { language?: Language; handlers?: Record<string, Handler> } = {},
) {
  const requests: RecordedRequest[] = []
  const all = { ...demoHandlers, ...handlers }

  const fakeFetch: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    const method = init?.method ?? 'GET'
    const body =
      method === 'GET'
        ? { query: url.searchParams.get('query'), variables: url.searchParams.get('variables') }
        : (JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as { query: string; variables: unknown })
    const query = String(body.query)
    const variables = (
      typeof body.variables === 'string' ? JSON.parse(body.variables) : (body.variables ?? {})
    ) as Record<string, unknown>
    const operation = /(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? 'anonymous'
    const language = new Headers(init?.headers).get('accept-language')
    requests.push({ operation, method, language, variables })
    const handler = all[operation]
    const answer = handler ? handler(variables, language) : { errors: [{ message: `no handler for ${operation}` }] }
    if (answer === 'network-error') return Promise.reject(new TypeError('Failed to fetch'))
    return Promise.resolve(
      new Response(JSON.stringify(answer), { headers: { 'Content-Type': 'application/json' } }),
    )
  }

  const i18n = createI18n(language)
  const client = createGraphqlClient({
    getLanguage: () => currentLanguage(i18n),
    url: 'http://localhost/graphql',
    fetch: fakeFetch,
  })
  const router = createMemoryRouter(routes, { initialEntries: [path] })
  const user = userEvent.setup()
  const view = render(
    <Providers i18n={i18n} client={client}>
      <RouterProvider router={router} />
    </Providers>,
  )
  return { ...view, requests, router, i18n, user }
}
