// Reporting periods, reviews, ownership, invitations and notification settings, end to end:
// the plan office opens a period and sees its completion matrix; a Council coordinator
// returns a submitted report from the review queue with a reason; the plan office accepts
// and returns several at once; the ownership matrix and its CSV round trip; an invited
// person sets a password; notification settings. Each new page is scanned with axe and
// checked for sideways scrolling at 1280 px and 768 px. Run through `npm run e2e`.
//
// These stories write in a reporting period of their own (found free at the start), so
// they never touch the reports other story files write in.
import assert from 'node:assert/strict'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import {
  apiSignIn,
  DEMO,
  expectAccessible,
  expectNoSidewaysScroll,
  graphql,
  launchBrowser,
  RUN,
  screenshot,
  signInAt,
} from './support.mjs'

let browser

before(async () => {
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
})

const PLAN_CODE = 'omitama-3'

/**
 * Quarterly periods: the demo opens interim and year-end periods, and the other story
 * files write in the year-end period of FY2025, so these are free on a fresh server.
 */
const CANDIDATES = [2025, 2024, 2023, 2022, 2021].flatMap((fiscalYear) =>
  [1, 2, 3, 4].map((quarter) => {
    const [open, due] = {
      1: [`${fiscalYear}-06-15`, `${fiscalYear}-07-15`],
      2: [`${fiscalYear}-09-15`, `${fiscalYear}-10-15`],
      3: [`${fiscalYear}-12-15`, `${fiscalYear + 1}-01-15`],
      4: [`${fiscalYear + 1}-03-15`, `${fiscalYear + 1}-04-15`],
    }[quarter]
    return { fiscalYear, kind: 'QUARTER', quarter, opensOn: open, dueOn: due }
  }),
)

/** `令和7年度` for FY2025. */
const reiwa = (fiscalYear) => `令和${fiscalYear - 2018}年度`

/** The period the stories below work in, once the first story opened it. */
const period = { id: null, label: null }

async function planId() {
  const { plan } = await graphql('query ($code: String!) { plan(code: $code) { id } }', { code: PLAN_CODE })
  return plan.id
}

/** The first candidate period nobody opened yet. */
async function freePeriod(token) {
  const { reportingPeriods } = await graphql(
    'query ($planId: ID!) { reportingPeriods(planId: $planId) { fiscalYear kind quarter } }',
    { planId: await planId() },
    token,
  )
  const free = CANDIDATES.find(
    (candidate) =>
      !reportingPeriods.some((p) => p.fiscalYear === candidate.fiscalYear && p.kind === candidate.kind && p.quarter === candidate.quarter),
  )
  assert.ok(free, 'every candidate period is already open')
  return free
}

/** Checks a page at 1280 px and 768 px: no sideways scroll, no serious axe violations. */
async function checkScreen(page, name) {
  await page.setViewportSize({ width: 1280, height: 900 })
  await expectNoSidewaysScroll(page, `${name} at 1280 px`)
  await expectAccessible(page, name)
  await screenshot(page, name)
  await page.setViewportSize({ width: 768, height: 1024 })
  await expectNoSidewaysScroll(page, `${name} at 768 px`)
  await page.setViewportSize({ width: 1280, height: 900 })
}

const REPORT_FIELDS = 'id version status direction { code } organization { code }'

/** The welfare division's report on `directionCode` in the stories' period. */
async function welfareReport(directionCode, token) {
  const { reports } = await graphql(
    `query ($filter: ReportFilterInput) { reports(filter: $filter, first: 100) { nodes { ${REPORT_FIELDS} } } }`,
    { filter: { periodId: period.id } },
    token,
  )
  const found = reports.nodes.find((r) => r.direction.code === directionCode && r.organization.code === 'welfare')
  assert.ok(found, `no welfare report on ${directionCode}`)
  return found
}

const COMPLETE = {
  activities: [{ title: '地域福祉講座', description: '公民館で3回開催した。', actor: 'CITY', figures: [{ name: '参加者数', unit: '人', planned: 90, actual: 84 }] }],
  resultsSummary: '延べ84人が参加した。',
  selfRating: 'B',
  nextStep: 'CONTINUE',
}

