/**
 * Half-written forms, kept in memory (never in storage) so that they survive a trip
 * through the sign-in page when a session ends. The session controller empties the store
 * when the user signs out and when a different person signs in. Password fields are never
 * put here: forms keep those in component state only.
 */
export class DraftStore {
  private readonly drafts = new Map<string, unknown>()

  /** The draft under `key`; the caller knows its shape (see `useDraft`). */
  get(key: string): unknown {
    return this.drafts.get(key)
  }

  has(key: string): boolean {
    return this.drafts.has(key)
  }

  set(key: string, value: unknown): void {
    this.drafts.set(key, value)
  }

  delete(key: string): void {
    this.drafts.delete(key)
  }

  clear(): void {
    this.drafts.clear()
  }

  get size(): number {
    return this.drafts.size
  }
}
