import path from 'node:path'
import { RuleTester } from 'eslint'
import { describe, it } from 'vitest'
import rule from './feature-boundaries.js'

RuleTester.describe = describe
RuleTester.it = it

const srcDir = path.resolve('src')
const file = (p) => path.join(srcDir, p)
const options = [{ srcDir: 'src' }]

new RuleTester({ languageOptions: { ecmaVersion: 2024, sourceType: 'module' } }).run(
  'feature-boundaries',
  rule,
  {
    valid: [
      { filename: file('app/routes.tsx'), code: "import { X } from '@/features/plan'", options },
      { filename: file('app/routes.tsx'), code: "import { X } from '../features/plan/index.ts'", options },
      { filename: file('features/plan/components/A.tsx'), code: "import { B } from './B'", options },
      { filename: file('features/plan/components/A.tsx'), code: "import { q } from '../api/queries'", options },
      { filename: file('features/plan/components/A.tsx'), code: "import { cx } from '@/lib/cx'", options },
      { filename: file('features/reports/components/A.tsx'), code: "import { P } from '@/features/plan'", options },
      { filename: file('features/plan/components/A.tsx'), code: "import React from 'react'", options },
    ],
    invalid: [
      {
        filename: file('app/routes.tsx'),
        code: "import { P } from '@/features/plan/components/PlanExplorerPage'",
        options,
        errors: [{ messageId: 'deepImport' }],
      },
      {
        filename: file('features/reports/components/A.tsx'),
        code: "import { q } from '../../plan/api/queries'",
        options,
        errors: [{ messageId: 'deepImport' }],
      },
      {
        filename: file('features/reports/index.ts'),
        code: "export { P } from '../plan/components/P'",
        options,
        errors: [{ messageId: 'deepImport' }],
      },
      {
        filename: file('features/plan/components/A.tsx'),
        code: "import { i18n } from '@/app/i18n'",
        options,
        errors: [{ messageId: 'appImport' }],
      },
    ],
  },
)