/**
 * Setup, not the story: the welfare division's manager saves a complete report and submits
 * it. A manager's submission goes straight to the reviewers (提出済み).
 */
async function submitAsManager(directionCode, input = COMPLETE) {
  const token = await apiSignIn(DEMO.manager)
  const report = await welfareReport(directionCode, token)
  const { saveReport } = await graphql(
    'mutation ($id: ID!, $input: ReportInput!, $v: Int!) { saveReport(id: $id, input: $input, expectedVersion: $v) { version } }',
    { id: report.id, input, v: report.version },
    token,
  )
  const { submitReport } = await graphql(
    'mutation ($id: ID!, $v: Int!) { submitReport(id: $id, expectedVersion: $v) { status } }',
    { id: report.id, v: saveReport.version },
    token,
  )
  assert.equal(submitReport.status, 'SUBMITTED')
  return report.id
}

async function reportStatus(id) {
  const token = await apiSignIn(DEMO.office)
  const { report } = await graphql('query ($id: ID!) { report(id: $id) { status comments { body } } }', { id }, token)
  return report
}

/** The queue's row of a report of the stories' period. */
function queueRow(page, directionCode) {
  return page
    .getByRole('table', { name: /^レビュー待ちの報告/ })
    .getByRole('row')
    .filter({ hasText: new RegExp(`^${directionCode} `) })
    .filter({ hasText: period.label })
}

describe('reporting periods', () => {
  test('the plan office opens a period in /admin/periods and sees its completion matrix', async () => {
    const office = await apiSignIn(DEMO.office)
    const chosen = await freePeriod(office)
    const yearLabel = `${reiwa(chosen.fiscalYear)}（${chosen.fiscalYear}年度）`
    period.label = `${reiwa(chosen.fiscalYear)} 第${chosen.quarter}四半期`

    const person = await browser.person()
    const page = await person.page()
    await signInAt(page, DEMO.office)
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '報告期間' }).click()
    await page.getByRole('heading', { level: 1, name: '報告期間' }).waitFor()
    await page.getByRole('heading', { level: 2, name: '報告期間を開始する' }).waitFor()
    await checkScreen(page, 'admin-periods')

    const form = page.locator('form')
    await form.getByLabel(/^年度必須/).selectOption({ label: yearLabel })
    // The quarter is asked for only for quarterly periods, and then it is required.
    assert.equal(await form.getByLabel(/^四半期必須/).count(), 0)
    await form.getByRole('radio', { name: '四半期報告' }).check()
    await form.getByLabel(/^受付開始日/).fill(chosen.opensOn)
    await form.getByLabel(/^提出期限/).fill(chosen.dueOn)
    await form.getByRole('button', { name: '開始する' }).click()
    await page.getByRole('alert').getByRole('link', { name: '四半期を選んでください。' }).waitFor()
    await form.getByLabel(/^四半期必須/).selectOption(String(chosen.quarter))
    // A due date beyond the next fiscal year: the server's verdict appears by the field.
    await form.getByLabel(/^提出期限/).fill(`${chosen.fiscalYear + 3}-01-31`)
    await form.getByRole('button', { name: '開始する' }).click()
    await page.locator('#period-due-on-error').getByText('日付は当該年度の開始日から翌年度末までの範囲にしてください。').waitFor()
    assert.equal(await form.getByLabel(/^提出期限/).getAttribute('aria-invalid'), 'true')
    await expectAccessible(page, 'admin-periods with a field error')

    await form.getByLabel(/^提出期限/).fill(chosen.dueOn)
    await form.getByRole('button', { name: '開始する' }).click()
    await page.waitForURL(/\/admin\/periods\/[0-9a-f-]+$/)
    period.id = page.url().split('/').at(-1)
    await page.getByRole('heading', { level: 1, name: `${period.label}の提出状況` }).waitFor()
    await page.getByRole('status').getByText(`${period.label}を開始しました。`, { exact: false }).waitFor()

    // Counts per status, in words; every report starts not started.
    const counts = page.getByRole('region', { name: '状態ごとの件数' })
    assert.match(await counts.innerText(), /未着手\s*\d+件/)
    assert.match(await counts.innerText(), /受理済み 0件（0%）/)
    // The grid: directions × owners, each cell a status in words linking to its report.
    const grid = page.getByRole('table', { name: `${period.label}：施策の方向と担当ごとの報告の状態` })
    await grid.waitFor()
    const row = grid.getByRole('row', { name: /^1-1-2 / })
    assert.ok(await row.getByRole('link', { name: /^未着手\s*（1-1-2・社会福祉課の報告を開く）$/ }).isVisible())
    assert.ok(await grid.getByRole('columnheader', { name: '小美玉市社会福祉協議会' }).isVisible())
    await checkScreen(page, 'admin-period-completion')

    // Back in the list, the new period is there with its completion link.
    await page.getByRole('link', { name: '報告期間の一覧へ戻る' }).click()
    const list = page.getByRole('table', { name: `${yearLabel}の報告期間` })
    await list.getByRole('row', { name: new RegExp(period.label) }).waitFor()
    person.expectNoErrors()
    await person.close()
  })
})

