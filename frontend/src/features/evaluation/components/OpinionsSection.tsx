import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '@/components/Button'
import { SelectField } from '@/components/form'
import { Notice } from '@/components/Notice'
import { StatusMessage } from '@/components/StatusMessage'
import { fiscalYearLabel } from '@/lib/fiscalYear'
import { formatJapanTime } from '@/lib/japanTime'
import type { DescribedError } from '@/lib/graphqlError'
import { cx } from '@/lib/cx'
import { useLanguage } from '@/lib/useLanguage'
import { AddOpinionMutation, RespondToOpinionMutation, type EvaluationData, type OpinionData } from '../api/operations'
import { useAction } from '../hooks/useAction'
import { OPINIONS_ANCHOR } from '../model/anchors'
import { isCarriedOver, opinionTarget, sortOpinions, targetChoices, type OpinionTarget } from '../model/opinions'
import type { Abilities } from '../model/permissions'
import { Problem, TextAreaField } from './parts'
import styles from './Evaluation.module.css'

/** The committee's opinions with the city's responses; forms by role. */
export function OpinionsSection({ evaluation, can }: { evaluation: EvaluationData; can: Abilities }) {
  const { t } = useTranslation()
  return (
    <section className={styles.card} aria-labelledby={OPINIONS_ANCHOR}>
      <h2 id={OPINIONS_ANCHOR}>{t('evaluation.opinions.heading')}</h2>
      <p className={styles.intro}>{t('evaluation.opinions.intro')}</p>
      {evaluation.opinions.length === 0 ? (
        <Notice>{t('evaluation.opinions.none')}</Notice>
      ) : (
        <ol className={styles.opinions}>
          {sortOpinions(evaluation.opinions, evaluation.fiscalYear).map((opinion, index) => (
            <li key={opinion.id}>
              <OpinionCard opinion={opinion} number={index + 1} evaluation={evaluation} canRespond={can.respond} />
            </li>
          ))}
        </ol>
      )}
      {can.giveOpinion ? <AddOpinionForm evaluation={evaluation} /> : null}
    </section>
  )
}

function useTargetName(): (target: OpinionTarget) => string {
  const { t } = useTranslation()
  const language = useLanguage()
  return (target) => {
    switch (target.kind) {
      case 'plan':
        return t('evaluation.common.wholePlan')
      case 'goal':
        return t('evaluation.opinions.targetGoal', { code: target.code, name: language === 'en' ? target.nameEn : target.nameJa })
      case 'direction':
        return t('evaluation.opinions.targetDirection', { code: target.code, name: language === 'en' ? target.nameEn : target.nameJa })
      case 'policy':
        return t('evaluation.opinions.targetPolicy', { code: target.code })
    }
  }
}

