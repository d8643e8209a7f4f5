import type { ElementType } from 'react'
import { useLanguage } from '@/lib/useLanguage'
import styles from './BilingualName.module.css'

export interface BilingualNameProps {
  ja: string
  en: string | null | undefined
  /** The element for the Japanese line. */
  as?: ElementType
  /** Put the English line under the Japanese one instead of beside it. */
  stacked?: boolean
  className?: string
}

/**
 * A name from the plan: the Japanese text always (it is the official wording), and the
 * English translation after it when English is selected. Each part carries its `lang`.
 */
export function BilingualName({ ja, en, as: Tag = 'span', stacked = false, className }: BilingualNameProps) {
  const language = useLanguage()
  const showEnglish = language === 'en' && Boolean(en)
  return (
    <Tag className={className}>
      <span lang="ja">{ja}</span>
      {showEnglish ? (
        <span lang="en" className={stacked ? styles.stacked : styles.inline}>
          {en}
        </span>
      ) : null}
    </Tag>
  )
}
