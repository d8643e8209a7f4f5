/**
 * ESLint rule: a feature (`src/features/<name>/`) is used from outside only through its
 * `index.ts`, and features never reach into the app shell (`src/app/`).
 *
 * Resolves relative imports and the `@/` alias (= `src/`) against the importing file, so
 * `../../plan/components/X` is caught as surely as `@/features/plan/components/X`.
 */
import path from 'node:path'

/** @param {string} file */
function srcRelative(file, srcDir) {
  const rel = path.relative(srcDir, file)
  return rel.startsWith('..') || path.isAbsolute(rel) ? null : rel.split(path.sep)
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'Import features only through their index.ts' },
    schema: [
      {
        type: 'object',
        properties: { srcDir: { type: 'string' } },
        additionalProperties: false,
      },
    ],
    messages: {
      deepImport:
        "Import the '{{feature}}' feature through its index ('@/features/{{feature}}'), not '{{source}}'.",
      appImport: "Features must not import from the app shell ('{{source}}').",
    },
  },
  create(context) {
    const options = context.options[0] ?? {}
    const srcDir = path.resolve(context.cwd, options.srcDir ?? 'src')
    const filename = context.filename
    const from = srcRelative(filename, srcDir)
    if (!from) return {}
    const fromFeature = from[0] === 'features' ? from[1] : undefined

    /** @param {import('estree').Node & { source?: import('estree').Literal | null }} node */
    function check(node) {
      const source = node.source?.value
      if (typeof source !== 'string') return
      let target
      if (source.startsWith('@/')) target = path.join(srcDir, source.slice(2))
      else if (source.startsWith('.')) target = path.resolve(path.dirname(filename), source)
      else return
      const to = srcRelative(target, srcDir)
      if (!to) return

      if (fromFeature && to[0] === 'app') {
        context.report({ node, messageId: 'appImport', data: { source } })
        return
      }
      if (to[0] !== 'features' || to.length < 2) return
      const toFeature = to[1]
      if (toFeature === fromFeature) return
      const rest = to.slice(2)
      const throughIndex = rest.length === 0 || (rest.length === 1 && /^index(\.tsx?)?$/.test(rest[0]))
      if (!throughIndex) {
        context.report({ node, messageId: 'deepImport', data: { feature: toFeature, source } })
      }
    }

    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    }
  },
}
