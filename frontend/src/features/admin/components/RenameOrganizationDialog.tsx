import { useRef, useState, type SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { Button } from '@/components/Button'
import { Dialog } from '@/components/Dialog'
import { formStyles } from '@/components/form'
import { ORGANIZATION_TYPENAMES, RenameOrganizationMutation } from '../api/organizations'
import { checkNames, RENAME_API_FIELDS, RENAME_FIELD_IDS, RENAME_FIELD_ORDER } from '../model/organizationForm'
import { FormProblems } from './FormProblems'
import { OrganizationNameFields, type OrganizationNames } from './OrganizationNameFields'
import type { OrganizationRow } from './OrganizationsTable'
import { useFormProblems } from './useFormProblems'

const RENAME_CONTEXT = { additionalTypenames: ORGANIZATION_TYPENAMES }
const FORM_ID = 'rename-organization-form'

export interface Renamed {
  from: string
  to: string
}

/**
 * Renames an organisation in both languages, as after a reorganisation: its code, kind,
 * accounts and assignments stay. Mount it with `key` set to the organisation's id, so each
 * opening starts from that organisation's names.
 */
export function RenameOrganizationDialog({
  organization,
  onRenamed,
  onCancel,
}: {
  organization: OrganizationRow | null
  onRenamed: (renamed: Renamed) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const [names, setNames] = useState<OrganizationNames>({ nameJa: organization?.nameJa ?? '', nameEn: organization?.nameEn ?? '' })
  const problems = useFormProblems(RENAME_API_FIELDS)
  const { errors } = problems
  const [{ fetching }, rename] = useMutation(RenameOrganizationMutation)
  const firstField = useRef<HTMLInputElement>(null)

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault()
    if (fetching || !organization) return
    if (problems.check(checkNames(names, t))) return
    const result = await rename(
      { id: organization.id, input: { nameJa: names.nameJa.trim(), nameEn: names.nameEn.trim() } },
      RENAME_CONTEXT,
    )
    if (result.data) {
      onRenamed({ from: organization.nameJa, to: result.data.renameOrganization.nameJa })
    } else if (result.error) {
      problems.fail(result.error)
    }
  }

  return (
    <Dialog
      open={organization !== null}
      title={t('adminOrganizations.renameForm.title')}
      initialFocus={firstField}
      onCancel={onCancel}
      actions={
        <>
          <Button type="submit" form={FORM_ID} aria-disabled={fetching || undefined}>
            {fetching ? t('form.saving') : t('adminOrganizations.renameForm.submit')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('form.cancel')}
          </Button>
        </>
      }
    >
      {organization ? (
        <form id={FORM_ID} className={formStyles.form} noValidate onSubmit={(event) => void submit(event)}>
          <p>{t('adminOrganizations.renameForm.intro', { name: organization.nameJa, code: organization.code })}</p>
          <FormProblems
            order={RENAME_FIELD_ORDER}
            ids={RENAME_FIELD_IDS}
            errors={errors}
            general={problems.general}
            attempt={problems.attempt}
            failedTitle={t('adminOrganizations.renameForm.failedTitle')}
          />
          <OrganizationNameFields ids={RENAME_FIELD_IDS} values={names} onChange={setNames} errors={errors} firstRef={firstField} />
        </form>
      ) : null}
    </Dialog>
  )
}
