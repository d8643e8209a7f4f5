/**
 * Committee opinions (委員意見): what each is about, which are carried over from an
 * earlier year, and the targets a member may choose.
 */
import type { EvaluationData, OpinionData } from '../api/operations'

export type OpinionTarget =
  | { kind: 'plan' }
  | { kind: 'goal'; code: string; nameJa: string; nameEn: string }
  | { kind: 'direction'; code: string; nameJa: string; nameEn: string }
  | { kind: 'policy'; code: string }

/** What an opinion is about, named from the evaluation's own goals and directions. */
export function opinionTarget(targetCode: string | null, evaluation: Pick<EvaluationData, 'goals'>): OpinionTarget {
  if (targetCode === null || targetCode === '') return { kind: 'plan' }
  for (const goal of evaluation.goals) {
    if (goal.goal.code === targetCode) return { kind: 'goal', code: targetCode, nameJa: goal.goal.nameJa, nameEn: goal.goal.nameEn }
    for (const row of goal.directions) {
      if (row.direction.code === targetCode) {
        return { kind: 'direction', code: targetCode, nameJa: row.direction.nameJa, nameEn: row.direction.nameEn }
      }
    }
  }
  return { kind: 'policy', code: targetCode }
}

/** Given on an earlier year's evaluation and still open, so shown again this year. */
export function isCarriedOver(opinion: Pick<OpinionData, 'fiscalYear'>, fiscalYear: number): boolean {
  return opinion.fiscalYear < fiscalYear
}

export interface TargetChoice {
  /** `''` for the whole plan, else the goal's or direction's code. */
  value: string
  kind: 'plan' | 'goal' | 'direction'
  code: string | null
  nameJa: string | null
}

/** The choices of the "opinion on" select: the plan, then each goal followed by its directions. */
export function targetChoices(evaluation: Pick<EvaluationData, 'goals'>): TargetChoice[] {
  const choices: TargetChoice[] = [{ value: '', kind: 'plan', code: null, nameJa: null }]
  for (const goal of evaluation.goals) {
    choices.push({ value: goal.goal.code, kind: 'goal', code: goal.goal.code, nameJa: goal.goal.nameJa })
    for (const row of goal.directions) {
      choices.push({ value: row.direction.code, kind: 'direction', code: row.direction.code, nameJa: row.direction.nameJa })
    }
  }
  return choices
}

/** Opinions in reading order: this year's first (as given), then those carried over, oldest first. */
export function sortOpinions<T extends Pick<OpinionData, 'fiscalYear'>>(opinions: readonly T[], fiscalYear: number): T[] {
  const current = opinions.filter((o) => !isCarriedOver(o, fiscalYear))
  const carried = opinions.filter((o) => isCarriedOver(o, fiscalYear)).sort((a, b) => a.fiscalYear - b.fiscalYear)
  return [...current, ...carried]
}
