/**
 * Adding and renaming an organisation: the forms' values, field ids, the API's field
 * names, and the checks made before sending (the server checks the same and more: a code
 * already taken, names over the limit).
 */
import type { OrganizationKind } from './organizations'

export interface OrganizationFormValues {
  code: string
  nameJa: string
  nameEn: string
  kind: OrganizationKind | ''
}

export type OrganizationField = keyof OrganizationFormValues

/** The fields of the rename form: the names only (the code and the kind never change). */
export type RenameField = 'nameJa' | 'nameEn'

export const ORGANIZATION_FIELD_ORDER: readonly OrganizationField[] = ['code', 'nameJa', 'nameEn', 'kind']
export const RENAME_FIELD_ORDER: readonly RenameField[] = ['nameJa', 'nameEn']

/** The add form's field ids. */
export const ORGANIZATION_FIELD_IDS: Record<OrganizationField, string> = {
  code: 'organization-code',
  nameJa: 'organization-name-ja',
  nameEn: 'organization-name-en',
  kind: 'organization-kind',
}

/** The rename dialog's field ids (the add form stays on the page behind it). */
export const RENAME_FIELD_IDS: Record<RenameField, string> = {
  nameJa: 'rename-organization-name-ja',
  nameEn: 'rename-organization-name-en',
}

/** The API's `extensions.field` names on these forms. */
export const ORGANIZATION_API_FIELDS: Partial<Record<string, OrganizationField>> = {
  code: 'code',
  nameJa: 'nameJa',
  nameEn: 'nameEn',
  kind: 'kind',
}

export const RENAME_API_FIELDS: Partial<Record<string, RenameField>> = {
  nameJa: 'nameJa',
  nameEn: 'nameEn',
}

/** As the server limits them (`app::organizations`). */
export const MAX_CODE_LENGTH = 40
export const MAX_NAME_LENGTH = 100

/** Lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen. */
const CODE = /^[a-z](?:[a-z0-9-]*[a-z0-9])?$/

export function isOrganizationCode(code: string): boolean {
  return code.length <= MAX_CODE_LENGTH && CODE.test(code)
}

export const emptyOrganizationForm = (): OrganizationFormValues => ({ code: '', nameJa: '', nameEn: '', kind: '' })

type NameCheckKey = 'adminOrganizations.form.nameJaRequired' | 'adminOrganizations.form.nameEnRequired'
type CheckKey =
  | NameCheckKey
  | 'adminOrganizations.form.codeRequired'
  | 'adminOrganizations.form.codeFormat'
  | 'adminOrganizations.form.kindRequired'

/** The problems of the names the form can see itself (both forms). */
export function checkNames(
  values: { nameJa: string; nameEn: string },
  t: (key: NameCheckKey) => string,
): Partial<Record<RenameField, string>> {
  const problems: Partial<Record<RenameField, string>> = {}
  if (values.nameJa.trim() === '') problems.nameJa = t('adminOrganizations.form.nameJaRequired')
  if (values.nameEn.trim() === '') problems.nameEn = t('adminOrganizations.form.nameEnRequired')
  return problems
}

/** The problems of a new organisation the form can see itself. */
export function checkOrganizationForm(
  values: OrganizationFormValues,
  t: (key: CheckKey) => string,
): Partial<Record<OrganizationField, string>> {
  const problems: Partial<Record<OrganizationField, string>> = {}
  const code = values.code.trim()
  if (code === '') problems.code = t('adminOrganizations.form.codeRequired')
  else if (!isOrganizationCode(code)) problems.code = t('adminOrganizations.form.codeFormat')
  Object.assign(problems, checkNames(values, t))
  if (values.kind === '') problems.kind = t('adminOrganizations.form.kindRequired')
  return problems
}

export interface CreateOrganizationInput {
  code: string
  nameJa: string
  nameEn: string
  kind: OrganizationKind
}

/** The mutation's input from checked values (null while the kind is not chosen). */
export function toCreateOrganizationInput(values: OrganizationFormValues): CreateOrganizationInput | null {
  if (values.kind === '') return null
  return { code: values.code.trim(), nameJa: values.nameJa.trim(), nameEn: values.nameEn.trim(), kind: values.kind }
}
