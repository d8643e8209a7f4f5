import { describe, expect, it } from 'vitest'
import { uploadFile, type UploadRequest, type XhrLike } from './upload'

interface Answer {
  status: number
  body: unknown
}

/** An XMLHttpRequest that records what was sent and answers from a list. */
class FakeXhr implements XhrLike {
  static sent: FakeXhr[] = []
  static answers: (Answer | 'network')[] = []
  method = ''
  url = ''
  headers: Record<string, string> = {}
  body: FormData | null = null
  status = 0
  responseText = ''
  upload: XhrLike['upload'] = { onprogress: null }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  onabort: (() => void) | null = null

  open(method: string, url: string) {
    this.method = method
    this.url = url
  }

  setRequestHeader(name: string, value: string) {
    this.headers[name] = value
  }

  send(body: FormData) {
    this.body = body
    FakeXhr.sent.push(this)
    const answer = FakeXhr.answers.shift()
    queueMicrotask(() => {
      this.upload.onprogress?.({ loaded: 50, total: 100, lengthComputable: true })
      this.upload.onprogress?.({ loaded: 100, total: 100, lengthComputable: true })
      if (!answer || answer === 'network') {
        this.onerror?.()
        return
      }
      this.status = answer.status
      this.responseText = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body)
      this.onload?.()
    })
  }

  abort() {
    this.onabort?.()
  }
}

function request(overrides: Partial<UploadRequest> = {}): UploadRequest & { progress: number[]; recovered: (string | null)[] } {
  const progress: number[] = []
  const recovered: (string | null)[] = []
  let token = 'token-1'
  FakeXhr.sent = []
  return {
    query: 'mutation UploadEvidence($reportId: ID!, $file: Upload!) { uploadEvidence(reportId: $reportId, file: $file) { id } }',
    variables: { reportId: 'report-1', description: '議事録' },
    field: 'uploadEvidence',
    file: new File(['%PDF-1.7'], '議事録.pdf', { type: 'application/pdf' }),
    language: 'ja',
    session: {
      accessToken: () => token,
      recover: (failed) => {
        recovered.push(failed)
        token = 'token-2'
        return Promise.resolve(true)
      },
    },
    onProgress: (fraction) => progress.push(fraction),
    makeXhr: () => new FakeXhr(),
    progress,
    recovered,
    ...overrides,
  }
}

describe('evidence uploads', () => {
  it('follow the GraphQL multipart request spec, with the token, the language and X-Requested-With', async () => {
    FakeXhr.answers = [{ status: 200, body: { data: { uploadEvidence: { id: 'ev-1' } } } }]
    const req = request()
    const outcome = await uploadFile(req)
    expect(outcome).toEqual({ kind: 'uploaded', data: { id: 'ev-1' } })
    const [xhr] = FakeXhr.sent
    expect(xhr?.method).toBe('POST')
    expect(xhr?.url).toBe('/graphql')
    expect(xhr?.headers).toMatchObject({
      'X-Requested-With': 'nukumori',
      Authorization: 'Bearer token-1',
      'Accept-Language': 'ja',
    })
    expect(xhr?.headers).not.toHaveProperty('Content-Type')
    const body = xhr?.body
    expect(JSON.parse(body?.get('operations') as string)).toEqual({
      query: req.query,
      variables: { reportId: 'report-1', description: '議事録', file: null },
    })
    expect(JSON.parse(body?.get('map') as string)).toEqual({ 0: ['variables.file'] })
    expect((body?.get('0') as File).name).toBe('議事録.pdf')
    expect(req.progress).toEqual([0.5, 1])
  })

  it('refresh a stale token once and send again', async () => {
    FakeXhr.answers = [
      { status: 401, body: { errors: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED' } }] } },
      { status: 200, body: { data: { uploadEvidence: { id: 'ev-2' } } } },
    ]
    const req = request()
    expect(await uploadFile(req)).toEqual({ kind: 'uploaded', data: { id: 'ev-2' } })
    expect(req.recovered).toEqual(['token-1'])
    expect(FakeXhr.sent.map((x) => x.headers.Authorization)).toEqual(['Bearer token-1', 'Bearer token-2'])
  })

  it('say when the session cannot be recovered', async () => {
    FakeXhr.answers = [{ status: 401, body: { errors: [{ message: 'ログインしてください。', extensions: { code: 'UNAUTHENTICATED' } }] } }]
    const req = request({ session: { accessToken: () => 'old', recover: () => Promise.resolve(false) } })
    expect(await uploadFile(req)).toEqual({ kind: 'unauthenticated', message: 'ログインしてください。' })
    expect(FakeXhr.sent).toHaveLength(1)
  })

  it('tell a refused file apart from one too large for the server to read', async () => {
    FakeXhr.answers = [
      {
        status: 200,
        body: {
          data: null,
          errors: [{ message: 'このファイル形式は添付できません。', extensions: { code: 'BAD_USER_INPUT', field: 'file' } }],
        },
      },
      { status: 413, body: 'Payload Too Large' },
    ]
    expect(await uploadFile(request())).toEqual({ kind: 'refused', message: 'このファイル形式は添付できません。', code: 'BAD_USER_INPUT' })
    expect(await uploadFile(request())).toEqual({ kind: 'tooLarge', message: null })
  })

  it('report a lost connection and a cancelled upload', async () => {
    FakeXhr.answers = ['network']
    expect(await uploadFile(request())).toEqual({ kind: 'network' })
    const controller = new AbortController()
    controller.abort()
    expect(await uploadFile(request({ signal: controller.signal }))).toEqual({ kind: 'aborted' })
  })
})
