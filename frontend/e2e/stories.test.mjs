// The user stories, end to end: the real server with the demo data, the built app, Chromium.
// Run through `npm run e2e` (see e2e/run.mjs). Every story fails on a console error.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import {
  apiSignIn,
  DEMO,
  graphql,
  launchBrowser,
  organizationId,
  RUN,
  signIn,
  signInAt,
} from './support.mjs'

let browser

before(async () => {
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
})

/** The account the plan office creates, used by the stories that follow. */
const staff = {
  email: `staff-${RUN}@omitama.example`,
  name: `試験 職員${RUN.slice(-3)}`,
  firstPassword: 'minato-firefly-2041',
  newPassword: 'kasumi-lotus-lantern-77',
}

describe('the public', () => {
  test('reads the plan explorer with no token at all', async () => {
    const person = await browser.person()
    const page = await person.page()
    await page.goto('/')
    await page.waitForURL('**/plans/omitama-3')
    await page.getByRole('heading', { level: 1, name: /第3次小美玉市地域福祉計画/ }).waitFor()
    await page.getByRole('link', { name: /1-3-4 福祉・介護人材、専門職の確保への支援/ }).click()
    await page.getByRole('heading', { level: 1, name: /福祉・介護人材、専門職の確保への支援/ }).waitFor()
    assert.ok(await page.getByRole('banner').getByRole('link', { name: 'ログイン' }).isVisible())
    assert.ok(person.requests.length > 0)
    assert.deepEqual(
      person.requests.filter((request) => request.authorization !== null),
      [],
      'the public sends no Authorization header',
    )
    person.expectNoErrors()
    await person.close()
  })
})

describe('the plan office', () => {
  test('signs in, creates a staff account, and finds it in the list and the audit log', async () => {
    const person = await browser.person()
    const page = await person.page()

    // A protected page sends the visitor to sign in, then back.
    await page.goto('/admin/users')
    await page.waitForURL('**/login')
    await signIn(page, DEMO.office)
    await page.waitForURL('**/admin/users')
    await page.getByRole('table', { name: /アカウント一覧/ }).waitFor()

    // A reload restores the session from the HttpOnly cookie (no token in storage).
    await page.reload()
    await page.getByRole('table', { name: /アカウント一覧/ }).waitFor()
    assert.equal(await page.evaluate(() => JSON.stringify(localStorage).includes('eyJ')), false)
    assert.equal(await page.evaluate(() => JSON.stringify(sessionStorage).includes('eyJ')), false)

    await page.getByRole('link', { name: 'アカウントを作成' }).click()
    await page.getByRole('heading', { level: 1, name: 'アカウントの作成' }).waitFor()
    await page.getByLabel(/^メールアドレス/).fill(staff.email)
    await page.getByLabel(/^氏名/).fill(staff.name)
    await page.getByLabel(/^所属/).selectOption({ label: '社会福祉課' })
    await page.getByRole('checkbox', { name: /担当課職員/ }).check()
    await page.getByLabel(/^初期パスワード/).fill(staff.firstPassword)
    // The plan office is not offered the administrator role.
    assert.equal(await page.getByRole('checkbox', { name: /システム管理者/ }).count(), 0)
    await page.getByRole('button', { name: '作成する' }).click()

    await page.waitForURL('**/admin/users')
    await page.getByRole('status').getByText(`${staff.name}さんのアカウントを作成しました。`).waitFor()
    const row = page.getByRole('row', { name: new RegExp(staff.name) })
    await row.getByText(staff.email).waitFor()
    assert.ok(await row.getByText('担当課職員').isVisible())
    assert.ok(await row.getByText('有効').isVisible())

    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '監査ログ' }).click()
    await page.getByRole('heading', { level: 1, name: '監査ログ' }).waitFor()
    await page.getByLabel(/^操作の種類/).selectOption({ label: 'アカウント作成' })
    await page.getByRole('button', { name: '絞り込む' }).click()
    await page.waitForURL('**/admin/audit?action=user.created')
    const event = page.getByRole('row', { name: new RegExp(staff.email.replace(/[.]/g, '\\.')) })
    await event.waitFor()
    assert.ok(await event.getByText(DEMO.office).isVisible(), 'the event names who acted')
    assert.ok(await event.getByText('担当課職員').isVisible(), 'the details show the roles by name')
    person.expectNoErrors()
    await person.close()
  })

  test('the new staff member signs in and changes their password', async () => {
    const person = await browser.person()
    const page = await person.page()
    await signInAt(page, staff.email, staff.firstPassword)
    await page.getByRole('heading', { level: 1, name: `${staff.name}さん、こんにちは` }).waitFor()
    assert.ok(await page.getByRole('main').getByText('担当課職員').isVisible())
    const nav = page.getByRole('navigation', { name: 'メインメニュー' })
    assert.equal(await nav.getByRole('link', { name: 'アカウント管理' }).count(), 0)

    await page.getByRole('button', { name: /アカウントメニュー/ }).click()
    await page.getByRole('banner').getByRole('link', { name: 'パスワードの変更' }).click()
    await page.getByRole('heading', { level: 1, name: 'パスワードの変更' }).waitFor()
    const current = page.locator('#password-current')
    const fresh = page.locator('#password-new')
    const again = page.locator('#password-confirmation')
    assert.match((await page.getByLabel(/^新しいパスワード（確認）/).getAttribute('id')) ?? '', /confirmation/)

    // The server's verdicts appear next to the fields they concern.
    await current.fill('not-my-password-at-all')
    await fresh.fill(staff.newPassword)
    await again.fill(staff.newPassword)
    await page.getByRole('button', { name: '変更する' }).click()
    await page.locator('#password-current-error').waitFor()
    assert.equal(await current.getAttribute('aria-invalid'), 'true')

    await current.fill(staff.firstPassword)
    await fresh.fill('password12345')
    await again.fill('password12345')
    await page.getByRole('button', { name: '変更する' }).click()
    await page.locator('#password-new-error').getByText('よく使われるパスワードです').waitFor()

    await current.fill(staff.firstPassword)
    await fresh.fill(staff.newPassword)
    await again.fill(staff.newPassword)
    await page.getByRole('button', { name: '変更する' }).click()
    await page.getByText('パスワードを変更しました。').waitFor()

    // Still signed in with the new session; the new password works next time.
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'パスワードの変更' }).waitFor()
    await page.getByRole('button', { name: /アカウントメニュー/ }).click()
    await page.getByRole('button', { name: 'ログアウト' }).click()
    await page.waitForURL('**/login')
    await signIn(page, staff.email, staff.newPassword)
    await page.waitForURL('**/home')
    person.expectNoErrors()
    await person.close()
  })

  test('a half-written form survives a session that ends, through the sign-in page', async () => {
    // A second plan-office account of our own: its password changes in this story.
    const email = `office-${RUN}@omitama.example`
    const first = 'hinoki-harbour-2041'
    const second = 'tsukuba-meadow-5150'
    const admin = await apiSignIn(DEMO.admin)
    await graphql(
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          email,
          displayName: `事務局 二${RUN.slice(-3)}`,
          organizationId: await organizationId('plan-office'),
          roles: ['PLAN_OFFICE'],
          password: first,
        },
      },
      admin,
    )

    const person = await browser.person()
    const page = await person.page()
    await signInAt(page, email, first)
    await page.goto('/admin/users/new')
    const draftEmail = `draft-${RUN}@omitama.example`
    await page.getByLabel(/^メールアドレス/).fill(draftEmail)
    await page.getByLabel(/^氏名/).fill('下書き 保子')
    await page.getByLabel(/^所属/).selectOption({ label: '防災管理課' })
    await page.getByRole('checkbox', { name: /担当課職員/ }).check()

    // Elsewhere, the same person changes their password: every other session ends.
    const token = await apiSignIn(email, first)
    await graphql(
      `mutation ($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) { expiresAt } }`,
      { current: first, next: second },
      token,
    )

    // Sending the form meets a 401; the refresh is refused; the user signs in again.
    await page.getByRole('button', { name: '作成する' }).click()
    await page.waitForURL('**/login')
    await page.getByText('ログインの有効期限が切れました').waitFor()
    await signIn(page, email, second)
    await page.waitForURL('**/admin/users/new')
    assert.equal(await page.getByLabel(/^メールアドレス/).inputValue(), draftEmail)
    assert.equal(await page.getByLabel(/^氏名/).inputValue(), '下書き 保子')
    assert.equal(await page.getByRole('checkbox', { name: /担当課職員/ }).isChecked(), true)
    await page.getByRole('button', { name: '作成する' }).click()
    await page.waitForURL('**/admin/users')
    await page.getByText('下書き 保子さんのアカウントを作成しました。').waitFor()
    // The one expected error: Chromium logs the server's 401 for the stale token.
    person.expectNoErrors({ allow: [/status of 401/] })
    await person.close()
  })
})

