/**
 * The one i18next instance: Japanese by default, English on request.
 *
 * The choice is kept in localStorage and mirrored to `<html lang>`. All user-facing text
 * lives in `src/locales/{ja,en}.json`; the key sets are checked equal by a unit test and
 * the keys are type-checked through `src/i18next.d.ts`.
 */
import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import en from '@/locales/en.json'
import ja from '@/locales/ja.json'
import type { Language } from './fiscalYear'

export const LANGUAGES: readonly Language[] = ['ja', 'en']
export const DEFAULT_LANGUAGE: Language = 'ja'
export const LANGUAGE_STORAGE_KEY = 'nukumori.language'

export const resources = {
  ja: { translation: ja },
  en: { translation: en },
} as const

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/** The stored choice, or Japanese. Storage may be unavailable (privacy modes, tests). */
export function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage.getItem(LANGUAGE_STORAGE_KEY)
    return isLanguage(value) ? value : DEFAULT_LANGUAGE
  } catch {
    return DEFAULT_LANGUAGE
  }
}

function rememberLanguage(language: Language): void {
  try {
    globalThis.localStorage.setItem(LANGUAGE_STORAGE_KEY, language)
  } catch {
    // Not persisted; the choice still holds for this page.
  }
}

function applyDocumentLanguage(language: Language): void {
  if (typeof document !== 'undefined') {
    document.documentElement.lang = language
  }
}

/** The current language as one of ours (i18next may report a region such as `en-US`). */
export function currentLanguage(instance: { language?: string } = i18next): Language {
  const base = instance.language?.split('-')[0]
  return isLanguage(base) ? base : DEFAULT_LANGUAGE
}

export function createI18n(initial: Language = storedLanguage()) {
  const instance = i18next.createInstance()
  instance.on('languageChanged', (lng) => {
    const language = currentLanguage({ language: lng })
    applyDocumentLanguage(language)
    rememberLanguage(language)
  })
  void instance.use(initReactI18next).init({
    resources,
    lng: initial,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: LANGUAGES,
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes.
    returnNull: false,
  })
  applyDocumentLanguage(currentLanguage(instance))
  return instance
}

export type I18n = ReturnType<typeof createI18n>
