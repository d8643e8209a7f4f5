/** What the completion page says after a period was opened (carried in route state). */
export interface PeriodNotice {
  opened: { ja: string; en: string }
}

export function readPeriodNotice(state: unknown): PeriodNotice | null {
  if (typeof state !== 'object' || state === null || !('opened' in state)) return null
  const opened = state.opened
  if (typeof opened !== 'object' || opened === null || !('ja' in opened) || !('en' in opened)) return null
  return typeof opened.ja === 'string' && typeof opened.en === 'string' ? { opened: { ja: opened.ja, en: opened.en } } : null
}
