import { useTranslation } from 'react-i18next'
import type { Language } from './fiscalYear'
import { currentLanguage } from './i18n'

/** The user's language as `ja` or `en`; re-renders the caller when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation()
  return currentLanguage(i18n)
}
