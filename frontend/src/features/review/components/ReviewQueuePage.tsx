import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useMutation, useQuery } from 'urql'
import { BilingualName } from '@/components/BilingualName'
import { Button } from '@/components/Button'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { Notice } from '@/components/Notice'
import { ReportStatusBadge } from '@/components/ReportStatusBadge'
import { StatusMessage } from '@/components/StatusMessage'
import { useSignedInUser } from '@/features/session'
import { describeError } from '@/lib/graphqlError'
import { useDocumentTitle } from '@/lib/useDocumentTitle'
import { useLanguage } from '@/lib/useLanguage'
import {
  ReviewBulkAcceptMutation,
  ReviewBulkReturnMutation,
  ReviewQueueQuery,
  type QueueItem,
} from '../api/operations'
import { groupOutcomes, type BulkResult } from '../model/bulkOutcome'
import { formatJapanDay } from '../model/dates'
import { keepPresent, oldestFirst, selectAllState, selectedInOrder, submissionOf, toggle } from '../model/queue'
import { BulkResultPanel } from './BulkResultPanel'
import { ReviewActionBar } from './ReviewActionBar'
import { StepDialog } from './StepDialog'
import styles from './Review.module.css'

type BulkStep = 'accept' | 'return'

/**
 * `/reviews`: what waits for the viewer, the longest-waiting first (department managers:
 * reports awaiting their sign-off; the plan office and the Council's coordinators: reports
 * awaiting review). Each row opens the report. The plan office ticks rows to accept or
 * return them together; the result lists, report by report, what was done and why not.
 */
export function ReviewQueuePage() {
  const { t } = useTranslation()
  const user = useSignedInUser()
  const bulkAllowed = user?.roles.includes('PLAN_OFFICE') ?? false
  const [result, reexecute] = useQuery({ query: ReviewQueueQuery, requestPolicy: 'cache-and-network' })
  const refresh = useCallback(() => {
    reexecute({ requestPolicy: 'network-only' })
  }, [reexecute])
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [step, setStep] = useState<BulkStep | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<{ step: BulkStep; result: BulkResult<QueueItem> } | null>(null)
  /** What a step taken on one row did; the row itself leaves the queue. */
  const [rowNotice, setRowNotice] = useState<string | null>(null)
  const rowNoticeRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (rowNotice) rowNoticeRef.current?.focus()
  }, [rowNotice])
  const [accepting, bulkAccept] = useMutation(ReviewBulkAcceptMutation)
  const [returning, bulkReturn] = useMutation(ReviewBulkReturnMutation)
  const busy = accepting.fetching || returning.fetching
  useDocumentTitle(t('review.queue.title'))

  const items = result.data ? oldestFirst(result.data.reviewQueue) : null
  const ids = items?.map((item) => item.report.id) ?? []
  const ticked = selectedInOrder(selected, ids)

  const run = async (text: string) => {
    if (!step || busy || ticked.length === 0) return
    setProblem(null)
    const answer =
      step === 'accept'
        ? await bulkAccept({ ids: ticked, comment: text === '' ? null : text })
        : await bulkReturn({ ids: ticked, reason: text })
    if (answer.error || !answer.data) {
      const described = answer.error ? describeError(answer.error) : null
      setProblem(described?.message ?? t(`errors.headings.${described?.kind ?? 'UNKNOWN'}`))
      return
    }
    const outcomes = 'bulkAcceptReports' in answer.data ? answer.data.bulkAcceptReports : answer.data.bulkReturnReports
    const byId = new Map(items?.map((item) => [item.report.id, item]))
    setRowNotice(null)
    setOutcome({ step, result: groupOutcomes(ticked, outcomes, (id) => byId.get(id) ?? null) })
    setSelected(new Set())
    setStep(null)
    refresh()
  }

  return (
    <div className={styles.page}>
      <h1>{t('review.queue.title')}</h1>
      <p className={styles.intro}>{bulkAllowed ? t('review.queue.introBulk') : t('review.queue.intro')}</p>
      <div ref={rowNoticeRef} tabIndex={-1} aria-live="polite">
        {rowNotice ? <StatusMessage>{rowNotice}</StatusMessage> : null}
      </div>
      {outcome ? (
        <BulkResultPanel
          step={outcome.step}
          result={outcome.result}
          onClose={() => {
            setOutcome(null)
          }}
        />
      ) : null}
      {result.error && !items ? (
        <ErrorState error={result.error} onRetry={refresh} headingLevel={2} />
      ) : !items ? (
        <LoadingState />
      ) : items.length === 0 ? (
        <Notice title={t('review.queue.emptyTitle')}>
          <p>{t('review.queue.emptyBody')}</p>
        </Notice>
      ) : (
        <>
          {bulkAllowed ? (
            <BulkBar
              count={ticked.length}
              onStep={(next) => {
                setProblem(null)
                setStep(next)
              }}
            />
          ) : null}
          <QueueTable
            items={items}
            selectable={bulkAllowed}
            selected={selected}
            onSelect={(id, on) => {
              setSelected((before) => keepPresent(toggle(before, id, on), ids))
            }}
            onSelectAll={(on) => {
              setSelected(on ? new Set(ids) : new Set())
            }}
            onStepDone={(report, message) => {
              setOutcome(null)
              setRowNotice(t('review.queue.stepDone', { report, message }))
              refresh()
            }}
          />
        </>
      )}
      <StepDialog
        key={step ?? 'closed'}
        step={step}
        title={step ? t(`review.bulk.${step}Title`, { count: ticked.length }) : ''}
        body={step ? t(`review.bulk.${step}Body`) : ''}
        confirmLabel={step ? t(`review.bulk.${step}Confirm`, { count: ticked.length }) : ''}
        busy={busy}
        problem={problem}
        onConfirm={(text) => void run(text)}
        onCancel={() => {
          setStep(null)
        }}
      />
    </div>
  )
}