describe('reviews', () => {
  test('a Council coordinator returns a submitted report from the queue, with a reason', async () => {
    assert.ok(period.id, 'the period story ran first')
    const reportId = await submitAsManager('1-1-2')

    const person = await browser.person()
    const page = await person.page()
    await signInAt(page, DEMO.council)
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'レビュー' }).click()
    await page.getByRole('heading', { level: 1, name: 'レビュー待ちの報告' }).waitFor()
    const row = queueRow(page, '1-1-2')
    await row.waitFor()
    assert.ok(await row.getByText('提出済み').isVisible())
    assert.ok(await row.getByText('1日未満').isVisible())
    // Bulk steps are the plan office's: no checkboxes for the Council.
    assert.equal(await page.getByRole('checkbox').count(), 0)
    await checkScreen(page, 'reviews-council')

    await row.getByRole('button', { name: /^差し戻す/ }).click()
    const dialog = page.getByRole('dialog', { name: 'この報告を差し戻しますか' })
    await dialog.waitFor()
    assert.ok(await dialog.getByText('1-1-2 地域福祉の広報・啓発活動の充実（社会福祉課）').isVisible())
    // Focus starts in the reason field; an empty reason is refused on the spot.
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'TEXTAREA')
    await dialog.getByRole('button', { name: '差し戻す', exact: true }).click()
    await dialog.getByText('差し戻しの理由を入力してください。').waitFor()
    await expectAccessible(page, 'reviews-return-dialog')
    const reason = `参加者の内訳（年代別）を追記してください（${RUN}）。`
    await dialog.getByLabel(/^差し戻しの理由/).fill(reason)
    await dialog.getByRole('button', { name: '差し戻す', exact: true }).click()
    await page.getByRole('status').getByText('1-1-2 地域福祉の広報・啓発活動の充実：差し戻しました。担当者に知らされます。').waitFor()
    await row.waitFor({ state: 'detached' })

    const after = await reportStatus(reportId)
    assert.equal(after.status, 'RETURNED')
    assert.ok(after.comments.some((comment) => comment.body === reason), 'the reason opens a comment thread')

    // The division revises and submits again (setup); the queue says what changed, and the
    // report shows the changes since the returned revision.
    const manager = await apiSignIn(DEMO.manager)
    const returned = await welfareReport('1-1-2', manager)
    const { saveReport } = await graphql(
      'mutation ($id: ID!, $input: ReportInput!, $v: Int!) { saveReport(id: $id, input: $input, expectedVersion: $v) { version } }',
      { id: returned.id, input: { resultsSummary: '延べ84人（60代以上が7割）が参加した。', selfRating: 'A' }, v: returned.version },
      manager,
    )
    await graphql('mutation ($id: ID!, $v: Int!) { submitReport(id: $id, expectedVersion: $v) { status } }', { id: returned.id, v: saveReport.version }, manager)
    await page.reload()
    await row.getByText('再提出：実績・自己評価を変更').waitFor()
    await row.getByRole('link', { name: /^1-1-2 / }).click()
    await page.waitForURL(`**/reports/${reportId}`)
    const changes = page.getByRole('region', { name: '差し戻し後の変更点' })
    await changes.waitFor()
    assert.ok(await changes.getByText('変更のあった項目：実績・自己評価').isVisible())
    const results = changes.getByRole('heading', { name: /^実績/ })
    assert.match(await results.innerText(), /変更あり/)
    assert.ok(await changes.getByText('延べ84人（60代以上が7割）が参加した。').isVisible())
    assert.match(await changes.getByRole('heading', { name: /^課題/ }).innerText(), /変更なし/)
    person.expectNoErrors()
    await person.close()
  })

  test('the plan office accepts several reports at once, and returns one with a reason', async () => {
    assert.ok(period.id, 'the period story ran first')
    const accepted = [await welfareReport('1-1-2', await apiSignIn(DEMO.manager)).then((r) => r.id), await submitAsManager('2-2-2')]
    const takenMeanwhile = await submitAsManager('2-3-4')
    const toReturn = await submitAsManager('2-2-3')

    const person = await browser.person()
    const page = await person.page()
    await signInAt(page, DEMO.office)
    await page.goto('/reviews')
    await page.getByRole('heading', { level: 1, name: 'レビュー待ちの報告' }).waitFor()
    for (const code of ['1-1-2', '2-2-2', '2-3-4']) {
      await queueRow(page, code).getByRole('checkbox').check()
    }
    await page.getByText('3件を選択しています。').waitFor()
    await checkScreen(page, 'reviews-office')

    // Meanwhile the Council accepts one of them: the server judges each report on its own.
    const council = await apiSignIn(DEMO.council)
    await graphql('mutation ($id: ID!) { acceptReport(id: $id) { status } }', { id: takenMeanwhile }, council)

    await page.getByRole('button', { name: '選んだ報告を受理する' }).click()
    const dialog = page.getByRole('dialog', { name: '選んだ報告（3件）を受理しますか' })
    await dialog.getByLabel(/^コメント/).fill('内容を確認しました。')
    await dialog.getByRole('button', { name: '3件を受理する' }).click()
    const result = page.getByRole('region', { name: 'まとめて処理した結果' })
    await result.waitFor()
    assert.ok(await result.getByText('2件を受理しました。 1件は処理できませんでした。').isVisible())
    const failed = result.getByRole('listitem').filter({ hasText: '2-3-4' })
    assert.match(await failed.innerText(), /理由：.+/)
    const done = result.getByRole('list').last()
    assert.match(await done.innerText(), /1-1-2/)
    assert.match(await done.innerText(), /2-2-2/)
    // Focus moves to the result, so keyboard users hear it at once.
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'まとめて処理した結果')
    await checkScreen(page, 'reviews-office-result')
    for (const id of accepted) assert.equal((await reportStatus(id)).status, 'ACCEPTED')

    // Returning several needs a reason, like returning one.
    await queueRow(page, '2-2-3').getByRole('checkbox').check()
    await page.getByRole('button', { name: '選んだ報告を差し戻す' }).click()
    const returning = page.getByRole('dialog', { name: '選んだ報告（1件）を差し戻しますか' })
    await returning.getByRole('button', { name: '1件を差し戻す' }).click()
    await returning.getByText('差し戻しの理由を入力してください。').waitFor()
    await returning.getByLabel(/^差し戻しの理由/).fill('実績の数値の根拠を添付してください。')
    await returning.getByRole('button', { name: '1件を差し戻す' }).click()
    await result.getByText('1件を差し戻しました。').waitFor()
    assert.equal((await reportStatus(toReturn)).status, 'RETURNED')
    person.expectNoErrors()
    await person.close()
  })
})

