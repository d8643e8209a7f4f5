import { useTranslation } from 'react-i18next'
import { isRole } from '@/lib/roles'
import { ORGANIZATION_KINDS } from '../model/organizations'
import { useLanguage } from '@/lib/useLanguage'
import type { OrganizationOption } from '../model/organizations'
import { Empty } from './Empty'
import styles from './Admin.module.css'

const KNOWN_KEYS = ['email', 'roles', 'displayName', 'organization', 'language', 'reason', 'code', 'kind', 'nameJa', 'nameEn'] as const
type KnownKey = (typeof KNOWN_KEYS)[number]

function isKnownKey(key: string): key is KnownKey {
  return (KNOWN_KEYS as readonly string[]).includes(key)
}

function isChange(value: unknown): value is { from: unknown; to: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 2 &&
    'from' in value &&
    'to' in value
  )
}

/** An organisation's names as the organisation events record them. */
function isNames(value: unknown): value is { nameJa: string; nameEn: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'nameJa' in value &&
    'nameEn' in value &&
    typeof value.nameJa === 'string' &&
    typeof value.nameEn === 'string'
  )
}

function parse(details: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(details)
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

/**
 * An audit event's `details` JSON, readable: labelled entries, roles and organisations by
 * name, `{from, to}` as "before → after". What it does not recognise it shows as JSON.
 */
export function AuditDetails({
  details,
  organizations,
}: {
  details: string
  organizations: readonly OrganizationOption[]
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const parsed = parse(details)

  const text = (key: string | null, value: unknown): string => {
    if (value === null || value === undefined) return t('audit.none')
    if (Array.isArray(value)) {
      if (value.every(isRole)) return value.map((role) => t(`roles.${role}`)).join(language === 'ja' ? '、' : ', ')
      return value.map((item) => text(key, item)).join(', ')
    }
    if (typeof value === 'string') {
      const organization = organizations.find((o) => o.id === value)
      if (organization) return language === 'en' ? organization.nameEn : organization.nameJa
      if (key === 'language' && /^(ja|en)$/i.test(value)) return t(`language.${value.toLowerCase() as 'ja' | 'en'}`)
      const kind = key === 'kind' ? ORGANIZATION_KINDS.find((k) => k === value) : undefined
      if (kind) return t(`organizationKinds.${kind}`)
      return value
    }
    if (isNames(value)) return `${value.nameJa} / ${value.nameEn}`
    if (typeof value === 'number' || typeof value === 'boolean') return String(value)
    return JSON.stringify(value)
  }

  if (parsed === null) return details.trim() === '' ? <Empty /> : <span className={styles.mono}>{details}</span>
  const entries = Object.entries(parsed)
  if (entries.length === 0) return <Empty />
  if (isChange(parsed)) {
    return <p className={styles.details}>{t('audit.change', { from: text(null, parsed.from), to: text(null, parsed.to) })}</p>
  }
  // A rename (`{code, from: {nameJa, nameEn}, to: {…}}`): one row, "before → after".
  const renamed = isNames(parsed.from) && isNames(parsed.to)
  const rows = renamed ? entries.filter(([key]) => key !== 'from' && key !== 'to') : entries
  return (
    <dl className={styles.details}>
      {rows.map(([key, value]) => (
        <div key={key}>
          <dt>{isKnownKey(key) ? t(`audit.detailKeys.${key}`) : key}</dt>
          <dd>
            {isChange(value) ? t('audit.change', { from: text(key, value.from), to: text(key, value.to) }) : text(key, value)}
          </dd>
        </div>
      ))}
      {renamed ? (
        <div>
          <dt>{t('audit.detailKeys.name')}</dt>
          <dd>{t('audit.change', { from: text(null, parsed.from), to: text(null, parsed.to) })}</dd>
        </div>
      ) : null}
    </dl>
  )
}
