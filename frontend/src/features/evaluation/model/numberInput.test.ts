import { describe, expect, it } from 'vitest'
import { parseNumberInput } from './numberInput'

describe('number input', () => {
  it('reads numbers as typed in Japan', () => {
    expect(parseNumberInput('86.8')).toBe(86.8)
    expect(parseNumberInput(' ８６．８ ')).toBe(86.8)
    expect(parseNumberInput('1,200')).toBe(1200)
    expect(parseNumberInput('－３')).toBe(-3)
    expect(parseNumberInput('.5')).toBe(0.5)
  })

  it('refuses what is not a number', () => {
    expect(parseNumberInput('')).toBeNull()
    expect(parseNumberInput('約80')).toBeNull()
    expect(parseNumberInput('8e3')).toBeNull()
    expect(parseNumberInput('1.2.3')).toBeNull()
  })
})
