// @vitest-environment jsdom
import { configure, screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { office } from '@/test/accounts'
import { renderApp } from '@/test/renderApp'
import { draftFixture, evaluationFixture } from '../testing/fixtures'
import { apiError, bousaiStaff, committee, evaluationServer } from '../testing/server'

const chart = vi.hoisted(() => ({
  options: [] as unknown[],
  init: () => ({
    setOption: (option: unknown) => {
      chart.options.push(option)
    },
    resize: () => undefined,
    dispose: () => undefined,
  }),
}))

// ECharts itself is not loaded in jsdom: the chart records the options it is given.
vi.mock('../charts/echarts', () => ({ init: chart.init }))

beforeEach(() => {
  chart.options = []
})

/** The first render loads the lazily split page. */
const SLOW = { timeout: 8000 }

// These are whole-page stories; on a busy machine a step can take more than a second.
configure({ asyncUtilTimeout: 4000 })
vi.setConfig({ testTimeout: 20_000 })

describe('the published evaluation, for the public', () => {
  it('shows the year, the status, the counts with the change, and the goals', async () => {
    const server = evaluationServer([evaluationFixture()])
    renderApp('/evaluations/omitama-3/2024', { handlers: server.handlers })
    expect(await screen.findByRole('heading', { level: 1, name: '令和6年度（2024年度） 年度評価' }, SLOW)).toBeInTheDocument()
    const summary = await screen.findByRole('region', { name: '計画全体の評価' })
    expect(screen.getByText((_, element) => element?.tagName === 'P' && element.textContent === '状況: 公表済み')).toBeInTheDocument()
    const steps = screen.getByRole('list', { name: '評価の進み具合' })
    expect(within(steps).getByText('公表済み').closest('li')).toHaveAttribute('aria-current', 'step')

    expect(within(summary).getByText('50.0%', { selector: 'dd' })).toBeInTheDocument()
    expect(within(summary).getAllByText('10.0ポイント上昇')[0]).toBeInTheDocument()

    // The chart: an image with a text alternative, and the same numbers in a table.
    const image = screen.getByRole('img', { name: /^基本目標ごとの施策の方向の評価の件数を示す横棒グラフ。/ })
    expect(image.getAttribute('aria-label')).toContain('基本目標1：A 1件、B 0件、C 1件、D 0件、評価なし 0件')
    const table = screen.getByRole('table', { name: '基本目標ごとの評価の件数（グラフと同じ数値）' })
    const goal1 = within(table).getByRole('rowheader', { name: /基本目標1/ }).closest('tr')
    expect(goal1).toHaveTextContent('基本目標1地域で共に支えあう あたたかな心づくり10100')
    expect(within(goal1 ?? document.body).getByText('25.0ポイント低下')).toBeInTheDocument()
    await waitFor(() => {
      expect(chart.options.length).toBeGreaterThanOrEqual(2)
    })

    // Nothing for the public to do.
    expect(screen.queryByRole('region', { name: '事務局の操作' })).toBeNull()
    expect(screen.queryByRole('button', { name: /評価を変更/ })).toBeNull()
  })

  it('lists each goal’s directions with the rating in words and an override’s reason', async () => {
    const server = evaluationServer([evaluationFixture()])
    const { user } = renderApp('/evaluations/omitama-3/2024', { handlers: server.handlers })
    const table = await screen.findByRole('table', { name: '基本目標1の施策の方向の評価' }, SLOW)
    const overridden = within(table).getByRole('rowheader', { name: /1-1-2/ }).closest('tr') ?? document.body
    expect(within(overridden).getByText('やや遅れ')).toBeInTheDocument()
    expect(within(overridden).getByText('評価案：A（達成）')).toBeInTheDocument()
    expect(within(overridden).getByText('変更の理由：一部地区で未実施のため一段階下げた。')).toBeInTheDocument()

    const toggle = within(table).getByRole('button', { name: '報告の内容（1件）（1-1-1）' })
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    await user.click(toggle)
    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    const details = document.getElementById(toggle.getAttribute('aria-controls') ?? '')
    expect(details).toBeVisible()
    const panel = within(details ?? document.body)
    expect(panel.getByRole('heading', { level: 4, name: '小美玉市社会福祉協議会' })).toBeInTheDocument()
    expect(panel.getByText('地域サロンの運営支援')).toBeInTheDocument()
    expect(panel.getByRole('table', { name: '「地域サロンの運営支援」の実績の数値' })).toHaveTextContent('実施回数55回48回')
    expect(panel.getByText('担い手の高齢化が課題である。')).toBeInTheDocument()
    expect(panel.getByText('継続')).toBeInTheDocument()
  })

  it('shows indicators with "not measured" instead of zero', async () => {
    const server = evaluationServer([evaluationFixture()])
    renderApp('/evaluations/omitama-3/2024', { handlers: server.handlers })
    const table = await screen.findByRole('table', { name: '成果指標の令和6年度の値と達成状況' }, SLOW)
    const i1 = within(table).getByRole('rowheader', { name: /I1/ }).closest('tr') ?? document.body
    expect(i1).toHaveTextContent('86.8%31.9%89.1%遅れ平成27年度→令和2年度：0.0ポイント横ばい')
    const i8 = within(table).getByRole('rowheader', { name: /I8/ }).closest('tr') ?? document.body
    expect(within(i8).getAllByText('今年度は未測定')).toHaveLength(3)
    expect(i8).toHaveTextContent('+1組織')
    expect(screen.getByRole('img', { name: /I8：今年度は未測定（計画どおりなら80.0%）/ })).toBeInTheDocument()
    // The public records nothing.
    expect(screen.queryByRole('button', { name: /値を記録/ })).toBeNull()
  })

  it('shows the opinions with the city’s response, marking the carried-over one', async () => {
    const server = evaluationServer([evaluationFixture()])
    renderApp('/evaluations/omitama-3/2024', { handlers: server.handlers })
    const first = await screen.findByRole('article', { name: '意見1：計画全体' }, SLOW)
    expect(within(first).getByText('次年度の事業計画に反映します。')).toBeInTheDocument()
    expect(within(first).getByText('次年度に反映')).toBeInTheDocument()
    const carried = screen.getByRole('article', { name: '意見2：基本目標3 安全・安心に暮らせるまちづくり' })
    expect(within(carried).getByText('令和5年度からの継続')).toBeInTheDocument()
    expect(within(carried).getByText('未回答')).toBeInTheDocument()
  })

  it('offers plain download links to the public', async () => {
    const server = evaluationServer([evaluationFixture()])
    renderApp('/evaluations/omitama-3/2024', { handlers: server.handlers })
    const downloads = await screen.findByRole('region', { name: 'ダウンロード' }, SLOW)
    expect(within(downloads).getByRole('link', { name: 'Excel（.xlsx）' })).toHaveAttribute('href', '/exports/evaluations/eval-2024.xlsx')
    expect(within(downloads).getByRole('link', { name: 'CSV：施策の方向' })).toHaveAttribute('href', '/exports/evaluations/eval-2024.csv?table=directions')
  })

  it('reads in English too, with the plan’s names in Japanese first', async () => {
    const server = evaluationServer([evaluationFixture()])
    renderApp('/evaluations/omitama-3/2024', { language: 'en', handlers: server.handlers })
    expect(await screen.findByRole('heading', { level: 1, name: 'Annual evaluation FY2024 (Reiwa 6)' }, SLOW)).toBeInTheDocument()
    const table = await screen.findByRole('table', { name: 'Ratings of the policy directions of goal 1' })
    expect(within(table).getByText('Slightly behind')).toBeInTheDocument()
    expect(within(table).getByText('Proposed: A (Achieved)')).toBeInTheDocument()
    expect(screen.getAllByText('up 10.0 points')[0]).toBeInTheDocument()
    expect(screen.getByRole('article', { name: 'Opinion 2: Goal 3 A town where people live safely and securely' })).toHaveTextContent(
      'Carried over from FY2023 (Reiwa 5)',
    )
  })

  it('says plainly when the year is not published yet', async () => {
    const server = evaluationServer([evaluationFixture(), draftFixture()])
    renderApp('/evaluations/omitama-3/2025', { handlers: server.handlers })
    expect(await screen.findByText('令和7年度（2025年度）の年度評価はまだ公表されていません', {}, SLOW)).toBeInTheDocument()
    const years = screen.getByRole('navigation', { name: '評価の年度' })
    expect(within(years).getAllByRole('link').map((link) => link.textContent)).toEqual(['令和6年度公表済み'])
  })

  it('is not found for a year outside the plan or an unknown plan', async () => {
    const server = evaluationServer([evaluationFixture()])
    renderApp('/evaluations/omitama-3/2030', { handlers: server.handlers })
    expect(await screen.findByRole('heading', { level: 1, name: 'ページが見つかりません' }, SLOW)).toBeInTheDocument()
  })

  it('opens the newest published year from the menu', async () => {
    const server = evaluationServer([evaluationFixture()])
    const { router, user } = renderApp('/plans/omitama-3', { handlers: server.handlers })
    const nav = await screen.findByRole('navigation', { name: 'メインメニュー' })
    await user.click(within(nav).getByRole('link', { name: '年度評価' }))
    await screen.findByRole('heading', { level: 1, name: '令和6年度（2024年度） 年度評価' }, SLOW)
    expect(router.state.location.pathname).toBe('/evaluations/omitama-3/2024')
  })
})

describe('the plan office', () => {
  it('compiles a year that has no evaluation yet and is told the result', async () => {
    const server = evaluationServer([evaluationFixture()])
    server.handlers.CompileEvaluation = server.mutation('CompileEvaluation', (variables) => {
      const compiled = draftFixture()
      server.state.evaluations.push(compiled)
      expect(variables).toEqual({ planId: 'plan-3', fiscalYear: 2025 })
      return { data: { compileAnnualEvaluation: { __typename: 'AnnualEvaluation', ...compiled } } }
    })
    const { user } = renderApp('/evaluations/omitama-3/2025', { signedInAs: office, handlers: server.handlers })
    expect(await screen.findByText('令和7年度（2025年度）の年度評価はまだ作成されていません', {}, SLOW)).toBeInTheDocument()
    const years = screen.getByRole('navigation', { name: '評価の年度' })
    expect(within(years).getByRole('link', { name: '令和7年度未作成' })).toHaveAttribute('aria-current', 'page')
    await user.click(screen.getByRole('button', { name: '評価を集計する' }))
    expect(
      await screen.findByText('集計しました。評価済みの施策の方向は2件、評価なしは1件、未提出・未受理の年度末報告は2件です。'),
    ).toBeInTheDocument()
    // The page now shows the draft, with the missing reports named.
    expect(await screen.findByText('未提出・未受理：防災管理課（作成中）、社会福祉課（未着手）')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '評価を集計し直す' })).toBeInTheDocument()
    expect(screen.getByText('未提出・未受理の年度末報告：2件')).toBeInTheDocument()
  })

  it('overrides a rating only with a reason, and shows the server’s field error by the field', async () => {
    const server = evaluationServer([draftFixture()])
    server.handlers.OverrideDirectionRating = server.mutation('OverrideDirectionRating', (variables) =>
      variables.reason === 'だめ'
        ? apiError('BAD_USER_INPUT', '変更の理由は2000文字以内で入力してください。', 'overrideDirectionRating', 'reason')
        : { data: { overrideDirectionRating: { __typename: 'AnnualEvaluation', id: 'eval-2025', status: 'DRAFT' } } },
    )
    const { user } = renderApp('/evaluations/omitama-3/2025', { signedInAs: office, handlers: server.handlers })
    await user.click(await screen.findByRole('button', { name: '評価を変更（1-1-1）' }, SLOW))
    const dialog = await screen.findByRole('dialog', { name: '1-1-1の評価を変更' })
    expect(within(dialog).getByText('評価案はA（達成）です。変更の理由は、委員会と公表版に示されます。')).toBeInTheDocument()
    await user.click(within(dialog).getByRole('radio', { name: 'B（概ね達成）' }))
    await user.click(within(dialog).getByRole('button', { name: '変更する' }))
    expect(within(dialog).getByText('変更の理由を入力してください。')).toBeInTheDocument()
    expect(server.state.calls).toEqual([])

    await user.type(within(dialog).getByLabelText(/^変更の理由/), 'だめ')
    await user.click(within(dialog).getByRole('button', { name: '変更する' }))
    expect(await within(dialog).findByText('変更の理由は2000文字以内で入力してください。')).toBeInTheDocument()
    expect(within(dialog).getByLabelText(/^変更の理由/)).toHaveAttribute('aria-invalid', 'true')

    await user.clear(within(dialog).getByLabelText(/^変更の理由/))
    await user.type(within(dialog).getByLabelText(/^変更の理由/), '取組が予定より遅れたため。')
    await user.click(within(dialog).getByRole('button', { name: '変更する' }))
    expect(await screen.findByText('1-1-1の評価をB（概ね達成）に変更しました。')).toBeInTheDocument()
    expect(server.state.calls.at(-1)).toEqual({
      operation: 'OverrideDirectionRating',
      variables: { evaluationId: 'eval-2025', directionId: 'dir-1-1-1', rating: 'B', reason: '取組が予定より遅れたため。' },
    })
  })

  it('asks before finalising, saying that every report of the year is locked', async () => {
    const server = evaluationServer([{ ...draftFixture(), status: 'IN_COMMITTEE' }])
    server.handlers.FinalizeAnnualEvaluation = server.mutation('FinalizeAnnualEvaluation', () =>
      apiError('BAD_USER_INPUT', '委員会審議中の年度評価だけを確定できます。', 'finalizeAnnualEvaluation', 'evaluationId'),
    )
    const { user } = renderApp('/evaluations/omitama-3/2025', { signedInAs: office, handlers: server.handlers })
    await user.click(await screen.findByRole('button', { name: '評価を確定する' }, SLOW))
    const dialog = await screen.findByRole('dialog', { name: '令和7年度（2025年度）の評価を確定しますか' })
    expect(dialog).toHaveTextContent('令和7年度（2025年度）のすべての進捗報告がロックされます')
    expect(within(dialog).getByRole('button', { name: 'やめる' })).toHaveFocus()
    await user.click(within(dialog).getByRole('button', { name: '確定する' }))
    // A refusal is shown translated, with the server's own message.
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('指定された内容に誤りがあります')
    expect(alert).toHaveTextContent('委員会審議中の年度評価だけを確定できます。')
  })

  it('writes the plan’s assessment and answers an opinion', async () => {
    const server = evaluationServer([draftFixture()])
    server.handlers.WriteOverallAssessment = server.mutation('WriteOverallAssessment', () => ({
      data: { writeOverallAssessment: { __typename: 'AnnualEvaluation', id: 'eval-2025', status: 'DRAFT' } },
    }))
    server.handlers.RespondToOpinion = server.mutation('RespondToOpinion', (variables) => ({
      data: { respondToOpinion: { __typename: 'CommitteeOpinion', id: variables.opinionId, response: variables.response, reflection: variables.reflection, respondedAt: '2026-01-01T00:00:00Z' } },
    }))
    const { user } = renderApp('/evaluations/omitama-3/2025', { signedInAs: office, handlers: server.handlers })
    await user.click(await screen.findByRole('button', { name: '計画全体の総括を修正' }, SLOW))
    const field = screen.getByLabelText('計画全体の総括')
    await user.clear(field)
    await user.type(field, '着実に進んだ。')
    await user.click(screen.getByRole('button', { name: '総括を保存' }))
    expect(await screen.findByText('計画全体の総括を保存しました。')).toBeInTheDocument()
    expect(server.state.calls.at(-1)).toEqual({
      operation: 'WriteOverallAssessment',
      variables: { evaluationId: 'eval-2025', goalCode: null, body: '着実に進んだ。' },
    })

    // The carried-over opinions come after this year's, oldest first: the FY2023 one is first.
    const carried = screen.getByRole('article', { name: '意見1：基本目標3 安全・安心に暮らせるまちづくり' })
    await user.click(within(carried).getByRole('button', { name: '回答を書く' }))
    await user.click(within(carried).getByRole('button', { name: '回答を保存' }))
    expect(within(carried).getByText('市の考え方を入力してください。')).toBeInTheDocument()
    await user.type(within(carried).getByLabelText(/^市の考え方/), '地区ごとの目標を検討します。')
    await user.type(within(carried).getByLabelText(/^反映状況/), '検討中')
    await user.click(within(carried).getByRole('button', { name: '回答を保存' }))
    expect(await within(carried).findByText('意見1への回答を保存しました。')).toBeInTheDocument()
    expect(server.state.calls.at(-1)?.variables).toEqual({ opinionId: 'op-0', response: '地区ごとの目標を検討します。', reflection: '検討中' })
  })

  it('downloads an export with the token and a progress indicator, under the server’s file name', async () => {
    const server = evaluationServer([draftFixture()])
    let finish: () => void = () => undefined
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(600))
        finish = () => {
          controller.enqueue(new Uint8Array(424))
          controller.close()
        }
      },
    })
    const fetchMock = vi.fn(() =>
      Promise.resolve(
        new Response(body, {
          status: 200,
          headers: {
            'Content-Length': '1024',
            'Content-Type': 'application/pdf',
            'Content-Disposition': `attachment; filename="2025.pdf"; filename*=UTF-8''${encodeURIComponent('年度評価_2025.pdf')}`,
          },
        }),
      ),
    )
    vi.stubGlobal('fetch', fetchMock)
    const createObjectURL = vi.fn(() => 'blob:evaluation')
    URL.createObjectURL = createObjectURL
    URL.revokeObjectURL = vi.fn()
    const { user, session } = renderApp('/evaluations/omitama-3/2025', { signedInAs: office, handlers: server.handlers })
    const downloads = await screen.findByRole('region', { name: 'ダウンロード' }, SLOW)
    await user.click(within(downloads).getByRole('button', { name: 'PDF' }))
    const progress = await within(downloads).findByRole('progressbar', { name: 'PDFをダウンロードしています' })
    expect(progress).toHaveAttribute('max', '1024')
    expect(within(downloads).getByText('600 B / 1.0 KB')).toBeInTheDocument()
    finish()
    expect(await within(downloads).findByText('年度評価_2025.pdfをダウンロードしました。')).toBeInTheDocument()
    expect(createObjectURL).toHaveBeenCalled()
    expect(fetchMock).toHaveBeenCalledWith('/exports/evaluations/eval-2025.pdf', {
      credentials: 'same-origin',
      headers: { 'Accept-Language': 'ja', Authorization: `Bearer ${session.accessToken() ?? ''}` },
    })
    vi.unstubAllGlobals()
  })
})

