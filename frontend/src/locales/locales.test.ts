import { describe, expect, it } from 'vitest'
import en from './en.json'
import ja from './ja.json'

interface Tree {
  [key: string]: string | Tree
}

/** Every leaf of a nested translation file as `a.b.c` → text. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') {
      out.set(path, value)
    } else {
      for (const [k, v] of flatten(value, path)) out.set(k, v)
    }
  }
  return out
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1] ?? '').sort()
}

const jaKeys = flatten(ja)
const enKeys = flatten(en)

describe('locale files', () => {
  it('have the same keys in Japanese and English', () => {
    const onlyJa = [...jaKeys.keys()].filter((k) => !enKeys.has(k))
    const onlyEn = [...enKeys.keys()].filter((k) => !jaKeys.has(k))
    expect({ onlyJa, onlyEn }).toEqual({ onlyJa: [], onlyEn: [] })
  })

  it('use the same interpolation variables in both languages', () => {
    const mismatched = [...jaKeys].filter(
      ([key, text]) => placeholders(text).join() !== placeholders(enKeys.get(key) ?? '').join(),
    )
    expect(mismatched.map(([key]) => key)).toEqual([])
  })

  it('have no empty strings', () => {
    const empty = [...jaKeys, ...enKeys].filter(([, text]) => text.trim() === '')
    expect(empty.map(([key]) => key)).toEqual([])
  })
})
