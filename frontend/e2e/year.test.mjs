// The whole year in one story, on an installation of its own (the demo plan and accounts,
// no history): the plan office opens the FY2025 year-end period; a welfare staff member
// writes a report with an activity, a figure and a PDF, and submits; the manager signs it
// off; the Council coordinator returns it with a reason; the staff member reads the reason,
// fixes the report and submits again; the manager signs off again; the plan office accepts
// it, compiles the evaluation and hands it to the committee; a committee member gives an
// opinion; the plan office answers it, finalises and publishes; an anonymous visitor reads
// the published evaluation. Every step is done in the browser, by the person whose job it
// is. Run through `npm run e2e` (see e2e/run.mjs, which starts the second server).
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { DEMO, RUN, expectAccessible, launchBrowser, screenshot, signInAt } from './support.mjs'

let browser

before(async () => {
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
})

const YEAR = '令和7年度（2025年度）'
const PERIOD = '令和7年度 年度末報告'
const DIRECTION = '1-1-2'
const DIRECTION_NAME = '地域福祉の広報・啓発活動の充実'
const EVALUATION_PATH = '/evaluations/omitama-3/2025'

/** A small, valid PDF: the server judges files by their content, not their name. */
const PDF = Buffer.from(
  [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n'),
)

const reason = `参加者数の内訳（年代別）を追記してください（${RUN}）。`
const fixedSummary = '地域福祉講座を3回開催し、延べ84人（60代以上が7割）が参加した。'
const opinion = `若い世代への広報を強めてほしい（${RUN}）。`
const response = 'SNSでの発信を始め、次年度は子育て世代向けの講座を開催します。'

/** One person's browser, signed in when `email` is given; closed (and checked) by `done`. */
async function as(email) {
  const person = await browser.person()
  const page = await person.page()
  if (email) await signInAt(page, email)
  return {
    page,
    async done() {
      person.expectNoErrors()
      await person.close()
    },
  }
}

/** From the main menu to the welfare division's report in the story's period. */
async function openOwnReport(page) {
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '進捗報告' }).click()
  await page
    .getByRole('table', { name: `${YEAR} 年度末報告の報告` })
    .getByRole('link', { name: new RegExp(`^${DIRECTION} `) })
    .click()
  await page.waitForURL(/\/reports\/[0-9a-f-]+$/)
}

async function confirm(page, title, button) {
  const dialog = page.getByRole('dialog', { name: title })
  await dialog.getByRole('button', { name: button, exact: true }).click()
}

/** The manager signs the report off from its page. */
async function managerSignsOff() {
  const manager = await as(DEMO.manager)
  await openOwnReport(manager.page)
  await manager.page.getByRole('region', { name: '課長確認' }).getByRole('button', { name: '確認して送る' }).click()
  await confirm(manager.page, '課長確認を済ませて送りますか', '確認して送る')
  await manager.page.getByText('課長確認を済ませ、計画事務局・社会福祉協議会に送りました。').waitFor()
  await manager.done()
}

/** The review queue's row for the story's report. */
function queueRow(page) {
  return page
    .getByRole('table', { name: /^レビュー待ちの報告/ })
    .getByRole('row')
    .filter({ hasText: new RegExp(`^${DIRECTION} `) })
}

