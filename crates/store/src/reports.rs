//! Status reports: creation when a period opens, reading within what the reader may see,
//! and saving with optimistic locking (a save names the version it started from and
//! fails, changing nothing, if someone else saved first).

use chrono::Utc;
use domain::{
    access::ReportVisibility,
    ids::{DirectionId, IndicatorId, OrganizationId, PeriodId, ReportId, UserId},
    report::{Activity, NextStep, Report, ReportContent, ReportStatus, SelfRating},
};
use sea_orm::{
    ActiveValue::Set,
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    sea_query::{Expr, ExprTrait, Query},
};
use uuid::Uuid;

use crate::{Db, StoreError, WriteTx, entities::reports};

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("{what} {value:?}"))
}

pub(crate) fn report_from(row: reports::Model) -> Result<Report, StoreError> {
    let activities: Vec<Activity> =
        serde_json::from_str(&row.activities).map_err(|e| StoreError::Corrupt(format!("activities: {e}")))?;
    let indicator_ids: Vec<Uuid> = serde_json::from_str(&row.indicator_ids)
        .map_err(|e| StoreError::Corrupt(format!("indicators: {e}")))?;
    let self_rating = row
        .self_rating
        .as_deref()
        .map(|r| SelfRating::parse(r).ok_or_else(|| corrupt("rating", r)))
        .transpose()?;
    let next_step = row
        .next_step
        .as_deref()
        .map(|s| NextStep::parse(s).ok_or_else(|| corrupt("next step", s)))
        .transpose()?;
    Ok(Report {
        id: ReportId(row.id),
        period_id: PeriodId(row.period_id),
        direction_id: DirectionId(row.direction_id),
        organization_id: OrganizationId(row.organization_id),
        status: ReportStatus::parse(&row.status).ok_or_else(|| corrupt("status", &row.status))?,
        version: row.version,
        content: ReportContent {
            activities,
            results_summary: row.results_summary,
            self_rating,
            rating_reason: row.rating_reason,
            issues: row.issues,
            next_step,
            next_step_reason: row.next_step_reason,
            indicator_ids: indicator_ids.into_iter().map(IndicatorId).collect(),
        },
        copied_from: row.copied_from_report_id.map(ReportId),
        updated_at: row.updated_at,
        updated_by: row.updated_by.map(UserId),
        submitted_at: row.submitted_at,
        accepted_at: row.accepted_at,
    })
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| StoreError::Corrupt(format!("cannot serialise: {e}")))
}

/// Narrows a report list.
#[derive(Clone, Debug, Default)]
pub struct ReportFilter {
    /// In this period.
    pub period_id: Option<PeriodId>,
    /// Of this owner.
    pub organization_id: Option<OrganizationId>,
    /// On this direction.
    pub direction_id: Option<DirectionId>,
    /// In this status.
    pub status: Option<ReportStatus>,
}

/// The outcome of a save.
#[derive(Clone, Debug)]
pub enum SaveOutcome {
    /// Saved; the report as it is now.
    Saved(Box<Report>),
    /// Someone saved first, or the report left the writer's hands; nothing was written.
    /// The current version and status are given so the writer can merge.
    Stale {
        /// The version in the database.
        current_version: i32,
        /// The status in the database.
        status: ReportStatus,
    },
}

/// The visibility rule as SQL: own organisation, or a status visible elsewhere.
fn visible(visibility: &ReportVisibility) -> Condition {
    let mut condition = Condition::any();
    if let Some(own) = visibility.own_organization {
        condition = condition.add(reports::Column::OrganizationId.eq(own.0));
    }
    if !visibility.statuses_elsewhere.is_empty() {
        let statuses: Vec<&str> = visibility.statuses_elsewhere.iter().map(|s| s.as_str()).collect();
        condition = condition.add(reports::Column::Status.is_in(statuses));
    }
    condition
}

async fn by_id<C: ConnectionTrait>(conn: &C, id: ReportId) -> Result<Option<Report>, StoreError> {
    reports::Entity::find_by_id(id.0).one(conn).await?.map(report_from).transpose()
}

impl Db {
    /// One report, whoever may see it (the caller checks).
    pub async fn report_by_id(&self, id: ReportId) -> Result<Option<Report>, StoreError> {
        by_id(&self.conn, id).await
    }

