import type { ResultOf } from '@graphql-typed-document-node/core'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { Button } from '@/components/Button'
import { SelectField } from '@/components/form'
import { StatusMessage } from '@/components/StatusMessage'
import { getFragmentData, type FragmentType } from '@/gql'
import { useSignedInUser } from '@/features/session'
import { cx } from '@/lib/cx'
import { describeError, type DescribedError } from '@/lib/graphqlError'
import { formatJapanTime } from '@/lib/japanTime'
import { useLanguage } from '@/lib/useLanguage'
import {
  AddCommentMutation,
  CommentFieldsFragment,
  ResolveCommentMutation,
  RetractCommentMutation,
} from '../api/operations'
import { REPORT_FIELDS, type ReportField } from '../model/reportValues'
import { commentsAnchor, threadsByField, type Thread } from '../model/workflow'
import { Dialog } from '@/components/Dialog'
import { TextAreaField } from './TextAreaField'
import styles from './Reports.module.css'

type CommentData = ResultOf<typeof CommentFieldsFragment>

/**
 * The report's comments: threads per field (the report as a whole first), each with its
 * replies; anyone taking part may reply and mark a thread resolved (or open it again), and
 * authors may retract their own comments (the trace stays, the text goes).
 */
export function CommentsPanel({
  reportId,
  comments: refs,
  activityCount,
  onChanged,
}: {
  reportId: string
  comments: readonly FragmentType<typeof CommentFieldsFragment>[]
  activityCount: number
  onChanged: () => void
}) {
  const { t } = useTranslation()
  const comments = getFragmentData(CommentFieldsFragment, refs)
  const groups = threadsByField(comments)
  const [announcement, setAnnouncement] = useState('')
  const [problem, setProblem] = useState<DescribedError | null>(null)
  const [retracting, setRetracting] = useState<CommentData | null>(null)
  const [, retract] = useMutation(RetractCommentMutation)
  const cancelRef = useRef<HTMLButtonElement>(null)

  const report = (message: string) => {
    setProblem(null)
    setAnnouncement(message)
    onChanged()
  }

  const confirmRetract = async () => {
    if (!retracting) return
    const result = await retract({ id: retracting.id })
    setRetracting(null)
    if (result.error) setProblem(describeError(result.error))
    else report(t('reports.comments.retracted'))
  }

  return (
    <section className={styles.comments} aria-labelledby="comments-heading">
      <h2 id="comments-heading" className={styles.sectionTitleSmall}>
        {t('reports.comments.heading')}
      </h2>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {problem ? <StatusMessage tone="warning">{problem.message ?? t(`errors.headings.${problem.kind}`)}</StatusMessage> : null}
      <NewCommentForm reportId={reportId} activityCount={activityCount} onAdded={report} onProblem={setProblem} />
      {groups.length === 0 ? <p className={styles.muted}>{t('reports.comments.none')}</p> : null}
      {groups.map((group) => (
        <div key={group.field ?? 'report'} className={styles.threadGroup}>
          <h3 id={commentsAnchor(group.field)} tabIndex={-1} className={styles.threadGroupTitle}>
            {group.field ? t(`reports.fields.${group.field}`) : t('reports.comments.wholeReport')}
          </h3>
          <ul className={styles.threads}>
            {group.threads.map((thread) => (
              <li key={thread.root.id}>
                <ThreadView
                  reportId={reportId}
                  thread={thread}
                  onChanged={report}
                  onProblem={setProblem}
                  onRetract={setRetracting}
                />
              </li>
            ))}
          </ul>
        </div>
      ))}
      <Dialog
        open={retracting !== null}
        title={t('reports.comments.retractTitle')}
        initialFocus={cancelRef}
        onCancel={() => {
          setRetracting(null)
        }}
        actions={
          <>
            <Button variant="danger" onClick={() => void confirmRetract()}>
              {t('reports.comments.retractConfirm')}
            </Button>
            <Button
              ref={cancelRef}
              variant="secondary"
              onClick={() => {
                setRetracting(null)
              }}
            >
              {t('form.cancel')}
            </Button>
          </>
        }
      >
        <p>{t('reports.comments.retractBody')}</p>
      </Dialog>
    </section>
  )
}