describe('ownership', () => {
  test('the plan office sees the matrix, is told why a change is refused, and checks a CSV before importing', async () => {
    const person = await browser.person()
    const page = await person.page()
    await signInAt(page, DEMO.office)
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '担当の割り当て' }).click()
    await page.getByRole('heading', { level: 1, name: '施策の方向の担当' }).waitFor()
    const matrix = page.getByRole('table', { name: /^施策の方向ごとの担当/ })
    await matrix.waitFor()
    const lead = page.getByRole('combobox', { name: '3-2-1 災害時における地域防災体制づくり：防災管理課の役割' })
    assert.equal(await lead.inputValue(), 'LEAD')
    await checkScreen(page, 'admin-ownership')

    // A choice is the row's unsaved change until saved. Taking the only lead away is
    // refused: the server's reason is shown; undoing puts the cell back.
    await lead.selectOption('')
    assert.equal(await lead.getAttribute('aria-describedby'), 'ownership-unsaved')
    await page.getByRole('button', { name: /^保存\s*（3-2-1 災害時における地域防災体制づくり）$/ }).click()
    await page.getByRole('alert').getByText(/主担当課がいなくなります/).waitFor()
    await expectAccessible(page, 'admin-ownership with an unsaved row')
    await page.getByRole('button', { name: /^元に戻す\s*（3-2-1 災害時における地域防災体制づくり）$/ }).click()
    assert.equal(await lead.inputValue(), 'LEAD')

    // The CSV: UTF-8 with a BOM.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSVをダウンロード' }).click()])
    assert.match(download.suggestedFilename(), /^ownership-omitama-3-\d{8}\.csv$/)
    const bytes = await readFile(await download.path())
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf])
    const csv = bytes.toString('utf8').slice(1)
    assert.match(csv, /^施策の方向コード,/)

    // The same table changes nothing: nothing to apply.
    const file = page.getByLabel('取り込むCSVファイル')
    await file.setInputFiles({ name: 'same.csv', mimeType: 'text/csv', buffer: bytes })
    await page.getByText('このファイルは現在の割り当てと同じです。変更はありません。').waitFor()
    assert.equal(await page.getByRole('button', { name: '変更を適用する' }).isDisabled(), true)

    // An unknown organisation: the line is named, and nothing can be applied.
    const broken = csv.replace(/^(3-2-1,[^,]*,)bousai,/m, '$1nowhere,')
    await file.setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(broken, 'utf8') })
    const problems = page.getByRole('table', { name: '誤りのある行' })
    await problems.waitFor()
    assert.match(await problems.innerText(), /行目/)
    assert.match(await problems.innerText(), /nowhere/)
    assert.equal(await page.getByRole('button', { name: '変更を適用する' }).isDisabled(), true)
    await expectAccessible(page, 'admin-ownership with a CSV preview')
    person.expectNoErrors()
    await person.close()
  })
})

