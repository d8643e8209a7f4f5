#!/usr/bin/env node
// End-to-end run: the real server with the demo data, the built web app, and Chromium.
//
//   npm run build && npm run e2e
//
// Builds nothing. Starts `nukumori serve --demo` on a free port with a fresh data directory
// (SQLite), waits for /readyz, runs the stories with Node's test runner, then stops the
// server and removes the data directory, also when a story fails or the run is interrupted.
//
//   NUKUMORI_BIN   the server binary (default /root/.cache/nukumori/target/debug/nukumori)
//   CHROMIUM       the browser (default /usr/bin/chromium)
//   E2E_KEEP=1     keep the data directory and server log for a look afterwards
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { access, constants, mkdir, mkdtemp, open, readdir, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const dist = path.join(root, 'dist')
const bin = process.env.NUKUMORI_BIN ?? '/root/.cache/nukumori/target/debug/nukumori'
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium'
const demoPassword = process.env.NUKUMORI_DEMO_PASSWORD ?? 'kasumigaura-lotus-2041'
const screenshots = path.join(root, 'e2e-screenshots')

async function need(file, mode, hint) {
  try {
    await access(file, mode)
  } catch {
    console.error(`e2e: ${file} is missing or not usable. ${hint}`)
    process.exit(2)
  }
}

await need(bin, constants.X_OK, 'Build the server (cargo build) or set NUKUMORI_BIN.')
await need(chromium, constants.X_OK, 'Install Debian’s chromium and fonts-noto-cjk, or set CHROMIUM.')
await need(path.join(dist, 'index.html'), constants.R_OK, 'Run `npm run build` first: e2e builds nothing.')

/** A port nobody listens on right now. */
async function freePort() {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address()
  server.close()
  await once(server, 'close')
  return port
}

const port = await freePort()
const baseUrl = `http://127.0.0.1:${port}`
const dataDir = await mkdtemp(path.join(tmpdir(), 'nukumori-e2e-'))
const logPath = path.join(dataDir, 'server.log')
const log = await open(logPath, 'w')
await mkdir(screenshots, { recursive: true })
for (const file of await readdir(screenshots)) {
  if (file.endsWith('.png')) await rm(path.join(screenshots, file))
}

const server = spawn(
  bin,
  ['serve', '--demo', '--data-dir', dataDir, '--bind', `127.0.0.1:${port}`, '--web-dir', dist],
  {
    env: { ...process.env, NUKUMORI_DEMO_PASSWORD: demoPassword, RUST_LOG: process.env.RUST_LOG ?? 'info' },
    stdio: ['ignore', log.fd, log.fd],
  },
)
let serverExited = false
let tests = null
let stopping = false
let keep = Boolean(process.env.E2E_KEEP)

server.on('exit', (code, signal) => {
  serverExited = true
  if (!stopping) {
    // Said at once, before the stories' summary; the log stays for a look.
    keep = true
    console.error(`e2e: the server exited on its own (code ${code}, signal ${signal}); log kept: ${logPath}`)
  }
})

async function stop() {
  if (stopping) return
  stopping = true
  if (tests && tests.exitCode === null) tests.kill('SIGTERM')
  if (!serverExited) {
    server.kill('SIGTERM')
    const exited = once(server, 'exit')
    const timeout = new Promise((resolve) => setTimeout(resolve, 10_000, 'timeout'))
    if ((await Promise.race([exited, timeout])) === 'timeout') server.kill('SIGKILL')
  }
  await log.close()
  if (!keep) await rm(dataDir, { recursive: true, force: true })
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    void stop().then(() => process.exit(130))
  })
}

async function waitUntilReady() {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (serverExited) throw new Error(`the server exited early; see ${logPath}`)
    try {
      const response = await fetch(`${baseUrl}/readyz`)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`the server was not ready within 60 s; see ${logPath}`)
}

let code = 1
try {
  const started = Date.now()
  await waitUntilReady()
  console.error(`e2e: server ready at ${baseUrl} in ${Date.now() - started} ms (log: ${logPath})`)
  tests = spawn(
    process.execPath,
    [
      '--test',
      '--test-reporter=spec',
      '--test-concurrency=2',
      path.join('e2e', 'stories.test.mjs'),
      path.join('e2e', 'reports.test.mjs'),
      path.join('e2e', 'review.test.mjs'),
      path.join('e2e', 'screens.test.mjs'),
      path.join('e2e', 'evaluation.test.mjs'),
    ],
    {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        E2E_BASE_URL: baseUrl,
        E2E_DEMO_PASSWORD: demoPassword,
        E2E_SCREENSHOTS: screenshots,
        // The server writes mail to files here (no SMTP in e2e): stories read invitation links.
        E2E_DATA_DIR: dataDir,
        CHROMIUM: chromium,
      },
    },
  )
  const [exitCode] = await once(tests, 'exit')
  code = exitCode ?? 1
} catch (error) {
  console.error(`e2e: ${error instanceof Error ? error.message : String(error)}`)
  code = 1
} finally {
  await stop()
}
process.exit(code)
