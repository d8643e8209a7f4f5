import { describe, expect, it } from 'vitest'
import { flush as settle, ManualClock } from '@/test/session'
import { ReportAutosave, type ReportDoc, type SaveOutcome } from './autosave'
import { toInput, valuesFromReport, type ReportInput, type ReportValues } from './reportValues'

const start = valuesFromReport({ activities: [], resultsSummary: '最初の実績', indicators: [] })

function doc(values: ReportValues = start, version = 3): ReportDoc {
  return { values, base: start, version }
}

/** A save function whose answers the test gives, one per call. */
class FakeServer {
  calls: { input: ReportInput; expectedVersion: number }[] = []
  private waiting: ((outcome: SaveOutcome) => void)[] = []
  version = 3

  save = (input: ReportInput, expectedVersion: number): Promise<SaveOutcome> => {
    this.calls.push({ input, expectedVersion })
    return new Promise((resolve) => {
      this.waiting.push(resolve)
    })
  }

  /** Answers the oldest save as the server would: stores it and moves the version. */
  accept(base: ReportValues): void {
    this.version += 1
    this.answer({ kind: 'saved', version: this.version, base, savedAt: '2026-11-27T05:05:00Z' })
  }

  answer(outcome: SaveOutcome): void {
    const next = this.waiting.shift()
    if (!next) throw new Error('no save is waiting')
    next(outcome)
  }

  get pending(): number {
    return this.waiting.length
  }
}

function setup(initial: ReportDoc = doc()) {
  const clock = new ManualClock()
  const server = new FakeServer()
  const autosave = new ReportAutosave({ doc: initial, save: server.save, delayMs: 2000, timers: clock })
  autosave.start()
  const type = (resultsSummary: string) => {
    autosave.edit((v) => ({ ...v, resultsSummary }))
  }
  return { clock, server, autosave, type }
}

