import type { Ref } from 'react'
import { useTranslation } from 'react-i18next'
import { TextField } from '@/components/form'
import { MAX_NAME_LENGTH, type RenameField } from '../model/organizationForm'

export interface OrganizationNames {
  nameJa: string
  nameEn: string
}

/**
 * An organisation's names, Japanese then English, each with its error: the same two
 * fields in the add form and in the rename dialog (which leaves out the examples).
 */
export function OrganizationNameFields({
  ids,
  values,
  onChange,
  errors,
  withHints = false,
  firstRef,
}: {
  ids: Record<RenameField, string>
  values: OrganizationNames
  onChange: (values: OrganizationNames) => void
  errors: Partial<Record<RenameField, string>>
  withHints?: boolean
  firstRef?: Ref<HTMLInputElement>
}) {
  const { t } = useTranslation()
  return (
    <>
      <TextField
        id={ids.nameJa}
        inputRef={firstRef}
        label={t('adminOrganizations.form.nameJa')}
        hint={withHints ? t('adminOrganizations.form.nameJaHint') : undefined}
        value={values.nameJa}
        onChange={(nameJa) => {
          onChange({ ...values, nameJa })
        }}
        error={errors.nameJa}
        required
        maxLength={MAX_NAME_LENGTH}
        autoComplete="off"
        lang="ja"
      />
      <TextField
        id={ids.nameEn}
        label={t('adminOrganizations.form.nameEn')}
        hint={withHints ? t('adminOrganizations.form.nameEnHint') : undefined}
        value={values.nameEn}
        onChange={(nameEn) => {
          onChange({ ...values, nameEn })
        }}
        error={errors.nameEn}
        required
        maxLength={MAX_NAME_LENGTH}
        autoComplete="off"
        lang="en"
      />
    </>
  )
}
