import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '@/components/Button'
import { SelectField, TextField } from '@/components/form'
import { activityId, addFigureId, FIELD_IDS, figureId, type FigurePart } from '../model/fieldIds'
import {
  ACTIVITY_ACTORS,
  emptyActivity,
  emptyFigure,
  move,
  parseFigure,
  type ActivityValues,
  type FigureValues,
} from '../model/reportValues'
import { Dialog } from '@/components/Dialog'
import { TextAreaField } from './TextAreaField'
import styles from './Reports.module.css'

type Update = (update: (activities: ActivityValues[]) => ActivityValues[]) => void

/** Focuses an element once React has rendered it. */
function focusSoon(id: string) {
  requestAnimationFrame(() => {
    document.getElementById(id)?.focus()
  })
}

/**
 * The activities (取組): add, remove (asking first when something is written), reorder
 * with buttons, and each activity's title, description, actor and figures. Moves and
 * removals are announced, and focus stays on the control that was used.
 */
export function ActivitiesEditor({
  activities,
  onChange,
  errorFor,
}: {
  activities: readonly ActivityValues[]
  onChange: Update
  errorFor: (path: string) => string | null
}) {
  const { t } = useTranslation()
  const [announcement, setAnnouncement] = useState('')
  const [removing, setRemoving] = useState<number | null>(null)
  const cancelRef = useRef<HTMLButtonElement>(null)

  const add = () => {
    const index = activities.length
    onChange((list) => [...list, emptyActivity()])
    setAnnouncement(t('reports.activities.added', { number: index + 1 }))
    focusSoon(activityId(index, 'title'))
  }

  const moveTo = (from: number, to: number, key: string, direction: 'up' | 'down') => {
    onChange((list) => move(list, from, to))
    setAnnouncement(t('reports.activities.moved', { from: from + 1, to: to + 1 }))
    // Stay on the same button if it can still be used, else on the other one.
    const stillPossible = direction === 'up' ? to > 0 : to < activities.length - 1
    focusSoon(`activity-${key}-${stillPossible ? direction : direction === 'up' ? 'down' : 'up'}`)
  }

  const remove = (index: number) => {
    onChange((list) => list.filter((_, i) => i !== index))
    setRemoving(null)
    setAnnouncement(t('reports.activities.removed', { number: index + 1 }))
    focusSoon(FIELD_IDS.addActivity)
  }

  const askRemove = (index: number) => {
    const activity = activities[index]
    const written =
      activity !== undefined &&
      (activity.title.trim() !== '' || activity.description.trim() !== '' || activity.figures.length > 0)
    if (written) setRemoving(index)
    else remove(index)
  }

  const listError = errorFor('activities')
  return (
    <div className={styles.activities} id={FIELD_IDS.activities}>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {activities.length === 0 ? <p className={styles.muted}>{t('reports.activities.none')}</p> : null}
      <ol className={styles.activityList}>
        {activities.map((activity, index) => (
          <li key={activity.key}>
            <ActivityEditor
              activity={activity}
              index={index}
              count={activities.length}
              errorFor={errorFor}
              onChange={(update) => {
                onChange((list) => list.map((a, i) => (i === index ? update(a) : a)))
              }}
              onMove={(to, direction) => {
                moveTo(index, to, activity.key, direction)
              }}
              onRemove={() => {
                askRemove(index)
              }}
            />
          </li>
        ))}
      </ol>
      {listError ? <p className={styles.fieldError}>{listError}</p> : null}
      <div>
        <Button id={FIELD_IDS.addActivity} variant="secondary" onClick={add}>
          {t('reports.activities.add')}
        </Button>
      </div>
      <Dialog
        open={removing !== null}
        title={t('reports.activities.removeTitle', { number: (removing ?? 0) + 1 })}
        initialFocus={cancelRef}
        onCancel={() => {
          setRemoving(null)
        }}
        actions={
          <>
            <Button
              variant="danger"
              onClick={() => {
                if (removing !== null) remove(removing)
              }}
            >
              {t('reports.activities.removeConfirm')}
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
        <p>
          {t('reports.activities.removeBody', {
            title: removing !== null && activities[removing]?.title.trim() ? activities[removing].title : t('reports.activities.untitled'),
          })}
        </p>
      </Dialog>
    </div>
  )
}

function ActivityEditor({
  activity,
  index,
  count,
  errorFor,
  onChange,
  onMove,
  onRemove,
}: {
  activity: ActivityValues
  index: number
  count: number
  errorFor: (path: string) => string | null
  onChange: (update: (activity: ActivityValues) => ActivityValues) => void
  onMove: (to: number, direction: 'up' | 'down') => void
  onRemove: () => void
}) {
  const { t } = useTranslation()
  const number = index + 1
  const path = `activities[${String(index)}]`
  const context = <span className="visually-hidden">{t('reports.activities.context', { number })}</span>

  const setFigures = (update: (figures: FigureValues[]) => FigureValues[]) => {
    onChange((a) => ({ ...a, figures: update(a.figures) }))
  }

  return (
    <fieldset className={styles.activity}>
      <legend className={styles.activityLegend}>{t('reports.activities.legend', { number })}</legend>
      <div className={styles.activityTools}>
        <Button id={`activity-${activity.key}-up`} variant="secondary" className={styles.small} disabled={index === 0} onClick={() => {
            onMove(index - 1, 'up')
          }}>
          {t('reports.activities.moveUp')}
          {context}
        </Button>
        <Button
          id={`activity-${activity.key}-down`}
          variant="secondary"
          className={styles.small}
          disabled={index === count - 1}
          onClick={() => {
            onMove(index + 1, 'down')
          }}
        >
          {t('reports.activities.moveDown')}
          {context}
        </Button>
        <Button variant="secondary" className={styles.small} onClick={onRemove}>
          {t('reports.activities.remove')}
          {context}
        </Button>
      </div>
      <TextField
        id={activityId(index, 'title')}
        label={t('reports.activities.title')}
        required
        hint={t('reports.activities.titleHint')}
        value={activity.title}
        maxLength={200}
        error={errorFor(`${path}.title`)}
        onChange={(title) => {
          onChange((a) => ({ ...a, title }))
        }}
      />
      <TextAreaField
        id={activityId(index, 'description')}
        label={t('reports.activities.description')}
        rows={4}
        value={activity.description}
        error={errorFor(`${path}.description`)}
        onChange={(description) => {
          onChange((a) => ({ ...a, description }))
        }}
      />
      <SelectField
        id={activityId(index, 'actor')}
        label={t('reports.activities.actor')}
        hint={t('reports.activities.actorHint')}
        value={activity.actor}
        className={styles.narrowField}
        onChange={(actor) => {
          onChange((a) => ({ ...a, actor: ACTIVITY_ACTORS.find((x) => x === actor) ?? '' }))
        }}
      >
        <option value="">{t('reports.activities.actorNone')}</option>
        {ACTIVITY_ACTORS.map((actor) => (
          <option key={actor} value={actor}>
            {t(`reports.actors.${actor}`)}
          </option>
        ))}
      </SelectField>
      <div className={styles.figures}>
        <h3 className={styles.figuresHeading}>{t('reports.figures.heading')}</h3>
        <p className={styles.hint}>{t('reports.figures.hint')}</p>
        {activity.figures.map((figure, figureIndex) => (
          <FigureEditor
            key={figure.key}
            figure={figure}
            activityIndex={index}
            index={figureIndex}
            errorFor={(part) => errorFor(`${path}.figures[${String(figureIndex)}].${part}`)}
            onChange={(update) => {
              setFigures((list) => list.map((f, i) => (i === figureIndex ? update(f) : f)))
            }}
            onRemove={() => {
              setFigures((list) => list.filter((_, i) => i !== figureIndex))
              focusSoon(addFigureId(index))
            }}
          />
        ))}
        {errorFor(`${path}.figures`) ? <p className={styles.fieldError}>{errorFor(`${path}.figures`)}</p> : null}
        <div>
          <Button
            id={addFigureId(index)}
            variant="secondary"
            className={styles.small}
            onClick={() => {
              const figureIndex = activity.figures.length
              setFigures((list) => [...list, emptyFigure()])
              focusSoon(figureId(index, figureIndex, 'name'))
            }}
          >
            {t('reports.figures.add')}
            {context}
          </Button>
        </div>
      </div>
    </fieldset>
  )
}

function FigureEditor({
  figure,
  activityIndex,
  index,
  errorFor,
  onChange,
  onRemove,
}: {
  figure: FigureValues
  activityIndex: number
  index: number
  errorFor: (part: FigurePart) => string | null
  onChange: (update: (figure: FigureValues) => FigureValues) => void
  onRemove: () => void
}) {
  const { t } = useTranslation()
  const id = (part: FigurePart) => figureId(activityIndex, index, part)
  const numberError = (part: 'planned' | 'actual') =>
    parseFigure(figure[part]) === 'invalid' ? t('reports.figures.notANumber') : errorFor(part)
  const set = (part: FigurePart) => (value: string) => {
    onChange((f) => ({ ...f, [part]: value }))
  }
  return (
    <fieldset className={styles.figure}>
      <legend className={styles.figureLegend}>{t('reports.figures.legend', { number: index + 1 })}</legend>
      <div className={styles.figureFields}>
        <TextField id={id('name')} label={t('reports.figures.name')} optionalMark={false} value={figure.name} maxLength={200} error={errorFor('name')} onChange={set('name')} />
        <TextField id={id('unit')} label={t('reports.figures.unit')} optionalMark={false} value={figure.unit} maxLength={200} error={errorFor('unit')} onChange={set('unit')} />
        <TextField
          id={id('planned')}
          label={t('reports.figures.planned')}
          optionalMark={false}
          inputMode="decimal"
          value={figure.planned}
          error={numberError('planned')}
          onChange={set('planned')}
        />
        <TextField
          id={id('actual')}
          label={t('reports.figures.actual')}
          optionalMark={false}
          inputMode="decimal"
          value={figure.actual}
          error={numberError('actual')}
          onChange={set('actual')}
        />
      </div>
      <div>
        <Button variant="secondary" className={styles.small} onClick={onRemove}>
          {t('reports.figures.remove')}
          <span className="visually-hidden">{t('reports.figures.context', { activity: activityIndex + 1, number: index + 1 })}</span>
        </Button>
      </div>
    </fieldset>
  )
}
