import { useTranslation } from 'react-i18next'
import { LANGUAGES } from '@/lib/i18n'
import { useLanguage } from '@/lib/useLanguage'
import styles from './LanguageSwitch.module.css'

/**
 * 日本語 / English. Each button names its language in that language (with `lang`), the
 * group is labelled, and the chosen one is `aria-pressed`. i18next stores the choice and
 * updates `<html lang>` (see lib/i18n.ts).
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  const language = useLanguage()
  return (
    <div role="group" aria-label={t('language.label')} className={styles.switch}>
      <span className={styles.label} aria-hidden="true">
        {t('language.label')}
      </span>
      {LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          className={styles.option}
          aria-pressed={language === lng}
          onClick={() => {
            void i18n.changeLanguage(lng)
          }}
        >
          {t(`language.${lng}`)}
        </button>
      ))}
    </div>
  )
}
