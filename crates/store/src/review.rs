//! The review side of reports: status changes (compare-and-set on the status the caller
//! saw), revisions frozen at submission, comments, the review queue, and finding the
//! people a change concerns.

use chrono::{DateTime, Utc};
use domain::{
    access::Role,
    ids::{CommentId, OrganizationId, ReportId, RevisionId, UserId},
    report::{Report, ReportContent, ReportField, ReportStatus},
    review::{Comment, Revision},
    user::User,
};
use sea_orm::{
    ActiveValue::Set,
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    sea_query::{Expr, Query},
};
use uuid::Uuid;

use crate::{
    Db, StoreError, WriteTx,
    entities::{report_comments, report_revisions, reports, user_roles, users},
    reports::report_from,
    users::users_with_roles,
};

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("{what} {value:?}"))
}

fn revision_from(row: report_revisions::Model) -> Result<Revision, StoreError> {
    Ok(Revision {
        id: RevisionId(row.id),
        report_id: ReportId(row.report_id),
        number: row.number,
        status: ReportStatus::parse(&row.status).ok_or_else(|| corrupt("status", &row.status))?,
        content: serde_json::from_str::<ReportContent>(&row.content)
            .map_err(|e| StoreError::Corrupt(format!("revision content: {e}")))?,
        created_at: row.created_at,
        created_by: row.created_by.map(UserId),
    })
}

fn comment_from(row: report_comments::Model) -> Result<Comment, StoreError> {
    let field = row
        .field
        .as_deref()
        .map(|f| ReportField::ALL.into_iter().find(|x| x.api_name() == f).ok_or_else(|| corrupt("field", f)))
        .transpose()?;
    Ok(Comment {
        id: CommentId(row.id),
        report_id: ReportId(row.report_id),
        parent_id: row.parent_id.map(CommentId),
        field,
        activity_index: row.activity_index,
        body: row.body,
        author_id: UserId(row.author_id),
        author_organization_id: OrganizationId(row.author_organization_id),
        created_at: row.created_at,
        edited_at: row.edited_at,
        retracted_at: row.retracted_at,
        resolved_at: row.resolved_at,
        resolved_by: row.resolved_by.map(UserId),
    })
}

/// Which reports a reviewer's queue holds.
#[derive(Clone, Debug, Default)]
pub struct QueueScope {
    /// Reports waiting for this organisation's manager (`AWAITING_MANAGER`).
    pub awaiting_manager_of: Option<OrganizationId>,
    /// Submitted reports of every organisation but these (`SUBMITTED`); `None` when the
    /// caller reviews nothing.
    pub submitted_except: Option<Vec<OrganizationId>>,
}

async fn active_users<C: ConnectionTrait>(
    conn: &C,
    organization: Option<OrganizationId>,
    roles: &[Role],
) -> Result<Vec<User>, StoreError> {
    let with_role = Query::select()
        .column(user_roles::Column::UserId)
        .from(user_roles::Entity)
        .and_where(user_roles::Column::Role.is_in(roles.iter().map(|r| r.as_str())))
        .to_owned();
    let mut query = users::Entity::find()
        .filter(users::Column::Active.eq(true))
        .filter(users::Column::Id.in_subquery(with_role))
        .order_by_asc(users::Column::Email);
    if let Some(organization) = organization {
        query = query.filter(users::Column::OrganizationId.eq(organization.0));
    }
    let rows = query.all(conn).await?;
    users_with_roles(conn, rows).await
}

impl Db {
    /// Active accounts holding any of `roles`, in one organisation or anywhere.
    pub async fn active_users_with_roles(
        &self,
        organization: Option<OrganizationId>,
        roles: &[Role],
    ) -> Result<Vec<User>, StoreError> {
        active_users(&self.conn, organization, roles).await
    }

    /// A report's revisions, oldest first.
    pub async fn revisions(&self, report_id: ReportId) -> Result<Vec<Revision>, StoreError> {
        let rows = report_revisions::Entity::find()
            .filter(report_revisions::Column::ReportId.eq(report_id.0))
            .order_by_asc(report_revisions::Column::Number)
            .all(&self.conn)
            .await?;
        rows.into_iter().map(revision_from).collect()
    }

