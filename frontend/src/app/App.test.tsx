// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { LANGUAGE_STORAGE_KEY } from '@/lib/i18n'
import { renderApp } from '@/test/renderApp'

describe('plan explorer', () => {
  it('shows the plan, its period, philosophy and slogan', async () => {
    renderApp('/plans/omitama-3')
    expect(await screen.findByRole('heading', { level: 1, name: /第3次小美玉市地域福祉計画/ })).toBeInTheDocument()
    expect(screen.getByText('令和3年度〜令和7年度')).toBeInTheDocument()
    expect(screen.getByText('ぬくもりあふれるまちづくり')).toBeInTheDocument()
    expect(screen.getByText('ぬくもりあふれる福祉が、みんなを笑顔に。')).toBeInTheDocument()
    // English names stay hidden in Japanese.
    expect(screen.queryByText('The 3rd Omitama City Community Welfare Plan', { selector: 'h1 *' })).toBeNull()
    await waitFor(() => {
      expect(document.title).toBe('第3次小美玉市地域福祉計画 | ぬくもり')
    })
  })

  it('shows the tree with codes, links and the new badge', async () => {
    renderApp('/plans/omitama-3')
    const goal = await screen.findByRole('button', { name: /基本目標1/ })
    expect(goal).toHaveAttribute('aria-expanded', 'true')
    expect(screen.getByRole('heading', { level: 3, name: /^基本目標1\s*地域で/ })).toContainElement(goal)
    expect(screen.getByRole('button', { name: /基本施策 1-3/ })).toBeInTheDocument()
    const link = screen.getByRole('link', { name: /1-3-4 福祉・介護人材、専門職の確保への支援/ })
    expect(link).toHaveAttribute('href', '/directions/dir-1-3-4')
    expect(link.parentElement).toHaveTextContent('新規')
    expect(screen.getAllByText('新規')).toHaveLength(1)
  })

  it('collapses and expands goals, one at a time or all at once', async () => {
    const { user } = renderApp('/plans/omitama-3')
    const goal = await screen.findByRole('button', { name: /基本目標1/ })
    await user.click(goal)
    expect(goal).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByRole('link', { name: /1-3-1/ })).toBeNull()
    await user.click(goal)
    expect(screen.getByRole('link', { name: /1-3-1/ })).toBeVisible()

    await user.click(screen.getByRole('button', { name: 'すべて閉じる' }))
    for (const button of screen.getAllByRole('button', { expanded: false })) {
      expect(button).toHaveAttribute('aria-controls')
    }
    expect(screen.queryAllByRole('button', { expanded: true })).toHaveLength(0)
    expect(screen.getByRole('button', { name: 'すべて閉じる' })).toBeDisabled()
    await user.click(screen.getByRole('button', { name: 'すべて開く' }))
    expect(screen.queryAllByRole('button', { expanded: false })).toHaveLength(0)
  })

  it('is operable from the keyboard', async () => {
    const { user } = renderApp('/plans/omitama-3')
    const goal = await screen.findByRole('button', { name: /基本目標3/ })
    goal.focus()
    await user.keyboard('{Enter}')
    expect(goal).toHaveAttribute('aria-expanded', 'false')
    await user.keyboard(' ')
    expect(goal).toHaveAttribute('aria-expanded', 'true')
  })

  it('shows indicator tables per goal and for the whole plan', async () => {
    renderApp('/plans/omitama-3')
    const goal1 = await screen.findByRole('table', { name: /基本目標1の指標/ })
    expect(within(goal1).getByRole('columnheader', { name: '平成27年度' })).toBeInTheDocument()
    expect(within(goal1).getByRole('columnheader', { name: '令和2年度' })).toBeInTheDocument()
    const row = within(goal1).getByRole('row', { name: /I1/ })
    expect(within(row).getAllByText('85.3%')).toHaveLength(3) // FY2015, FY2020, baseline
    expect(within(row).getByText('90.0%')).toBeInTheDocument()
    expect(within(row).getByText('（令和7年度）')).toBeInTheDocument()
    expect(within(row).getByRole('img', { name: /平成27年度 85.3%、令和2年度 85.3%。目標 令和7年度 90.0%/ })).toBeInTheDocument()

    const goal3 = screen.getByRole('table', { name: /基本目標3の指標/ })
    expect(within(goal3).getByText('8組織')).toBeInTheDocument()
    expect(within(goal3).getByText('12組織')).toBeInTheDocument()

    const whole = screen.getByRole('table', { name: /計画全体の指標/ })
    // Observed only in FY2020: no FY2015 column.
    expect(within(whole).queryByRole('columnheader', { name: '平成27年度' })).toBeNull()
    expect(within(whole).getAllByText('41.2%')).toHaveLength(2)
  })

  it('switches to English, remembers it and sends it to the server', async () => {
    const { user, requests } = renderApp('/plans/omitama-3')
    await screen.findByRole('heading', { level: 1 })
    const queries = requests.filter((r) => r.operation !== 'RefreshSession')
    expect(queries.every((r) => r.language === 'ja' && r.method === 'GET')).toBe(true)
    // The session restore on page load is one POST (a mutation), sent once.
    expect(requests.filter((r) => r.operation === 'RefreshSession')).toMatchObject([{ method: 'POST' }])

    const english = screen.getByRole('button', { name: 'English' })
    expect(english).toHaveAttribute('aria-pressed', 'false')
    await user.click(english)

    expect(english).toHaveAttribute('aria-pressed', 'true')
    expect(document.documentElement.lang).toBe('en')
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en')
    expect(screen.getByText('FY2021–FY2025')).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 1, name: /The 3rd Omitama City Community Welfare Plan/ })).toBeInTheDocument()
    expect(screen.getByText('New')).toBeInTheDocument()
    expect(screen.getByText('Securing welfare and care workers and professionals')).toHaveAttribute('lang', 'en')
    expect(screen.getByText('12 organisations')).toBeInTheDocument()
    expect(screen.getAllByRole('columnheader', { name: 'FY2015 (Heisei 27)' }).length).toBeGreaterThan(0)

    await user.click(screen.getByRole('link', { name: /1-3-4/ }))
    await screen.findByRole('heading', { level: 2, name: 'Progress reports' })
    expect(requests.at(-1)).toMatchObject({ operation: 'DirectionPage', language: 'en' })
  })

  it('starts in the language stored before', async () => {
    renderApp('/plans/omitama-3', { language: 'en' })
    expect(await screen.findByText('FY2021–FY2025')).toBeInTheDocument()
    expect(document.documentElement.lang).toBe('en')
  })
})

