// Progress reports, end to end: a department's staff member writes a report (autosaved,
// kept through a reload), is shown what a submission still lacks, submits, and the
// department manager signs it off. Run through `npm run e2e` (see e2e/run.mjs).
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { DEMO, RUN, ensureReportingPeriod, expectAccessible, launchBrowser, signInAt } from './support.mjs'

let browser

before(async () => {
  // The demo opens no reporting period: the plan office opens one (setup, not the story).
  await ensureReportingPeriod()
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
})

/** The reports of the period the stories write in (the demo may list older periods too). */
function yearEndReports(page) {
  return page.getByRole('table', { name: '令和7年度（2025年度） 年度末報告の報告' })
}

/** From the main menu to one report of the signed-in person's organisation. */
async function openReport(page, directionCode) {
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '進捗報告' }).click()
  await page.getByRole('heading', { level: 1, name: '進捗報告' }).waitFor()
  await yearEndReports(page).getByRole('link', { name: new RegExp(`^${directionCode} `) }).click()
  await page.waitForURL(/\/reports\/[0-9a-f-]+$/)
  await page.getByLabel(/^実績必須/).waitFor()
}

describe('progress reports', () => {
  test('staff write a report: autosave keeps the text through a reload', async () => {
    const person = await browser.person()
    const page = await person.page()
    await signInAt(page, DEMO.staff)
    await openReport(page, '2-1-1')
    const text = `広報紙で地域福祉の特集を2回掲載した（${RUN}）。`
    await page.getByLabel(/^実績必須/).fill(text)
    // Saved by itself a moment after typing stops; the status says so.
    await page.getByRole('status').filter({ hasText: /に保存しました$/ }).waitFor()
    const [status] = await page.getByRole('status').filter({ hasText: /に保存しました$/ }).allTextContents()
    assert.match(status, /^\d{2}:\d{2}に保存しました$/)

    await page.reload()
    await page.getByLabel(/^実績必須/).waitFor()
    assert.equal(await page.getByLabel(/^実績必須/).inputValue(), text)
    // The report is now a draft (作成中).
    assert.ok(await page.getByRole('main').getByText('作成中', { exact: true }).first().isVisible())
    person.expectNoErrors()
    await person.close()
  })

  test('submitting an incomplete report lists what is missing, linked to the fields', async () => {
    const person = await browser.person()
    const page = await person.page()
    await signInAt(page, DEMO.staff)
    await openReport(page, '2-1-2')
    await page.getByRole('button', { name: '提出する' }).first().click()
    const summary = page.getByRole('alert')
    await summary.getByRole('heading', { name: '提出に必要な項目が入力されていません' }).waitFor()
    const items = await summary.getByRole('link').allTextContents()
    assert.deepEqual(items, [
      '取組を1件以上入力してください。',
      '実績の概要を入力してください。',
      '自己評価（A〜D）を選んでください。',
      '今後の方向性を選んでください。',
    ])
    await expectAccessible(page, 'the report with its missing parts')
    await summary.getByRole('link', { name: '実績の概要を入力してください。' }).click()
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'report-results-summary')
    await summary.getByRole('link', { name: '自己評価（A〜D）を選んでください。' }).click()
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'report-self-rating')
    person.expectNoErrors()
    await person.close()
  })

  test('staff submit a complete report, and their manager signs it off', async () => {
    const staff = await browser.person()
    const page = await staff.page()
    await signInAt(page, DEMO.staff)
    await openReport(page, '2-1-3')
    await page.getByRole('button', { name: '取組を追加' }).click()
    await page.getByLabel(/^取組の名称/).fill('民生委員・児童委員の定例会への参加')
    await page.getByLabel(/^実績必須/).fill('定例会に12回参加し、相談事例を共有した。')
    await page.getByRole('radio', { name: /^B：概ね達成/ }).check()
    await page.getByRole('radio', { name: '継続', exact: true }).check()
    // As a person would: the draft is saved before it is submitted.
    await page.getByRole('status').filter({ hasText: /に保存しました$/ }).waitFor()
    await page.getByRole('button', { name: '提出する' }).first().click()
    const dialog = page.getByRole('dialog', { name: 'この報告を提出しますか' })
    await dialog.getByRole('button', { name: '提出する' }).click()
    await page.getByText('提出しました。課長の確認を待っています。').waitFor()
    await page.getByText('この報告は「課長確認待ち」のため編集できません。').waitFor()
    staff.expectNoErrors()
    await staff.close()

    const manager = await browser.person()
    const managerPage = await manager.page()
    await signInAt(managerPage, DEMO.manager)
    await managerPage.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '進捗報告' }).click()
    const row = yearEndReports(managerPage).getByRole('row', { name: /2-1-3/ })
    await row.getByText('課長確認待ち').waitFor()
    await row.getByRole('link').click()
    const signOff = managerPage.getByRole('region', { name: '課長確認' })
    await signOff.getByRole('button', { name: '確認して送る' }).click()
    await managerPage.getByRole('dialog', { name: '課長確認を済ませて送りますか' }).getByRole('button', { name: '確認して送る' }).click()
    await managerPage.getByText('課長確認を済ませ、計画事務局・社会福祉協議会に送りました。').waitFor()
    // The history names who moved it, and from which status to which.
    const history = managerPage.getByRole('region', { name: '履歴' })
    await history.getByText('課長確認待ち → 提出済み').waitFor()
    await history.getByText(DEMO.manager).first().waitFor()
    assert.ok(await history.getByText('作成中 → 課長確認待ち').isVisible())
    manager.expectNoErrors()
    await manager.close()
  })
})