describe('signing in and out', () => {
  test('a wrong password shows the server’s translated message', async () => {
    const person = await browser.person()
    const page = await person.page()
    await page.goto('/login')
    await signIn(page, DEMO.council, 'not-the-right-password')
    const summary = page.getByRole('alert')
    await summary.getByText('ログインできませんでした').waitFor()
    await summary.getByText('メールアドレスまたはパスワードが正しくありません。').waitFor()

    await page.getByRole('button', { name: 'English' }).click()
    await page.getByLabel(/^E-mail address/).fill(DEMO.council)
    await page.getByLabel(/^Password/).fill('still-not-the-right-one')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('alert').getByText('The e-mail address or password is not correct.').waitFor()
    person.expectNoErrors()
    await person.close()
  })

  test('staff opening the administration pages see the no-permission page', async () => {
    const person = await browser.person()
    const page = await person.page()
    await signInAt(page, DEMO.staff)
    for (const path of ['/admin/users', '/admin/audit', '/admin/users/new']) {
      await page.goto(path)
      await page.getByRole('heading', { level: 1, name: 'このページを表示する権限がありません' }).waitFor()
    }
    await page.getByRole('link', { name: 'ホームへ戻る' }).click()
    await page.waitForURL('**/home')
    person.expectNoErrors()
    await person.close()
  })

  test('the account menu works from the keyboard, and signing out ends the session', async () => {
    const person = await browser.person()
    const page = await person.page()
    await signInAt(page, DEMO.manager)
    const trigger = page.getByRole('button', { name: /アカウントメニュー/ })
    assert.ok(await trigger.getByText('社会福祉課').isVisible(), 'the header names the organisation')
    await trigger.focus()
    await page.keyboard.press('Enter')
    assert.equal(await trigger.getAttribute('aria-expanded'), 'true')
    await page.keyboard.press('Escape')
    assert.equal(await trigger.getAttribute('aria-expanded'), 'false')
    assert.equal(await trigger.evaluate((element) => element === document.activeElement), true)

    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: 'ログアウト' }).click()
    await page.waitForURL('**/login')
    await page.getByText('ログアウトしました。').waitFor()

    // The cookie is gone: a reload restores nothing, and protected pages ask to sign in.
    await page.goto('/home')
    await page.waitForURL('**/login')
    await page.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor()
    person.expectNoErrors()
    await person.close()
  })
})
