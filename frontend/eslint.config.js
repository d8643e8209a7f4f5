// ESLint 9 flat config: typescript-eslint (type-aware), React hooks, React Refresh,
// and the project's feature-boundary rule (eslint-rules/feature-boundaries.js).
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import reactRefresh from 'eslint-plugin-react-refresh'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import featureBoundaries from './eslint-rules/feature-boundaries.js'

export default tseslint.config(
  { ignores: ['dist', 'src/gql', 'node_modules', 'coverage'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [
      js.configs.recommended,
      tseslint.configs.strictTypeChecked,
      tseslint.configs.stylisticTypeChecked,
      reactHooks.configs.flat['recommended-latest'],
      reactRefresh.configs.vite,
    ],
    languageOptions: {
      ecmaVersion: 2023,
      globals: globals.browser,
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: {
      nukumori: { rules: { 'feature-boundaries': featureBoundaries } },
    },
    rules: {
      'nukumori/feature-boundaries': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: false }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/gql/*'],
              message: "Import from '@/gql' (the generated index), not its files.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['*.{js,mjs}', 'scripts/**/*.{js,mjs}', 'eslint-rules/**/*.js', 'e2e/**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: globals.node },
  },
  {
    // The e2e stories run in Node; the functions they hand to page.evaluate() run in the page.
    files: ['e2e/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['vite.config.ts', 'codegen.ts'],
    languageOptions: { globals: globals.node },
  },
)
