import { useState, type SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '@/components/Button'
import { formStyles, SelectField, TextField } from '@/components/form'
import { actionKey, AUDIT_ACTIONS } from '../model/auditActions'
import { periodIsReversed, type AuditFilters } from '../model/auditFilters'
import type { OrganizationOption } from '../model/organizations'
import { OrganizationOptions } from './OrganizationOptions'
import styles from './Admin.module.css'

/** The audit log's filter form: action, period (days in Japan time) and organisation. */
export function AuditFilterForm({
  applied,
  organizations,
  onApply,
}: {
  applied: AuditFilters
  organizations: readonly OrganizationOption[]
  onApply: (filters: AuditFilters) => void
}) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState(applied)
  const [periodError, setPeriodError] = useState<string | null>(null)
  const set = (key: keyof AuditFilters) => (value: string) => {
    setDraft((before) => ({ ...before, [key]: value }))
  }

  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    if (periodIsReversed(draft)) {
      setPeriodError(t('audit.periodInvalid'))
      document.getElementById('audit-until')?.focus()
      return
    }
    setPeriodError(null)
    onApply(draft)
  }

  const hasFilters = Boolean(applied.action || applied.from || applied.until || applied.organizationId)

  return (
    <form className={styles.filters} noValidate onSubmit={submit} aria-labelledby="audit-filters">
      <h2 id="audit-filters" className={styles.filtersLegend}>
        {t('audit.filters')}
      </h2>
      <div className={styles.filterFields}>
        <SelectField
          id="audit-action"
          label={t('audit.action')}
          value={draft.action}
          onChange={set('action')}
          optionalMark={false}
        >
          <option value="">{t('audit.allActions')}</option>
          {AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {t(`audit.actions.${actionKey(action)}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          id="audit-from"
          type="date"
          label={t('audit.from')}
          value={draft.from}
          onChange={set('from')}
          optionalMark={false}
        />
        <TextField
          id="audit-until"
          type="date"
          label={t('audit.until')}
          value={draft.until}
          onChange={set('until')}
          error={periodError}
          optionalMark={false}
        />
        <SelectField
          id="audit-organization"
          label={t('audit.organization')}
          value={draft.organizationId}
          onChange={set('organizationId')}
          optionalMark={false}
        >
          <option value="">{t('audit.allOrganizations')}</option>
          <OrganizationOptions organizations={organizations} />
        </SelectField>
      </div>
      <div className={formStyles.actions}>
        <Button type="submit">{t('audit.apply')}</Button>
        {hasFilters ? (
          <Button
            variant="secondary"
            onClick={() => {
              onApply({ ...applied, action: '', from: '', until: '', organizationId: '' })
            }}
          >
            {t('audit.clear')}
          </Button>
        ) : null}
      </div>
    </form>
  )
}