function NewCommentForm({
  reportId,
  activityCount,
  onAdded,
  onProblem,
}: {
  reportId: string
  activityCount: number
  onAdded: (message: string) => void
  onProblem: (problem: DescribedError | null) => void
}) {
  const { t } = useTranslation()
  const [field, setField] = useState<ReportField | ''>('')
  const [activity, setActivity] = useState('')
  const [body, setBody] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [{ fetching }, add] = useMutation(AddCommentMutation)

  const send = async () => {
    if (fetching) return
    if (body.trim() === '') {
      setError(t('reports.comments.bodyRequired'))
      document.getElementById('comment-new-body')?.focus()
      return
    }
    setError(null)
    const result = await add({
      reportId,
      body: body.trim(),
      field: field === '' ? null : field,
      activityIndex: field === 'ACTIVITIES' && activity !== '' ? Number(activity) : null,
    })
    if (result.error) {
      onProblem(describeError(result.error))
      return
    }
    setBody('')
    onAdded(t('reports.comments.added'))
  }

  return (
    <form
      className={styles.commentForm}
      aria-label={t('reports.comments.newLabel')}
      onSubmit={(event) => {
        event.preventDefault()
        void send()
      }}
      noValidate
    >
      <SelectField
        id="comment-new-field"
        label={t('reports.comments.about')}
        optionalMark={false}
        value={field}
        onChange={(value) => {
          setField(REPORT_FIELDS.find((f) => f === value) ?? '')
        }}
      >
        <option value="">{t('reports.comments.wholeReport')}</option>
        {REPORT_FIELDS.map((f) => (
          <option key={f} value={f}>
            {t(`reports.fields.${f}`)}
          </option>
        ))}
      </SelectField>
      {field === 'ACTIVITIES' && activityCount > 0 ? (
        <SelectField
          id="comment-new-activity"
          label={t('reports.comments.activity')}
          optionalMark={false}
          value={activity}
          onChange={setActivity}
        >
          <option value="">{t('reports.comments.allActivities')}</option>
          {Array.from({ length: activityCount }, (_, index) => (
            <option key={index} value={String(index)}>
              {t('reports.activities.legend', { number: index + 1 })}
            </option>
          ))}
        </SelectField>
      ) : null}
      <TextAreaField
        id="comment-new-body"
        label={t('reports.comments.body')}
        required
        rows={3}
        value={body}
        error={error}
        onChange={setBody}
      />
      <div>
        <Button type="submit" className={styles.small} aria-disabled={fetching || undefined}>
          {fetching ? t('reports.comments.sending') : t('reports.comments.send')}
        </Button>
      </div>
    </form>
  )
}