    /// The last two revisions of each report, for "what changed since it was returned".
    pub async fn latest_revisions(&self, report_ids: &[ReportId]) -> Result<Vec<Revision>, StoreError> {
        if report_ids.is_empty() {
            return Ok(Vec::new());
        }
        let rows = report_revisions::Entity::find()
            .filter(report_revisions::Column::ReportId.is_in(report_ids.iter().map(|r| r.0)))
            .order_by_asc(report_revisions::Column::ReportId)
            .order_by_desc(report_revisions::Column::Number)
            .all(&self.conn)
            .await?;
        let mut kept = Vec::new();
        let mut last: Option<(Uuid, usize)> = None;
        for row in rows {
            let count = match last {
                Some((id, n)) if id == row.report_id => n + 1,
                _ => 1,
            };
            last = Some((row.report_id, count));
            if count <= 2 {
                kept.push(revision_from(row)?);
            }
        }
        Ok(kept)
    }

    /// The reports waiting in a queue, longest-waiting first.
    pub async fn review_queue(&self, scope: &QueueScope, limit: u64) -> Result<Vec<Report>, StoreError> {
        let mut condition = Condition::any();
        if let Some(own) = scope.awaiting_manager_of {
            condition = condition.add(
                Condition::all()
                    .add(reports::Column::Status.eq(ReportStatus::AwaitingManager.as_str()))
                    .add(reports::Column::OrganizationId.eq(own.0)),
            );
        }
        if let Some(except) = &scope.submitted_except {
            condition = condition.add(
                Condition::all()
                    .add(reports::Column::Status.eq(ReportStatus::Submitted.as_str()))
                    .add(reports::Column::OrganizationId.is_not_in(except.iter().map(|o| o.0))),
            );
        }
        if scope.awaiting_manager_of.is_none() && scope.submitted_except.is_none() {
            return Ok(Vec::new());
        }
        let rows = reports::Entity::find()
            .filter(condition)
            .order_by_asc(reports::Column::SubmittedAt)
            .order_by_asc(reports::Column::Id)
            .limit(limit)
            .all(&self.conn)
            .await?;
        rows.into_iter().map(report_from).collect()
    }

    /// Every comment on a report, oldest first.
    pub async fn comments(&self, report_id: ReportId) -> Result<Vec<Comment>, StoreError> {
        let rows = report_comments::Entity::find()
            .filter(report_comments::Column::ReportId.eq(report_id.0))
            .order_by_asc(report_comments::Column::CreatedAt)
            .order_by_asc(report_comments::Column::Id)
            .all(&self.conn)
            .await?;
        rows.into_iter().map(comment_from).collect()
    }

    /// One comment.
    pub async fn comment(&self, id: CommentId) -> Result<Option<Comment>, StoreError> {
        report_comments::Entity::find_by_id(id.0).one(&self.conn).await?.map(comment_from).transpose()
    }
}

/// A status change to make.
#[derive(Clone, Copy, Debug)]
pub struct StatusChange {
    /// The report.
    pub report_id: ReportId,
    /// The status the caller saw; the change happens only if it still holds.
    pub from: ReportStatus,
    /// The version the caller saw, when it matters (a submission).
    pub expected_version: Option<i32>,
    /// The new status.
    pub to: ReportStatus,
    /// When.
    pub at: DateTime<Utc>,
}

impl WriteTx {
    /// Moves a report to a new status if it is still where the caller saw it; `None`
    /// when someone else moved it first (nothing is written).
    pub async fn change_status(&self, change: StatusChange) -> Result<Option<Report>, StoreError> {
        let mut update = reports::Entity::update_many()
            .col_expr(reports::Column::Status, Expr::value(change.to.as_str()))
            .filter(reports::Column::Id.eq(change.report_id.0))
            .filter(reports::Column::Status.eq(change.from.as_str()));
        if let Some(version) = change.expected_version {
            update = update.filter(reports::Column::Version.eq(version));
        }
        // The time a report joined the queue it waits in orders that queue.
        if matches!(change.to, ReportStatus::AwaitingManager | ReportStatus::Submitted) {
            update = update.col_expr(reports::Column::SubmittedAt, Expr::value(Some(change.at)));
        }
        if change.to == ReportStatus::Accepted {
            update = update.col_expr(reports::Column::AcceptedAt, Expr::value(Some(change.at)));
        }
        if update.exec(&self.txn).await?.rows_affected != 1 {
            return Ok(None);
        }
        let row = reports::Entity::find_by_id(change.report_id.0).one(&self.txn).await?;
        row.map(report_from).transpose()
    }

