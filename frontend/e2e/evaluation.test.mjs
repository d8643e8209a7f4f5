// The annual evaluation (年度評価), end to end: the public reads the published FY2024
// evaluation without signing in (the goals' counts, an opinion with the city's response,
// a download); the plan office compiles FY2025 from the page (the demo has no year-end
// reports for FY2025, so every report is listed as missing) and downloads the draft with
// its token. Each page passes axe and does not scroll sideways at 1280 px or 768 px.
// Run through `npm run e2e` (see e2e/run.mjs).
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import {
  DEMO,
  apiSignIn,
  expectAccessible,
  expectNoSidewaysScroll,
  graphql,
  launchBrowser,
  screenshot,
  signInAt,
} from './support.mjs'

let browser
let planId

before(async () => {
  browser = await launchBrowser()
  ;({ plan: { id: planId } } = await graphql('query ($code: String!) { plan(code: $code) { id } }', { code: 'omitama-3' }))
})

after(async () => {
  await browser?.close()
})

/** The evaluation as the API gives it to `token` (null: the public), for comparing with the page. */
async function evaluation(fiscalYear, token = null) {
  const data = await graphql(
    `query ($planId: ID!, $fiscalYear: Int!) {
      annualEvaluation(planId: $planId, fiscalYear: $fiscalYear) {
        id status
        goals { goal { code } ratingCounts { a b c d unrated } }
        opinions { body response }
      }
    }`,
    { planId, fiscalYear },
    token,
  )
  return data.annualEvaluation
}

async function checkLayout(page, label) {
  await expectNoSidewaysScroll(page, `${label} at 1280 px`)
  await page.setViewportSize({ width: 768, height: 900 })
  await expectNoSidewaysScroll(page, `${label} at 768 px`)
  await page.setViewportSize({ width: 1280, height: 900 })
}

describe('annual evaluation', () => {
  test('the public reads the published FY2024 evaluation without signing in', async () => {
    const expected = await evaluation(2024)
    assert.equal(expected.status, 'PUBLISHED')

    const person = await browser.person()
    const page = await person.page()
    await page.goto('/plans/omitama-3')
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '年度評価' }).click()
    await page.waitForURL('**/evaluations/omitama-3/2024')
    await page.getByRole('heading', { level: 1, name: '令和6年度（2024年度） 年度評価' }).waitFor()
    const main = page.getByRole('main')
    await main.getByText('公表済み', { exact: true }).first().waitFor()

    // The goals' counts, as the API has them, in the table beside the chart.
    const table = page.getByRole('table', { name: '基本目標ごとの評価の件数（グラフと同じ数値）' })
    for (const goal of expected.goals) {
      const row = table.getByRole('row', { name: new RegExp(`^基本目標${goal.goal.code}`) })
      await row.waitFor()
      const cells = await row.getByRole('cell').allTextContents()
      const { a, b, c, d, unrated } = goal.ratingCounts
      assert.deepEqual(cells.slice(0, 5), [a, b, c, d, unrated].map(String), `counts of goal ${goal.goal.code}`)
    }
    // The chart is drawn, with its text alternative.
    const chart = page.getByRole('img', { name: /^基本目標ごとの施策の方向の評価の件数を示す横棒グラフ。/ })
    await chart.locator('svg').first().waitFor()

    // An opinion with the city's response (市の考え方).
    const answered = expected.opinions.find((opinion) => opinion.response)
    assert.ok(answered, 'the demo has an answered opinion in FY2024')
    const card = page.getByRole('article').filter({ hasText: answered.body })
    await card.getByText('市の考え方', { exact: true }).waitFor()
    await card.getByText(answered.response, { exact: true }).waitFor()

    // The public download is a plain link.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'CSV：基本目標' }).click(),
    ])
    assert.match(download.suggestedFilename(), /\.csv$/)

    assert.ok(person.requests.length > 0, 'the page asked the API')
    assert.ok(person.requests.every((request) => request.authorization === null), 'no token was sent')
    await expectAccessible(page, 'the published evaluation')
    await checkLayout(page, 'the published evaluation')
    await screenshot(page, 'evaluation-public-2024')
    person.expectNoErrors()
    await person.close()
  })

  test('the public is told a year is not published yet', async () => {
    const person = await browser.person()
    const page = await person.page()
    await page.goto('/evaluations/omitama-3/2025')
    await page.getByText('令和7年度（2025年度）の年度評価はまだ公表されていません').waitFor()
    await expectAccessible(page, 'an unpublished year for the public')
    person.expectNoErrors()
    await person.close()
  })

  test('the plan office compiles FY2025 from the page and downloads the draft', async () => {
    const person = await browser.person()
    const page = await person.page()
    await signInAt(page, DEMO.office)
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '年度評価' }).click()
    await page.waitForURL('**/evaluations/omitama-3/2025')
    await page.getByRole('heading', { level: 1, name: '令和7年度（2025年度） 年度評価' }).waitFor()

    const actions = page.getByRole('region', { name: '事務局の操作' })
    const compile = actions.getByRole('button', { name: /^評価を集計(する|し直す)$/ })
    await compile.click()
    const result = actions.getByRole('status').filter({ hasText: '集計しました。' })
    await result.waitFor()
    const text = await result.textContent()
    const missing = Number(/未提出・未受理の年度末報告は(\d+)件/.exec(text)?.[1])
    assert.ok(missing > 0, `the compile result names the missing reports: ${text}`)

    // The draft is on the page: its status, and every direction's missing reports.
    const token = await apiSignIn(DEMO.office)
    const compiled = await evaluation(2025, token)
    assert.equal(compiled.status, 'DRAFT')
    await page.getByRole('main').getByText('作成中', { exact: true }).first().waitFor()
    await page.getByText(`未提出・未受理の年度末報告：${missing}件`).waitFor()
    // Other stories may have had a report or two accepted meanwhile; the rest are missing.
    const goal1 = page.getByRole('table', { name: '基本目標1の施策の方向の評価' })
    await goal1.getByText(/^未提出・未受理：.+（(未着手|作成中|課長確認待ち|提出済み|差し戻し)）/).first().waitFor()
    await page.getByText('今年度は、どの指標もまだ測定されていません。', { exact: false }).waitFor()

    // The draft needs the token: the button downloads it with the token, under the server's name.
    const downloads = page.getByRole('region', { name: 'ダウンロード' })
    const [download] = await Promise.all([page.waitForEvent('download'), downloads.getByRole('button', { name: 'Excel（.xlsx）' }).click()])
    assert.match(download.suggestedFilename(), /\.xlsx$/)
    await downloads.getByText(/をダウンロードしました。$/).waitFor()

    await expectAccessible(page, 'the compiled FY2025 draft')
    await checkLayout(page, 'the compiled FY2025 draft')
    await screenshot(page, 'evaluation-office-2025')
    person.expectNoErrors()
    await person.close()
  })
})
