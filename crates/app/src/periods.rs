//! The reporting calendar: the plan office opens periods, and opening one creates a
//! report for every (direction, owner) pair at once, so everyone sees what they owe.

use chrono::NaiveDate;
use domain::{
    FiscalYear,
    access::{Action, Actor, Role},
    audit::AuditAction,
    ids::{PeriodId, PlanId},
    report::{PeriodKind, ReportingPeriod, check_period},
};
use serde_json::json;
use store::StoreError;

use crate::{App, AppError, InputProblem, audit::record, authorize};

/// A period to open.
#[derive(Clone, Debug)]
pub struct NewPeriod {
    /// The plan.
    pub plan_id: PlanId,
    /// The fiscal year reported on.
    pub fiscal_year: i32,
    /// Interim, year-end or a quarter.
    pub kind: PeriodKind,
    /// When writing opens.
    pub opens_on: NaiveDate,
    /// When reports are due.
    pub due_on: NaiveDate,
}

impl App {
    /// Opens a reporting period; returns it and how many reports it created.
    pub async fn open_reporting_period(
        &self,
        actor: &Actor,
        new: NewPeriod,
    ) -> Result<(ReportingPeriod, u64), AppError> {
        authorize(actor, &Action::ManagePeriods)?;
        let plan = self.db.plan_by_id(new.plan_id).await?.ok_or(AppError::NotFound { what: "plan" })?;
        let fiscal_year = FiscalYear::new(i64::from(new.fiscal_year)).map_err(|_| {
            AppError::Invalid(InputProblem::Period(domain::report::PeriodProblem::OutsidePlan))
        })?;
        check_period(
            (plan.start_fiscal_year, plan.end_fiscal_year),
            fiscal_year,
            new.kind,
            new.opens_on,
            new.due_on,
        )
        .map_err(|problem| AppError::Invalid(InputProblem::Period(problem)))?;
        let period = ReportingPeriod {
            id: PeriodId::generate(),
            plan_id: plan.id,
            fiscal_year,
            kind: new.kind,
            opens_on: new.opens_on,
            due_on: new.due_on,
        };
        let tx = self.db.write().await?;
        tx.lock_plan(plan.id).await?;
        tx.insert_period(&period, actor.user().map(|u| u.user_id)).await.map_err(|error| match error {
            StoreError::Duplicate(_) => AppError::Invalid(InputProblem::PeriodExists),
            other => other.into(),
        })?;
        let owners = tx.owners_of_plan(plan.id).await?;
        let triples: Vec<_> = owners.iter().map(|o| (period.id, o.direction_id, o.organization_id)).collect();
        let created = tx.create_reports(&triples).await?;
        let details = json!({
            "fiscalYear": fiscal_year.year(),
            "kind": new.kind.as_str(),
            "quarter": new.kind.sequence(),
            "opensOn": new.opens_on,
            "dueOn": new.due_on,
            "reportsCreated": created,
        });
        let subject = Some(("period", period.id.to_string()));
        tx.append_audit(record(actor, AuditAction::PeriodOpened, subject, None, details)).await?;
        // Every writer of an owning organisation learns what their organisation owes. A
        // period the system opens (the demo's history) is not announced.
        let mut per_organization: std::collections::HashMap<domain::ids::OrganizationId, u32> =
            std::collections::HashMap::new();
        for owner in &owners {
            *per_organization.entry(owner.organization_id).or_default() += 1;
        }
        let writers = tx
            .active_users_with_roles(
                None,
                &[Role::DepartmentStaff, Role::DepartmentManager, Role::CouncilCoordinator],
            )
            .await?;
        let mut mails = Vec::new();
        for (organization, count) in per_organization.into_iter().filter(|_| actor.user().is_some()) {
            let recipients: Vec<_> =
                writers.iter().filter(|u| u.organization_id == organization).cloned().collect();
            mails.extend(crate::notify::mails_for(&recipients, None, |language| {
                domain::notification::Notification::PeriodOpened {
                    plan_name: plan.name.get(language).to_owned(),
                    period_label: period.label(language),
                    due_on: period.due_on,
                    report_count: count,
                }
            })?);
        }
        tx.enqueue_mail(mails).await?;
        tx.commit().await?;
        Ok((period, created))
    }

    /// The periods of a plan, of one fiscal year if given (open to every signed-in
    /// user: the calendar is no secret, but the public has no use for it).
    pub async fn reporting_periods(
        &self,
        actor: &Actor,
        plan_id: PlanId,
        fiscal_year: Option<i32>,
    ) -> Result<Vec<ReportingPeriod>, AppError> {
        authorize(actor, &Action::ReadReportingCalendar)?;
        let fiscal_year = fiscal_year.map(|y| FiscalYear::new(i64::from(y))).transpose().map_err(|_| {
            AppError::Invalid(InputProblem::Period(domain::report::PeriodProblem::OutsidePlan))
        })?;
        Ok(self.db.periods(plan_id, fiscal_year).await?)
    }

    /// Periods by id (for reports that name theirs).
    pub async fn periods_by_ids(
        &self,
        actor: &Actor,
        ids: &[PeriodId],
    ) -> Result<Vec<ReportingPeriod>, AppError> {
        authorize(actor, &Action::ReadReportingCalendar)?;
        Ok(self.db.periods_by_ids(ids).await?)
    }
}
