//! Status reports: reading what one may see, writing drafts with optimistic locking,
//! copying last period's text, and the progress of a period at a glance.

use std::collections::{BTreeMap, HashSet};

use chrono::Utc;
use domain::{
    access::{Action, Actor, report_visibility},
    audit::AuditAction,
    ids::{DirectionId, IndicatorId, OrganizationId, PeriodId, ReportId},
    report::{
        Activity, NextStep, Report, ReportContent, ReportField, ReportStatus, ReportingPeriod, SelfRating,
        check_content, is_overdue, today_in_japan, unchanged_since_copy,
    },
};
use serde_json::json;
use store::{ReportFilter, SaveOutcome};

use crate::{App, AppError, InputProblem, audit::record, authorize};

/// Changes to a draft. `None` leaves a part as it is; `Some(None)` clears it.
#[derive(Clone, Debug, Default)]
pub struct ReportPatch {
    /// The complete new list of activities.
    pub activities: Option<Vec<Activity>>,
    /// 実績.
    pub results_summary: Option<Option<String>>,
    /// 自己評価.
    pub self_rating: Option<Option<SelfRating>>,
    /// The reason for the rating.
    pub rating_reason: Option<Option<String>>,
    /// 課題.
    pub issues: Option<Option<String>>,
    /// 今後の方向性.
    pub next_step: Option<Option<NextStep>>,
    /// The reason for the next step.
    pub next_step_reason: Option<Option<String>>,
    /// The complete new list of linked indicators.
    pub indicator_ids: Option<Vec<IndicatorId>>,
}

impl ReportPatch {
    fn apply(self, content: &mut ReportContent) {
        if let Some(activities) = self.activities {
            content.activities = activities;
        }
        let text = |value: Option<String>| value.filter(|t| !t.trim().is_empty());
        if let Some(value) = self.results_summary {
            content.results_summary = text(value);
        }
        if let Some(value) = self.self_rating {
            content.self_rating = value;
        }
        if let Some(value) = self.rating_reason {
            content.rating_reason = text(value);
        }
        if let Some(value) = self.issues {
            content.issues = text(value);
        }
        if let Some(value) = self.next_step {
            content.next_step = value;
        }
        if let Some(value) = self.next_step_reason {
            content.next_step_reason = text(value);
        }
        if let Some(ids) = self.indicator_ids {
            let mut seen = HashSet::new();
            content.indicator_ids = ids.into_iter().filter(|id| seen.insert(*id)).collect();
        }
    }
}

/// A report the viewer's organisation owes, with its period.
#[derive(Clone, Debug)]
pub struct OwedReport {
    /// The report.
    pub report: Report,
    /// Its period.
    pub period: ReportingPeriod,
    /// Past its due date and not yet with the reviewers.
    pub overdue: bool,
}

/// Every report of a period by direction and owner, with counts per status.
#[derive(Clone, Debug)]
pub struct CompletionMatrix {
    /// The period.
    pub period: ReportingPeriod,
    /// (report, direction, owner, status), in no particular order.
    pub cells: Vec<(ReportId, DirectionId, OrganizationId, ReportStatus)>,
    /// How many reports are in each status (every status listed, zeros included).
    pub counts: BTreeMap<ReportStatus, usize>,
}

/// The largest page of reports one request may ask for.
pub const MAX_REPORT_PAGE: u64 = 200;

impl App {
    /// One report; `NOT_FOUND` when it does not exist or the actor may not see it, so
    /// that its existence does not leak.
    pub async fn report(&self, actor: &Actor, id: ReportId) -> Result<Report, AppError> {
        if matches!(actor, Actor::Anonymous) {
            return Err(AppError::Unauthenticated);
        }
        let report = self.db.report_by_id(id).await?.ok_or(AppError::NotFound { what: "report" })?;
        authorize(actor, &Action::ReadReport(report.reference()))
            .map_err(|_| AppError::NotFound { what: "report" })?;
        Ok(report)
    }

