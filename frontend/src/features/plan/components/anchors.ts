/** Fragment identifiers on the plan explorer page, shared by the page and links into it. */
export const STRUCTURE_ANCHOR = 'structure'
export const INDICATORS_ANCHOR = 'indicators'
export const goalAnchor = (code: string) => `goal-${code}`
export const policyAnchor = (code: string) => `policy-${code}`

export function planPath(code: string, anchor?: string): string {
  const path = `/plans/${encodeURIComponent(code)}`
  return anchor ? `${path}#${anchor}` : path
}