function BulkBar({ count, onStep }: { count: number; onStep: (step: BulkStep) => void }) {
  const { t } = useTranslation()
  return (
    <section className={styles.bulkBar} aria-labelledby="bulk-heading">
      <h2 id="bulk-heading" className={styles.bulkTitle}>
        {t('review.bulk.heading')}
      </h2>
      <p aria-live="polite" className={styles.bulkCount}>
        {count === 0 ? t('review.bulk.noneSelected') : t('review.bulk.selected', { count })}
      </p>
      <div className={styles.actions}>
        <Button
          aria-disabled={count === 0 || undefined}
          onClick={() => {
            if (count > 0) onStep('accept')
          }}
        >
          {t('review.bulk.accept')}
        </Button>
        <Button
          variant="secondary"
          aria-disabled={count === 0 || undefined}
          onClick={() => {
            if (count > 0) onStep('return')
          }}
        >
          {t('review.bulk.return')}
        </Button>
      </div>
    </section>
  )
}

function QueueTable({
  items,
  selectable,
  selected,
  onSelect,
  onSelectAll,
  onStepDone,
}: {
  items: readonly QueueItem[]
  selectable: boolean
  selected: ReadonlySet<string>
  onSelect: (id: string, on: boolean) => void
  onSelectAll: (on: boolean) => void
  onStepDone: (report: string, message: string) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const all = selectAllState(
    selected,
    items.map((item) => item.report.id),
  )
  const selectAllRef = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (selectAllRef.current) selectAllRef.current.indeterminate = all === 'some'
  }, [all])

  return (
    <div className={styles.scroll} role="region" aria-label={t('review.queue.scrollRegion')} tabIndex={0}>
      <table className={styles.table}>
        <caption>{t('review.queue.caption', { count: items.length })}</caption>
        <thead>
          <tr>
            {selectable ? (
              <th scope="col" className={styles.selectCell}>
                <input
                  ref={selectAllRef}
                  type="checkbox"
                  className={styles.checkbox}
                  checked={all === 'all'}
                  aria-label={t('review.queue.selectAll')}
                  onChange={(event) => {
                    onSelectAll(event.target.checked)
                  }}
                />
              </th>
            ) : null}
            <th scope="col">{t('review.queue.direction')}</th>
            <th scope="col">{t('review.queue.organization')}</th>
            <th scope="col">{t('review.queue.period')}</th>
            <th scope="col">{t('review.queue.status')}</th>
            <th scope="col">{t('review.queue.waiting')}</th>
            <th scope="col">{t('review.queue.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const { report } = item
            const direction = report.direction
            const title = direction
              ? `${direction.code} ${language === 'en' ? direction.nameEn : direction.nameJa}`
              : t('review.queue.untitled')
            const organization = report.organization
              ? language === 'en'
                ? report.organization.nameEn
                : report.organization.nameJa
              : ''
            const submission = submissionOf(item.changedSinceReturn)
            const checked = selected.has(report.id)
            return (
              <tr key={report.id} className={checked ? styles.selectedRow : undefined}>
                {selectable ? (
                  <td className={styles.selectCell}>
                    <input
                      type="checkbox"
                      className={styles.checkbox}
                      checked={checked}
                      aria-label={t('review.queue.selectRow', { report: title, organization })}
                      onChange={(event) => {
                        onSelect(report.id, event.target.checked)
                      }}
                    />
                  </td>
                ) : null}
                <th scope="row" className={styles.directionCell}>
                  <Link to={`/reports/${report.id}`}>
                    {direction ? (
                      <>
                        <span className={styles.code}>{direction.code}</span>{' '}
                        <BilingualName ja={direction.nameJa} en={direction.nameEn} />
                      </>
                    ) : (
                      title
                    )}
                  </Link>
                  {submission.kind === 'resubmitted' ? (
                    <span className={styles.resubmitted}>
                      {submission.changed.length > 0
                        ? t('review.queue.resubmitted', {
                            fields: submission.changed.map((f) => t(`review.fields.${f}`)).join(t('review.fieldSeparator')),
                          })
                        : t('review.queue.resubmittedNothing')}
                    </span>
                  ) : null}
                </th>
                <td className={styles.organizationCell}>
                  {report.organization ? (
                    <BilingualName ja={report.organization.nameJa} en={report.organization.nameEn} />
                  ) : null}
                </td>
                <td className={styles.periodCell}>{language === 'en' ? report.period.labelEn : report.period.labelJa}</td>
                <td>
                  <ReportStatusBadge status={report.status} />
                </td>
                <td className={styles.nowrap}>
                  <span className={styles.waiting}>
                    {item.waitingDays <= 0
                      ? t('review.queue.waitingToday')
                      : t('review.queue.waitingDays', { count: item.waitingDays })}
                  </span>
                  <span className={styles.secondary}>
                    {t('review.queue.since', { date: formatJapanDay(item.waitingSince, language) })}
                  </span>
                </td>
                <td>
                  <ReviewActionBar
                    report={report}
                    variant="inline"
                    context={organization ? t('review.queue.reportContext', { report: title, organization }) : title}
                    onDone={(_step, message) => {
                      onStepDone(title, message)
                    }}
                  />
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