    /// A page of the reports the actor may see, matching `filter`, after the cursor;
    /// and whether more follow.
    pub async fn reports(
        &self,
        actor: &Actor,
        filter: &ReportFilter,
        first: u64,
        after: Option<ReportId>,
    ) -> Result<(Vec<Report>, bool), AppError> {
        authorize(actor, &Action::ListReports)?;
        let first = first.clamp(1, MAX_REPORT_PAGE);
        let mut page = self.db.reports_page(&report_visibility(actor), filter, after, first + 1).await?;
        let more = page.len() as u64 > first;
        page.truncate(usize::try_from(first).unwrap_or(usize::MAX));
        Ok((page, more))
    }

    /// What the viewer's organisation owes: its reports in the latest fiscal year of
    /// each plan that has periods, and any older ones still outstanding; due first.
    pub async fn my_reports(&self, actor: &Actor) -> Result<Vec<OwedReport>, AppError> {
        let user = actor.user().ok_or(AppError::Unauthenticated)?;
        authorize(actor, &Action::ReadReportingCalendar)?;
        let mut periods = Vec::new();
        for plan in self.db.plans().await? {
            periods.extend(self.db.periods(plan.id, None).await?);
        }
        let latest_year = |plan| periods.iter().filter(|p| p.plan_id == plan).map(|p| p.fiscal_year).max();
        let period_ids: Vec<PeriodId> = periods.iter().map(|p| p.id).collect();
        let visibility = report_visibility(actor);
        let reports = self.db.reports_of_organization(user.organization_id, &period_ids).await?;
        // Only writers see their organisation's drafts; an administrator or a committee
        // member of a department does not.
        let reports = reports.into_iter().filter(|r| visibility.includes(r.reference()));
        let today = today_in_japan(Utc::now());
        let mut owed: Vec<OwedReport> = reports
            .into_iter()
            .filter_map(|report| {
                let period = periods.iter().find(|p| p.id == report.period_id)?.clone();
                let current = latest_year(period.plan_id) == Some(period.fiscal_year);
                (current || report.status.is_outstanding()).then(|| OwedReport {
                    overdue: is_overdue(report.status, period.due_on, today),
                    report,
                    period,
                })
            })
            .collect();
        owed.sort_by(|a, b| a.period.due_on.cmp(&b.period.due_on).then(a.report.id.cmp(&b.report.id)));
        Ok(owed)
    }

    /// Saves a draft if the report is still at `expected_version`. A stale version
    /// changes nothing and answers `CONFLICT` with the current version.
    pub async fn save_report(
        &self,
        actor: &Actor,
        id: ReportId,
        patch: ReportPatch,
        expected_version: i32,
    ) -> Result<Report, AppError> {
        let report = self.editable_report(actor, id).await?;
        let mut content = report.content.clone();
        patch.apply(&mut content);
        self.write_content(actor, &report, content, expected_version, None, AuditAction::ReportSaved).await
    }

    /// Replaces a draft's content with the writer's previous report on the same
    /// direction (the latest earlier period), remembering where it came from.
    pub async fn copy_previous_report(
        &self,
        actor: &Actor,
        id: ReportId,
        expected_version: i32,
    ) -> Result<Report, AppError> {
        let report = self.editable_report(actor, id).await?;
        let previous =
            self.previous_report(&report).await?.ok_or(AppError::Invalid(InputProblem::NoPreviousReport))?;
        let content = previous.content.clone();
        self.write_content(
            actor,
            &report,
            content,
            expected_version,
            Some(previous.id),
            AuditAction::ReportCopied,
        )
        .await
    }

    /// The fields still as they were copied from the previous period.
    pub async fn unchanged_since_copy(
        &self,
        actor: &Actor,
        report: &Report,
    ) -> Result<Vec<ReportField>, AppError> {
        let Some(source) = report.copied_from else { return Ok(Vec::new()) };
        authorize(actor, &Action::ReadReport(report.reference()))?;
        let Some(copied) = self.db.report_by_id(source).await? else { return Ok(Vec::new()) };
        Ok(unchanged_since_copy(&report.content, &copied.content))
    }

