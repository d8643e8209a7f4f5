// @vitest-environment jsdom
import { render, screen } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, it } from 'vitest'
import { createI18n } from '@/lib/i18n'
import { OverdueBadge, ReportStatusBadge } from './ReportStatusBadge'

function renderIn(language: 'ja' | 'en', ui: React.ReactNode) {
  return render(<I18nextProvider i18n={createI18n(language)}>{ui}</I18nextProvider>)
}

const STATUSES = ['NOT_STARTED', 'DRAFT', 'AWAITING_MANAGER', 'SUBMITTED', 'RETURNED', 'ACCEPTED', 'LOCKED', 'ODD']

describe('the report status badge', () => {
  it('names every status in words, with a tone that is never the only sign', () => {
    renderIn(
      'ja',
      <ul>
        {STATUSES.map((status) => (
          <li key={status}>
            <ReportStatusBadge status={status} />
          </li>
        ))}
      </ul>,
    )
    const badges = screen.getAllByRole('listitem').map((item) => item.firstElementChild)
    expect(badges.map((badge) => badge?.textContent)).toEqual([
      '未着手',
      '作成中',
      '課長確認待ち',
      '提出済み',
      '差し戻し',
      '受理',
      '確定',
      // A status this app does not know yet: shown as the server sent it.
      'ODD',
    ])
    expect(badges.map((badge) => badge?.getAttribute('data-tone'))).toEqual([
      'neutral',
      'progress',
      'waiting',
      'waiting',
      'attention',
      'done',
      'done',
      'neutral',
    ])
    // The shape is decoration: the words carry the meaning.
    for (const badge of badges) expect(badge?.querySelector('svg')).toHaveAttribute('aria-hidden', 'true')
  })

  it('speaks English when asked', () => {
    renderIn(
      'en',
      <>
        <ReportStatusBadge status="AWAITING_MANAGER" />
        <OverdueBadge />
      </>,
    )
    expect(screen.getByText('Awaiting manager')).toBeInTheDocument()
    expect(screen.getByText('Overdue')).toBeInTheDocument()
  })

  it('says 期限超過 for an overdue report', () => {
    renderIn('ja', <OverdueBadge />)
    expect(screen.getByText('期限超過')).toBeInTheDocument()
  })
})