describe('committee members and owners', () => {
  it('lets a committee member give an opinion on a chosen direction while in committee', async () => {
    const server = evaluationServer([{ ...draftFixture(), status: 'IN_COMMITTEE' }])
    server.handlers.AddCommitteeOpinion = server.mutation('AddCommitteeOpinion', () => ({ data: { addCommitteeOpinion: { __typename: 'CommitteeOpinion', id: 'op-new' } } }))
    const { user } = renderApp('/evaluations/omitama-3/2025', { signedInAs: committee, handlers: server.handlers })
    const form = await screen.findByRole('region', { name: '意見を述べる' }, SLOW)
    const select = within(form).getByLabelText(/^意見の対象/)
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual([
      '計画全体',
      '基本目標1 地域で共に支えあう あたたかな心づくり',
      '\u3000施策の方向 1-1-1 学校や地域における福祉教育の充実',
      '\u3000施策の方向 1-1-2 地域福祉の広報・啓発活動の充実',
      '基本目標3 安全・安心に暮らせるまちづくり',
      '\u3000施策の方向 3-2-1 災害時における地域防災体制づくり',
    ])
    await user.selectOptions(select, '3-2-1')
    await user.type(within(form).getByLabelText(/^意見/, { selector: 'textarea' }), '避難訓練の参加者を増やす工夫を。')
    await user.click(within(form).getByRole('button', { name: '意見を提出' }))
    expect(await within(form).findByText('意見を提出しました。')).toBeInTheDocument()
    expect(server.state.calls).toEqual([
      { operation: 'AddCommitteeOpinion', variables: { evaluationId: 'eval-2025', targetCode: '3-2-1', body: '避難訓練の参加者を増やす工夫を。' } },
    ])
    // Members run nothing of the plan office's.
    expect(screen.queryByRole('region', { name: '事務局の操作' })).toBeNull()
  })

  it('lets the source organisation’s staff record their indicator, and only theirs', async () => {
    const server = evaluationServer([draftFixture()])
    server.handlers.RecordIndicatorValue = server.mutation('RecordIndicatorValue', (variables) => ({
      data: { recordIndicatorValue: { __typename: 'IndicatorValue', fiscalYear: variables.fiscalYear, value: variables.value, source: variables.source, note: variables.note } },
    }))
    const { user } = renderApp('/evaluations/omitama-3/2025', { signedInAs: bousaiStaff, handlers: server.handlers })
    const table = await screen.findByRole('table', { name: '成果指標の令和7年度の値と達成状況' }, SLOW)
    expect(within(table).getAllByRole('button', { name: /値を記録/ })).toHaveLength(1)
    await user.click(within(table).getByRole('button', { name: '値を記録（I8）' }))
    const form = within(table).getByRole('form', { name: 'I8の令和7年度の値を記録' })
    await user.type(within(form).getByLabelText(/^値/), 'たくさん')
    await user.click(within(form).getByRole('button', { name: '記録する' }))
    expect(within(form).getByText('値は数値で入力してください（例：86.8）。')).toBeInTheDocument()
    await user.clear(within(form).getByLabelText(/^値/))
    await user.type(within(form).getByLabelText(/^値/), '１１')
    await user.type(within(form).getByLabelText(/^出典/), '防災管理課 集計')
    await user.click(within(form).getByRole('button', { name: '記録する' }))
    expect(await within(form).findByText('I8の令和7年度の値を記録しました。')).toBeInTheDocument()
    expect(server.state.calls).toEqual([
      {
        operation: 'RecordIndicatorValue',
        variables: { indicatorId: 'ind-8', fiscalYear: 2025, value: 11, source: '防災管理課 集計', note: null },
      },
    ])
  })
})
