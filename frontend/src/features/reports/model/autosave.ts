/**
 * Autosave of a report draft, without React: the writer's values, the server's content
 * they started from (`base`) and its `version`; a save a moment after typing stops, or at
 * once on `flush()` (a field lost focus, the page is being left); one save at a time.
 *
 * A save sends only what changed since `base`, with `expectedVersion`. When someone else
 * saved first, the server refuses (CONFLICT): the writer's values stay exactly as they
 * are, saving stops, and `resolve()` applies their choice, to keep their text (over the
 * fields they changed) or to take the saved version.
 */
import type { DescribedError } from '@/lib/graphqlError'
import {
  buildPatch,
  changedFields,
  isEmptyPatch,
  mergeKeepingMine,
  type ReportInput,
  type ReportValues,
} from './reportValues'

/** What the editor holds: kept in the session's drafts, so it survives a sign-in. */
export interface ReportDoc {
  values: ReportValues
  /** The server's content at `version`. */
  base: ReportValues
  version: number
}

export type SaveOutcome =
  | { kind: 'saved'; version: number; base: ReportValues; savedAt: string }
  /** Someone saved first; `currentVersion` from the error, when it said. */
  | { kind: 'conflict'; currentVersion: number | null }
  /** Anything else; `fields` holds messages by API path (`activities[0].title`). */
  | { kind: 'failed'; error: DescribedError; fields: Readonly<Record<string, string>> }

export type SaveFn = (input: ReportInput, expectedVersion: number) => Promise<SaveOutcome>

export type SaveStatus =
  | { kind: 'clean' }
  /** Unsaved changes; a save is planned. */
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'failed'; error: DescribedError; fields: Readonly<Record<string, string>> }
  | { kind: 'conflict'; currentVersion: number | null }

export interface AutosaveState {
  doc: ReportDoc
  status: SaveStatus
  /** When the last save of this visit succeeded (server time), or null. */
  savedAt: string | null
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

const systemTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => {
    globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>)
  },
}

export interface AutosaveOptions {
  doc: ReportDoc
  save: SaveFn
  /** Quiet time after the last change before saving. */
  delayMs?: number
  timers?: Timers
}

export const AUTOSAVE_DELAY_MS = 2000

export function isDirty(doc: ReportDoc): boolean {
  return changedFields(doc.base, doc.values).length > 0
}

export class ReportAutosave {
  private state: AutosaveState
  private readonly listeners = new Set<() => void>()
  private readonly save: SaveFn
  private readonly delayMs: number
  private readonly timers: Timers
  private timer: unknown = null
  private inflight: Promise<void> | null = null
  /** A save was asked for while one ran: run again when it ends. */
  private again = false

  constructor({ doc, save, delayMs = AUTOSAVE_DELAY_MS, timers = systemTimers }: AutosaveOptions) {
    this.save = save
    this.delayMs = delayMs
    this.timers = timers
    this.state = { doc, status: isDirty(doc) ? { kind: 'pending' } : { kind: 'clean' }, savedAt: null }
  }

  /**
   * Starts saving: a draft restored with unsaved changes is saved after the usual delay.
   * Separate from the constructor, which must have no effects (React may call it twice).
   */
  start(): void {
    if (this.state.status.kind === 'pending' && this.timer === null && this.inflight === null) this.plan()
  }

  readonly getState = (): AutosaveState => this.state

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  /** The writer changed something. */
  edit(update: (values: ReportValues) => ReportValues): void {
    const doc = { ...this.state.doc, values: update(this.state.doc.values) }
    const status = this.state.status
    if (status.kind === 'conflict') {
      // Nothing is saved until the writer has chosen; their typing is kept.
      this.set({ doc })
      return
    }
    if (!isDirty(doc)) {
      this.cancel()
      this.set({ doc, status: status.kind === 'saving' ? status : { kind: 'clean' } })
      return
    }
    this.set({ doc, status: status.kind === 'saving' ? status : { kind: 'pending' } })
    this.plan()
  }

  /** Saves now if there is anything to save (on blur, before leaving, before submitting). */
  flush(): Promise<void> {
    this.cancel()
    if (this.inflight) {
      this.again = true
      return this.inflight
    }
    if (this.state.status.kind === 'conflict' || !isDirty(this.state.doc)) return Promise.resolve()
    return this.run()
  }

  /** Whether everything the writer typed is on the server. */
  isSaved(): boolean {
    return this.inflight === null && !isDirty(this.state.doc)
  }

  /**
   * The writer's choice after a conflict. `theirs` is the content saved meanwhile, at its
   * version. Keeping mine saves the merge at once; taking theirs replaces the screen.
   */
  resolve(choice: 'mine' | 'theirs', theirs: { values: ReportValues; version: number }): Promise<void> {
    const { doc } = this.state
    if (choice === 'theirs') {
      this.cancel()
      this.set({ doc: { values: theirs.values, base: theirs.values, version: theirs.version }, status: { kind: 'clean' } })
      return Promise.resolve()
    }
    const values = mergeKeepingMine(doc.base, doc.values, theirs.values)
    this.set({ doc: { values, base: theirs.values, version: theirs.version }, status: { kind: 'pending' } })
    return this.flush()
  }

  /** The server's content replaced the report (copied from last period): start from it. */
  replace(base: ReportValues, version: number, savedAt: string | null = null): void {
    this.cancel()
    this.set({
      doc: { values: base, base, version },
      status: { kind: 'clean' },
      savedAt: savedAt ?? this.state.savedAt,
    })
  }

  /** Stops planned saves (the editor went away; a save in flight still finishes). */
  dispose(): void {
    this.cancel()
  }

  // --- internals -------------------------------------------------------------------

  private plan(): void {
    this.cancel()
    this.timer = this.timers.setTimeout(() => {
      this.timer = null
      void this.flush()
    }, this.delayMs)
  }

  private cancel(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer)
    this.timer = null
  }

  private run(): Promise<void> {
    const run = this.saveOnce().finally(() => {
      this.inflight = null
      if (this.again) {
        this.again = false
        void this.flush()
      }
    })
    this.inflight = run
    return run
  }

  private async saveOnce(): Promise<void> {
    const sent = this.state.doc
    const patch = buildPatch(sent.base, sent.values)
    if (isEmptyPatch(patch)) {
      this.set({ status: { kind: 'clean' } })
      return
    }
    this.set({ status: { kind: 'saving' } })
    let outcome: SaveOutcome
    try {
      outcome = await this.save(patch, sent.version)
    } catch {
      outcome = { kind: 'failed', error: { kind: 'UNKNOWN', message: null, retryable: true }, fields: {} }
    }
    const now = this.state.doc
    switch (outcome.kind) {
      case 'saved': {
        // The writer may have typed meanwhile: their values stay; only the base moves.
        const doc = { ...now, base: outcome.base, version: outcome.version }
        const dirty = isDirty(doc)
        this.set({ doc, status: dirty ? { kind: 'pending' } : { kind: 'clean' }, savedAt: outcome.savedAt })
        if (dirty && !this.again && this.timer === null) this.plan()
        break
      }
      case 'conflict':
        this.again = false
        this.cancel()
        this.set({ status: { kind: 'conflict', currentVersion: outcome.currentVersion } })
        break
      case 'failed':
        this.again = false
        this.set({ status: { kind: 'failed', error: outcome.error, fields: outcome.fields } })
        break
    }
  }

  private set(patch: Partial<AutosaveState>): void {
    this.state = { ...this.state, ...patch }
    for (const listener of this.listeners) listener()
  }
}