describe('routes', () => {
  it('redirects / to the plan', async () => {
    const { router } = renderApp('/')
    await screen.findByRole('heading', { level: 1, name: /第3次小美玉市地域福祉計画/ })
    expect(router.state.location.pathname).toBe('/plans/omitama-3')
  })

  it('says so when no plan exists', async () => {
    renderApp('/', { handlers: { Plans: () => ({ data: { plans: [] } }) } })
    expect(await screen.findByRole('heading', { level: 1, name: '計画がまだ登録されていません' })).toBeInTheDocument()
  })

  it('shows a not-found page for unknown paths', async () => {
    renderApp('/no/such/page')
    expect(await screen.findByRole('heading', { level: 1, name: 'ページが見つかりません' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'トップページへ戻る' })).toHaveAttribute('href', '/')
  })

  it('has the landmarks, a skip link and the product name', async () => {
    renderApp('/plans/omitama-3')
    await screen.findByRole('heading', { level: 1 })
    expect(screen.getByRole('banner')).toHaveTextContent('ぬくもり')
    expect(screen.getByRole('navigation', { name: 'メインメニュー' })).toBeInTheDocument()
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main-content')
    expect(screen.getByRole('contentinfo')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: '本文へ移動' })).toHaveAttribute('href', '#main-content')
    expect(screen.getByRole('group', { name: '表示言語' })).toBeInTheDocument()
    expect(within(screen.getByRole('banner')).getByText('第3次小美玉市地域福祉計画')).toBeInTheDocument()
  })
})

