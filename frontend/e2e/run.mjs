#!/usr/bin/env node
// End-to-end run: the real server with the demo data, the built web app, and Chromium.
//
//   npm run build && npm run e2e
//
// Builds nothing. Starts two `nukumori serve --demo` servers on free ports, each with a fresh
// data directory (SQLite): one with the demo's history for most stories, and one without
// for the whole year's story (year.test.mjs), which finalises a year. Waits for /readyz,
// runs the stories with Node's test runner, then stops the servers and removes the data
// directories, also when a story fails or the run is interrupted.
//
//   NUKUMORI_BIN   the server binary (default /root/.cache/nukumori/target/debug/nukumori)
//   CHROMIUM       the browser (default /usr/bin/chromium)
//   E2E_KEEP=1     keep the data directory and server log for a look afterwards
//   E2E_FILES      only these story files, comma-separated (year.test.mjs,review.test.mjs)
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

await mkdir(screenshots, { recursive: true })
for (const file of await readdir(screenshots)) {
  if (file.endsWith('.png')) await rm(path.join(screenshots, file))
}

let stopping = false
let keep = Boolean(process.env.E2E_KEEP)
const runs = []

/**
 * `nukumori serve` on a free port with a fresh data directory. `story` names it in
 * messages: the main server carries the demo with its history; the year's story has an
 * installation of its own, so that finalising a year there changes nothing the other
 * stories read.
 */
async function startServer(story, extraArgs) {
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const dataDir = await mkdtemp(path.join(tmpdir(), `nukumori-e2e-${story}-`))
  const logPath = path.join(dataDir, 'server.log')
  const log = await open(logPath, 'w')
  const child = spawn(
    bin,
    ['serve', '--demo', ...extraArgs, '--data-dir', dataDir, '--bind', `127.0.0.1:${port}`, '--web-dir', dist],
    {
      env: { ...process.env, NUKUMORI_DEMO_PASSWORD: demoPassword, RUST_LOG: process.env.RUST_LOG ?? 'info' },
      stdio: ['ignore', log.fd, log.fd],
    },
  )
  const server = { story, baseUrl, dataDir, logPath, log, child, exited: false }
  child.on('exit', (code, signal) => {
    server.exited = true
    if (!stopping) {
      // Said at once, before the stories' summary; the log stays for a look.
      keep = true
      console.error(`e2e: the ${story} server exited on its own (code ${code}, signal ${signal}); log kept: ${logPath}`)
    }
  })
  return server
}

const servers = [await startServer('main', []), await startServer('year', ['--demo-without-history'])]

async function stopServer(server) {
  if (!server.exited) {
    server.child.kill('SIGTERM')
    const exited = once(server.child, 'exit')
    const timeout = new Promise((resolve) => setTimeout(resolve, 10_000, 'timeout'))
    if ((await Promise.race([exited, timeout])) === 'timeout') server.child.kill('SIGKILL')
  }
  await server.log.close()
  if (!keep) await rm(server.dataDir, { recursive: true, force: true })
}

async function stop() {
  if (stopping) return
  stopping = true
  for (const run of runs) if (run.exitCode === null) run.kill('SIGTERM')
  await Promise.all(servers.map(stopServer))
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    void stop().then(() => process.exit(130))
  })
}

async function waitUntilReady(server) {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (server.exited) throw new Error(`the ${server.story} server exited early; see ${server.logPath}`)
    try {
      const response = await fetch(`${server.baseUrl}/readyz`)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`the ${server.story} server was not ready within 60 s; see ${server.logPath}`)
}

/** Node's test runner over `files`, against `server`; resolves to its exit code. */
async function runStories(server, files, concurrency) {
  const tests = spawn(
    process.execPath,
    ['--test', '--test-reporter=spec', `--test-concurrency=${concurrency}`, ...files.map((file) => path.join('e2e', file))],
    {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        E2E_BASE_URL: server.baseUrl,
        E2E_DEMO_PASSWORD: demoPassword,
        E2E_SCREENSHOTS: screenshots,
        // The server writes mail to files here (no SMTP in e2e): stories read invitation links.
        E2E_DATA_DIR: server.dataDir,
        CHROMIUM: chromium,
      },
    },
  )
  runs.push(tests)
  const [exitCode] = await once(tests, 'exit')
  return exitCode ?? 1
}

let code = 1
try {
  const started = Date.now()
  await Promise.all(servers.map(waitUntilReady))
  for (const server of servers) {
    console.error(`e2e: ${server.story} server ready at ${server.baseUrl} in ${Date.now() - started} ms (log: ${server.logPath})`)
  }
  const [main, year] = servers
  const only = process.env.E2E_FILES?.split(',').map((file) => file.trim())
  const chosen = (files) => files.filter((file) => !only || only.includes(file))
  const mainFiles = chosen(['stories.test.mjs', 'reports.test.mjs', 'review.test.mjs', 'screens.test.mjs', 'evaluation.test.mjs'])
  const yearFiles = chosen(['year.test.mjs'])
  // One after the other: three browsers and two servers at once on two cores made the
  // stories' waits time out in CI.
  const mainCode = mainFiles.length > 0 ? await runStories(main, mainFiles, 2) : 0
  const yearCode = yearFiles.length > 0 ? await runStories(year, yearFiles, 1) : 0
  code = mainCode !== 0 ? mainCode : yearCode
} catch (error) {
  console.error(`e2e: ${error instanceof Error ? error.message : String(error)}`)
  code = 1
} finally {
  await stop()
}
process.exit(code)