describe('the whole year in one story', () => {
  test('period, report, review, evaluation, committee, publication', async () => {
    // 1. The plan office opens the year-end period.
    const office = await as(DEMO.office)
    await office.page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '報告期間' }).click()
    const form = office.page.locator('form')
    await form.getByLabel(/^年度必須/).selectOption({ label: YEAR })
    await form.getByRole('radio', { name: '年度末報告' }).check()
    await form.getByLabel(/^受付開始日/).fill('2026-04-01')
    await form.getByLabel(/^提出期限/).fill('2027-03-31')
    await form.getByRole('button', { name: '開始する' }).click()
    await office.page.getByRole('heading', { level: 1, name: `${PERIOD}の提出状況` }).waitFor()
    await office.page.getByRole('status').getByText(`${PERIOD}を開始しました。`, { exact: false }).waitFor()
    await office.done()

    // 2. Staff write the report: an activity with a figure, the results, a rating, a PDF.
    const staff = await as(DEMO.staff)
    let page = staff.page
    await openOwnReport(page)
    await page.getByRole('button', { name: '取組を追加' }).click()
    await page.getByLabel(/^取組の名称/).fill('地域福祉講座の開催')
    await page.getByRole('button', { name: '数値を追加' }).click()
    await page.getByLabel(/^項目/).fill('参加者数')
    await page.getByLabel(/^単位/).fill('人')
    await page.getByLabel(/^計画値/).fill('90')
    await page.getByLabel(/^実績値/).fill('84')
    await page.getByLabel(/^実績必須/).fill('地域福祉講座を3回開催し、延べ84人が参加した。')
    await page.getByRole('radio', { name: /^B：概ね達成/ }).check()
    await page.getByRole('radio', { name: '継続', exact: true }).check()
    await page.locator('input[type="file"]').setInputFiles({ name: '講座の記録.pdf', mimeType: 'application/pdf', buffer: PDF })
    await page.getByRole('status').getByText('講座の記録.pdfを添付しました。').waitFor()
    await page.getByRole('status').filter({ hasText: /に保存しました$/ }).waitFor()
    await screenshot(page, 'year-report-written')
    await page.getByRole('button', { name: '提出する' }).first().click()
    await confirm(page, 'この報告を提出しますか', '提出する')
    await page.getByText('提出しました。課長の確認を待っています。').waitFor()
    await staff.done()

    // 3. The manager signs it off; it goes to the reviewers.
    await managerSignsOff()

    // 4. The Council coordinator returns it from the review queue, with a reason.
    const council = await as(DEMO.council)
    page = council.page
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'レビュー' }).click()
    await queueRow(page).getByRole('button', { name: /^差し戻す/ }).click()
    const returning = page.getByRole('dialog', { name: 'この報告を差し戻しますか' })
    await returning.getByLabel(/^差し戻しの理由/).fill(reason)
    await returning.getByRole('button', { name: '差し戻す', exact: true }).click()
    await page.getByRole('status').getByText(`${DIRECTION} ${DIRECTION_NAME}：差し戻しました。`, { exact: false }).waitFor()
    await council.done()

    // 5. Staff read the reason beside the report, fix it and submit again.
    const again = await as(DEMO.staff)
    page = again.page
    await openOwnReport(page)
    await page.getByRole('region', { name: 'コメント' }).getByText(reason).waitFor()
    await page.getByLabel(/^実績必須/).fill(fixedSummary)
    await page.getByRole('status').filter({ hasText: /に保存しました$/ }).waitFor()
    await page.getByRole('button', { name: '提出する' }).first().click()
    await confirm(page, 'この報告を提出しますか', '提出する')
    await page.getByText('提出しました。課長の確認を待っています。').waitFor()
    await again.done()

    // 6. The manager signs off again; the plan office sees what changed and accepts.
    await managerSignsOff()
    const accepting = await as(DEMO.office)
    page = accepting.page
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'レビュー' }).click()
    const row = queueRow(page)
    await row.getByText('再提出：実績を変更').waitFor()
    await row.getByRole('link', { name: new RegExp(`^${DIRECTION} `) }).click()
    const changes = page.getByRole('region', { name: '差し戻し後の変更点' })
    await changes.getByText(fixedSummary).waitFor()
    await page.getByRole('region', { name: '報告の確認' }).getByRole('button', { name: '受理する' }).click()
    await confirm(page, 'この報告を受理しますか', '受理する')
    await page.getByText('受理しました。').waitFor()

    // 7. The plan office compiles the evaluation and hands it to the committee.
    await page.goto(EVALUATION_PATH)
    await page.getByRole('heading', { level: 1, name: `${YEAR} 年度評価` }).waitFor()
    const actions = page.getByRole('region', { name: '事務局の操作' })
    await actions.getByRole('button', { name: '評価を集計する' }).click()
    await actions.getByRole('status').filter({ hasText: '集計しました。評価済みの施策の方向は1件' }).waitFor()
    const goal1 = page.getByRole('table', { name: '基本目標1の施策の方向の評価' })
    await goal1.getByRole('row', { name: new RegExp(`^${DIRECTION} `) }).getByText('概ね達成', { exact: true }).waitFor()
    await actions.getByRole('button', { name: '委員会の審議を始める' }).click()
    await confirm(page, `${YEAR}の評価について委員会の審議を始めますか`, '審議を始める')
    await actions.getByText('委員会の審議を始めました。').waitFor()
    await accepting.done()

    // 8. A committee member gives an opinion on the direction.
    const member = await as(DEMO.committee)
    page = member.page
    await page.goto(EVALUATION_PATH)
    await page.getByRole('main').getByText('委員会審議中', { exact: true }).first().waitFor()
    const adding = page.getByRole('region', { name: '意見を述べる' })
    await adding.getByLabel(/^意見の対象/).selectOption({ label: `\u3000施策の方向 ${DIRECTION} ${DIRECTION_NAME}` })
    await adding.getByLabel(/^意見/).last().fill(opinion)
    await adding.getByRole('button', { name: '意見を提出' }).click()
    await adding.getByText('意見を提出しました。').waitFor()
    await page.getByRole('article').filter({ hasText: opinion }).waitFor()
    await member.done()

    // 9. The plan office answers, finalises and publishes.
    const closing = await as(DEMO.office)
    page = closing.page
    await page.goto(EVALUATION_PATH)
    const card = page.getByRole('article').filter({ hasText: opinion })
    await card.getByRole('button', { name: '回答を書く' }).click()
    const answer = card.getByRole('form', { name: /への回答$/ })
    await answer.getByLabel(/^市の考え方/).fill(response)
    await answer.getByLabel(/^反映状況/).fill('次年度の事業計画に反映')
    await answer.getByRole('button', { name: '回答を保存' }).click()
    await card.getByText(response, { exact: true }).waitFor()
    const office2 = page.getByRole('region', { name: '事務局の操作' })
    await office2.getByRole('button', { name: '評価を確定する' }).click()
    await confirm(page, `${YEAR}の評価を確定しますか`, '確定する')
    await office2.getByText('評価を確定しました。この年度の報告はすべてロックされました。').waitFor()
    await office2.getByRole('button', { name: '公表する' }).click()
    await confirm(page, `${YEAR}の評価を公表しますか`, '公表する')
    await office2.getByText('公表しました。市民が読めるようになりました。').waitFor()
    await closing.done()

    // 10. Anyone reads the published evaluation, without signing in.
    const visitor = await as(null)
    page = visitor.page
    await page.goto('/')
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '年度評価' }).click()
    await page.waitForURL(`**${EVALUATION_PATH}`)
    await page.getByRole('heading', { level: 1, name: `${YEAR} 年度評価` }).waitFor()
    await page.getByRole('main').getByText('公表済み', { exact: true }).first().waitFor()
    const published = page.getByRole('article').filter({ hasText: opinion })
    await published.getByText(response, { exact: true }).waitFor()
    // The public version leaves out the internal list of missing reports and members' names.
    assert.equal(await page.getByText(/^未提出・未受理：/).count(), 0)
    assert.equal(await published.getByText(/（委員：/).count(), 0)
    await expectAccessible(page, 'the published evaluation of the story')
    await screenshot(page, 'year-published-evaluation')
    await visitor.done()
  })
})
