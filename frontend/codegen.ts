import type { CodegenConfig } from '@graphql-codegen/cli'

/**
 * Typed GraphQL operations for the frontend.
 *
 * The schema is the SDL the server generates (`../schema.graphql`); operations and
 * fragments are written next to the components that use them with `graphql()` from
 * `@/gql`. The output in `src/gql/` is generated and gitignored: `npm run codegen`
 * (run automatically before dev, build, lint, typecheck and test) recreates it.
 */
const config: CodegenConfig = {
  schema: '../schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: {
        // `useFragment` is not a hook; a name without `use` keeps the hooks linter honest.
        fragmentMasking: { unmaskFunctionName: 'getFragmentData' },
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        // The server's ids are UUIDv7 strings; DateTime is an RFC 3339 string; NaiveDate is
        // a calendar date (`2026-05-31`); an Upload is the file of a multipart request.
        scalars: {
          ID: { input: 'string', output: 'string' },
          DateTime: { input: 'string', output: 'string' },
          NaiveDate: { input: 'string', output: 'string' },
          Upload: { input: 'File', output: 'never' },
        },
        skipTypename: true,
      },
    },
  },
}

export default config
