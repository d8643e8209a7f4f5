import { useTranslation } from 'react-i18next'
import { BilingualName } from '@/components/BilingualName'
import { OverdueBadge, ReportStatusBadge } from '@/components/ReportStatusBadge'
import { formatJapanTime } from '@/lib/japanTime'
import { useLanguage } from '@/lib/useLanguage'
import type { ReportData } from '../api/operations'
import { formatDay } from '../model/format'
import { usePeriodTitle } from './PeriodTitle'
import styles from './Reports.module.css'

/** The report page's heading: the direction, and the period, due date, status and owner. */
export function ReportHeader({ report }: { report: ReportData }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const periodTitle = usePeriodTitle()
  const direction = report.direction
  return (
    <header className={styles.reportHeader}>
      {direction ? (
        <>
          <p className={styles.kicker}>{t('reports.page.directionLabel', { code: direction.code })}</p>
          <h1 id="report-heading">
            <BilingualName ja={direction.nameJa} en={direction.nameEn} stacked />
          </h1>
        </>
      ) : (
        <h1 id="report-heading">{t('reports.page.untitled')}</h1>
      )}
      <dl className={styles.facts}>
        <div>
          <dt>{t('reports.page.period')}</dt>
          <dd>{periodTitle(report.period)}</dd>
        </div>
        <div>
          <dt>{t('reports.page.due')}</dt>
          <dd className={styles.inlineFacts}>
            <span>{formatDay(report.period.dueOn, language)}</span>
            {report.overdue ? <OverdueBadge /> : null}
          </dd>
        </div>
        <div>
          <dt>{t('reports.page.status')}</dt>
          <dd>
            <ReportStatusBadge status={report.status} />
          </dd>
        </div>
        {report.organization ? (
          <div>
            <dt>{t('reports.page.owner')}</dt>
            <dd>
              <BilingualName ja={report.organization.nameJa} en={report.organization.nameEn} />
            </dd>
          </div>
        ) : null}
        {report.version > 0 ? (
          <div>
            <dt>{t('reports.page.updated')}</dt>
            <dd>
              {report.updatedBy
                ? t('reports.page.updatedBy', {
                    time: formatJapanTime(report.updatedAt, language),
                    name: report.updatedBy.displayName,
                  })
                : formatJapanTime(report.updatedAt, language)}
            </dd>
          </div>
        ) : null}
      </dl>
    </header>
  )
}