    /// A page of the reports `visibility` allows, oldest first, after the cursor.
    pub async fn reports_page(
        &self,
        visibility: &ReportVisibility,
        filter: &ReportFilter,
        after: Option<ReportId>,
        limit: u64,
    ) -> Result<Vec<Report>, StoreError> {
        if visibility.is_empty() {
            return Ok(Vec::new());
        }
        let mut query = reports::Entity::find()
            .filter(visible(visibility))
            .order_by_asc(reports::Column::Id)
            .limit(limit);
        if let Some(after) = after {
            query = query.filter(reports::Column::Id.gt(after.0));
        }
        if let Some(period) = filter.period_id {
            query = query.filter(reports::Column::PeriodId.eq(period.0));
        }
        if let Some(organization) = filter.organization_id {
            query = query.filter(reports::Column::OrganizationId.eq(organization.0));
        }
        if let Some(direction) = filter.direction_id {
            query = query.filter(reports::Column::DirectionId.eq(direction.0));
        }
        if let Some(status) = filter.status {
            query = query.filter(reports::Column::Status.eq(status.as_str()));
        }
        query.all(&self.conn).await?.into_iter().map(report_from).collect()
    }

    /// Every report of an organisation in the given periods.
    pub async fn reports_of_organization(
        &self,
        organization_id: OrganizationId,
        periods: &[PeriodId],
    ) -> Result<Vec<Report>, StoreError> {
        let rows = reports::Entity::find()
            .filter(reports::Column::OrganizationId.eq(organization_id.0))
            .filter(reports::Column::PeriodId.is_in(periods.iter().map(|p| p.0)))
            .order_by_asc(reports::Column::Id)
            .all(&self.conn)
            .await?;
        rows.into_iter().map(report_from).collect()
    }

    /// The status of every report of a period, for the completion matrix.
    pub async fn report_statuses(
        &self,
        period_id: PeriodId,
    ) -> Result<Vec<(ReportId, DirectionId, OrganizationId, ReportStatus)>, StoreError> {
        let rows: Vec<(Uuid, Uuid, Uuid, String)> = reports::Entity::find()
            .select_only()
            .column(reports::Column::Id)
            .column(reports::Column::DirectionId)
            .column(reports::Column::OrganizationId)
            .column(reports::Column::Status)
            .filter(reports::Column::PeriodId.eq(period_id.0))
            .into_tuple()
            .all(&self.conn)
            .await?;
        rows.into_iter()
            .map(|(id, direction, organization, status)| {
                let status = ReportStatus::parse(&status).ok_or_else(|| corrupt("status", &status))?;
                Ok((ReportId(id), DirectionId(direction), OrganizationId(organization), status))
            })
            .collect()
    }

    /// Every report one owner wrote on one direction, in any period.
    pub async fn reports_of_owner(
        &self,
        direction_id: DirectionId,
        organization_id: OrganizationId,
    ) -> Result<Vec<Report>, StoreError> {
        let rows = reports::Entity::find()
            .filter(reports::Column::DirectionId.eq(direction_id.0))
            .filter(reports::Column::OrganizationId.eq(organization_id.0))
            .all(&self.conn)
            .await?;
        rows.into_iter().map(report_from).collect()
    }
}

impl WriteTx {
    /// Creates empty reports for (period, direction, organisation) triples that have none
    /// yet; returns how many it created.
    pub async fn create_reports(
        &self,
        triples: &[(PeriodId, DirectionId, OrganizationId)],
    ) -> Result<u64, StoreError> {
        if triples.is_empty() {
            return Ok(0);
        }
        let periods: Vec<Uuid> = triples.iter().map(|t| t.0.0).collect();
        let existing: Vec<(Uuid, Uuid, Uuid)> = reports::Entity::find()
            .select_only()
            .column(reports::Column::PeriodId)
            .column(reports::Column::DirectionId)
            .column(reports::Column::OrganizationId)
            .filter(reports::Column::PeriodId.is_in(periods))
            .into_tuple()
            .all(&self.txn)
            .await?;
        let existing: std::collections::HashSet<(Uuid, Uuid, Uuid)> = existing.into_iter().collect();
        let now = Utc::now();
        let new: Vec<reports::ActiveModel> = triples
            .iter()
            .filter(|(p, d, o)| !existing.contains(&(p.0, d.0, o.0)))
            .map(|(period, direction, organization)| reports::ActiveModel {
                id: Set(Uuid::now_v7()),
                period_id: Set(period.0),
                direction_id: Set(direction.0),
                organization_id: Set(organization.0),
                status: Set(ReportStatus::NotStarted.as_str().to_owned()),
                version: Set(0),
                activities: Set("[]".to_owned()),
                results_summary: Set(None),
                self_rating: Set(None),
                rating_reason: Set(None),
                issues: Set(None),
                next_step: Set(None),
                next_step_reason: Set(None),
                indicator_ids: Set("[]".to_owned()),
                copied_from_report_id: Set(None),
                created_at: Set(now),
                updated_at: Set(now),
                updated_by: Set(None),
                submitted_at: Set(None),
                accepted_at: Set(None),
            })
            .collect();
        let created = new.len() as u64;
        // Bounded batches keep every statement under the engines' parameter limits.
        let mut rows = new.into_iter().peekable();
        while rows.peek().is_some() {
            let batch: Vec<_> = rows.by_ref().take(500).collect();
            reports::Entity::insert_many(batch).exec_without_returning(&self.txn).await?;
        }
        Ok(created)
    }

