/** Fragment identifiers of the evaluation page's sections, for its in-page menu. */
export const SUMMARY_ANCHOR = 'summary'
export const INDICATORS_ANCHOR = 'indicators'
export const OPINIONS_ANCHOR = 'opinions'
export const EXPORTS_ANCHOR = 'downloads'
export const goalAnchor = (code: string) => `goal-${code}`
