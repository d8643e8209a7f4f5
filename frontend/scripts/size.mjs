// Measures the JavaScript a first visit downloads: the entry script and the modules it
// preloads, as referenced by dist/index.html, gzipped. Fails above the budget.
//
//   npm run size            (builds first, through the `presize` script)
//   SIZE_BUDGET_KB=200 node scripts/size.mjs
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

const dist = path.resolve(import.meta.dirname, '..', 'dist')
const budgetKb = Number(process.env.SIZE_BUDGET_KB ?? 250)

let html
try {
  html = await readFile(path.join(dist, 'index.html'), 'utf8')
} catch {
  console.error('dist/index.html not found: run `npm run build` first.')
  process.exit(1)
}

const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g)].map((m) => m[1])
const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)].map((m) => m[1])
const initial = [...new Set([...scripts, ...preloads])]

if (initial.length === 0) {
  console.error('No scripts referenced from dist/index.html.')
  process.exit(1)
}

let rawTotal = 0
let gzipTotal = 0
for (const src of initial) {
  const file = path.join(dist, src.replace(/^\//, ''))
  const bytes = await readFile(file)
  const gz = gzipSync(bytes, { level: 9 }).length
  rawTotal += bytes.length
  gzipTotal += gz
  console.log(`${src}  ${(bytes.length / 1024).toFixed(1)} kB  (gzip ${(gz / 1024).toFixed(1)} kB)`)
}

const kb = gzipTotal / 1024
console.log(`initial JS: ${(rawTotal / 1024).toFixed(1)} kB, gzip ${kb.toFixed(1)} kB (budget ${budgetKb} kB)`)
if (kb > budgetKb) {
  console.error(`Initial JS is over budget by ${(kb - budgetKb).toFixed(1)} kB.`)
  process.exit(1)
}