describe('autosave', () => {
  it('saves two seconds after typing stops, once, with only what changed and the version', async () => {
    const { clock, server, autosave, type } = setup()
    type('実')
    clock.advance(1500)
    type('実績')
    clock.advance(1500)
    type('実績が増えた')
    expect(autosave.getState().status.kind).toBe('pending')
    clock.advance(1999)
    expect(server.calls).toHaveLength(0)
    clock.advance(1)
    expect(server.calls).toEqual([{ input: { resultsSummary: '実績が増えた' }, expectedVersion: 3 }])
    expect(autosave.getState().status.kind).toBe('saving')
    server.accept({ ...start, resultsSummary: '実績が増えた' })
    await settle()
    expect(autosave.getState()).toMatchObject({ status: { kind: 'clean' }, savedAt: '2026-11-27T05:05:00Z' })
    expect(autosave.getState().doc.version).toBe(4)
  })

  it('saves nothing when the text is back to what is saved', () => {
    const { clock, server, autosave, type } = setup()
    type('変えた')
    type('最初の実績')
    expect(autosave.getState().status.kind).toBe('clean')
    clock.advance(5000)
    expect(server.calls).toHaveLength(0)
  })

  it('saves at once on flush (a field lost focus), and the planned save does not repeat it', async () => {
    const { clock, server, autosave, type } = setup()
    type('すぐ保存')
    void autosave.flush()
    expect(server.calls).toHaveLength(1)
    server.accept({ ...start, resultsSummary: 'すぐ保存' })
    await settle()
    clock.advance(5000)
    expect(server.calls).toHaveLength(1)
  })

  it('keeps what is typed during a save, and saves it next against the new version', async () => {
    const { clock, server, autosave, type } = setup()
    type('一')
    clock.advance(2000)
    type('一と二')
    server.accept({ ...start, resultsSummary: '一' })
    await settle()
    expect(autosave.getState().doc.values.resultsSummary).toBe('一と二')
    expect(autosave.getState().status.kind).toBe('pending')
    clock.advance(2000)
    expect(server.calls[1]).toEqual({ input: { resultsSummary: '一と二' }, expectedVersion: 4 })
  })

  it('runs one save at a time: a flush during a save runs again right after it', async () => {
    const { clock, server, autosave, type } = setup()
    type('一')
    clock.advance(2000)
    type('一二')
    void autosave.flush()
    expect(server.pending).toBe(1)
    server.accept({ ...start, resultsSummary: '一' })
    await settle()
    expect(server.calls).toHaveLength(2)
    expect(server.calls[1]?.input).toEqual({ resultsSummary: '一二' })
  })

  it('on a conflict keeps the writer’s text, stops saving, and waits for a choice', async () => {
    const { clock, server, autosave, type } = setup()
    type('私の実績')
    clock.advance(2000)
    server.answer({ kind: 'conflict', currentVersion: 5 })
    await settle()
    expect(autosave.getState().status).toEqual({ kind: 'conflict', currentVersion: 5 })
    expect(autosave.getState().doc.values.resultsSummary).toBe('私の実績')
    type('私の実績（続き）')
    clock.advance(10_000)
    void autosave.flush()
    expect(server.calls).toHaveLength(1)
    expect(autosave.getState().doc.values.resultsSummary).toBe('私の実績（続き）')
    expect(autosave.isSaved()).toBe(false)
  })

  it('"keep mine" saves the writer’s fields over the saved version, at its version', async () => {
    const { clock, server, autosave } = setup()
    autosave.edit((v) => ({ ...v, resultsSummary: '私の実績', issues: '私の課題' }))
    clock.advance(2000)
    server.answer({ kind: 'conflict', currentVersion: 5 })
    await settle()
    const theirs = { ...start, resultsSummary: '相手の実績', nextStep: 'EXPAND' as const }
    void autosave.resolve('mine', { values: theirs, version: 5 })
    expect(server.calls[1]).toEqual({ input: { resultsSummary: '私の実績', issues: '私の課題' }, expectedVersion: 5 })
    const merged = autosave.getState().doc.values
    expect(toInput(merged)).toMatchObject({ resultsSummary: '私の実績', issues: '私の課題', nextStep: 'EXPAND' })
    server.accept(merged)
    await settle()
    expect(autosave.getState().status.kind).toBe('clean')
    expect(autosave.getState().doc.version).toBe(4)
  })

  it('"take theirs" replaces the screen and saves nothing', async () => {
    const { clock, server, autosave, type } = setup()
    type('私の実績')
    clock.advance(2000)
    server.answer({ kind: 'conflict', currentVersion: 5 })
    await settle()
    const theirs = { ...start, resultsSummary: '相手の実績' }
    await autosave.resolve('theirs', { values: theirs, version: 5 })
    expect(autosave.getState().doc).toMatchObject({ version: 5, values: { resultsSummary: '相手の実績' } })
    expect(autosave.getState().status.kind).toBe('clean')
    expect(server.calls).toHaveLength(1)
    // Typing goes on from their version.
    type('相手の実績に追記')
    clock.advance(2000)
    expect(server.calls[1]).toEqual({ input: { resultsSummary: '相手の実績に追記' }, expectedVersion: 5 })
  })

  it('reports a failure with the fields the server named, and tries again on the next change', async () => {
    const { clock, server, autosave, type } = setup()
    type('x'.repeat(10_001))
    clock.advance(2000)
    server.answer({
      kind: 'failed',
      error: { kind: 'BAD_USER_INPUT', message: '10000文字以内で入力してください。', retryable: false },
      fields: { resultsSummary: '10000文字以内で入力してください。' },
    })
    await settle()
    expect(autosave.getState().status).toMatchObject({ kind: 'failed', fields: { resultsSummary: '10000文字以内で入力してください。' } })
    expect(autosave.isSaved()).toBe(false)
    type('短くした')
    clock.advance(2000)
    expect(server.calls).toHaveLength(2)
  })

  it('treats a save that throws as failed, not as saved', async () => {
    const clock = new ManualClock()
    const autosave = new ReportAutosave({
      doc: doc(),
      save: () => Promise.reject(new Error('boom')),
      timers: clock,
    })
    autosave.edit((v) => ({ ...v, issues: '課題' }))
    await autosave.flush()
    expect(autosave.getState().status.kind).toBe('failed')
  })

  it('saves a restored draft only once started (React may build the object twice)', () => {
    const restored = doc({ ...start, resultsSummary: 'ログイン前の入力' })
    const clock = new ManualClock()
    const server = new FakeServer()
    const autosave = new ReportAutosave({ doc: restored, save: server.save, timers: clock })
    expect(autosave.getState().status.kind).toBe('pending')
    clock.advance(5000)
    expect(server.calls).toHaveLength(0)
    autosave.start()
    clock.advance(2000)
    expect(server.calls).toEqual([{ input: { resultsSummary: 'ログイン前の入力' }, expectedVersion: 3 }])
  })

  it('starts over from copied content without saving it again', () => {
    const { clock, server, autosave } = setup()
    const copied = { ...start, resultsSummary: '前期の実績' }
    autosave.replace(copied, 7, '2026-11-27T05:10:00Z')
    expect(autosave.getState()).toMatchObject({ status: { kind: 'clean' }, savedAt: '2026-11-27T05:10:00Z', doc: { version: 7 } })
    clock.advance(5000)
    expect(server.calls).toHaveLength(0)
  })
})
