// Every main screen in Japanese: an accessibility scan (axe-core; serious and critical
// violations fail), a screenshot in e2e-screenshots/<name>.png, and a check that nothing
// makes the page scroll sideways at 1280 px or 768 px. Run through `npm run e2e`.
import { after, before, describe, test } from 'node:test'
import {
  DEMO,
  ensureReportingPeriod,
  expectAccessible,
  expectNoSidewaysScroll,
  launchBrowser,
  screenshot,
  signIn,
  signInAt,
} from './support.mjs'

let browser
const people = {}

before(async () => {
  await ensureReportingPeriod()
  browser = await launchBrowser()
  for (const [who, email] of [
    ['public', null],
    ['office', DEMO.office],
    ['staff', DEMO.bousai],
    ['committee', DEMO.committee],
  ]) {
    const person = await browser.person()
    const page = await person.page()
    if (email) await signInAt(page, email)
    people[who] = { person, page }
  }
})

after(async () => {
  for (const { person } of Object.values(people)) await person.close()
  await browser?.close()
})

/**
 * A screen: who looks at it, how to get there, and what shows it is ready. `prepare` runs
 * after arriving (to show an error state, say).
 */
const screens = [
  { name: 'plan-explorer', who: 'public', path: '/plans/omitama-3', ready: (p) => p.getByRole('table').first() },
  {
    name: 'direction',
    who: 'public',
    path: '/plans/omitama-3',
    prepare: async (p) => {
      await p.getByRole('link', { name: /1-3-4/ }).click()
    },
    ready: (p) => p.getByRole('heading', { level: 2, name: '進捗報告' }),
  },
  { name: 'login', who: 'public', path: '/login', ready: (p) => p.getByRole('button', { name: 'ログインする' }) },
  {
    name: 'login-error',
    who: 'public',
    path: '/login',
    prepare: async (p) => {
      await signIn(p, DEMO.committee, 'a-wrong-password-123')
    },
    ready: (p) => p.getByRole('alert'),
  },
  { name: 'home', who: 'office', path: '/home', ready: (p) => p.getByRole('heading', { level: 2, name: '利用できる機能' }) },
  { name: 'home-staff', who: 'staff', path: '/home', ready: (p) => p.getByRole('heading', { level: 2, name: '利用できる機能' }) },
  {
    name: 'home-committee',
    who: 'committee',
    path: '/home',
    ready: (p) => p.getByRole('heading', { level: 2, name: '審議中の評価' }),
  },
  {
    name: 'direction-office',
    who: 'office',
    path: '/plans/omitama-3',
    prepare: async (p) => {
      await p.getByRole('link', { name: /1-1-2/ }).first().click()
    },
    ready: (p) => p.getByRole('table').last(),
  },
  {
    name: 'admin-organizations',
    who: 'office',
    path: '/admin/organizations',
    ready: (p) => p.getByRole('button', { name: '追加する' }),
  },
  {
    name: 'account-password',
    who: 'office',
    path: '/account/password',
    ready: (p) => p.getByRole('button', { name: '変更する' }),
  },
  { name: 'admin-users', who: 'office', path: '/admin/users', ready: (p) => p.getByRole('table') },
  {
    name: 'admin-user-new',
    who: 'office',
    path: '/admin/users/new',
    prepare: async (p) => {
      await p.getByRole('button', { name: '作成する' }).click()
    },
    ready: (p) => p.getByRole('alert'),
  },
  {
    name: 'admin-user-edit',
    who: 'office',
    path: '/admin/users',
    prepare: async (p) => {
      await p.getByRole('link', { name: /鈴木 一郎/ }).click()
    },
    ready: (p) => p.getByRole('button', { name: 'アカウントを無効にする' }),
  },
  {
    name: 'admin-user-deactivate',
    who: 'office',
    path: '/admin/users',
    prepare: async (p) => {
      await p.getByRole('link', { name: /鈴木 一郎/ }).click()
      await p.getByRole('button', { name: 'アカウントを無効にする' }).click()
    },
    ready: (p) => p.getByRole('dialog'),
  },
  { name: 'admin-audit', who: 'office', path: '/admin/audit', ready: (p) => p.getByRole('table') },
  {
    name: 'reports',
    who: 'staff',
    path: '/reports',
    ready: (p) => p.getByRole('heading', { level: 2, name: '令和7年度（2025年度） 年度末報告' }),
  },
  {
    name: 'report-editor',
    who: 'staff',
    path: '/reports',
    prepare: async (p) => {
      await p.getByRole('table', { name: '令和7年度（2025年度） 年度末報告の報告' }).getByRole('link', { name: /^3-2-1 / }).click()
      await p.getByRole('button', { name: '取組を追加' }).click()
      await p.getByRole('button', { name: '数値を追加' }).click()
      await p.getByLabel(/^実績値/).waitFor()
    },
    // Saved, so that leaving the page asks nothing.
    ready: (p) => p.getByRole('status').filter({ hasText: /に保存しました$/ }),
  },
  {
    name: 'report-missing',
    who: 'staff',
    path: '/reports',
    prepare: async (p) => {
      await p.getByRole('table', { name: '令和7年度（2025年度） 年度末報告の報告' }).getByRole('link', { name: /^3-2-2 / }).click()
      await p.getByRole('button', { name: '提出する' }).first().click()
    },
    ready: (p) => p.getByRole('alert'),
  },
  {
    name: 'no-permission',
    who: 'staff',
    path: '/admin/users',
    ready: (p) => p.getByRole('heading', { level: 1, name: 'このページを表示する権限がありません' }),
  },
]

describe('main screens in Japanese', () => {
  for (const screen of screens) {
    test(screen.name, async () => {
      const { person, page } = people[screen.who]
      await page.setViewportSize({ width: 1280, height: 900 })
      await page.goto(screen.path)
      await screen.prepare?.(page)
      await screen.ready(page).waitFor()
      await expectNoSidewaysScroll(page, `${screen.name} at 1280 px`)
      await expectAccessible(page, screen.name)
      await screenshot(page, screen.name)
      await page.setViewportSize({ width: 768, height: 1024 })
      await expectNoSidewaysScroll(page, `${screen.name} at 768 px`)
      person.expectNoErrors()
    })
  }
})