function OpinionCard({
  opinion,
  number,
  evaluation,
  canRespond,
}: {
  opinion: OpinionData
  number: number
  evaluation: EvaluationData
  canRespond: boolean
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const targetName = useTargetName()
  const carried = isCarriedOver(opinion, evaluation.fiscalYear)
  const [responding, setResponding] = useState(false)
  const [saved, setSaved] = useState(false)
  const headingId = `opinion-${opinion.id}`
  return (
    <article className={cx(styles.opinion, carried && styles.opinionCarried)} aria-labelledby={headingId}>
      <div className={styles.opinionHead}>
        <h3 id={headingId} className={styles.opinionTarget}>
          {t('evaluation.opinions.itemHeading', { number, target: targetName(opinionTarget(opinion.targetCode, evaluation)) })}
        </h3>
        {carried ? (
          <span className={cx(styles.badge, styles.carried)}>
            {t('evaluation.opinions.carriedOver', { year: fiscalYearLabel(opinion.fiscalYear, language) })}
          </span>
        ) : null}
      </div>
      <dl className={styles.facts}>
        <dt>{t('evaluation.opinions.body')}</dt>
        <dd>
          {opinion.body}
          {opinion.author ? (
            <span className={styles.small}>
              {' '}
              {t('evaluation.opinions.author', { name: opinion.author.displayName })}
            </span>
          ) : null}
        </dd>
        <dt>{t('evaluation.opinions.response')}</dt>
        <dd>{opinion.response ?? <span className={styles.muted}>{t('evaluation.opinions.noResponse')}</span>}</dd>
        <dt>{t('evaluation.opinions.reflection')}</dt>
        <dd>{opinion.reflection ?? <span className={styles.muted}>{t('evaluation.opinions.noReflection')}</span>}</dd>
        {opinion.respondedAt ? (
          <>
            <dt>{t('evaluation.opinions.respondedAt')}</dt>
            <dd>
              <time dateTime={opinion.respondedAt}>{formatJapanTime(opinion.respondedAt, language)}</time>
            </dd>
          </>
        ) : null}
      </dl>
      {saved ? <StatusMessage>{t('evaluation.opinions.respond.saved', { number })}</StatusMessage> : null}
      {canRespond && !responding ? (
        <div className={styles.actions}>
          <Button
            variant="secondary"
            aria-describedby={headingId}
            onClick={() => {
              setSaved(false)
              setResponding(true)
            }}
          >
            {opinion.response ? t('evaluation.opinions.respond.edit') : t('evaluation.opinions.respond.write')}
          </Button>
        </div>
      ) : null}
      {canRespond && responding ? (
        <RespondForm
          opinion={opinion}
          number={number}
          onClose={() => { setResponding(false); }}
          onSaved={() => {
            setResponding(false)
            setSaved(true)
          }}
        />
      ) : null}
    </article>
  )
}

const RESPOND_FIELDS = { response: 'response', body: 'response', reflection: 'reflection' } as const

function RespondForm({
  opinion,
  number,
  onClose,
  onSaved,
}: {
  opinion: OpinionData
  number: number
  onClose: () => void
  onSaved: () => void
}) {
  const { t } = useTranslation()
  const [response, setResponse] = useState(opinion.response ?? '')
  const [reflection, setReflection] = useState(opinion.reflection ?? '')
  const [errors, setErrors] = useState<{ response?: string; reflection?: string }>({})
  const [problem, setProblem] = useState<DescribedError | null>(null)
  const [saving, respond] = useAction(RespondToOpinionMutation, RESPOND_FIELDS)
  const prefix = `opinion-${String(number)}`
  const onSubmit = async () => {
    setProblem(null)
    if (response.trim() === '') {
      setErrors({ response: t('evaluation.opinions.respond.required') })
      return
    }
    setErrors({})
    const outcome = await respond({ opinionId: opinion.id, response, reflection })
    if (!outcome.ok) {
      setErrors(outcome.errors.fields)
      setProblem(outcome.errors.general)
      return
    }
    onSaved()
  }
  return (
    <form
      className={styles.inlineForm}
      noValidate
      aria-label={t('evaluation.opinions.respond.formLabel', { number })}
      onSubmit={(event) => {
        event.preventDefault()
        void onSubmit()
      }}
    >
      <Problem problem={problem} />
      <TextAreaField
        id={`${prefix}-response`}
        label={t('evaluation.opinions.response')}
        hint={t('evaluation.opinions.respond.responseHint')}
        required
        value={response}
        onChange={setResponse}
        error={errors.response}
        autoFocus
      />
      <TextAreaField
        id={`${prefix}-reflection`}
        label={t('evaluation.opinions.reflection')}
        hint={t('evaluation.opinions.respond.reflectionHint')}
        value={reflection}
        onChange={setReflection}
        error={errors.reflection}
        rows={2}
      />
      <div className={styles.actions}>
        <Button type="submit" disabled={saving}>
          {t('evaluation.opinions.respond.submit')}
        </Button>
        <Button variant="secondary" onClick={onClose}>
          {t('evaluation.common.close')}
        </Button>
      </div>
    </form>
  )
}

const ADD_FIELDS = { body: 'body', targetCode: 'target' } as const

/** A committee member's opinion on the plan, a goal or a direction (while in committee). */
function AddOpinionForm({ evaluation }: { evaluation: EvaluationData }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [target, setTarget] = useState('')
  const [body, setBody] = useState('')
  const [errors, setErrors] = useState<{ body?: string; target?: string }>({})
  const [problem, setProblem] = useState<DescribedError | null>(null)
  const [saved, setSaved] = useState(false)
  const [saving, add] = useAction(AddOpinionMutation, ADD_FIELDS)
  const choices = targetChoices(evaluation)
  const onSubmit = async () => {
    setProblem(null)
    setSaved(false)
    if (body.trim() === '') {
      setErrors({ body: t('evaluation.opinions.add.required') })
      return
    }
    setErrors({})
    const outcome = await add({ evaluationId: evaluation.id, targetCode: target === '' ? null : target, body })
    if (!outcome.ok) {
      setErrors(outcome.errors.fields)
      setProblem(outcome.errors.general)
      return
    }
    setBody('')
    setSaved(true)
  }
  return (
    <section className={styles.panel} aria-labelledby="add-opinion-heading">
      <h3 id="add-opinion-heading">{t('evaluation.opinions.add.heading')}</h3>
      <p>{t('evaluation.opinions.add.intro')}</p>
      <form
        className={styles.section}
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void onSubmit()
        }}
      >
        <Problem problem={problem} />
        <SelectField
          id="opinion-target"
          label={t('evaluation.opinions.add.target')}
          required
          value={target}
          onChange={setTarget}
          error={errors.target}
        >
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.kind === 'plan'
                ? t('evaluation.common.wholePlan')
                : choice.kind === 'goal'
                  ? t('evaluation.opinions.targetGoal', { code: choice.code ?? '', name: nameOf(evaluation, choice.value, language) })
                  : `\u3000${t('evaluation.opinions.targetDirection', { code: choice.code ?? '', name: nameOf(evaluation, choice.value, language) })}`}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          id="opinion-body"
          label={t('evaluation.opinions.body')}
          hint={t('evaluation.opinions.add.bodyHint')}
          required
          value={body}
          onChange={setBody}
          error={errors.body}
          rows={5}
        />
        {saved ? <StatusMessage>{t('evaluation.opinions.add.saved')}</StatusMessage> : null}
        <div className={styles.actions}>
          <Button type="submit" disabled={saving}>
            {t('evaluation.opinions.add.submit')}
          </Button>
        </div>
      </form>
    </section>
  )
}

function nameOf(evaluation: EvaluationData, code: string, language: 'ja' | 'en'): string {
  const target = opinionTarget(code, evaluation)
  if (target.kind === 'goal' || target.kind === 'direction') return language === 'en' ? target.nameEn : target.nameJa
  return ''
}
