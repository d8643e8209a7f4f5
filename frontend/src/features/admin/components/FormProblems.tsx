import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorSummary, type SummaryItem } from '@/components/form'
import type { DescribedError } from '@/lib/graphqlError'

/**
 * The error summary at the top of an administration form: a link to each field in error
 * (in the form's order) and, when the server refused for a reason that names no field,
 * that reason under `failedTitle`. Renders nothing while all is well.
 */
export function FormProblems<F extends string>({
  order,
  ids,
  errors,
  general,
  attempt,
  failedTitle,
}: {
  order: readonly F[]
  ids: Record<F, string>
  errors: Partial<Record<F, string>>
  general: DescribedError | null
  attempt: number
  failedTitle: ReactNode
}) {
  const { t } = useTranslation()
  const items: SummaryItem[] = order.flatMap((field) => {
    const message = errors[field]
    return message ? [{ fieldId: ids[field], message }] : []
  })
  if (items.length === 0 && !general) return null
  const message = general
    ? (general.message ?? (general.kind === 'NETWORK' ? t('errors.networkMessage') : t('errors.genericMessage')))
    : null
  return <ErrorSummary title={general ? failedTitle : t('form.summaryTitle')} message={message} items={items} attempt={attempt} />
}
