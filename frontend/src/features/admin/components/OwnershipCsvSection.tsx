import { useReducer, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useClient, useMutation, useQuery } from 'urql'
import { Button } from '@/components/Button'
import { formStyles } from '@/components/form'
import { StatusMessage } from '@/components/StatusMessage'
import { cx } from '@/lib/cx'
import { useLanguage } from '@/lib/useLanguage'
import { describeError, type DescribedError } from '@/lib/graphqlError'
import {
  AdminOwnershipQuery,
  ApplyOwnershipImportMutation,
  OwnershipCsvQuery,
  PreviewOwnershipImportMutation,
} from '../api/ownership'
import {
  canApply,
  csvFileName,
  csvImportReducer,
  decodeCsv,
  initialCsvImport,
  sortedProblems,
  withBom,
  type OwnershipChange,
} from '../model/csvImport'
import { isOwnerRole } from '../model/ownershipMatrix'
import styles from './Admin.module.css'

const FILE_ID = 'ownership-csv-file'

/**
 * The ownership table as CSV: download it (UTF-8 with a BOM, so Excel reads it), edit it,
 * choose the file, see what it would change or which lines are wrong, then apply it. Apply
 * is enabled only for a valid preview that changes something.
 */
export function OwnershipCsvSection({ planId, planCode }: { planId: string; planCode: string }) {
  const { t } = useTranslation()
  const client = useClient()
  const [state, dispatch] = useReducer(csvImportReducer, initialCsvImport)
  const [downloading, setDownloading] = useState(false)
  const [downloadError, setDownloadError] = useState<DescribedError | null>(null)
  const [, preview] = useMutation(PreviewOwnershipImportMutation)
  const [, apply] = useMutation(ApplyOwnershipImportMutation)
  const fileRef = useRef<HTMLInputElement>(null)
  const names = useNames(planCode)
  const reason = (error: DescribedError) => error.message ?? t(`errors.headings.${error.kind}`)

  const download = async () => {
    if (downloading) return
    setDownloading(true)
    setDownloadError(null)
    const answer = await client.query(OwnershipCsvQuery, { planId }, { requestPolicy: 'network-only' }).toPromise()
    setDownloading(false)
    if (!answer.data) {
      setDownloadError(answer.error ? describeError(answer.error) : { kind: 'UNKNOWN', message: null, retryable: true })
      return
    }
    const blob = new Blob([withBom(answer.data.ownershipCsv)], { type: 'text/csv;charset=utf-8' })
    const url = URL.createObjectURL(blob)
    const link = document.createElement('a')
    link.href = url
    link.download = csvFileName(planCode)
    document.body.append(link)
    link.click()
    link.remove()
    setTimeout(() => {
      URL.revokeObjectURL(url)
    }, 10_000)
  }

  const choose = async (file: File | undefined) => {
    if (!file) return
    dispatch({ type: 'chosen', fileName: file.name })
    let csv: string
    try {
      csv = decodeCsv(new Uint8Array(await file.arrayBuffer()))
    } catch {
      dispatch({ type: 'unreadable' })
      return
    }
    const answer = await preview({ planId, csv })
    if (answer.data) dispatch({ type: 'previewed', csv, preview: answer.data.previewOwnershipImport })
    else dispatch({ type: 'previewFailed', error: answer.error ? describeError(answer.error) : { kind: 'UNKNOWN', message: null, retryable: true } })
  }

  const run = async () => {
    if (state.step !== 'previewed' || !canApply(state)) return
    const csv = state.csv
    dispatch({ type: 'apply' })
    // The matrix holds PolicyDirection owners: this makes the cache load it again.
    const answer = await apply({ planId, csv }, { additionalTypenames: ['PolicyDirection'] })
    if (answer.data) dispatch({ type: 'applied', changes: answer.data.applyOwnershipImport })
    else dispatch({ type: 'applyFailed', error: answer.error ? describeError(answer.error) : { kind: 'UNKNOWN', message: null, retryable: true } })
  }

  const reset = () => {
    dispatch({ type: 'reset' })
    if (fileRef.current) {
      fileRef.current.value = ''
      fileRef.current.focus()
    }
  }

  return (
    <section className={styles.section} aria-labelledby="ownership-csv-heading">
      <h2 id="ownership-csv-heading" className={styles.sectionHeading}>
        {t('adminOwnership.csv.heading')}
      </h2>
      <p>{t('adminOwnership.csv.intro')}</p>
      <div className={styles.loadMore}>
        <Button variant="secondary" onClick={() => void download()} aria-disabled={downloading || undefined}>
          {downloading ? t('adminOwnership.csv.downloading') : t('adminOwnership.csv.download')}
        </Button>
      </div>
      {downloadError ? (
        <p role="alert" className={styles.alert}>
          {t('adminOwnership.csv.downloadFailed', { reason: reason(downloadError) })}
        </p>
      ) : null}

      <div className={formStyles.field}>
        <label htmlFor={FILE_ID} className={formStyles.label}>
          {t('adminOwnership.csv.file')}
        </label>
        <div id={`${FILE_ID}-hint`} className={formStyles.hint}>
          {t('adminOwnership.csv.fileHint')}
        </div>
        <input
          ref={fileRef}
          id={FILE_ID}
          type="file"
          accept=".csv,text/csv"
          className={styles.fileInput}
          aria-describedby={`${FILE_ID}-hint`}
          onChange={(event) => void choose(event.target.files?.[0])}
        />
      </div>

      <div aria-live="polite">
        {state.step === 'previewing' ? <p>{t('adminOwnership.csv.previewing', { file: state.fileName })}</p> : null}
        {state.step === 'applied' ? (
          <StatusMessage>{t('adminOwnership.csv.applied', { count: state.changes.length })}</StatusMessage>
        ) : null}
      </div>
      {state.step === 'failed' ? (
        <p role="alert" className={styles.alert}>
          {state.error === 'unreadable'
            ? t('adminOwnership.csv.unreadable', { file: state.fileName })
            : t('adminOwnership.csv.failed', { file: state.fileName, reason: reason(state.error) })}
        </p>
      ) : null}

      {state.step === 'previewed' || state.step === 'applying' ? (
        <div className={styles.preview} role="group" aria-labelledby="ownership-preview-heading">
          <h3 id="ownership-preview-heading" className={styles.previewHeading}>
            {t('adminOwnership.csv.previewHeading', { file: state.fileName })}
          </h3>
          {state.preview.problems.length > 0 ? (
            <>
              <p role="alert" className={styles.alert}>
                {t('adminOwnership.csv.invalid', { count: state.preview.problems.length })}
              </p>
              <div className={styles.scroll} role="region" aria-label={t('adminOwnership.csv.problemsCaption')} tabIndex={0}>
                <table className={styles.table}>
                  <caption>{t('adminOwnership.csv.problemsCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('adminOwnership.csv.line')}</th>
                      <th scope="col">{t('adminOwnership.csv.problem')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {sortedProblems(state.preview.problems).map((problem, index) => (
                      <tr key={`${String(problem.line)}-${String(index)}`}>
                        <th scope="row" className={styles.nowrap}>
                          {t('adminOwnership.csv.lineNumber', { line: problem.line })}
                        </th>
                        <td>{problem.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : state.preview.changes.length === 0 ? (
            <p>{t('adminOwnership.csv.noChanges')}</p>
          ) : (
            <>
              <p>{t('adminOwnership.csv.valid', { count: state.preview.changes.length })}</p>
              <ChangesTable changes={state.preview.changes} names={names} />
            </>
          )}
          {state.step === 'previewed' && state.applyError ? (
            <p role="alert" className={styles.alert}>
              {t('adminOwnership.csv.applyFailed', { reason: reason(state.applyError) })}
            </p>
          ) : null}
          <div className={styles.loadMore}>
            <Button
              onClick={() => void run()}
              disabled={!canApply(state) && state.step !== 'applying'}
              aria-disabled={state.step === 'applying' || undefined}
              aria-describedby={canApply(state) || state.step === 'applying' ? undefined : 'ownership-apply-note'}
            >
              {state.step === 'applying' ? t('adminOwnership.csv.applying') : t('adminOwnership.csv.apply')}
            </Button>
            <Button variant="secondary" onClick={reset}>
              {t('adminOwnership.csv.cancel')}
            </Button>
          </div>
          {canApply(state) || state.step === 'applying' ? null : (
            <p id="ownership-apply-note" className={styles.secondary}>
              {t('adminOwnership.csv.applyDisabled')}
            </p>
          )}
        </div>
      ) : null}

      {state.step === 'applied' && state.changes.length > 0 ? <ChangesTable changes={state.changes} names={names} /> : null}
    </section>
  )
}

interface Names {
  direction: (code: string) => string | null
  organization: (code: string) => string | null
}

/** Names for the codes of a CSV, from the matrix's own query (already in the cache). */
function useNames(planCode: string): Names {
  const language = useLanguage()
  const [result] = useQuery({ query: AdminOwnershipQuery, variables: { code: planCode } })
  const name = (o: { nameJa: string; nameEn: string }) => (language === 'en' ? o.nameEn : o.nameJa)
  const directions = new Map(
    (result.data?.plan?.goals ?? []).flatMap((goal) => goal.policies.flatMap((policy) => policy.directions.map((d) => [d.code, name(d)] as const))),
  )
  const organizations = new Map((result.data?.organizations ?? []).map((o) => [o.code, name(o)] as const))
  return {
    direction: (code) => directions.get(code) ?? null,
    organization: (code) => organizations.get(code) ?? null,
  }
}

function ChangesTable({ changes, names }: { changes: readonly OwnershipChange[]; names: Names }) {
  const { t } = useTranslation()
  const role = (value: string | null | undefined) =>
    isOwnerRole(value) ? t(`adminOwnership.roles.${value}`) : (value ?? '')
  const kind = (value: string) =>
    value === 'ADD' || value === 'CHANGE_ROLE' || value === 'REMOVE' ? t(`adminOwnership.csv.kinds.${value}`) : value
  return (
    <div className={styles.scroll} role="region" aria-label={t('adminOwnership.csv.changesCaption', { count: changes.length })} tabIndex={0}>
      <table className={cx(styles.table, styles.changesTable)}>
        <caption>{t('adminOwnership.csv.changesCaption', { count: changes.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('adminOwnership.direction')}</th>
            <th scope="col">{t('adminOwnership.csv.organization')}</th>
            <th scope="col">{t('adminOwnership.csv.change')}</th>
            <th scope="col">{t('adminOwnership.csv.role')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change, index) => (
            <tr key={`${change.directionCode}-${change.organizationCode}-${String(index)}`}>
              <th scope="row">
                <span className={styles.directionCode}>{change.directionCode}</span> {names.direction(change.directionCode)}
              </th>
              <td>
                {names.organization(change.organizationCode) ?? <span className={styles.mono}>{change.organizationCode}</span>}
              </td>
              <td>{kind(change.kind)}</td>
              <td>
                {change.kind === 'CHANGE_ROLE'
                  ? t('adminOwnership.csv.roleChange', { from: role(change.previousRole), to: role(change.role) })
                  : role(change.role)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
