import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery } from 'urql'
import { Button } from '@/components/Button'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { StatusMessage } from '@/components/StatusMessage'
import { cx } from '@/lib/cx'
import { describeError } from '@/lib/graphqlError'
import { useLanguage } from '@/lib/useLanguage'
import { AdminOwnershipQuery, AssignDirectionMutation, UnassignDirectionMutation } from '../api/ownership'
import { buildOwnershipMatrix, rowSteps, type CellValue, type OwnershipLike } from '../model/ownershipMatrix'
import styles from './Admin.module.css'

interface Message {
  tone: 'success' | 'error'
  text: string
}

type Drafts = ReadonlyMap<string, Readonly<Record<string, CellValue>>>

function without(row: Readonly<Record<string, CellValue>>, organizationIds: readonly string[]): Record<string, CellValue> {
  return Object.fromEntries(Object.entries(row).filter(([id]) => !organizationIds.includes(id)))
}

/** The drafts with a direction's row replaced; an empty row is no draft at all. */
function withRow(drafts: Drafts, directionId: string, row: Record<string, CellValue>): Drafts {
  const next = new Map(drafts)
  if (Object.keys(row).length === 0) next.delete(directionId)
  else next.set(directionId, row)
  return next
}

/**
 * The matrix: one row per direction (grouped by goal and policy), one column per department
 * and the Council, a select in each cell (主担当 / 関係課 / none). Choices are kept as the
 * row's unsaved changes until "save" on that row: a keyboard user moving through a select's
 * options never changes anything on the way, and a lead can be moved from one organisation
 * to another in one save. The server's refusal (a direction left without its lead, say) is
 * shown in its words; what it refused stays chosen, to be corrected or undone.
 */
