import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { BilingualName } from '@/components/BilingualName'
import { Button } from '@/components/Button'
import { NewBadge } from '@/components/NewBadge'
import { StatusMessage } from '@/components/StatusMessage'
import { useLanguage } from '@/lib/useLanguage'
import type { DirectionData, GoalData } from '../api/operations'
import { useRatingText } from '../hooks/useRatingText'
import { goalAnchor } from '../model/anchors'
import { formatShare } from '../model/format'
import type { Abilities } from '../model/permissions'
import { AssessmentBlock } from './AssessmentBlock'
import { DirectionDetails } from './DirectionDetails'
import { OverrideDialog } from './OverrideDialog'
import { RatingBadge, ShareChange } from './parts'
import styles from './Evaluation.module.css'

const REPORT_STATUSES = ['NOT_STARTED', 'DRAFT', 'AWAITING_MANAGER', 'SUBMITTED', 'RETURNED', 'ACCEPTED', 'LOCKED'] as const

/** One basic goal: its share and change, its assessment, and its directions' ratings. */
export function GoalSection({ evaluationId, goal, can }: { evaluationId: string; goal: GoalData; can: Abilities }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [overriding, setOverriding] = useState<DirectionData | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const code = goal.goal.code
  const headingId = goalAnchor(code)
  const share = formatShare(goal.shareAOrB, language)
  return (
    <section className={styles.card} aria-labelledby={headingId}>
      <h2 id={headingId}>
        <span className={styles.code}>{t('evaluation.common.goalLabel', { code })}</span>
        <BilingualName ja={goal.goal.nameJa} en={goal.goal.nameEn} />
      </h2>
      <dl className={styles.figures}>
        <div className={styles.figure}>
          <dt>{t('evaluation.summary.shareLabel')}</dt>
          <dd className={styles.bigNumber}>{share ?? '—'}</dd>
          <dd className={styles.small}>
            {share
              ? t('evaluation.summary.shareOf', { count: goal.ratingCounts.a + goal.ratingCounts.b, total: goal.ratingCounts.total })
              : t('evaluation.summary.shareNone')}
          </dd>
        </div>
        <div className={styles.figure}>
          <dt>{t('evaluation.summary.yoyLabel')}</dt>
          <dd>
            <ShareChange yoy={goal.yearOverYear} />
          </dd>
        </div>
      </dl>
      <AssessmentBlock
        evaluationId={evaluationId}
        goalCode={code}
        assessment={goal.assessment}
        targetName={t('evaluation.common.goalLabel', { code })}
        canEdit={can.edit}
        headingLevel={3}
      />
      <h3>{t('evaluation.directions.heading')}</h3>
      {message ? <StatusMessage>{message}</StatusMessage> : null}
      <div className={styles.scroll} role="region" aria-labelledby={`${headingId}-caption`} tabIndex={0}>
        <table className={`${styles.table} ${styles.directionsTable}`}>
          <caption id={`${headingId}-caption`}>{t('evaluation.directions.caption', { code })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('evaluation.directions.direction')}</th>
              <th scope="col">{t('evaluation.directions.rating')}</th>
              <th scope="col">{t('evaluation.directions.proposal')}</th>
              <th scope="col">{t('evaluation.directions.details')}</th>
              {can.edit ? <th scope="col">{t('evaluation.directions.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {goal.directions.map((row) => (
              <DirectionRows
                key={row.direction.id}
                row={row}
                columns={can.edit ? 5 : 4}
                canOverride={can.edit}
                onOverride={() => {
                  setMessage(null)
                  setOverriding(row)
                }}
              />
            ))}
          </tbody>
        </table>
      </div>
      {can.edit ? (
        <OverrideDialog
          evaluationId={evaluationId}
          row={overriding}
          onClose={() => { setOverriding(null); }}
          onDone={(text) => {
            setOverriding(null)
            setMessage(text)
          }}
        />
      ) : null}
    </section>
  )
}

function DirectionRows({
  row,
  columns,
  canOverride,
  onOverride,
}: {
  row: DirectionData
  columns: number
  canOverride: boolean
  onOverride: () => void
}) {
  const { t } = useTranslation()
  const ratingText = useRatingText()
  const language = useLanguage()
  const [open, setOpen] = useState(false)
  const { direction } = row
  const detailsId = `direction-details-${direction.code}`
  const overridden = row.overrideReason !== null || (row.proposedRating !== null && row.proposedRating !== row.rating)
  const missing = row.missingReports
    .map((report) => {
      const status = REPORT_STATUSES.find((s) => s === report.status)
      return t('evaluation.directions.missingItem', {
        organization: (language === 'en' ? report.organization?.nameEn : report.organization?.nameJa) ?? t('evaluation.report.unknownOrganization'),
        status: status ? t(`evaluation.reportStatus.${status}`) : report.status,
      })
    })
    .join(t('evaluation.directions.listSeparator'))
  return (
    <>
      <tr>
        <th scope="row">
          <span className={styles.code}>{direction.code}</span>
          <BilingualName ja={direction.nameJa} en={direction.nameEn} /> {direction.isNew ? <NewBadge /> : null}
          {missing ? <span className={styles.missing}>{t('evaluation.directions.missing', { list: missing })}</span> : null}
        </th>
        <td>
          <RatingBadge rating={row.rating} />
        </td>
        <td>
          {overridden ? (
            <>
              <p>{t('evaluation.directions.proposed', { rating: ratingText(row.proposedRating) })}</p>
              {row.overrideReason ? <p className={styles.text}>{t('evaluation.directions.overrideReason', { reason: row.overrideReason })}</p> : null}
            </>
          ) : row.rating ? (
            <span className={styles.muted}>{t('evaluation.directions.asProposed')}</span>
          ) : (
            <span className={styles.muted}>{t('evaluation.directions.noProposal')}</span>
          )}
        </td>
        <td>
          <button
            type="button"
            className={styles.toggle}
            aria-expanded={open}
            aria-controls={detailsId}
            onClick={() => { setOpen(!open); }}
          >
            <svg className={styles.chevron} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <path d="M5 3l6 5-6 5" fill="none" stroke="currentColor" strokeWidth="2" />
            </svg>
            <span>
              {t('evaluation.directions.showDetails', { count: row.summaries.length })}
              <span className="visually-hidden">{t('evaluation.directions.detailsFor', { code: direction.code })}</span>
            </span>
          </button>
        </td>
        {canOverride ? (
          <td className={styles.nowrap}>
            <Button variant="secondary" onClick={onOverride}>
              {t('evaluation.directions.override')}
              <span className="visually-hidden">{t('evaluation.directions.detailsFor', { code: direction.code })}</span>
            </Button>
          </td>
        ) : null}
      </tr>
      <tr id={detailsId} hidden={!open} className={styles.detailsRow}>
        <td colSpan={columns}>{open ? <DirectionDetails row={row} /> : null}</td>
      </tr>
    </>
  )
}
