import type { ReactNode, SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, ButtonLink } from '@/components/Button'
import { CheckboxGroup, formStyles, RadioGroup, SelectField, TextField, type Choice } from '@/components/form'
import type { DescribedError } from '@/lib/graphqlError'
import { ROLES, type Role } from '@/lib/roles'
import {
  USER_FIELD_IDS,
  type AccountLanguage,
  type UserField,
  type UserFormValues,
} from '../model/userForm'
import type { OrganizationOption } from '../model/organizations'
import { FormProblems } from './FormProblems'
import { OrganizationOptions } from './OrganizationOptions'

export interface UserFormProps {
  mode: 'create' | 'edit'
  values: UserFormValues
  onChange: (values: UserFormValues) => void
  /** Create only: the optional first password. */
  password?: string
  onPasswordChange?: (password: string) => void
  organizations: readonly OrganizationOption[]
  /** Whether the signed-in person may give the ADMIN role (administrators only). */
  canGrantAdmin: boolean
  /** Roles shown but not changeable (one's own ADMIN). */
  lockedRoles?: readonly Role[]
  errors: Partial<Record<UserField, string>>
  general: DescribedError | null
  attempt: number
  submitting: boolean
  submitLabel: string
  cancelTo: string
  onSubmit: () => void
  /** Shown under the roles (why a role is missing or locked). */
  rolesNote?: ReactNode
  /** Create only: what the first password is for, instead of the default note. */
  passwordNote?: ReactNode
  /** More buttons beside the submit button (such as "create and send invitation"). */
  extraActions?: ReactNode
}

const FIELD_ORDER: readonly UserField[] = ['email', 'displayName', 'organizationId', 'roles', 'language', 'password']

/**
 * The account form: e-mail (create only), name, organisation (grouped by kind), roles as
 * checkboxes with what each one does, language, and (create only) a first password. The
 * ADMIN role is offered only to administrators; the server enforces the same rule.
 * Each field shows its own error (from the form or the server) and the summary lists them.
 */
export function UserForm(props: UserFormProps) {
  const { t } = useTranslation()
  const { values, onChange, errors, mode } = props
  const set = <K extends keyof UserFormValues>(key: K) => (value: UserFormValues[K]) => {
    onChange({ ...values, [key]: value })
  }

  const offered = ROLES.filter((role) => role !== 'ADMIN' || props.canGrantAdmin || values.roles.includes('ADMIN'))
  const roleChoices: Choice<Role>[] = offered.map((role) => ({
    value: role,
    label: t(`roles.${role}`),
    description: t(`roleDescriptions.${role}`),
    disabled: (props.lockedRoles?.includes(role) ?? false) || (role === 'ADMIN' && !props.canGrantAdmin),
  }))
  const languageChoices: Choice<AccountLanguage>[] = [
    { value: 'JA', label: t('language.ja'), lang: 'ja' },
    { value: 'EN', label: t('language.en'), lang: 'en' },
  ]

  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    if (!props.submitting) props.onSubmit()
  }

  return (
    <form className={formStyles.form} noValidate onSubmit={submit}>
      <FormProblems
        order={FIELD_ORDER}
        ids={USER_FIELD_IDS}
        errors={errors}
        general={props.general}
        attempt={props.attempt}
        failedTitle={t('users.failedTitle')}
      />
      {mode === 'create' ? (
        <TextField
          id={USER_FIELD_IDS.email}
          type="email"
          label={t('users.email')}
          hint={t('users.emailHint')}
          value={values.email}
          onChange={set('email')}
          error={errors.email}
          required
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          inputMode="email"
        />
      ) : null}
      <TextField
        id={USER_FIELD_IDS.displayName}
        label={t('users.name')}
        hint={t('users.displayNameHint')}
        value={values.displayName}
        onChange={set('displayName')}
        error={errors.displayName}
        required
        autoComplete="off"
        maxLength={100}
      />
      <SelectField
        id={USER_FIELD_IDS.organizationId}
        label={t('users.organization')}
        value={values.organizationId}
        onChange={set('organizationId')}
        error={errors.organizationId}
        required
      >
        {mode === 'create' ? <option value="">{t('form.select')}</option> : null}
        <OrganizationOptions organizations={props.organizations} />
      </SelectField>
      <div>
        <CheckboxGroup
          id={USER_FIELD_IDS.roles}
          legend={t('users.roles')}
          hint={t('users.rolesHint')}
          choices={roleChoices}
          value={values.roles}
          onChange={set('roles')}
          error={errors.roles}
          required
        />
        {props.rolesNote}
      </div>
      <RadioGroup
        id={USER_FIELD_IDS.language}
        legend={t('users.language')}
        hint={t('users.languageHint')}
        choices={languageChoices}
        value={values.language}
        onChange={set('language')}
        error={errors.language}
        required
      />
      {mode === 'create' && props.onPasswordChange ? (
        <TextField
          id={USER_FIELD_IDS.password}
          type="password"
          label={t('users.passwordLabel')}
          hint={
            <>
              <p>{t('password.policy')}</p>
              {props.passwordNote ?? <p>{t('users.passwordHint')}</p>}
            </>
          }
          value={props.password ?? ''}
          onChange={props.onPasswordChange}
          error={errors.password}
          autoComplete="new-password"
        />
      ) : null}
      <div className={formStyles.actions}>
        <Button type="submit" aria-disabled={props.submitting || undefined}>
          {props.submitting ? t('form.saving') : props.submitLabel}
        </Button>
        {props.extraActions}
        <ButtonLink to={props.cancelTo} variant="secondary">
          {t('form.cancel')}
        </ButtonLink>
      </div>
    </form>
  )
}
