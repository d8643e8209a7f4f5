// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, it } from 'vitest'
import { createI18n } from '@/lib/i18n'
import { ChangesSinceReturnPanel } from './ChangesSinceReturn'

const base = {
  createdAt: '2026-11-20T01:00:00Z',
  activities: [
    { title: '福祉教育講座', description: '小学校で3回', actor: 'CITY', figures: [] },
    { title: '交流会', description: '公民館で', actor: null, figures: [] },
  ],
  resultsSummary: '延べ120人が参加',
  selfRating: 'B',
  ratingReason: null,
  issues: '講師の確保',
  nextStep: 'CONTINUE',
  nextStepReason: null,
}

function renderPanel(language: 'ja' | 'en' = 'ja') {
  return render(
    <I18nextProvider i18n={createI18n(language)}>
      <ChangesSinceReturnPanel
        revisions={[
          { ...base, number: 1 },
          {
            ...base,
            number: 2,
            createdAt: '2026-11-25T01:00:00Z',
            activities: [
              { title: '福祉教育講座', description: '小学校で4回', actor: 'CITY', figures: [] },
              { title: '出前講座', description: '', actor: null, figures: [] },
            ],
            resultsSummary: '延べ150人が参加',
            selfRating: 'A',
          },
        ]}
      />
    </I18nextProvider>,
  )
}

describe('changes since the returned revision', () => {
  it('shows each part before and after, marking what changed in words', () => {
    renderPanel()
    const panel = screen.getByRole('region', { name: '差し戻し後の変更点' })
    expect(within(panel).getByText('変更のあった項目：取組・実績・自己評価')).toBeInTheDocument()
    const rating = within(panel).getByRole('heading', { name: /^自己評価/ })
    expect(rating).toHaveTextContent('自己評価変更あり')
    const block = rating.parentElement ?? document.body
    expect(within(block).getByText('差し戻し時（第1版）').nextElementSibling).toHaveTextContent('B（概ね達成）')
    expect(within(block).getByText('再提出（第2版）').nextElementSibling).toHaveTextContent('A（達成）')
    expect(within(panel).getByRole('heading', { name: /^課題/ })).toHaveTextContent('課題変更なし')
    expect(within(panel).getByRole('heading', { name: /^評価の理由/ }).parentElement).toHaveTextContent('（未入力）')
  })

  it('lists the activities by title: changed, added, removed', () => {
    renderPanel()
    const items = within(screen.getByRole('list')).getAllByRole('listitem')
    expect(items.map((item) => item.querySelector('p')?.textContent)).toEqual(['変更 福祉教育講座', '追加 出前講座', '削除 交流会'])
    expect(items[0]).toHaveTextContent('変更された部分：内容')
    expect(items[0]).toHaveTextContent('小学校で3回')
    expect(items[0]).toHaveTextContent('小学校で4回')
  })

  it('speaks English too', () => {
    renderPanel('en')
    expect(screen.getByRole('region', { name: 'Changes since the return' })).toHaveTextContent('Changed: Activities, Results, Self-rating')
  })

  it('shows nothing for a report submitted once', () => {
    const { container } = render(
      <I18nextProvider i18n={createI18n('ja')}>
        <ChangesSinceReturnPanel revisions={[{ ...base, number: 1 }]} />
      </I18nextProvider>,
    )
    expect(container).toBeEmptyDOMElement()
  })
})
