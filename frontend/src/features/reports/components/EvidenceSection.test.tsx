// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { staff } from '@/test/accounts'
import { renderApp } from '@/test/renderApp'
import { reportServer, serverReport } from '../testing/reportServer'

const minutes = {
  id: 'ev-1',
  fileName: '第2回会議録.pdf',
  contentType: 'application/pdf',
  size: 12_800,
  description: '第2回地域福祉推進会議',
  uploadedAt: '2026-11-27T01:00:00Z',
  downloadPath: '/files/ev-1',
}

/** An XMLHttpRequest that reports progress, then answers what the test set. */
class FakeXhr {
  static answer: { status: number; body: unknown } = { status: 200, body: {} }
  static sent: { headers: Record<string, string>; body: FormData }[] = []
  headers: Record<string, string> = {}
  status = 0
  responseText = ''
  upload: { onprogress: ((e: { loaded: number; total: number; lengthComputable: boolean }) => void) | null } = { onprogress: null }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  onabort: (() => void) | null = null
  open() {
    // The URL and method are checked by the unit tests of the upload.
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value
  }
  send(body: FormData) {
    FakeXhr.sent.push({ headers: this.headers, body })
    setTimeout(() => {
      this.upload.onprogress?.({ loaded: 40, total: 100, lengthComputable: true })
    }, 0)
    setTimeout(() => {
      this.status = FakeXhr.answer.status
      this.responseText = JSON.stringify(FakeXhr.answer.body)
      this.onload?.()
    }, 300)
  }
  abort() {
    this.onabort?.()
  }
}

beforeEach(() => {
  FakeXhr.sent = []
  vi.stubGlobal('XMLHttpRequest', FakeXhr)
})

afterEach(() => {
  vi.unstubAllGlobals()
})

function open(evidence = [minutes]) {
  const server = reportServer(serverReport({ evidence }))
  return { ...renderApp('/reports/report-1', { signedInAs: staff, handlers: server.handlers }), server }
}

describe('evidence', () => {
  it('uploads a chosen file with its description, the token and X-Requested-With, showing progress', async () => {
    FakeXhr.answer = { status: 200, body: { data: { uploadEvidence: { id: 'ev-2', fileName: '写真.png', size: 3 } } } }
    const { user, session } = open([])
    await screen.findByText('根拠資料はまだ添付されていません。')
    await user.type(screen.getByLabelText(/^資料の説明/), '講座の様子')
    const input = document.querySelector<HTMLInputElement>('input[type="file"]')
    if (!input) throw new Error('no file input')
    await user.upload(input, new File(['png'], '写真.png', { type: 'image/png' }))
    expect(await screen.findByRole('progressbar', { name: '写真.pngの送信状況' })).toBeInTheDocument()
    expect(await screen.findByText('添付しました')).toBeInTheDocument()
    const [sent] = FakeXhr.sent
    expect(sent?.headers).toMatchObject({ 'X-Requested-With': 'nukumori', Authorization: `Bearer ${session.accessToken() ?? ''}` })
    const operations = JSON.parse(sent?.body.get('operations') as string) as { variables: unknown }
    expect(operations.variables).toEqual({ reportId: 'report-1', description: '講座の様子', file: null })
    expect(screen.getByLabelText(/^資料の説明/)).toHaveValue('')
  })

  it('says in words why a file was refused', async () => {
    FakeXhr.answer = {
      status: 200,
      body: {
        data: null,
        errors: [
          {
            message: 'このファイル形式は添付できません（PDF、PNG、JPEG、Office文書、CSV、テキストのみ）。',
            extensions: { code: 'BAD_USER_INPUT', field: 'file' },
          },
        ],
      },
    }
    const { user } = open([])
    await screen.findByText('根拠資料はまだ添付されていません。')
    const input = document.querySelector<HTMLInputElement>('input[type="file"]')
    if (!input) throw new Error('no file input')
    await user.upload(input, new File(['MZ'], 'setup.exe'))
    const list = await screen.findByRole('list', { name: '添付の状況' })
    expect(await within(list).findByText('このファイル形式は添付できません（PDF、PNG、JPEG、Office文書、CSV、テキストのみ）。')).toBeInTheDocument()

    FakeXhr.answer = { status: 413, body: {} }
    await user.upload(input, new File(['x'], '大きな動画.pdf'))
    expect(await within(list).findByText('ファイルが大きすぎるため添付できません。')).toBeInTheDocument()
  })

  it('removes a file after asking', async () => {
    const { user, server } = open()
    const link = await screen.findByRole('link', { name: '第2回会議録.pdf（ダウンロード）' })
    expect(link).toHaveAttribute('href', '/files/ev-1')
    expect(screen.getByText('12.5 KB・2026/11/27 10:00:00 添付')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: '削除（第2回会議録.pdf）' }))
    const dialog = await screen.findByRole('dialog', { name: '根拠資料を削除しますか' })
    expect(within(dialog).getByRole('button', { name: 'キャンセル' })).toHaveFocus()
    await user.click(within(dialog).getByRole('button', { name: '削除する' }))
    expect(await screen.findByText('「第2回会議録.pdf」を削除しました。')).toBeInTheDocument()
    expect(server.state.report.evidence).toEqual([])
  })

  it('downloads with the bearer token, which a plain link could not carry', async () => {
    const fetchMock = vi.fn(() => Promise.resolve(new Response('%PDF-1.7', { status: 200 })))
    vi.stubGlobal('fetch', fetchMock)
    const createObjectURL = vi.fn(() => 'blob:minutes')
    URL.createObjectURL = createObjectURL
    URL.revokeObjectURL = vi.fn()
    const { user, session } = open()
    const link = await screen.findByRole('link', { name: '第2回会議録.pdf（ダウンロード）' })
    await user.click(link)
    await waitFor(() => {
      expect(createObjectURL).toHaveBeenCalled()
    })
    expect(fetchMock).toHaveBeenCalledWith('/files/ev-1', {
      credentials: 'same-origin',
      headers: { 'Accept-Language': 'ja', Authorization: `Bearer ${session.accessToken() ?? ''}` },
    })
  })
})