function ThreadView({
  reportId,
  thread,
  onChanged,
  onProblem,
  onRetract,
}: {
  reportId: string
  thread: Thread<CommentData>
  onChanged: (message: string) => void
  onProblem: (problem: DescribedError | null) => void
  onRetract: (comment: CommentData) => void
}) {
  const { t } = useTranslation()
  const [replying, setReplying] = useState(false)
  const [reply, setReply] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [{ fetching: sending }, add] = useMutation(AddCommentMutation)
  const [{ fetching: resolving }, resolve] = useMutation(ResolveCommentMutation)
  const replyId = `comment-${thread.root.id}-reply`

  const sendReply = async () => {
    if (sending) return
    if (reply.trim() === '') {
      setError(t('reports.comments.bodyRequired'))
      document.getElementById(replyId)?.focus()
      return
    }
    const result = await add({ reportId, body: reply.trim(), parentId: thread.root.id })
    if (result.error) {
      onProblem(describeError(result.error))
      return
    }
    setReply('')
    setError(null)
    setReplying(false)
    onChanged(t('reports.comments.replied'))
  }

  const toggleResolved = async () => {
    if (resolving) return
    const result = await resolve({ id: thread.root.id, resolved: !thread.resolved })
    if (result.error) onProblem(describeError(result.error))
    else onChanged(thread.resolved ? t('reports.comments.reopened') : t('reports.comments.resolvedNow'))
  }

  return (
    <article className={cx(styles.thread, thread.resolved && styles.threadResolved)} aria-label={t('reports.comments.threadLabel', { name: thread.root.author?.displayName ?? t('reports.comments.someone') })}>
      <CommentView comment={thread.root} onRetract={onRetract} />
      {thread.resolved ? (
        <p className={styles.resolvedNote}>
          {t('reports.comments.resolvedBy', {
            name: thread.root.resolvedBy?.displayName ?? t('reports.comments.someone'),
          })}
        </p>
      ) : null}
      {thread.replies.length > 0 ? (
        <ul className={styles.replies} aria-label={t('reports.comments.repliesLabel')}>
          {thread.replies.map((r) => (
            <li key={r.id}>
              <CommentView comment={r} onRetract={onRetract} />
            </li>
          ))}
        </ul>
      ) : null}
      {replying ? (
        <form
          className={styles.commentForm}
          onSubmit={(event) => {
            event.preventDefault()
            void sendReply()
          }}
          noValidate
        >
          <TextAreaField id={replyId} label={t('reports.comments.reply')} required rows={3} value={reply} error={error} onChange={setReply} />
          <div className={styles.actions}>
            <Button type="submit" className={styles.small} aria-disabled={sending || undefined}>
              {sending ? t('reports.comments.sending') : t('reports.comments.sendReply')}
            </Button>
            <Button
              variant="secondary"
              className={styles.small}
              onClick={() => {
                setReplying(false)
                setError(null)
              }}
            >
              {t('form.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <div className={styles.actions}>
          <Button
            variant="secondary"
            className={styles.small}
            onClick={() => {
              setReplying(true)
              requestAnimationFrame(() => {
                document.getElementById(replyId)?.focus()
              })
            }}
          >
            {t('reports.comments.reply')}
          </Button>
          <Button variant="secondary" className={styles.small} onClick={() => void toggleResolved()} aria-disabled={resolving || undefined}>
            {thread.resolved ? t('reports.comments.reopen') : t('reports.comments.resolve')}
          </Button>
        </div>
      )}
    </article>
  )
}

function CommentView({ comment, onRetract }: { comment: CommentData; onRetract: (comment: CommentData) => void }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const user = useSignedInUser()
  const mine = user !== null && comment.author?.id === user.id
  const name = comment.author?.displayName ?? t('reports.comments.someone')
  return (
    <div className={styles.comment}>
      <p className={styles.commentMeta}>
        <span className={styles.commentAuthor}>{name}</span>
        <span>{formatJapanTime(comment.createdAt, language)}</span>
        {comment.activityIndex != null ? (
          <span className={styles.commentTag}>{t('reports.activities.legend', { number: comment.activityIndex + 1 })}</span>
        ) : null}
        {comment.editedAt && !comment.retractedAt ? <span>{t('reports.comments.edited')}</span> : null}
      </p>
      {comment.retractedAt ? (
        <p className={styles.muted}>
          {t('reports.comments.retractedNote', { time: formatJapanTime(comment.retractedAt, language) })}
        </p>
      ) : (
        <p className={styles.preWrap}>{comment.body}</p>
      )}
      {mine && !comment.retractedAt ? (
        <div>
          <Button
            variant="secondary"
            className={styles.small}
            onClick={() => {
              onRetract(comment)
            }}
          >
            {t('reports.comments.retract')}
          </Button>
        </div>
      ) : null}
    </div>
  )
}
