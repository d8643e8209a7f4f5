import { useTranslation } from 'react-i18next'
import { useLanguage } from '@/lib/useLanguage'
import type { FieldTextLabels } from '../model/fieldText'

export interface IndicatorName {
  id: string
  code: string
  nameJa: string
  nameEn: string
}

/** The words `fieldText` needs, in the user's language. */
export function useFieldTextLabels(indicators: readonly IndicatorName[]): FieldTextLabels {
  const { t } = useTranslation()
  const language = useLanguage()
  return {
    empty: t('reports.view.empty'),
    actor: (actor) => t('reports.view.actorLine', { actor: t(`reports.actors.${actor}`) }),
    rating: (rating) => `${rating} ${t(`reports.ratings.${rating}.label`)}`,
    nextStep: (step) => t(`reports.nextSteps.${step}`),
    indicator: (id) => {
      const found = indicators.find((i) => i.id === id)
      return found ? `${found.code} ${language === 'en' ? found.nameEn : found.nameJa}` : id
    },
    activity: (index, title) =>
      t('reports.view.activityLine', { number: index + 1, title: title.trim() || t('reports.activities.untitled') }),
    figure: (name, planned, actual, unit) =>
      t('reports.view.figureLine', {
        name: name || t('reports.activities.untitled'),
        planned: planned || '—',
        actual: actual || '—',
        unit,
      }),
  }
}