    /// Writes a report's content and status directly, with its timestamps: only for
    /// loading sample history (the demo), never for people's work, which goes through
    /// saves and workflow steps.
    pub async fn seed_report(
        &self,
        report: &Report,
        submitted_at: Option<DateTime<Utc>>,
        accepted_at: Option<DateTime<Utc>>,
    ) -> Result<(), StoreError> {
        let activities = serde_json::to_string(&report.content.activities)
            .map_err(|e| StoreError::Corrupt(format!("cannot serialise: {e}")))?;
        reports::Entity::update_many()
            .col_expr(reports::Column::Status, Expr::value(report.status.as_str()))
            .col_expr(reports::Column::Version, Expr::value(report.version))
            .col_expr(reports::Column::Activities, Expr::value(activities))
            .col_expr(reports::Column::ResultsSummary, Expr::value(report.content.results_summary.clone()))
            .col_expr(
                reports::Column::SelfRating,
                Expr::value(report.content.self_rating.map(|r| r.as_str())),
            )
            .col_expr(reports::Column::RatingReason, Expr::value(report.content.rating_reason.clone()))
            .col_expr(reports::Column::Issues, Expr::value(report.content.issues.clone()))
            .col_expr(reports::Column::NextStep, Expr::value(report.content.next_step.map(|s| s.as_str())))
            .col_expr(reports::Column::NextStepReason, Expr::value(report.content.next_step_reason.clone()))
            .col_expr(reports::Column::UpdatedAt, Expr::value(report.updated_at))
            .col_expr(reports::Column::UpdatedBy, Expr::value(report.updated_by.map(|u| u.0)))
            .col_expr(reports::Column::SubmittedAt, Expr::value(submitted_at))
            .col_expr(reports::Column::AcceptedAt, Expr::value(accepted_at))
            .filter(reports::Column::Id.eq(report.id.0))
            .exec(&self.txn)
            .await?;
        Ok(())
    }

    /// Moves every report of the given periods that is not locked yet to `LOCKED`;
    /// returns the reports as they were before, for the audit trail.
    pub async fn lock_reports(
        &self,
        period_ids: &[domain::ids::PeriodId],
    ) -> Result<Vec<Report>, StoreError> {
        if period_ids.is_empty() {
            return Ok(Vec::new());
        }
        let rows = reports::Entity::find()
            .filter(reports::Column::PeriodId.is_in(period_ids.iter().map(|p| p.0)))
            .filter(reports::Column::Status.ne(ReportStatus::Locked.as_str()))
            .all(&self.txn)
            .await?;
        let before: Vec<Report> = rows.into_iter().map(report_from).collect::<Result<_, _>>()?;
        reports::Entity::update_many()
            .col_expr(reports::Column::Status, Expr::value(ReportStatus::Locked.as_str()))
            .filter(reports::Column::PeriodId.is_in(period_ids.iter().map(|p| p.0)))
            .exec(&self.txn)
            .await?;
        Ok(before)
    }

    /// Freezes the report's content as its next revision; returns the revision number.
    pub async fn freeze_revision(&self, report: &Report, by: Option<UserId>) -> Result<i32, StoreError> {
        let last: Option<i32> = report_revisions::Entity::find()
            .select_only()
            .column_as(report_revisions::Column::Number.max(), "max")
            .filter(report_revisions::Column::ReportId.eq(report.id.0))
            .into_tuple::<Option<i32>>()
            .one(&self.txn)
            .await?
            .flatten();
        let number = last.unwrap_or(0) + 1;
        let content = serde_json::to_string(&report.content)
            .map_err(|e| StoreError::Corrupt(format!("cannot serialise: {e}")))?;
        report_revisions::Entity::insert(report_revisions::ActiveModel {
            id: Set(Uuid::now_v7()),
            report_id: Set(report.id.0),
            number: Set(number),
            status: Set(report.status.as_str().to_owned()),
            content: Set(content),
            created_at: Set(Utc::now()),
            created_by: Set(by.map(|u| u.0)),
        })
        .exec_without_returning(&self.txn)
        .await?;
        Ok(number)
    }

