/** The app's single i18next instance (Japanese unless the user chose English before). */
import { createI18n } from '@/lib/i18n'

export const i18n = createI18n()
