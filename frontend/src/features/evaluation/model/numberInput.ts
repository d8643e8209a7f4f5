/**
 * A number as typed by people in Japan: full-width digits and signs (８６．８, －３),
 * thousands separators and surrounding spaces are accepted. Null when it is not a number.
 */
export function parseNumberInput(text: string): number | null {
  const normalized = text
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[－−ー]/g, '-')
    .replace(/[＋]/g, '+')
    .replace(/[,，、\s]/g, '')
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(normalized)) return null
  const value = Number(normalized)
  return Number.isFinite(value) ? value : null
}
