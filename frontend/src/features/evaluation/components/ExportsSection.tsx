import { useTranslation } from 'react-i18next'
import { useLanguage } from '@/lib/useLanguage'
import { useExportDownload } from '../hooks/useExportDownload'
import { EXPORTS_ANCHOR } from '../model/anchors'
import { EXPORT_KINDS, exportPath, type ExportKind } from '../model/download'
import { formatBytes } from '../model/format'
import { Problem } from './parts'
import styles from './Evaluation.module.css'

/**
 * Excel, PDF and CSV downloads. The public (no session) gets plain links to the published
 * version; signed-in readers download with their token, with a progress indicator.
 */
export function ExportsSection({
  evaluationId,
  fiscalYear,
  signedIn,
}: {
  evaluationId: string
  fiscalYear: number
  signedIn: boolean
}) {
  const { t } = useTranslation()
  return (
    <section className={styles.section} aria-labelledby={EXPORTS_ANCHOR}>
      <h2 id={EXPORTS_ANCHOR}>{t('evaluation.exports.heading')}</h2>
      <p className={styles.intro}>{signedIn ? t('evaluation.exports.introSignedIn') : t('evaluation.exports.introPublic')}</p>
      {signedIn ? (
        <AuthorizedDownloads evaluationId={evaluationId} fiscalYear={fiscalYear} />
      ) : (
        <ul className={styles.downloads}>
          {EXPORT_KINDS.map((kind) => (
            <li key={kind}>
              <a className={styles.downloadLink} href={exportPath(evaluationId, kind)} download>
                <DownloadIcon />
                {t(`evaluation.exports.kinds.${kind}`)}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function AuthorizedDownloads({ evaluationId, fiscalYear }: { evaluationId: string; fiscalYear: number }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const { state, download } = useExportDownload(evaluationId, fiscalYear)
  const busy = state.phase === 'downloading'
  const name = (kind: ExportKind) => t(`evaluation.exports.kinds.${kind}`)
  return (
    <>
      <ul className={styles.downloads}>
        {EXPORT_KINDS.map((kind) => (
          <li key={kind}>
            <button
              type="button"
              className={styles.downloadLink}
              disabled={busy}
              aria-disabled={busy || undefined}
              onClick={() => void download(kind)}
            >
              <DownloadIcon />
              {name(kind)}
            </button>
          </li>
        ))}
      </ul>
      {/* Only the start and the end are announced; the byte count updates silently. */}
      <div className={styles.progressRow}>
        {state.phase === 'downloading' ? (
          state.progress.total !== null && state.progress.total > 0 ? (
            <progress
              className={styles.progressBar}
              value={state.progress.received}
              max={state.progress.total}
              aria-label={t('evaluation.exports.downloading', { name: name(state.kind) })}
            />
          ) : (
            <span className={styles.spinner} aria-hidden="true" />
          )
        ) : null}
        <span role="status">
          {state.phase === 'downloading' ? t('evaluation.exports.downloading', { name: name(state.kind) }) : null}
          {state.phase === 'done' ? t('evaluation.exports.done', { file: state.fileName }) : null}
        </span>
        {state.phase === 'downloading' && state.progress.received > 0 ? (
          <span className={styles.small}>
            {state.progress.total !== null && state.progress.total > 0
              ? t('evaluation.exports.progress', {
                  received: formatBytes(state.progress.received, language),
                  total: formatBytes(state.progress.total, language),
                })
              : t('evaluation.exports.progressUnknown', { received: formatBytes(state.progress.received, language) })}
          </span>
        ) : null}
      </div>
      {state.phase === 'failed' ? (
        <div>
          <p>{t('evaluation.exports.failed', { name: name(state.kind) })}</p>
          <Problem problem={state.problem} />
        </div>
      ) : null}
    </>
  )
}

function DownloadIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="currentColor">
      <path d="M11 3h2v9.2l3.3-3.3 1.4 1.4-5.7 5.7-5.7-5.7 1.4-1.4 3.3 3.3zM4 18h16v2H4z" />
    </svg>
  )
}
