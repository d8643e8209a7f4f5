// Shared by the e2e stories: the browser, pages that record console errors, the
// accessibility scan, screenshots, and a small GraphQL client for setting things up.
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { chromium } from 'playwright-core'

export const BASE_URL = required('E2E_BASE_URL')
export const DEMO_PASSWORD = required('E2E_DEMO_PASSWORD')
const SCREENSHOTS = required('E2E_SCREENSHOTS')

function required(name) {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set: run the stories through \`npm run e2e\``)
  return value
}

export const DEMO = {
  office: 'office@omitama.example',
  staff: 'welfare@omitama.example',
  manager: 'welfare-chief@omitama.example',
  bousai: 'bousai@omitama.example',
  council: 'council@omitama.example',
  committee: 'committee@omitama.example',
  admin: 'admin@omitama.example',
}

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Japanese browser UI: date inputs then read 年/月/日, as on the city's machines.
  '--lang=ja-JP',
]

/** Chromium; each `person()` is a fresh browser context (its own cookies and storage). */
export async function launchBrowser() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ARGS,
  })
  return {
    /** One person at one computer. */
    async person(options = {}) {
      const context = await browser.newContext(contextOptions(options))
      // Fail fast: every wait in these stories is for something on this machine (15 s:
      // CI compiles and serves on the same two cores).
      context.setDefaultTimeout(15_000)
      return watched(context)
    },
    async close() {
      await browser.close()
    },
  }
}

function contextOptions({ viewport } = {}) {
  return {
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    viewport: viewport ?? { width: 1280, height: 900 },
    baseURL: BASE_URL,
  }
}

/**
 * A context whose pages record console errors and uncaught exceptions. `expectNoErrors()`
 * fails the story if any appeared; `allow` names messages a story expects (and says why).
 */
function watched(context) {
  const problems = []
  const requests = []
  const watch = (page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console.error: ${message.text()}`)
    })
    page.on('pageerror', (error) => {
      problems.push(`uncaught: ${error.message}`)
    })
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/graphql') {
        requests.push({ method: request.method(), authorization: request.headers().authorization ?? null })
      }
    })
  }
  context.on('page', watch)
  return {
    context,
    requests,
    async page() {
      const page = await context.newPage()
      return page
    },
    expectNoErrors({ allow = [] } = {}) {
      const unexpected = problems.filter((problem) => !allow.some((pattern) => pattern.test(problem)))
      assert.deepEqual(unexpected, [], 'the browser reported errors')
    },
    async close() {
      await context.close()
    },
  }
}

/** Signs in through the sign-in page (the page must be on it). */
export async function signIn(page, email, password = DEMO_PASSWORD) {
  await page.getByLabel(/^メールアドレス/).fill(email)
  await page.getByLabel(/^パスワード/).fill(password)
  await page.getByRole('button', { name: 'ログインする' }).click()
}

/** Opens `/login`, signs in and waits for home. */
export async function signInAt(page, email, password = DEMO_PASSWORD) {
  await page.goto('/login')
  await signIn(page, email, password)
  await page.waitForURL('**/home')
  await page.getByRole('heading', { level: 1 }).waitFor()
}

const require = createRequire(import.meta.url)
let axeSource = null

/** Runs axe-core on the page; fails on serious or critical violations. */
export async function expectAccessible(page, name) {
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8')
  // Not as an inline <script>: the server's Content-Security-Policy (script-src 'self') forbids
  // those. Evaluating through the DevTools protocol is not subject to it.
  await page.evaluate(axeSource)
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }))
  const serious = result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      where: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
    }))
  assert.deepEqual(serious, [], `accessibility problems on ${name}`)
}

/** A full-page screenshot in e2e-screenshots/<name>.png. */
export async function screenshot(page, name) {
  await page.evaluate(() => document.fonts.ready)
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true })
}

/** Fails when the page scrolls sideways (wide tables must scroll inside their own region). */
export async function expectNoSidewaysScroll(page, label) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }))
  assert.ok(scrollWidth <= innerWidth, `${label}: the page is ${scrollWidth}px wide in a ${innerWidth}px window`)
}

/** GraphQL from Node, for setting up what a story needs (not what it tests). */
export async function graphql(query, variables = {}, token = null) {
  const response = await fetch(`${BASE_URL}/graphql`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'Accept-Language': 'ja',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  })
  const body = await response.json()
  if (body.errors) throw new Error(`${query.trim().split('\n')[0]}: ${body.errors.map((e) => e.message).join('; ')}`)
  return body.data
}

export async function apiSignIn(email, password = DEMO_PASSWORD) {
  const data = await graphql(
    'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
    { email, password },
  )
  return data.login.accessToken
}

export async function organizationId(code) {
  const data = await graphql('{ organizations { id code } }')
  const found = data.organizations.find((organization) => organization.code === code)
  assert.ok(found, `no organisation ${code}`)
  return found.id
}

/** A unique suffix for accounts a run creates. */
export const RUN = Date.now().toString(36)

/** The fiscal year and kind of the reporting period the report stories write in. */
export const REPORTING_PERIOD = { fiscalYear: 2025, kind: 'YEAR_END', opensOn: '2026-04-01', dueOn: '2027-03-31' }

/**
 * The demo opens no reporting period, so the plan office opens the year-end period of
 * FY2025 (令和7年度) through the API, as setup. Several story files run at once: whoever
 * comes second finds it open (or is told it already exists) and goes on.
 */
export async function ensureReportingPeriod() {
  const token = await apiSignIn(DEMO.office)
  const { plan } = await graphql('query ($code: String!) { plan(code: $code) { id } }', { code: 'omitama-3' })
  const { fiscalYear, kind, opensOn, dueOn } = REPORTING_PERIOD
  const open = async () => {
    const { reportingPeriods } = await graphql(
      'query ($planId: ID!, $fiscalYear: Int) { reportingPeriods(planId: $planId, fiscalYear: $fiscalYear) { id kind } }',
      { planId: plan.id, fiscalYear },
      token,
    )
    return reportingPeriods.some((period) => period.kind === kind)
  }
  if (await open()) return
  try {
    await graphql(
      'mutation ($input: OpenReportingPeriodInput!) { openReportingPeriod(input: $input) { id } }',
      { input: { planId: plan.id, fiscalYear, kind, opensOn, dueOn } },
      token,
    )
  } catch (error) {
    if (!(await open())) throw error
  }
}
