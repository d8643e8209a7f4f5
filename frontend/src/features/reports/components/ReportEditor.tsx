import { useCallback, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useClient, useMutation } from 'urql'
import { Button } from '@/components/Button'
import { ErrorSummary, RadioGroup, type SummaryItem } from '@/components/form'
import { StatusMessage } from '@/components/StatusMessage'
import { getFragmentData } from '@/gql'
import { describeError } from '@/lib/graphqlError'
import {
  CommentFieldsFragment,
  ReportContentFragment,
  ReportQuery,
  SubmitReportMutation,
  type ReportData,
} from '../api/operations'
import { useLeaveGuard } from '../hooks/useLeaveGuard'
import { useReportAutosave } from '../hooks/useReportAutosave'
import { FIELD_IDS, fieldIdForPath } from '../model/fieldIds'
import { offers, openThreadCounts } from '../model/workflow'
import {
  isEmptyReport,
  NEXT_STEPS,
  SELF_RATINGS,
  valuesFromReport,
  type ConflictRow,
  type NextStep,
  type ReportValues,
  type SelfRating,
} from '../model/reportValues'
import { ActivitiesEditor } from './ActivitiesEditor'
import { CommentCount } from './CommentCount'
import { ConflictPanel, ReplacedInput } from './ConflictPanel'
import { CopyPreviousPanel } from './CopyPreviousPanel'
import { Dialog } from '@/components/Dialog'
import { EvidenceSection } from './EvidenceSection'
import { useFieldTextLabels } from './fieldLabels'
import { IndicatorsField } from './IndicatorsField'
import { LeaveDialog } from './LeaveDialog'
import { SaveStatus } from './SaveStatus'
import { TextAreaField } from './TextAreaField'
import { UnchangedMark } from './UnchangedMark'
import styles from './Reports.module.css'

type SubmitProblem =
  | { kind: 'missing'; items: SummaryItem[] }
  | { kind: 'unsaved' }
  | { kind: 'error'; message: string }

/**
 * The report editor: every part of the report, saved as the writer goes (a moment after
 * typing stops, when a field loses focus, and before leaving), with the save status in a
 * live region; conflicts resolved without losing text; evidence; and the check before
 * submitting, which lists what is missing with links to the fields.
 */