    /// Removes the reports of an owner that nobody has started, in the given periods
    /// (after an unassignment: a report that was never written is not history).
    pub async fn delete_unstarted_reports(
        &self,
        direction_id: DirectionId,
        organization_id: OrganizationId,
    ) -> Result<u64, StoreError> {
        // A report with evidence attached was started, whatever its status says.
        let with_evidence = Query::select()
            .column(crate::entities::evidence::Column::ReportId)
            .from(crate::entities::evidence::Entity)
            .to_owned();
        let result = reports::Entity::delete_many()
            .filter(reports::Column::DirectionId.eq(direction_id.0))
            .filter(reports::Column::OrganizationId.eq(organization_id.0))
            .filter(reports::Column::Status.eq(ReportStatus::NotStarted.as_str()))
            .filter(reports::Column::Version.eq(0))
            .filter(reports::Column::Id.not_in_subquery(with_evidence))
            .exec(&self.txn)
            .await?;
        Ok(result.rows_affected)
    }

    /// Writes new content if the report is still at `expected_version`; the version moves
    /// on by one.
    pub async fn save_report(
        &self,
        id: ReportId,
        content: &ReportContent,
        expected_version: i32,
        status: ReportStatus,
        copied_from: Option<Option<ReportId>>,
        by: Option<UserId>,
    ) -> Result<SaveOutcome, StoreError> {
        let indicator_ids: Vec<Uuid> = content.indicator_ids.iter().map(|id| id.0).collect();
        let mut update = reports::Entity::update_many()
            .col_expr(reports::Column::Version, Expr::col(reports::Column::Version).add(1))
            .col_expr(reports::Column::Status, Expr::value(status.as_str()))
            .col_expr(reports::Column::Activities, Expr::value(json(&content.activities)?))
            .col_expr(reports::Column::ResultsSummary, Expr::value(content.results_summary.clone()))
            .col_expr(reports::Column::SelfRating, Expr::value(content.self_rating.map(|r| r.as_str())))
            .col_expr(reports::Column::RatingReason, Expr::value(content.rating_reason.clone()))
            .col_expr(reports::Column::Issues, Expr::value(content.issues.clone()))
            .col_expr(reports::Column::NextStep, Expr::value(content.next_step.map(|s| s.as_str())))
            .col_expr(reports::Column::NextStepReason, Expr::value(content.next_step_reason.clone()))
            .col_expr(reports::Column::IndicatorIds, Expr::value(json(&indicator_ids)?))
            .col_expr(reports::Column::UpdatedAt, Expr::value(Utc::now()))
            .col_expr(reports::Column::UpdatedBy, Expr::value(by.map(|id| id.0)))
            .filter(reports::Column::Id.eq(id.0))
            .filter(reports::Column::Version.eq(expected_version))
            // The status is checked in the same statement, so a report submitted between
            // the caller's read and this write is never changed.
            .filter(
                reports::Column::Status
                    .is_in(ReportStatus::ALL.into_iter().filter(|s| s.is_editable()).map(|s| s.as_str())),
            );
        if let Some(copied_from) = copied_from {
            update =
                update.col_expr(reports::Column::CopiedFromReportId, Expr::value(copied_from.map(|r| r.0)));
        }
        if update.exec(&self.txn).await?.rows_affected == 1 {
            let report = by_id(&self.txn, id).await?.ok_or(StoreError::NotFound)?;
            return Ok(SaveOutcome::Saved(Box::new(report)));
        }
        let current = by_id(&self.txn, id).await?.ok_or(StoreError::NotFound)?;
        Ok(SaveOutcome::Stale { current_version: current.version, status: current.status })
    }
}
