/**
 * One field of a report as plain text, for the conflict comparison: what the writer has
 * on screen against what was saved meanwhile.
 */
import type { ActivityActor, NextStep, ReportField, ReportValues, SelfRating } from './reportValues'

export interface FieldTextLabels {
  empty: string
  actor: (actor: ActivityActor) => string
  rating: (rating: SelfRating) => string
  nextStep: (step: NextStep) => string
  indicator: (id: string) => string
  activity: (index: number, title: string) => string
  figure: (name: string, planned: string, actual: string, unit: string) => string
}

function orEmpty(text: string, labels: FieldTextLabels): string {
  return text.trim() === '' ? labels.empty : text
}

export function fieldText(values: ReportValues, field: ReportField, labels: FieldTextLabels): string {
  switch (field) {
    case 'ACTIVITIES':
      if (values.activities.length === 0) return labels.empty
      return values.activities
        .map((activity, index) => {
          const lines = [labels.activity(index, activity.title)]
          if (activity.actor !== '') lines.push(labels.actor(activity.actor))
          if (activity.description.trim() !== '') lines.push(activity.description)
          for (const f of activity.figures) lines.push(labels.figure(f.name, f.planned, f.actual, f.unit))
          return lines.join('\n')
        })
        .join('\n\n')
    case 'RESULTS_SUMMARY':
      return orEmpty(values.resultsSummary, labels)
    case 'SELF_RATING':
      return values.selfRating === '' ? labels.empty : labels.rating(values.selfRating)
    case 'RATING_REASON':
      return orEmpty(values.ratingReason, labels)
    case 'ISSUES':
      return orEmpty(values.issues, labels)
    case 'NEXT_STEP':
      return values.nextStep === '' ? labels.empty : labels.nextStep(values.nextStep)
    case 'NEXT_STEP_REASON':
      return orEmpty(values.nextStepReason, labels)
    case 'INDICATORS':
      return values.indicatorIds.length === 0 ? labels.empty : values.indicatorIds.map(labels.indicator).join('\n')
  }
}
