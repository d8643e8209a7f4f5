import { stringifyDocument } from '@urql/core'
import { useRef, useState, type DragEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { Button } from '@/components/Button'
import { TextField } from '@/components/form'
import { StatusMessage } from '@/components/StatusMessage'
import { useSessionController } from '@/features/session'
import { cx } from '@/lib/cx'
import { describeError, type DescribedError } from '@/lib/graphqlError'
import { formatJapanTime } from '@/lib/japanTime'
import { useLanguage } from '@/lib/useLanguage'
import { RemoveEvidenceMutation, UploadEvidenceMutation, type ReportData } from '../api/operations'
import { useAuthorizedDownload } from '../hooks/useAuthorizedDownload'
import { formatBytes } from '../model/format'
import { uploadFile, type UploadOutcome } from '../model/upload'
import { Dialog } from '@/components/Dialog'
import styles from './Reports.module.css'

type Evidence = ReportData['evidence'][number]

interface Upload {
  id: number
  name: string
  size: number
  progress: number
  state: 'waiting' | 'uploading' | 'done' | 'failed'
  message: string | null
  controller: AbortController
}

const UPLOAD_QUERY = stringifyDocument(UploadEvidenceMutation)
let uploadSerial = 0

/**
 * Evidence files (根拠資料): the list with download links, and for the writer, removal
 * (after a confirmation) and uploads by drag and drop or the file picker, one file at a
 * time with a progress bar, each refusal in words.
 */
export function EvidenceSection({
  reportId,
  evidence,
  editable,
  onChanged,
}: {
  reportId: string
  evidence: readonly Evidence[]
  editable: boolean
  onChanged: () => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const session = useSessionController()
  const download = useAuthorizedDownload()
  const [downloadProblem, setDownloadProblem] = useState<DescribedError | null>(null)
  const [description, setDescription] = useState('')
  const [uploads, setUploads] = useState<Upload[]>([])
  const [announcement, setAnnouncement] = useState('')
  const [dragging, setDragging] = useState(false)
  const [removing, setRemoving] = useState<Evidence | null>(null)
  const [removed, setRemoved] = useState<string | null>(null)
  const [removeProblem, setRemoveProblem] = useState<DescribedError | null>(null)
  const [{ fetching: removingNow }, removeEvidence] = useMutation(RemoveEvidenceMutation)
  const inputRef = useRef<HTMLInputElement>(null)
  const cancelRef = useRef<HTMLButtonElement>(null)
  const queue = useRef<Promise<void>>(Promise.resolve())

  const update = (id: number, patch: Partial<Upload>) => {
    setUploads((list) => list.map((u) => (u.id === id ? { ...u, ...patch } : u)))
  }

  const messageOf = (outcome: Exclude<UploadOutcome<unknown>, { kind: 'uploaded' }>): string => {
    switch (outcome.kind) {
      case 'tooLarge':
        return t('reports.evidence.tooLarge')
      case 'refused':
        return outcome.message ?? t('reports.evidence.refused')
      case 'unauthenticated':
        return t('reports.evidence.unauthenticated')
      case 'network':
        return t('reports.evidence.network')
      case 'aborted':
        return t('reports.evidence.aborted')
    }
  }

  const start = (files: readonly File[]) => {
    if (files.length === 0) return
    const note = description.trim() === '' ? null : description.trim()
    const added: Upload[] = files.map((file) => ({
      id: ++uploadSerial,
      name: file.name,
      size: file.size,
      progress: 0,
      state: 'waiting',
      message: null,
      controller: new AbortController(),
    }))
    setUploads((list) => [...list.filter((u) => u.state === 'uploading' || u.state === 'waiting'), ...added])
    setDescription('')
    files.forEach((file, index) => {
      const item = added[index]
      if (!item) return
      // One upload at a time: the server takes one file per request.
      queue.current = queue.current.then(async () => {
        if (item.controller.signal.aborted) {
          update(item.id, { state: 'failed', message: t('reports.evidence.aborted') })
          return
        }
        update(item.id, { state: 'uploading' })
        setAnnouncement(t('reports.evidence.uploading', { name: item.name }))
        const outcome = await uploadFile({
          query: UPLOAD_QUERY,
          variables: { reportId, description: note },
          field: 'uploadEvidence',
          file,
          language,
          session,
          signal: item.controller.signal,
          onProgress: (fraction) => {
            update(item.id, { progress: fraction })
          },
        })
        if (outcome.kind === 'uploaded') {
          update(item.id, { state: 'done', progress: 1 })
          setAnnouncement(t('reports.evidence.uploaded', { name: item.name }))
          onChanged()
        } else {
          const message = messageOf(outcome)
          update(item.id, { state: 'failed', message })
          setAnnouncement(t('reports.evidence.uploadFailed', { name: item.name, message }))
        }
      })
    })
  }

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault()
    setDragging(false)
    start([...event.dataTransfer.files])
  }

  const remove = async () => {
    if (!removing || removingNow) return
    setRemoveProblem(null)
    const result = await removeEvidence({ id: removing.id })
    const name = removing.fileName
    setRemoving(null)
    if (result.error) setRemoveProblem(describeError(result.error))
    else {
      setRemoved(name)
      onChanged()
    }
  }

  return (
    <div className={styles.evidence}>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {removed ? <StatusMessage>{t('reports.evidence.removed', { name: removed })}</StatusMessage> : null}
      {removeProblem ? (
        <StatusMessage tone="warning">{removeProblem.message ?? t(`errors.headings.${removeProblem.kind}`)}</StatusMessage>
      ) : null}
      {downloadProblem ? (
        <StatusMessage tone="warning">
          {t('reports.evidence.downloadFailed', {
            reason: downloadProblem.message ?? t(`errors.headings.${downloadProblem.kind}`),
          })}
        </StatusMessage>
      ) : null}
      {evidence.length === 0 ? (
        <p className={styles.muted}>{t('reports.evidence.none')}</p>
      ) : (
        <ul className={styles.evidenceList}>
          {evidence.map((file) => (
            <li key={file.id} className={styles.evidenceItem}>
              <div className={styles.evidenceMain}>
                <a
                  href={file.downloadPath}
                  download={file.fileName}
                  className={styles.fileLink}
                  onClick={(event) => {
                    event.preventDefault()
                    setDownloadProblem(null)
                    void download(file.downloadPath, file.fileName).then(setDownloadProblem)
                  }}
                >
                  {file.fileName}
                  <span className="visually-hidden">{t('reports.evidence.downloadSuffix')}</span>
                </a>
                <span className={styles.fileMeta}>
                  {t('reports.evidence.meta', {
                    size: formatBytes(file.size),
                    time: formatJapanTime(file.uploadedAt, language),
                  })}
                </span>
                {file.description ? <span className={styles.fileDescription}>{file.description}</span> : null}
              </div>
              {editable ? (
                <Button
                  variant="secondary"
                  className={styles.small}
                  onClick={() => {
                    setRemoved(null)
                    setRemoving(file)
                  }}
                >
                  {t('reports.evidence.remove')}
                  <span className="visually-hidden">{t('reports.evidence.removeContext', { name: file.fileName })}</span>
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      {editable ? (
        <div className={styles.upload}>
          <h3 className={styles.uploadHeading}>{t('reports.evidence.addHeading')}</h3>
          <TextField
            id="evidence-description"
            label={t('reports.evidence.description')}
            hint={t('reports.evidence.descriptionHint')}
            value={description}
            maxLength={500}
            onChange={setDescription}
          />
          <div
            className={cx(styles.dropzone, dragging && styles.dropzoneActive)}
            onDragOver={(event) => {
              event.preventDefault()
              event.dataTransfer.dropEffect = 'copy'
              setDragging(true)
            }}
            onDragLeave={() => {
              setDragging(false)
            }}
            onDrop={onDrop}
          >
            <svg className={styles.dropIcon} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path d="M11 16V7.8l-2.6 2.6L7 9l5-5 5 5-1.4 1.4L13 7.8V16zm-6 4a2 2 0 0 1-2-2v-3h2v3h14v-3h2v3a2 2 0 0 1-2 2z" />
            </svg>
            <p id="evidence-drop-hint">{t('reports.evidence.dropHint')}</p>
            <Button
              variant="secondary"
              aria-describedby="evidence-types"
              onClick={() => {
                inputRef.current?.click()
              }}
            >
              {t('reports.evidence.choose')}
            </Button>
            <input
              ref={inputRef}
              type="file"
              multiple
              hidden
              tabIndex={-1}
              aria-label={t('reports.evidence.choose')}
              onChange={(event) => {
                start([...(event.target.files ?? [])])
                event.target.value = ''
              }}
            />
            <p id="evidence-types" className={styles.hint}>
              {t('reports.evidence.types')}
            </p>
          </div>
          {uploads.length > 0 ? (
            <ul className={styles.uploads} aria-label={t('reports.evidence.uploadsLabel')}>
              {uploads.map((item) => (
                <li key={item.id} className={styles.uploadItem}>
                  <span className={styles.uploadName}>
                    {item.name} <span className={styles.fileMeta}>({formatBytes(item.size)})</span>
                  </span>
                  {item.state === 'uploading' || item.state === 'waiting' ? (
                    <span className={styles.progressRow}>
                      <progress
                        max={100}
                        value={Math.round(item.progress * 100)}
                        aria-label={t('reports.evidence.progressLabel', { name: item.name })}
                        className={styles.progress}
                      />
                      <span className={styles.percent} aria-hidden="true">
                        {item.state === 'waiting' ? t('reports.evidence.waiting') : `${String(Math.round(item.progress * 100))}%`}
                      </span>
                      <Button
                        variant="secondary"
                        className={styles.small}
                        onClick={() => {
                          item.controller.abort()
                        }}
                      >
                        {t('reports.evidence.cancel')}
                        <span className="visually-hidden">{t('reports.evidence.cancelContext', { name: item.name })}</span>
                      </Button>
                    </span>
                  ) : item.state === 'done' ? (
                    <span className={styles.uploadDone}>{t('reports.evidence.done')}</span>
                  ) : (
                    <span className={styles.uploadFailed}>{item.message}</span>
                  )}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <Dialog
        open={removing !== null}
        title={t('reports.evidence.removeTitle')}
        initialFocus={cancelRef}
        onCancel={() => {
          setRemoving(null)
        }}
        actions={
          <>
            <Button variant="danger" onClick={() => void remove()} aria-disabled={removingNow || undefined}>
              {t('reports.evidence.removeConfirm')}
            </Button>
            <Button
              ref={cancelRef}
              variant="secondary"
              onClick={() => {
                setRemoving(null)
              }}
            >
              {t('form.cancel')}
            </Button>
          </>
        }
      >
        <p>{t('reports.evidence.removeBody', { name: removing?.fileName ?? '' })}</p>
      </Dialog>
    </div>
  )
}
