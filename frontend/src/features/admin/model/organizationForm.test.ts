import { describe, expect, it } from 'vitest'
import {
  checkNames,
  checkOrganizationForm,
  emptyOrganizationForm,
  isOrganizationCode,
  toCreateOrganizationInput,
} from './organizationForm'

const t = (key: string) => key

describe('organisation codes', () => {
  it('are lowercase letters, digits and hyphens, starting with a letter, as the server wants them', () => {
    for (const good of ['bousai', 'kenko-zoshin', 'dept2', 'a', 'a'.repeat(40)]) expect(isOrganizationCode(good), good).toBe(true)
    for (const bad of ['', '2dept', 'Bousai', 'bou sai', 'bousai-', '-x', '防災', 'a_b', 'a'.repeat(41)]) {
      expect(isOrganizationCode(bad), bad).toBe(false)
    }
  })
})

describe('the add form’s own checks', () => {
  it('names every missing field', () => {
    expect(checkOrganizationForm(emptyOrganizationForm(), t)).toEqual({
      code: 'adminOrganizations.form.codeRequired',
      nameJa: 'adminOrganizations.form.nameJaRequired',
      nameEn: 'adminOrganizations.form.nameEnRequired',
      kind: 'adminOrganizations.form.kindRequired',
    })
  })

  it('refuses a code the server would refuse, after trimming it as the server does', () => {
    const values = { code: 'Kenko', nameJa: '健康増進課', nameEn: 'Health', kind: 'DEPARTMENT' as const }
    expect(checkOrganizationForm(values, t)).toEqual({ code: 'adminOrganizations.form.codeFormat' })
    expect(checkOrganizationForm({ ...values, code: ' kenko ' }, t)).toEqual({})
  })

  it('treats blank names as missing (both forms)', () => {
    expect(checkNames({ nameJa: '  ', nameEn: 'Welfare' }, t)).toEqual({ nameJa: 'adminOrganizations.form.nameJaRequired' })
  })
})

describe('the mutation’s input', () => {
  it('is trimmed, and there is none without a kind', () => {
    expect(toCreateOrganizationInput({ code: ' kenko ', nameJa: ' 健康増進課 ', nameEn: 'Health ', kind: 'DEPARTMENT' })).toEqual({
      code: 'kenko',
      nameJa: '健康増進課',
      nameEn: 'Health',
      kind: 'DEPARTMENT',
    })
    expect(toCreateOrganizationInput(emptyOrganizationForm())).toBeNull()
  })
})
