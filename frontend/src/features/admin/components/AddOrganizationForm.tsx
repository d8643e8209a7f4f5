import { useState, type SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { Button } from '@/components/Button'
import { formStyles, RadioGroup, TextField, type Choice } from '@/components/form'
import { StatusMessage } from '@/components/StatusMessage'
import { CreateOrganizationMutation, ORGANIZATION_TYPENAMES } from '../api/organizations'
import {
  checkOrganizationForm,
  emptyOrganizationForm,
  MAX_CODE_LENGTH,
  ORGANIZATION_API_FIELDS,
  ORGANIZATION_FIELD_IDS,
  ORGANIZATION_FIELD_ORDER,
  toCreateOrganizationInput,
  type OrganizationFormValues,
} from '../model/organizationForm'
import { ORGANIZATION_KINDS, type OrganizationKind } from '../model/organizations'
import { FormProblems } from './FormProblems'
import { OrganizationNameFields } from './OrganizationNameFields'
import { useFormProblems } from './useFormProblems'
import styles from './Admin.module.css'

const ADD_CONTEXT = { additionalTypenames: ORGANIZATION_TYPENAMES }

/**
 * Adds an organisation: its code (fixed for good: plan files and the ownership CSV refer
 * to it), its names in Japanese and English, and its kind (fixed too). The server's
 * verdict on a field (a code already taken, a name too long) appears by the field; after
 * success the form is empty again and says what it added (the list loads again).
 */
export function AddOrganizationForm() {
  const { t } = useTranslation()
  const [values, setValues] = useState<OrganizationFormValues>(emptyOrganizationForm)
  /** The Japanese name of the organisation just added. */
  const [added, setAdded] = useState<string | null>(null)
  const problems = useFormProblems(ORGANIZATION_API_FIELDS)
  const { errors } = problems
  const [{ fetching }, create] = useMutation(CreateOrganizationMutation)
  const set = <K extends keyof OrganizationFormValues>(key: K) => (value: OrganizationFormValues[K]) => {
    setValues((before) => ({ ...before, [key]: value }))
  }

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault()
    if (fetching) return
    setAdded(null)
    const input = toCreateOrganizationInput(values)
    if (problems.check(checkOrganizationForm(values, t)) || !input) return
    const result = await create({ input }, ADD_CONTEXT)
    if (result.data) {
      setValues(emptyOrganizationForm())
      setAdded(result.data.createOrganization.nameJa)
    } else if (result.error) {
      problems.fail(result.error)
    }
  }

  const kindChoices: Choice<OrganizationKind>[] = ORGANIZATION_KINDS.map((kind) => ({
    value: kind,
    label: t(`organizationKinds.${kind}`),
    description: t(`adminOrganizations.kindDescriptions.${kind}`),
  }))

  return (
    <section className={styles.section} aria-labelledby="add-organization-heading">
      <h2 id="add-organization-heading" className={styles.sectionHeading}>
        {t('adminOrganizations.form.heading')}
      </h2>
      <p className={styles.secondary}>{t('adminOrganizations.form.intro')}</p>
      {added ? <StatusMessage>{t('adminOrganizations.added', { name: added })}</StatusMessage> : null}
      <form className={formStyles.form} noValidate onSubmit={(event) => void submit(event)}>
        <FormProblems
          order={ORGANIZATION_FIELD_ORDER}
          ids={ORGANIZATION_FIELD_IDS}
          errors={errors}
          general={problems.general}
          attempt={problems.attempt}
          failedTitle={t('adminOrganizations.form.failedTitle')}
        />
        <TextField
          id={ORGANIZATION_FIELD_IDS.code}
          label={t('adminOrganizations.code')}
          hint={t('adminOrganizations.form.codeHint')}
          value={values.code}
          onChange={set('code')}
          error={errors.code}
          required
          maxLength={MAX_CODE_LENGTH}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          lang="en"
        />
        <OrganizationNameFields
          ids={ORGANIZATION_FIELD_IDS}
          values={values}
          onChange={(names) => {
            setValues((before) => ({ ...before, ...names }))
          }}
          errors={errors}
          withHints
        />
        <RadioGroup<OrganizationKind | ''>
          id={ORGANIZATION_FIELD_IDS.kind}
          legend={t('adminOrganizations.kind')}
          hint={t('adminOrganizations.form.kindHint')}
          choices={kindChoices}
          value={values.kind}
          onChange={set('kind')}
          error={errors.kind}
          required
        />
        <div className={formStyles.actions}>
          <Button type="submit" aria-disabled={fetching || undefined}>
            {fetching ? t('adminOrganizations.form.submitting') : t('adminOrganizations.form.submit')}
          </Button>
        </div>
      </form>
    </section>
  )
}