    /// Adds a comment.
    pub async fn insert_comment(&self, comment: &Comment) -> Result<(), StoreError> {
        report_comments::Entity::insert(report_comments::ActiveModel {
            id: Set(comment.id.0),
            report_id: Set(comment.report_id.0),
            parent_id: Set(comment.parent_id.map(|p| p.0)),
            field: Set(comment.field.map(|f| f.api_name().to_owned())),
            activity_index: Set(comment.activity_index),
            body: Set(comment.body.clone()),
            author_id: Set(comment.author_id.0),
            author_organization_id: Set(comment.author_organization_id.0),
            created_at: Set(comment.created_at),
            edited_at: Set(None),
            retracted_at: Set(None),
            resolved_at: Set(None),
            resolved_by: Set(None),
        })
        .exec_without_returning(&self.txn)
        .await?;
        Ok(())
    }

    /// Whether anyone replied to a comment.
    pub async fn comment_has_replies(&self, id: CommentId) -> Result<bool, StoreError> {
        let reply = report_comments::Entity::find()
            .filter(report_comments::Column::ParentId.eq(id.0))
            .one(&self.txn)
            .await?;
        Ok(reply.is_some())
    }

    /// Replaces a comment's text, unless someone replied meanwhile; whether it changed.
    pub async fn edit_comment(&self, id: CommentId, body: &str) -> Result<bool, StoreError> {
        let replies = Query::select()
            .column(report_comments::Column::Id)
            .from(report_comments::Entity)
            .and_where(report_comments::Column::ParentId.eq(id.0))
            .to_owned();
        let result = report_comments::Entity::update_many()
            .col_expr(report_comments::Column::Body, Expr::value(body))
            .col_expr(report_comments::Column::EditedAt, Expr::value(Some(Utc::now())))
            .filter(report_comments::Column::Id.eq(id.0))
            .filter(report_comments::Column::RetractedAt.is_null())
            .filter(Condition::all().not().add(Expr::exists(replies)))
            .exec(&self.txn)
            .await?;
        Ok(result.rows_affected == 1)
    }

    /// Withdraws a comment: the text is cleared, the trace (who, when) stays.
    pub async fn retract_comment(&self, id: CommentId) -> Result<(), StoreError> {
        report_comments::Entity::update_many()
            .col_expr(report_comments::Column::Body, Expr::value(""))
            .col_expr(report_comments::Column::RetractedAt, Expr::value(Some(Utc::now())))
            .filter(report_comments::Column::Id.eq(id.0))
            .filter(report_comments::Column::RetractedAt.is_null())
            .exec(&self.txn)
            .await?;
        Ok(())
    }

    /// Marks a thread resolved (or open again).
    pub async fn resolve_comment(&self, id: CommentId, by: Option<UserId>) -> Result<(), StoreError> {
        report_comments::Entity::update_many()
            .col_expr(report_comments::Column::ResolvedAt, Expr::value(by.map(|_| Utc::now())))
            .col_expr(report_comments::Column::ResolvedBy, Expr::value(by.map(|u| u.0)))
            .filter(report_comments::Column::Id.eq(id.0))
            .exec(&self.txn)
            .await?;
        Ok(())
    }

    /// Active accounts holding any of `roles`, read inside the transaction.
    pub async fn active_users_with_roles(
        &self,
        organization: Option<OrganizationId>,
        roles: &[Role],
    ) -> Result<Vec<User>, StoreError> {
        active_users(&self.txn, organization, roles).await
    }

    /// One comment, read inside the transaction.
    pub async fn comment(&self, id: CommentId) -> Result<Option<Comment>, StoreError> {
        report_comments::Entity::find_by_id(id.0).one(&self.txn).await?.map(comment_from).transpose()
    }
}