describe('direction page', () => {
  it('shows the breadcrumb, the names and the sign-in hint for reports', async () => {
    renderApp('/directions/dir-1-3-4')
    expect(await screen.findByRole('heading', { level: 1, name: /福祉・介護人材、専門職の確保への支援/ })).toBeInTheDocument()
    const crumbs = within(screen.getByRole('navigation', { name: '現在位置' })).getAllByRole('listitem')
    expect(crumbs.map((li) => li.textContent)).toEqual([
      '第3次小美玉市地域福祉計画',
      '基本目標1 地域で共に支えあう あたたかな心づくり',
      '基本施策 1-3 地域福祉を支える人材の育成と活動の活性化',
      '1-3-4 福祉・介護人材、専門職の確保への支援',
    ])
    const breadcrumb = screen.getByRole('navigation', { name: '現在位置' })
    expect(within(breadcrumb).getByRole('link', { name: /^基本施策 1-3/ })).toHaveAttribute(
      'href',
      '/plans/omitama-3#policy-1-3',
    )
    expect(within(breadcrumb).getByText(/^1-3-4/)).toHaveAttribute('aria-current', 'page')
    expect(screen.getAllByText('新規').length).toBeGreaterThan(0)
    expect(screen.getByRole('heading', { level: 2, name: '進捗報告' })).toBeInTheDocument()
    expect(screen.getByText('進捗報告を読むにはログインしてください')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: /1-3-1/ })).toHaveAttribute('href', '/directions/dir-1-3-1')
  })

  it('names the plan in the header', async () => {
    renderApp('/directions/dir-3-3-3')
    await screen.findByRole('heading', { level: 1 })
    expect(within(screen.getByRole('banner')).getByText('第3次小美玉市地域福祉計画')).toBeInTheDocument()
  })
})

describe('error states', () => {
  it('maps NOT_FOUND to a heading and shows the server message', async () => {
    renderApp('/plans/nope')
    expect(await screen.findByRole('heading', { level: 1, name: 'お探しの情報が見つかりません' })).toBeInTheDocument()
    expect(screen.getByText('見つかりません。')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'もう一度読み込む' })).toBeNull()
  })

  it('asks the server again when the language changes, for a translated message', async () => {
    const { user, requests } = renderApp('/directions/not-an-id')
    expect(await screen.findByRole('heading', { level: 1, name: '指定された内容に誤りがあります' })).toBeInTheDocument()
    expect(screen.getByText('IDの形式が正しくありません。')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'English' }))
    expect(await screen.findByText('This is not a valid ID.')).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 1, name: 'Something in the request is not valid' })).toBeInTheDocument()
    expect(requests.filter((r) => r.operation === 'DirectionPage').map((r) => r.language)).toEqual(['ja', 'en'])
  })

  it('offers a retry after a network failure', async () => {
    let fail = true
    const { user } = renderApp('/plans/omitama-3', {
      handlers: {
        PlanExplorer: () => (fail ? 'network-error' : { data: { plan: null } }),
      },
    })
    expect(await screen.findByRole('heading', { level: 1, name: 'サーバーに接続できません' })).toBeInTheDocument()
    fail = false
    await user.click(screen.getByRole('button', { name: 'もう一度読み込む' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'ページが見つかりません' })).toBeInTheDocument()
  })

  it.each([
    ['UNAUTHENTICATED', 'ログインが必要です'],
    ['FORBIDDEN', 'この情報を表示する権限がありません'],
    ['CONFLICT', 'ほかの変更と重なったため処理できませんでした'],
    ['RATE_LIMITED', 'アクセスが集中しています'],
    ['INTERNAL', 'サーバーでエラーが発生しました'],
  ])('maps %s to its heading', async (code, heading) => {
    renderApp('/plans/omitama-3', {
      handlers: { PlanExplorer: () => ({ data: null, errors: [{ message: 'server says', extensions: { code } }] }) },
    })
    expect(await screen.findByRole('heading', { level: 1, name: heading })).toBeInTheDocument()
    expect(screen.getByText('server says')).toBeInTheDocument()
  })
})