export function OwnershipMatrixSection({ planCode }: { planCode: string }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [result, reexecute] = useQuery({ query: AdminOwnershipQuery, variables: { code: planCode }, requestPolicy: 'cache-and-network' })
  const retry = useCallback(() => {
    reexecute({ requestPolicy: 'network-only' })
  }, [reexecute])
  const [owners, setOwners] = useState<ReadonlyMap<string, readonly OwnershipLike[]>>(new Map())
  const [drafts, setDrafts] = useState<Drafts>(new Map())
  const [saving, setSaving] = useState<string | null>(null)
  const [message, setMessage] = useState<Message | null>(null)
  const [, assign] = useMutation(AssignDirectionMutation)
  const [, unassign] = useMutation(UnassignDirectionMutation)

  const plan = result.data?.plan
  const organizations = result.data?.organizations
  if (result.error && !plan) return <ErrorState error={result.error} onRetry={retry} headingLevel={2} />
  if (!plan || !organizations) return <LoadingState />
  const matrix = buildOwnershipMatrix(plan, organizations, owners)
  const name = (o: { nameJa: string; nameEn: string }) => (language === 'en' ? o.nameEn : o.nameJa)
  const directionCount = matrix.groups.reduce((n, group) => n + group.rows.length, 0)
  const organizationName = new Map(matrix.columns.map((column) => [column.id, name(column)]))

  const choose = (directionId: string, organizationId: string, serverValue: CellValue, value: CellValue) => {
    setDrafts((before) => {
      const others = without(before.get(directionId) ?? {}, [organizationId])
      return withRow(before, directionId, value === serverValue ? others : { ...others, [organizationId]: value })
    })
  }

  const undo = (directionId: string) => {
    setDrafts((before) => {
      const next = new Map(before)
      next.delete(directionId)
      return next
    })
  }

  const save = async (direction: { id: string; code: string }, current: Record<string, CellValue>) => {
    const chosen = drafts.get(direction.id)
    if (!chosen || saving) return
    setSaving(direction.id)
    setMessage(null)
    const done: string[] = []
    for (const step of rowSteps(current, chosen)) {
      const answer =
        step.change.kind === 'assign'
          ? await assign({ directionId: direction.id, organizationId: step.organizationId, role: step.change.role })
          : await unassign({ directionId: direction.id, organizationId: step.organizationId })
      const data = answer.data && ('assignDirection' in answer.data ? answer.data.assignDirection : answer.data.unassignDirection)
      if (!data) {
        const described = answer.error ? describeError(answer.error) : null
        setMessage({
          tone: 'error',
          text: t('adminOwnership.failed', {
            code: direction.code,
            organization: organizationName.get(step.organizationId) ?? '',
            reason: described?.message ?? t(`errors.headings.${described?.kind ?? 'UNKNOWN'}`),
          }),
        })
        break
      }
      setOwners((before) => new Map(before).set(data.id, data.owners))
      done.push(step.organizationId)
    }
    // What the server took is no longer a draft; what it refused stays chosen.
    const left = without(drafts.get(direction.id) ?? {}, done)
    setDrafts((before) => withRow(before, direction.id, without(before.get(direction.id) ?? {}, done)))
    if (Object.keys(left).length === 0) setMessage({ tone: 'success', text: t('adminOwnership.saved', { code: direction.code }) })
    setSaving(null)
  }

  return (
    <section className={styles.page} aria-labelledby="ownership-matrix-heading">
      <h2 id="ownership-matrix-heading" className={styles.sectionHeading}>
        {t('adminOwnership.matrixHeading')}
      </h2>
      <p className={styles.secondary}>{t('adminOwnership.legend')}</p>
      <div className={styles.messages}>
        <div aria-live="polite" aria-atomic="true">
          {message?.tone === 'success' ? <StatusMessage>{message.text}</StatusMessage> : null}
          {drafts.size > 0 ? <p className={styles.secondary}>{t('adminOwnership.unsavedRows', { count: drafts.size })}</p> : null}
        </div>
        <div role="alert">{message?.tone === 'error' ? <p className={styles.alert}>{message.text}</p> : null}</div>
      </div>
      <span id="ownership-unsaved" hidden>
        {t('adminOwnership.unsaved')}
      </span>
      <div className={styles.scroll} role="region" aria-label={t('adminOwnership.scrollRegion')} tabIndex={0}>
        <table className={cx(styles.table, styles.matrixTable)}>
          <caption>
            {t('adminOwnership.caption', { directions: directionCount, organizations: matrix.columns.length })}
          </caption>
          <thead>
            <tr>
              <th scope="col" className={styles.stickyColumn}>
                {t('adminOwnership.direction')}
              </th>
              {matrix.columns.map((column) => (
                <th key={column.id} scope="col" className={styles.matrixColumn}>
                  {name(column)}
                </th>
              ))}
            </tr>
          </thead>
          {matrix.groups.map((group) => (
            <tbody key={group.policy.id}>
              <tr className={styles.groupRow}>
                <th scope="rowgroup" colSpan={matrix.columns.length + 1}>
                  <span className={styles.groupGoal}>
                    {t('adminOwnership.goal', { code: group.goal.code, name: name(group.goal) })}
                  </span>
                  <span>{t('adminOwnership.policy', { code: group.policy.code, name: name(group.policy) })}</span>
                </th>
              </tr>
              {group.rows.map((row) => {
                const directionLabel = `${row.direction.code} ${name(row.direction)}`
                const rowDrafts = drafts.get(row.direction.id)
                const current = Object.fromEntries(matrix.columns.map((column, index) => [column.id, row.cells[index] ?? '']))
                return (
                  <tr key={row.direction.id} className={rowDrafts ? styles.draftRow : undefined}>
                    <th scope="row" className={styles.stickyColumn}>
                      <span className={styles.directionCode}>{row.direction.code}</span> {name(row.direction)}
                      {row.hasLead ? null : <span className={styles.noLead}>{t('adminOwnership.noLead')}</span>}
                      {rowDrafts ? (
                        <span className={styles.rowActions}>
                          <Button
                            className={styles.smallButton}
                            aria-disabled={saving !== null || undefined}
                            onClick={() => void save(row.direction, current)}
                          >
                            {saving === row.direction.id ? t('adminOwnership.saving') : t('adminOwnership.save')}
                            <span className="visually-hidden">{t('adminOwnership.rowContext', { direction: directionLabel })}</span>
                          </Button>
                          <Button
                            variant="secondary"
                            className={styles.smallButton}
                            onClick={() => {
                              undo(row.direction.id)
                            }}
                          >
                            {t('adminOwnership.undo')}
                            <span className="visually-hidden">{t('adminOwnership.rowContext', { direction: directionLabel })}</span>
                          </Button>
                        </span>
                      ) : null}
                    </th>
                    {matrix.columns.map((column) => {
                      const serverValue = current[column.id] ?? ''
                      const draft = rowDrafts?.[column.id]
                      const shown = draft ?? serverValue
                      return (
                        <td
                          key={column.id}
                          className={cx(
                            styles.ownerCell,
                            shown === 'LEAD' && styles.leadCell,
                            shown === 'CO_OWNER' && styles.coOwnerCell,
                            draft !== undefined && styles.draftCell,
                          )}
                        >
                          <select
                            className={styles.ownerSelect}
                            value={shown}
                            aria-label={t('adminOwnership.cellLabel', { direction: directionLabel, organization: name(column) })}
                            aria-describedby={draft !== undefined ? 'ownership-unsaved' : undefined}
                            onChange={(event) => {
                              choose(row.direction.id, column.id, serverValue, event.target.value as CellValue)
                            }}
                          >
                            <option value="">{t('adminOwnership.roles.none')}</option>
                            <option value="LEAD">{t('adminOwnership.roles.LEAD')}</option>
                            <option value="CO_OWNER">{t('adminOwnership.roles.CO_OWNER')}</option>
                          </select>
                          {draft !== undefined ? <span className={styles.draftMark}>{t('adminOwnership.unsaved')}</span> : null}
                        </td>
                      )
                    })}
                  </tr>
                )
              })}
            </tbody>
          ))}
        </table>
      </div>
    </section>
  )
}