/** The invitation link the server mailed to `email` (the e2e server writes mail to files). */
async function invitationLink(email) {
  const dataDir = process.env.E2E_DATA_DIR
  assert.ok(dataDir, 'E2E_DATA_DIR is not set: run through `npm run e2e`')
  const mailDir = path.join(dataDir, 'mail')
  const deadline = Date.now() + 15_000
  while (Date.now() < deadline) {
    const files = await readdir(mailDir).catch(() => [])
    for (const file of files.filter((f) => f.endsWith('.eml'))) {
      const text = await readFile(path.join(mailDir, file), 'utf8')
      if (!text.includes(`To: ${email}`)) continue
      const decoded = [...text.matchAll(/Content-Transfer-Encoding: base64\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/g)]
        .map((m) => Buffer.from(m[1].replace(/\s+/g, ''), 'base64').toString('utf8'))
        .join('\n')
      const found = /\/invitations\/([A-Za-z0-9_-]+)/.exec(decoded)
      if (found) return `/invitations/${found[1]}`
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`no invitation mail to ${email}`)
}

describe('invitations', () => {
  test('the plan office creates an account and invites; the person sets a password and is signed in', async () => {
    const email = `invited-${RUN}@omitama.example`
    const name = `招待 花子${RUN.slice(-3)}`
    const office = await browser.person()
    const page = await office.page()
    await signInAt(page, DEMO.office)
    await page.goto('/admin/users/new')
    await page.getByLabel(/^メールアドレス/).fill(email)
    await page.getByLabel(/^氏名/).fill(name)
    await page.getByLabel(/^所属/).selectOption({ label: '防災管理課' })
    await page.getByRole('checkbox', { name: /担当課職員/ }).check()
    await page.getByRole('button', { name: '作成して招待メールを送る' }).click()
    await page.waitForURL('**/admin/users')
    await page.getByRole('status').getByText(`${name}さんのアカウントを作成し、招待メールを送りました。`, { exact: false }).waitFor()
    const link = await invitationLink(email)

    const invited = await browser.person()
    const invitedPage = await invited.page()
    await invitedPage.goto(link)
    await invitedPage.getByRole('heading', { level: 1, name: 'アカウントの利用開始' }).waitFor()
    assert.ok(await invitedPage.getByText(email).isVisible())
    assert.ok(await invitedPage.getByText(name).isVisible())
    await checkScreen(invitedPage, 'invitation')
    // The password policy's verdict appears by the field.
    await invitedPage.getByLabel(/^パスワード必須/).fill('password12345')
    await invitedPage.getByLabel(/^パスワード（確認）/).fill('password12345')
    await invitedPage.getByRole('button', { name: 'パスワードを設定して始める' }).click()
    await invitedPage.locator('#invitation-password-error').getByText('よく使われるパスワードです', { exact: false }).waitFor()
    const password = 'kasumi-lotus-lantern-77'
    await invitedPage.getByLabel(/^パスワード必須/).fill(password)
    await invitedPage.getByLabel(/^パスワード（確認）/).fill(password)
    await invitedPage.getByRole('button', { name: 'パスワードを設定して始める' }).click()
    await invitedPage.waitForURL('**/home')
    await invitedPage.getByRole('heading', { level: 1, name: `${name}さん、こんにちは` }).waitFor()
    invited.expectNoErrors()
    await invited.close()

    // The link works once.
    const stranger = await browser.person()
    const strangerPage = await stranger.page()
    await strangerPage.goto(link)
    await strangerPage.getByRole('heading', { level: 1, name: 'この招待リンクは使えません' }).waitFor()
    await checkScreen(strangerPage, 'invitation-used')
    stranger.expectNoErrors()
    await stranger.close()

    // From the account's page, the office sends the invitation again, with its expiry.
    await page.getByRole('link', { name: new RegExp(name) }).click()
    await page.getByRole('button', { name: '招待メールを送る' }).click()
    await page.getByRole('status').getByText(`${email}に招待メールを送りました。リンクの有効期限：`, { exact: false }).waitFor()
    await checkScreen(page, 'admin-user-invite')
    office.expectNoErrors()
    await office.close()
  })
})

describe('notification settings', () => {
  test('a signed-in person chooses a daily digest and mutes comment mails', async () => {
    const person = await browser.person()
    const page = await person.page()
    await signInAt(page, DEMO.committee)
    await page.goto('/account/notifications')
    await page.getByRole('heading', { level: 1, name: '通知メールの設定' }).waitFor()
    assert.equal(await page.getByRole('radio', { name: /^そのつど受け取る/ }).isChecked(), true)
    await checkScreen(page, 'account-notifications')
    await page.getByRole('radio', { name: /^1日1回まとめて受け取る/ }).check()
    await page.getByRole('checkbox', { name: /^コメントのメールを受け取らない/ }).check()
    await page.getByRole('button', { name: '保存する' }).click()
    await page.getByRole('status').getByText('通知メールの設定を保存しました。').waitFor()

    const token = await apiSignIn(DEMO.committee)
    const { me } = await graphql('{ me { notificationSettings { dailyDigest muteComments } } }', {}, token)
    assert.deepEqual(me.notificationSettings, { dailyDigest: true, muteComments: true })
    await page.reload()
    assert.equal(await page.getByRole('radio', { name: /^1日1回まとめて受け取る/ }).isChecked(), true)
    // Back as it was, for whatever runs next.
    await graphql('mutation { updateNotificationSettings(dailyDigest: false, muteComments: false) { id } }', {}, token)
    person.expectNoErrors()
    await person.close()
  })
})
