import { useTranslation } from 'react-i18next'
import { useLanguage } from '@/lib/useLanguage'
import { groupByKind, type OrganizationOption } from '../model/organizations'

/** The `<option>`s of an organisation select, grouped by kind, in the page's language. */
export function OrganizationOptions({ organizations }: { organizations: readonly OrganizationOption[] }) {
  const { t } = useTranslation()
  const language = useLanguage()
  return groupByKind(organizations).map((group) => (
    <optgroup key={group.kind} label={t(`organizationKinds.${group.kind}`)}>
      {group.items.map((organization) => (
        <option key={organization.id} value={organization.id}>
          {language === 'en' ? organization.nameEn : organization.nameJa}
        </option>
      ))}
    </optgroup>
  ))
}
