import { describe, expect, it } from 'vitest'
import { evaluationFixture } from '../testing/fixtures'
import { isCarriedOver, opinionTarget, sortOpinions, targetChoices } from './opinions'

const evaluation = evaluationFixture()

describe('opinions', () => {
  it('names what an opinion is about from the evaluation', () => {
    expect(opinionTarget(null, evaluation)).toEqual({ kind: 'plan' })
    expect(opinionTarget('3', evaluation)).toMatchObject({ kind: 'goal', code: '3', nameJa: '安全・安心に暮らせるまちづくり' })
    expect(opinionTarget('1-1-2', evaluation)).toMatchObject({ kind: 'direction', nameJa: '地域福祉の広報・啓発活動の充実' })
    expect(opinionTarget('1-1', evaluation)).toEqual({ kind: 'policy', code: '1-1' })
  })

  it('marks opinions from an earlier year as carried over', () => {
    expect(isCarriedOver({ fiscalYear: 2023 }, 2024)).toBe(true)
    expect(isCarriedOver({ fiscalYear: 2024 }, 2024)).toBe(false)
  })

  it('lists this year’s opinions first, then the carried-over ones, oldest first', () => {
    const sorted = sortOpinions([{ fiscalYear: 2023 }, { fiscalYear: 2024 }, { fiscalYear: 2022 }], 2024)
    expect(sorted.map((o) => o.fiscalYear)).toEqual([2024, 2022, 2023])
  })

  it('offers the plan, then each goal followed by its directions, as targets', () => {
    expect(targetChoices(evaluation).map((c) => `${c.kind}:${c.value}`)).toEqual([
      'plan:',
      'goal:1',
      'direction:1-1-1',
      'direction:1-1-2',
      'goal:3',
      'direction:3-2-1',
    ])
  })
})
