import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { BilingualName } from '@/components/BilingualName'
import { getFragmentData, graphql, type FragmentType } from '@/gql'
import { cx } from '@/lib/cx'
import { formatJapanTime } from '@/lib/japanTime'
import { useLanguage } from '@/lib/useLanguage'
import { actionKey, isAuditAction } from '../model/auditActions'
import type { OrganizationOption } from '../model/organizations'
import { AuditDetails } from './AuditDetails'
import { Empty } from './Empty'
import styles from './Admin.module.css'

const AuditRowEventFragment = graphql(`
  fragment AuditRow_event on AuditEvent {
    seq
    occurredAt
    actorUserId
    actorLabel
    action
    subjectType
    subjectId
    organization {
      id
      nameJa
      nameEn
    }
    details
    clientIp
  }
`)

/** Audit events as a table, newest first, in Japan time. */
export function AuditTable({
  events: refs,
  organizations,
}: {
  events: readonly FragmentType<typeof AuditRowEventFragment>[]
  organizations: readonly OrganizationOption[]
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const events = getFragmentData(AuditRowEventFragment, refs)
  return (
    <div className={styles.scroll} role="region" aria-label={t('audit.scrollRegion')} tabIndex={0}>
      <table className={cx(styles.table, styles.auditTable)}>
        <caption>{t('audit.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.seq')}</th>
            <th scope="col">{t('audit.occurredAt')}</th>
            <th scope="col">{t('audit.actionColumn')}</th>
            <th scope="col">{t('audit.actor')}</th>
            <th scope="col">{t('audit.organizationColumn')}</th>
            <th scope="col">{t('audit.details')}</th>
            <th scope="col">{t('audit.clientIp')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.seq}>
              <td className="tabular">{event.seq}</td>
              <td className={cx('tabular', styles.nowrap)}>
                <time dateTime={event.occurredAt}>{formatJapanTime(event.occurredAt, language)}</time>
              </td>
              <th scope="row">
                {isAuditAction(event.action) ? t(`audit.actions.${actionKey(event.action)}`) : event.action}
                <span className={cx(styles.actionCode, styles.mono)} lang="en">
                  {event.action}
                </span>
              </th>
              <td className={cx(styles.mono, styles.token)}>
                {event.actorLabel === 'system' ? (
                  t('audit.system')
                ) : event.actorUserId ? (
                  <Link to={`/admin/users/${event.actorUserId}`}>{event.actorLabel}</Link>
                ) : (
                  event.actorLabel
                )}
              </td>
              <td>
                {event.organization ? (
                  <BilingualName ja={event.organization.nameJa} en={event.organization.nameEn} />
                ) : (
                  <Empty />
                )}
              </td>
              <td className={styles.detailsCell}>
                <AuditDetails details={event.details} organizations={organizations} />
              </td>
              <td className={cx(styles.mono, styles.token)}>{event.clientIp ?? <Empty />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
