import { useTranslation } from 'react-i18next'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { Notice } from '@/components/Notice'
import { useDocumentTitle } from '@/lib/useDocumentTitle'
import { OwnershipCsvSection } from './OwnershipCsvSection'
import { OwnershipMatrixSection } from './OwnershipMatrixSection'
import { PlanSelect } from './PlanSelect'
import { usePlanChoice } from './usePlanChoice'
import styles from './Admin.module.css'

/**
 * `/admin/ownership` (plan office): who owns each policy direction, edited cell by cell, or
 * as a CSV table downloaded, edited and imported after a preview.
 */
export function OwnershipPage() {
  const { t } = useTranslation()
  const { plans, plan, error, retry, choose } = usePlanChoice()
  useDocumentTitle(t('adminOwnership.title'))
  return (
    <div className={styles.page}>
      <h1>{t('adminOwnership.title')}</h1>
      <p className={styles.intro}>{t('adminOwnership.intro')}</p>
      {error && !plans ? (
        <ErrorState error={error} onRetry={retry} headingLevel={2} />
      ) : !plans ? (
        <LoadingState />
      ) : !plan ? (
        <Notice>{t('adminOwnership.noPlan')}</Notice>
      ) : (
        <>
          <div className={styles.narrowField}>
            <PlanSelect id="ownership-plan" plans={plans} value={plan.code} onChange={choose} />
          </div>
          <OwnershipMatrixSection key={plan.code} planCode={plan.code} />
          <OwnershipCsvSection key={`csv-${plan.code}`} planId={plan.id} planCode={plan.code} />
        </>
      )}
    </div>
  )
}