export function ReportEditor({
  report,
  onRefresh,
  onSubmitted,
}: {
  report: ReportData
  onRefresh: () => void
  onSubmitted: (notice: string) => void
}) {
  const { t } = useTranslation()
  const client = useClient()
  const { controller, state } = useReportAutosave(report.id, () => {
    const values = valuesFromReport(getFragmentData(ReportContentFragment, report))
    return { values, base: values, version: report.version }
  })
  const { values } = state.doc
  const { status } = state
  const planIndicators = report.direction?.plan.indicators ?? []
  const labels = useFieldTextLabels(planIndicators)
  const leave = useLeaveGuard(controller)
  const [replaced, setReplaced] = useState<{ mine: ReportValues; rows: ConflictRow[] } | null>(null)
  const [copied, setCopied] = useState(false)
  const [problem, setProblem] = useState<SubmitProblem | null>(null)
  const [attempt, setAttempt] = useState(0)
  const [checking, setChecking] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [{ fetching: submitting }, submitReport] = useMutation(SubmitReportMutation)
  const cancelSubmitRef = useRef<HTMLButtonElement>(null)
  // The server offers SUBMIT from a draft; a report not started yet is empty, but its
  // writer may still ask what a submission needs.
  const canSubmit = offers(report.availableActions, 'SUBMIT') || report.status === 'NOT_STARTED'

  const edit = useCallback(
    (update: (values: ReportValues) => ReportValues) => {
      controller.edit(update)
    },
    [controller],
  )
  const fieldErrors = status.kind === 'failed' ? status.fields : {}
  const errorFor = (path: string) => fieldErrors[path] ?? null
  const unchanged = new Set<string>(report.copiedFromId ? report.unchangedSinceCopy : [])
  const ratingNeedsReason = values.selfRating === 'C' || values.selfRating === 'D'
  const openComments = openThreadCounts(getFragmentData(CommentFieldsFragment, report.comments))

  const checkBeforeSubmit = async () => {
    if (checking) return
    setChecking(true)
    try {
      await controller.flush()
      if (!controller.isSaved()) {
        setProblem({ kind: 'unsaved' })
        return
      }
      const result = await client.query(ReportQuery, { id: report.id }, { requestPolicy: 'network-only' }).toPromise()
      const fresh = result.data?.report
      if (!fresh) {
        setProblem({ kind: 'error', message: result.error?.message ?? t('errors.genericMessage') })
        return
      }
      if (fresh.missingForSubmission.length > 0) {
        setProblem({
          kind: 'missing',
          items: fresh.missingForSubmission.map((part) => ({
            fieldId: fieldIdForPath(part.field) ?? FIELD_IDS.addActivity,
            message: part.message,
          })),
        })
        return
      }
      if (!offers(fresh.availableActions, 'SUBMIT')) {
        setProblem({ kind: 'error', message: t('reports.submit.notOffered') })
        return
      }
      setProblem(null)
      setConfirming(true)
    } finally {
      setChecking(false)
      setAttempt((n) => n + 1)
    }
  }

  const submit = async () => {
    if (submitting) return
    const result = await submitReport({ id: report.id, expectedVersion: controller.getState().doc.version })
    setConfirming(false)
    const submitted = result.data?.submitReport
    if (submitted) {
      onSubmitted(
        submitted.status === 'AWAITING_MANAGER' ? t('reports.submit.doneManager') : t('reports.submit.doneReviewers'),
      )
      return
    }
    if (result.error) {
      const described = describeError(result.error)
      setProblem({
        kind: 'error',
        message: described.kind === 'CONFLICT' ? t('reports.submit.conflict') : (described.message ?? t(`errors.headings.${described.kind}`)),
      })
      setAttempt((n) => n + 1)
      if (described.kind === 'CONFLICT') onRefresh()
    }
  }

  return (
    <div className={styles.editor}>
      <div className={styles.saveBar}>
        <SaveStatus state={state} />
        <div className={styles.saveBarActions}>
          {status.kind === 'failed' ? (
            <Button variant="secondary" className={styles.small} onClick={() => void controller.flush()}>
              {t('reports.save.retry')}
            </Button>
          ) : null}
          {canSubmit ? (
            <Button className={styles.small} onClick={() => void checkBeforeSubmit()} aria-disabled={checking || undefined}>
              {checking ? t('reports.submit.checking') : t('reports.submit.button')}
            </Button>
          ) : null}
        </div>
      </div>

      {problem ? (
        problem.kind === 'missing' ? (
          <ErrorSummary
            title={t('reports.submit.missingTitle')}
            message={t('reports.submit.missingBody')}
            items={problem.items}
            attempt={attempt}
          />
        ) : (
          <ErrorSummary
            title={t('reports.submit.blockedTitle')}
            message={problem.kind === 'unsaved' ? t('reports.submit.unsaved') : problem.message}
            attempt={attempt}
          />
        )
      ) : null}

      {status.kind === 'conflict' ? (
        <ConflictPanel
          reportId={report.id}
          doc={state.doc}
          controller={controller}
          labels={labels}
          onTookTheirs={(mine, rows) => {
            setReplaced({ mine, rows })
            onRefresh()
          }}
        />
      ) : null}
      {replaced ? (
        <ReplacedInput
          mine={replaced.mine}
          rows={replaced.rows}
          labels={labels}
          onClose={() => {
            setReplaced(null)
          }}
        />
      ) : null}
      {copied ? <StatusMessage>{t('reports.copy.done')}</StatusMessage> : null}
      {isEmptyReport(values) && status.kind !== 'conflict' ? (
        <CopyPreviousPanel
          reportId={report.id}
          controller={controller}
          onCopied={() => {
            setCopied(true)
            onRefresh()
          }}
        />
      ) : null}

      <div
        className={styles.sections}
        onBlur={() => {
          void controller.flush()
        }}
      >
        <section className={styles.section} aria-labelledby="section-activities">
          <h2 id="section-activities" className={styles.sectionTitle}>
            {t('reports.fields.ACTIVITIES')}
            {unchanged.has('ACTIVITIES') ? <UnchangedMark /> : null}
            <CommentCount field="ACTIVITIES" counts={openComments} />
          </h2>
          <p className={styles.hint}>{t('reports.activities.intro')}</p>
          <ActivitiesEditor
            activities={values.activities}
            errorFor={errorFor}
            onChange={(update) => {
              edit((v) => ({ ...v, activities: update(v.activities) }))
            }}
          />
        </section>

        <section className={styles.section} aria-labelledby="section-results">
          <h2 id="section-results" className={styles.sectionTitle}>
            {t('reports.sections.results')}
            {unchanged.has('RESULTS_SUMMARY') ? <UnchangedMark /> : null}
            <CommentCount field="RESULTS_SUMMARY" counts={openComments} />
          </h2>
          <TextAreaField
            id={FIELD_IDS.resultsSummary}
            label={t('reports.fields.RESULTS_SUMMARY')}
            hint={t('reports.hints.resultsSummary')}
            required
            rows={6}
            value={values.resultsSummary}
            error={errorFor('resultsSummary')}
            onChange={(resultsSummary) => {
              edit((v) => ({ ...v, resultsSummary }))
            }}
          />
        </section>

        <section className={styles.section} aria-labelledby="section-rating">
          <h2 id="section-rating" className={styles.sectionTitle}>
            {t('reports.sections.rating')}
            {unchanged.has('SELF_RATING') ? <UnchangedMark /> : null}
            <CommentCount field="SELF_RATING" counts={openComments} />
          </h2>
          <RadioGroup<SelfRating | ''>
            id={FIELD_IDS.selfRating}
            legend={t('reports.fields.SELF_RATING')}
            hint={t('reports.hints.selfRating')}
            required
            value={values.selfRating}
            error={errorFor('selfRating')}
            choices={SELF_RATINGS.map((rating) => ({
              value: rating,
              label: t('reports.ratings.choice', { rating, label: t(`reports.ratings.${rating}.label`) }),
              description: t(`reports.ratings.${rating}.definition`),
            }))}
            onChange={(selfRating) => {
              edit((v) => ({ ...v, selfRating }))
            }}
          />
          <TextAreaField
            id={FIELD_IDS.ratingReason}
            label={t('reports.fields.RATING_REASON')}
            hint={ratingNeedsReason ? t('reports.hints.ratingReasonRequired') : t('reports.hints.ratingReason')}
            required={ratingNeedsReason}
            rows={4}
            value={values.ratingReason}
            error={errorFor('ratingReason')}
            onChange={(ratingReason) => {
              edit((v) => ({ ...v, ratingReason }))
            }}
          />
        </section>

        <section className={styles.section} aria-labelledby="section-issues">
          <h2 id="section-issues" className={styles.sectionTitle}>
            {t('reports.fields.ISSUES')}
            {unchanged.has('ISSUES') ? <UnchangedMark /> : null}
            <CommentCount field="ISSUES" counts={openComments} />
          </h2>
          <TextAreaField
            id={FIELD_IDS.issues}
            label={t('reports.fields.ISSUES')}
            hint={t('reports.hints.issues')}
            rows={4}
            value={values.issues}
            error={errorFor('issues')}
            onChange={(issues) => {
              edit((v) => ({ ...v, issues }))
            }}
          />
        </section>

        <section className={styles.section} aria-labelledby="section-next">
          <h2 id="section-next" className={styles.sectionTitle}>
            {t('reports.fields.NEXT_STEP')}
            {unchanged.has('NEXT_STEP') ? <UnchangedMark /> : null}
            <CommentCount field="NEXT_STEP" counts={openComments} />
          </h2>
          <RadioGroup<NextStep | ''>
            id={FIELD_IDS.nextStep}
            legend={t('reports.fields.NEXT_STEP')}
            required
            value={values.nextStep}
            error={errorFor('nextStep')}
            choices={NEXT_STEPS.map((step) => ({ value: step, label: t(`reports.nextSteps.${step}`) }))}
            onChange={(nextStep) => {
              edit((v) => ({ ...v, nextStep }))
            }}
          />
          <TextAreaField
            id={FIELD_IDS.nextStepReason}
            label={t('reports.fields.NEXT_STEP_REASON')}
            hint={t('reports.hints.nextStepReason')}
            rows={4}
            value={values.nextStepReason}
            error={errorFor('nextStepReason')}
            onChange={(nextStepReason) => {
              edit((v) => ({ ...v, nextStepReason }))
            }}
          />
        </section>

        <section className={styles.section} aria-labelledby="section-indicators">
          <h2 id="section-indicators" className={styles.sectionTitle}>
            {t('reports.sections.indicators')}
            {unchanged.has('INDICATORS') ? <UnchangedMark /> : null}
            <CommentCount field="INDICATORS" counts={openComments} />
          </h2>
          <IndicatorsField
            indicators={planIndicators}
            goalId={report.direction?.goal.id ?? null}
            value={values.indicatorIds}
            error={errorFor('indicatorIds')}
            onChange={(indicatorIds) => {
              edit((v) => ({ ...v, indicatorIds }))
            }}
          />
        </section>
      </div>

      <section className={styles.section} aria-labelledby="section-evidence">
        <h2 id="section-evidence" className={styles.sectionTitle}>
          {t('reports.sections.evidence')}
        </h2>
        <EvidenceSection reportId={report.id} evidence={report.evidence} editable onChanged={onRefresh} />
      </section>

      {canSubmit ? (
        <section className={styles.section} aria-labelledby="section-submit">
          <h2 id="section-submit" className={styles.sectionTitle}>
            {t('reports.submit.heading')}
          </h2>
          <p>{t('reports.submit.intro')}</p>
          <div>
            <Button onClick={() => void checkBeforeSubmit()} aria-disabled={checking || undefined}>
              {checking ? t('reports.submit.checking') : t('reports.submit.button')}
            </Button>
          </div>
        </section>
      ) : null}
      <Dialog
        open={confirming}
        title={t('reports.submit.confirmTitle')}
        initialFocus={cancelSubmitRef}
        onCancel={() => {
          setConfirming(false)
        }}
        actions={
          <>
            <Button onClick={() => void submit()} aria-disabled={submitting || undefined}>
              {submitting ? t('reports.submit.submitting') : t('reports.submit.confirm')}
            </Button>
            <Button
              ref={cancelSubmitRef}
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
        <p>{t('reports.submit.confirmBody')}</p>
        <p>{t('reports.submit.complete')}</p>
      </Dialog>
      <LeaveDialog leave={leave} />
    </div>
  )
}
