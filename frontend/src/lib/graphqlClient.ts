/**
 * The urql client factory. The app's single instance is made in `src/app/graphqlClient.ts`;
 * tests make their own with a fake `fetch`.
 *
 * Queries go out as GET (urql's default, within the URL length limit), everything else as
 * POST with JSON. Every request carries `Accept-Language` so the server translates its
 * error messages into the language the user chose. `exchanges` run before the cache (the
 * app passes the session exchange, which adds the bearer token and refreshes it).
 */
import { cacheExchange, Client, fetchExchange, type Exchange } from 'urql'

export interface GraphqlClientOptions {
  /** The language to send in `Accept-Language`, read at request time. */
  getLanguage: () => string
  /** Exchanges to run before the cache. */
  exchanges?: Exchange[]
  url?: string
  fetch?: typeof fetch
}

export function createGraphqlClient({
  getLanguage,
  exchanges = [],
  url = '/graphql',
  fetch: fetchFn,
}: GraphqlClientOptions): Client {
  return new Client({
    url,
    exchanges: [...exchanges, cacheExchange, fetchExchange],
    preferGetMethod: 'within-url-limit',
    fetchOptions: () => ({
      headers: { 'Accept-Language': getLanguage() },
      credentials: 'same-origin',
    }),
    ...(fetchFn ? { fetch: fetchFn } : {}),
  })
}