    pub(crate) async fn editable_report(&self, actor: &Actor, id: ReportId) -> Result<Report, AppError> {
        let report = self.report(actor, id).await?;
        if let Err(denial) = authorize(actor, &Action::EditReport(report.reference())) {
            let own = actor.user().is_some_and(|u| u.organization_id == report.organization_id);
            return Err(if own && !report.status.is_editable() {
                AppError::Invalid(InputProblem::ReportNotEditable(report.status))
            } else {
                denial
            });
        }
        Ok(report)
    }

    async fn previous_report(&self, report: &Report) -> Result<Option<Report>, AppError> {
        let reports = self.db.reports_of_owner(report.direction_id, report.organization_id).await?;
        let period_ids: Vec<PeriodId> = reports.iter().map(|r| r.period_id).collect();
        let periods = self.db.periods_by_ids(&period_ids).await?;
        let position = |report: &Report| {
            periods.iter().find(|p| p.id == report.period_id).map(|p| (p.fiscal_year, p.kind.order()))
        };
        let Some(current) = position(report) else { return Ok(None) };
        Ok(reports
            .into_iter()
            .filter(|r| r.version > 0 && position(r).is_some_and(|p| p < current))
            .max_by_key(|r| position(r)))
    }

    async fn write_content(
        &self,
        actor: &Actor,
        report: &Report,
        content: ReportContent,
        expected_version: i32,
        copied_from: Option<domain::ids::ReportId>,
        action: AuditAction,
    ) -> Result<Report, AppError> {
        if expected_version != report.version {
            return Err(AppError::StaleVersion { current_version: report.version });
        }
        check_content(&content).map_err(|problem| AppError::Invalid(InputProblem::Content(problem)))?;
        if !content.indicator_ids.is_empty() {
            let period = self.db.periods_by_ids(&[report.period_id]).await?;
            let plan = period.first().map(|p| p.plan_id).ok_or(AppError::NotFound { what: "period" })?;
            let known: HashSet<IndicatorId> =
                self.db.indicators_of_plan(plan).await?.into_iter().map(|i| i.id).collect();
            if content.indicator_ids.iter().any(|id| !known.contains(id)) {
                return Err(AppError::Invalid(InputProblem::UnknownIndicator));
            }
        }
        let status =
            if report.status == ReportStatus::NotStarted { ReportStatus::Draft } else { report.status };
        let tx = self.db.write().await?;
        let outcome = tx
            .save_report(
                report.id,
                &content,
                expected_version,
                status,
                copied_from.map(Some),
                actor.user().map(|u| u.user_id),
            )
            .await?;
        let saved = match outcome {
            SaveOutcome::Saved(saved) => *saved,
            SaveOutcome::Stale { current_version, status } if status.is_editable() => {
                return Err(AppError::StaleVersion { current_version });
            }
            // Submitted (or locked) since we read it: no longer the writer's to change.
            SaveOutcome::Stale { status, .. } => {
                return Err(AppError::Invalid(InputProblem::ReportNotEditable(status)));
            }
        };
        let details = json!({ "version": saved.version, "copiedFrom": copied_from });
        let subject = Some(("report", report.id.to_string()));
        tx.append_audit(record(actor, action, subject, Some(report.organization_id), details)).await?;
        tx.commit().await?;
        Ok(saved)
    }

    /// Every report of a period by direction and owner, with counts per status (the plan
    /// office and the Council's coordinators).
    pub async fn completion_matrix(
        &self,
        actor: &Actor,
        period_id: PeriodId,
    ) -> Result<CompletionMatrix, AppError> {
        authorize(actor, &Action::ViewProgress)?;
        let period = self
            .db
            .periods_by_ids(&[period_id])
            .await?
            .into_iter()
            .next()
            .ok_or(AppError::NotFound { what: "period" })?;
        let cells = self.db.report_statuses(period_id).await?;
        let mut counts: BTreeMap<ReportStatus, usize> =
            ReportStatus::ALL.into_iter().map(|s| (s, 0)).collect();
        for (_, _, _, status) in &cells {
            *counts.entry(*status).or_default() += 1;
        }
        Ok(CompletionMatrix { period, cells, counts })
    }
}
