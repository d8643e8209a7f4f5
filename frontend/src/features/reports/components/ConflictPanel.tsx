import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useClient } from 'urql'
import { Button } from '@/components/Button'
import { StatusMessage } from '@/components/StatusMessage'
import { getFragmentData } from '@/gql'
import { describeError, type DescribedError } from '@/lib/graphqlError'
import { formatJapanTime } from '@/lib/japanTime'
import { useLanguage } from '@/lib/useLanguage'
import { ReportContentFragment, ReportQuery } from '../api/operations'
import type { ReportAutosave, ReportDoc } from '../model/autosave'
import { fieldText, type FieldTextLabels } from '../model/fieldText'
import { isEditableStatus } from '../model/format'
import { conflictRows, valuesFromReport, type ConflictRow, type ReportValues } from '../model/reportValues'
import styles from './Reports.module.css'

interface Theirs {
  values: ReportValues
  version: number
  updatedAt: string
  updatedBy: string | null
  editable: boolean
}

/**
 * Someone saved the report after the writer's screen was loaded. The writer's text stays
 * on screen; this fetches the saved version, lists the fields that differ (both texts side
 * by side), and lets the writer keep theirs (saved over the fields they changed; the other
 * fields take the saved version) or take the saved version.
 */
export function ConflictPanel({
  reportId,
  doc,
  controller,
  labels,
  onTookTheirs,
}: {
  reportId: string
  doc: ReportDoc
  controller: ReportAutosave
  labels: FieldTextLabels
  onTookTheirs: (mine: ReportValues, rows: ConflictRow[]) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const client = useClient()
  const [theirs, setTheirs] = useState<Theirs | null>(null)
  const [error, setError] = useState<DescribedError | null>(null)
  const [attempt, setAttempt] = useState(0)
  const headingRef = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    let live = true
    void client
      .query(ReportQuery, { id: reportId }, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => {
        if (!live) return
        const report = result.data?.report
        if (report) {
          setError(null)
          setTheirs({
            values: valuesFromReport(getFragmentData(ReportContentFragment, report)),
            version: report.version,
            updatedAt: report.updatedAt,
            updatedBy: report.updatedBy?.displayName ?? null,
            editable: isEditableStatus(report.status),
          })
        } else {
          setError(result.error ? describeError(result.error) : { kind: 'NOT_FOUND', message: null, retryable: false })
        }
      })
    return () => {
      live = false
    }
  }, [client, reportId, attempt])

  useEffect(() => {
    headingRef.current?.focus()
  }, [])

  const rows = theirs ? conflictRows(doc.base, doc.values, theirs.values) : []

  // The same text on both sides: nothing to choose; continue from the saved version.
  useEffect(() => {
    if (theirs && rows.length === 0) void controller.resolve('theirs', theirs)
  }, [theirs, rows.length, controller])

  const fieldName = (row: ConflictRow) => t(`reports.fields.${row.field}`)
  const who = (row: ConflictRow) =>
    row.changedByMe && row.changedByThem
      ? t('reports.conflict.changedByBoth')
      : row.changedByMe
        ? t('reports.conflict.changedByMe')
        : t('reports.conflict.changedByThem')

  return (
    <section className={styles.conflict} aria-labelledby="conflict-heading">
      <h2 id="conflict-heading" ref={headingRef} tabIndex={-1} className={styles.conflictTitle}>
        {t('reports.conflict.title')}
      </h2>
      <p>{t('reports.conflict.kept')}</p>
      {error ? (
        <StatusMessage tone="warning">
          <p>{error.message ?? t(`errors.headings.${error.kind}`)}</p>
          <p>
            <Button
              variant="secondary"
              onClick={() => {
                setAttempt((n) => n + 1)
              }}
            >
              {t('reports.conflict.loadAgain')}
            </Button>
          </p>
        </StatusMessage>
      ) : !theirs ? (
        <p role="status">{t('reports.conflict.loading')}</p>
      ) : (
        <>
          <p>
            {theirs.updatedBy
              ? t('reports.conflict.savedBy', { name: theirs.updatedBy, time: formatJapanTime(theirs.updatedAt, language) })
              : t('reports.conflict.savedAt', { time: formatJapanTime(theirs.updatedAt, language) })}
          </p>
          {!theirs.editable ? <StatusMessage tone="warning">{t('reports.conflict.noLongerEditable')}</StatusMessage> : null}
          <div className={styles.scroll} role="region" aria-labelledby="conflict-caption" tabIndex={0}>
            <table className={styles.compareTable}>
              <caption id="conflict-caption">{t('reports.conflict.caption', { count: rows.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reports.conflict.field')}</th>
                  <th scope="col">{t('reports.conflict.mine')}</th>
                  <th scope="col">{t('reports.conflict.theirs')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.field}>
                    <th scope="row">
                      <span className={styles.compareField}>{fieldName(row)}</span>
                      <span className={styles.compareWho}>{who(row)}</span>
                    </th>
                    <td className={styles.preWrap}>{fieldText(doc.values, row.field, labels)}</td>
                    <td className={styles.preWrap}>{fieldText(theirs.values, row.field, labels)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className={styles.hint}>{t('reports.conflict.mineExplained')}</p>
          <div className={styles.actions}>
            <Button onClick={() => void controller.resolve('mine', theirs)} disabled={!theirs.editable}>
              {t('reports.conflict.keepMine')}
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                const mine = doc.values
                void controller.resolve('theirs', theirs).then(() => {
                  onTookTheirs(mine, rows)
                })
              }}
            >
              {t('reports.conflict.takeTheirs')}
            </Button>
          </div>
        </>
      )}
    </section>
  )
}

/** After taking the saved version: the writer's replaced text, still there to copy from. */
export function ReplacedInput({
  mine,
  rows,
  labels,
  onClose,
}: {
  mine: ReportValues
  rows: readonly ConflictRow[]
  labels: FieldTextLabels
  onClose: () => void
}) {
  const { t } = useTranslation()
  return (
    <section className={styles.replaced} aria-labelledby="replaced-heading">
      <h2 id="replaced-heading" className={styles.sectionTitleSmall}>
        {t('reports.conflict.replacedTitle')}
      </h2>
      <p>{t('reports.conflict.replacedBody')}</p>
      <dl className={styles.replacedList}>
        {rows.map((row) => (
          <div key={row.field}>
            <dt>{t(`reports.fields.${row.field}`)}</dt>
            <dd className={styles.preWrap}>{fieldText(mine, row.field, labels)}</dd>
          </div>
        ))}
      </dl>
      <div>
        <Button variant="secondary" onClick={onClose}>
          {t('reports.conflict.replacedClose')}
        </Button>
      </div>
    </section>
  )
}
