import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { Button } from '@/components/Button'
import { StatusMessage } from '@/components/StatusMessage'
import { getFragmentData } from '@/gql'
import { describeError, type DescribedError } from '@/lib/graphqlError'
import { CopyPreviousReportMutation, ReportContentFragment } from '../api/operations'
import type { ReportAutosave } from '../model/autosave'
import { valuesFromReport } from '../model/reportValues'
import { Dialog } from '@/components/Dialog'
import styles from './Reports.module.css'

/**
 * "Copy from last period", offered while the report is still empty: after a confirmation,
 * `copyPreviousReport` fills it with the writer's previous report on the same direction.
 */
export function CopyPreviousPanel({
  reportId,
  controller,
  onCopied,
}: {
  reportId: string
  controller: ReportAutosave
  onCopied: () => void
}) {
  const { t } = useTranslation()
  const [confirming, setConfirming] = useState(false)
  const [problem, setProblem] = useState<DescribedError | null>(null)
  const [{ fetching }, copy] = useMutation(CopyPreviousReportMutation)
  const cancelRef = useRef<HTMLButtonElement>(null)

  const run = async () => {
    if (fetching) return
    setProblem(null)
    await controller.flush()
    const result = await copy({ id: reportId, expectedVersion: controller.getState().doc.version })
    setConfirming(false)
    const copied = result.data?.copyPreviousReport
    if (copied) {
      controller.replace(valuesFromReport(getFragmentData(ReportContentFragment, copied)), copied.version, copied.updatedAt)
      onCopied()
    } else if (result.error) {
      setProblem(describeError(result.error))
    }
  }

  return (
    <section className={styles.copyPanel} aria-labelledby="copy-heading">
      <h2 id="copy-heading" className={styles.sectionTitleSmall}>
        {t('reports.copy.title')}
      </h2>
      <p>{t('reports.copy.body')}</p>
      {problem ? (
        <StatusMessage tone="warning">{problem.message ?? t(`errors.headings.${problem.kind}`)}</StatusMessage>
      ) : null}
      <div>
        <Button
          variant="secondary"
          onClick={() => {
            setConfirming(true)
          }}
        >
          {t('reports.copy.button')}
        </Button>
      </div>
      <Dialog
        open={confirming}
        title={t('reports.copy.confirmTitle')}
        initialFocus={cancelRef}
        onCancel={() => {
          setConfirming(false)
        }}
        actions={
          <>
            <Button onClick={() => void run()} aria-disabled={fetching || undefined}>
              {fetching ? t('reports.copy.copying') : t('reports.copy.confirm')}
            </Button>
            <Button
              ref={cancelRef}
              variant="secondary"
              onClick={() => {
                setConfirming(false)
              }}
            >
              {t('form.cancel')}
            </Button>
          </>
        }
      >
        <p>{t('reports.copy.confirmBody')}</p>
      </Dialog>
    </section>
  )
}
