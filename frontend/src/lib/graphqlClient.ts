/**
 * The urql client factory. The app's single instance is made in `src/app/graphqlClient.ts`;
 * tests make their own with a fake `fetch`.
 *
 * Queries go out as GET (urql's default, within the URL length limit), everything else as
 * POST with JSON. Every request carries `Accept-Language` so the server translates its
 * error messages into the language the user chose.
 */
import { cacheExchange, Client, fetchExchange } from 'urql'

export interface GraphqlClientOptions {
  /** The language to send in `Accept-Language`, read at request time. */
  getLanguage: () => string
  url?: string
  fetch?: typeof fetch
}

export function createGraphqlClient({
  getLanguage,
  url = '/graphql',
  fetch: fetchFn,
}: GraphqlClientOptions): Client {
  return new Client({
    url,
    exchanges: [cacheExchange, fetchExchange],
    preferGetMethod: 'within-url-limit',
    fetchOptions: () => ({
      headers: { 'Accept-Language': getLanguage() },
      credentials: 'same-origin',
    }),
    ...(fetchFn ? { fetch: fetchFn } : {}),
  })
}
