import { useTranslation } from 'react-i18next'
import { Breadcrumb } from '@/components/Breadcrumb'
import { type FragmentType, getFragmentData, graphql } from '@/gql'
import { useLanguage } from '@/lib/useLanguage'
import { goalAnchor, planPath, policyAnchor } from './anchors'

const DirectionBreadcrumbFragment = graphql(`
  fragment DirectionBreadcrumb_direction on PolicyDirection {
    code
    nameJa
    nameEn
    plan {
      code
      nameJa
      nameEn
    }
    goal {
      code
      nameJa
      nameEn
    }
    policy {
      code
      nameJa
      nameEn
    }
  }
`)

/** Plan › basic goal › basic policy › policy direction; the upper levels link into the plan tree. */
export function DirectionBreadcrumb(props: { direction: FragmentType<typeof DirectionBreadcrumbFragment> }) {
  const d = getFragmentData(DirectionBreadcrumbFragment, props.direction)
  const { t } = useTranslation()
  const language = useLanguage()
  const name = (node: { nameJa: string; nameEn: string }) => (language === 'en' ? node.nameEn : node.nameJa)
  return (
    <Breadcrumb
      items={[
        { key: 'plan', label: name(d.plan), to: planPath(d.plan.code) },
        {
          key: 'goal',
          label: `${t('plan.goalLabel', { code: d.goal.code })} ${name(d.goal)}`,
          to: planPath(d.plan.code, goalAnchor(d.goal.code)),
        },
        {
          key: 'policy',
          label: `${t('plan.policyLabel', { code: d.policy.code })} ${name(d.policy)}`,
          to: planPath(d.plan.code, policyAnchor(d.policy.code)),
        },
        { key: 'direction', label: `${d.code} ${name(d)}` },
      ]}
    />
  )
}
