//! Moving reports through review: submission (to the manager or straight to the
//! reviewers), the manager's sign-off, return with a reason, acceptance; bulk review;
//! the review queue; a report's history and revisions. Every step asks the domain's
//! transition table ([`domain::workflow::transition`]) and writes the status, the frozen
//! revision, the audit event and the notification mails in one transaction.

use chrono::{DateTime, Utc};
use domain::{
    Language,
    access::{Action, Actor, Role},
    audit::{AuditAction, AuditEvent, AuditFilter},
    ids::{CommentId, ReportId, UserId},
    notification::{Notification, SubmittedTo},
    plan::{Organization, OrganizationKind, PolicyDirection},
    report::{Report, ReportField, ReportStatus, ReportingPeriod, missing_for_submission},
    review::{Comment, Revision, check_reason, compare},
    workflow::{OwnerContext, TransitionError, WorkflowAction, transition},
};
use serde_json::json;
use store::{QueueScope, StatusChange};

use crate::{App, AppError, InputProblem, audit::record, authorize, notify::mails_for};

/// A reviewer's decision on one report, for bulk review.
#[derive(Clone, Debug)]
pub enum ReviewDecision {
    /// Accept, with an optional comment.
    Accept {
        /// A note for the writer.
        comment: Option<String>,
    },
    /// Return to the writer.
    Return {
        /// Why (required).
        reason: String,
    },
}

/// A report waiting for the viewer, with how long it has waited and what changed since
/// the revision that was returned.
#[derive(Clone, Debug)]
pub struct QueueItem {
    /// The report.
    pub report: Report,
    /// Since when it waits in this queue.
    pub waiting_since: DateTime<Utc>,
    /// The fields changed since the previous (returned) revision; `None` for a first
    /// submission.
    pub changed_since_return: Option<Vec<ReportField>>,
}

/// The most reports one queue lists.
const MAX_QUEUE: u64 = 500;

/// What a step needs to know besides the report.
struct StepContext {
    owner: Organization,
    direction: PolicyDirection,
    period: ReportingPeriod,
    has_manager: bool,
}

impl App {
    async fn step_context(&self, report: &Report) -> Result<StepContext, AppError> {
        let owner = self
            .db
            .organization_by_id(report.organization_id)
            .await?
            .ok_or(AppError::NotFound { what: "organization" })?;
        let direction = self
            .db
            .direction_by_id(report.direction_id)
            .await?
            .ok_or(AppError::NotFound { what: "direction" })?;
        let period = self
            .db
            .periods_by_ids(&[report.period_id])
            .await?
            .into_iter()
            .next()
            .ok_or(AppError::NotFound { what: "period" })?;
        let managers =
            self.db.active_users_with_roles(Some(report.organization_id), &[Role::DepartmentManager]).await?;
        Ok(StepContext { owner, direction, period, has_manager: !managers.is_empty() })
    }

    fn owner_context(context: &StepContext) -> OwnerContext {
        OwnerContext {
            has_manager: context.has_manager,
            is_council: context.owner.kind == OrganizationKind::Council,
        }
    }

    /// The steps `actor` may take on `report` now (for the buttons a page shows).
    pub async fn available_actions(
        &self,
        actor: &Actor,
        report: &Report,
    ) -> Result<Vec<WorkflowAction>, AppError> {
        if actor.user().is_none() {
            return Ok(Vec::new());
        }
        let context = self.step_context(report).await?;
        let owner = Self::owner_context(&context);
        Ok([WorkflowAction::Submit, WorkflowAction::Approve, WorkflowAction::Return, WorkflowAction::Accept]
            .into_iter()
            .filter(|action| transition(actor, report.reference(), *action, owner).is_ok())
            .collect())
    }

    /// Submits a report: to the department manager, or straight to the reviewers when
    /// the organisation has no manager or the manager submits. `expected_version` is the
    /// version the writer last saw; the report must be complete.
    pub async fn submit_report(
        &self,
        actor: &Actor,
        id: ReportId,
        expected_version: i32,
    ) -> Result<Report, AppError> {
        self.step(actor, id, WorkflowAction::Submit, Some(expected_version), None).await
    }

    /// The department manager signs a report off; it goes to the reviewers.
    pub async fn approve_report(&self, actor: &Actor, id: ReportId) -> Result<Report, AppError> {
        self.step(actor, id, WorkflowAction::Approve, None, None).await
    }

    /// Sends a report back to its writers with a reason (the manager, or a reviewer).
    pub async fn return_report(&self, actor: &Actor, id: ReportId, reason: &str) -> Result<Report, AppError> {
        let reason = check_reason(reason).map_err(|p| AppError::Invalid(InputProblem::Review(p)))?;
        self.step(actor, id, WorkflowAction::Return, None, Some(reason)).await
    }

    /// A reviewer accepts a report, optionally with a comment for the writers.
    pub async fn accept_report(
        &self,
        actor: &Actor,
        id: ReportId,
        comment: Option<&str>,
    ) -> Result<Report, AppError> {
        let comment = comment
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(check_reason)
            .transpose()
            .map_err(|p| AppError::Invalid(InputProblem::Review(p)))?;
        self.step(actor, id, WorkflowAction::Accept, None, comment).await
    }

    /// Accepts or returns several reports (the plan office); each is judged on its own
    /// and the answer says, per report, what happened.
    pub async fn bulk_review(
        &self,
        actor: &Actor,
        ids: &[ReportId],
        decision: &ReviewDecision,
    ) -> Result<Vec<(ReportId, Result<Report, AppError>)>, AppError> {
        authorize(actor, &Action::BulkReview)?;
        let mut outcomes = Vec::with_capacity(ids.len());
        let mut seen = std::collections::HashSet::new();
        for id in ids.iter().filter(|id| seen.insert(**id)) {
            let outcome = match decision {
                ReviewDecision::Accept { comment } => {
                    self.accept_report(actor, *id, comment.as_deref()).await
                }
                ReviewDecision::Return { reason } => self.return_report(actor, *id, reason).await,
            };
            outcomes.push((*id, outcome));
        }
        Ok(outcomes)
    }

    async fn step(
        &self,
        actor: &Actor,
        id: ReportId,
        action: WorkflowAction,
        expected_version: Option<i32>,
        note: Option<String>,
    ) -> Result<Report, AppError> {
        let report = self.report(actor, id).await?;
        let context = self.step_context(&report).await?;
        let to = transition(actor, report.reference(), action, Self::owner_context(&context)).map_err(
            |error| match error {
                TransitionError::NotYours => AppError::Forbidden,
                other => AppError::Invalid(InputProblem::Transition(other)),
            },
        )?;
        if action == WorkflowAction::Submit {
            if let Some(expected) = expected_version
                && expected != report.version
            {
                return Err(AppError::StaleVersion { current_version: report.version });
            }
            let missing = missing_for_submission(&report.content);
            if !missing.is_empty() {
                return Err(AppError::Invalid(InputProblem::Incomplete(missing)));
            }
        }
        let now = Utc::now();
        // Everything read from the pool is read before the write transaction begins: a
        // transaction that waited for a second connection could starve the pool (and on
        // SQLite hold the write lock while it waits).
        let user = actor.user();
        let actor_name = match user {
            Some(user) => {
                self.db.users_by_ids(&[user.user_id]).await?.into_iter().next().map(|u| u.display_name)
            }
            None => None,
        }
        .unwrap_or_default();
        let writers = match to {
            ReportStatus::Returned | ReportStatus::Accepted => self.writers_involved(&report).await?,
            _ => Vec::new(),
        };
        let tx = self.db.write().await?;
        let change = StatusChange { report_id: id, from: report.status, expected_version, to, at: now };
        let Some(moved) = tx.change_status(change).await? else {
            // Someone else moved or saved it between our read and this write.
            drop(tx);
            let current = self.db.report_by_id(id).await?.ok_or(AppError::NotFound { what: "report" })?;
            return Err(if current.status == report.status {
                AppError::StaleVersion { current_version: current.version }
            } else {
                AppError::Conflict(format!("report moved to {}", current.status.as_str()))
            });
        };
        let revision = if action == WorkflowAction::Submit {
            Some(tx.freeze_revision(&moved, actor.user().map(|u| u.user_id)).await?)
        } else {
            None
        };
        // A reason or an acceptance note also opens a thread, so the writer can answer it.
        if let (Some(note), Some(user)) = (&note, user) {
            tx.insert_comment(&Comment {
                id: CommentId::generate(),
                report_id: id,
                parent_id: None,
                field: None,
                activity_index: None,
                body: note.clone(),
                author_id: user.user_id,
                author_organization_id: user.organization_id,
                created_at: now,
                edited_at: None,
                retracted_at: None,
                resolved_at: None,
                resolved_by: None,
            })
            .await?;
        }
        let audit_action = match action {
            WorkflowAction::Submit => AuditAction::ReportSubmitted,
            WorkflowAction::Approve => AuditAction::ReportApproved,
            WorkflowAction::Return => AuditAction::ReportReturned,
            WorkflowAction::Accept => AuditAction::ReportAccepted,
            WorkflowAction::Lock => AuditAction::ReportLocked,
        };
        let details = json!({
            "from": report.status.as_str(),
            "to": to.as_str(),
            "version": moved.version,
            "reason": note,
            "revision": revision,
        });
        tx.append_audit(record(
            actor,
            audit_action,
            Some(("report", id.to_string())),
            Some(report.organization_id),
            details,
        ))
        .await?;

        let code = context.direction.code.to_string();
        let title = |language: Language| context.direction.name.get(language).to_owned();
        let mails = match to {
            ReportStatus::AwaitingManager | ReportStatus::Submitted => {
                let (recipients, awaiting) = if to == ReportStatus::AwaitingManager {
                    let managers = tx
                        .active_users_with_roles(Some(report.organization_id), &[Role::DepartmentManager])
                        .await?;
                    (managers, SubmittedTo::Manager)
                } else {
                    (self.reviewers_of(&tx, &context.owner).await?, SubmittedTo::Reviewers)
                };
                mails_for(&recipients, user.map(|u| u.user_id), |language| Notification::Submitted {
                    direction_code: code.clone(),
                    direction_title: title(language),
                    organization_name: context.owner.name.get(language).to_owned(),
                    submitted_by: actor_name.clone(),
                    report_id: id,
                    awaiting,
                })?
            }
            ReportStatus::Returned | ReportStatus::Accepted => {
                mails_for(&writers, user.map(|u| u.user_id), |language| {
                    let period_label = context.period.label(language);
                    if to == ReportStatus::Returned {
                        Notification::Returned {
                            direction_code: code.clone(),
                            direction_title: title(language),
                            period_label,
                            returned_by: actor_name.clone(),
                            reason: note.clone().unwrap_or_default(),
                            report_id: id,
                        }
                    } else {
                        Notification::Accepted {
                            direction_code: code.clone(),
                            direction_title: title(language),
                            period_label,
                            accepted_by: actor_name.clone(),
                            comment: note.clone(),
                            report_id: id,
                        }
                    }
                })?
            }
            _ => Vec::new(),
        };
        tx.enqueue_mail(mails).await?;
        tx.commit().await?;
        Ok(moved)
    }

    /// The reviewers of an organisation's reports: the plan office, and for a
    /// department also the Council's coordinators.
    async fn reviewers_of(
        &self,
        tx: &store::WriteTx,
        owner: &Organization,
    ) -> Result<Vec<domain::user::User>, AppError> {
        let roles: &[Role] = if owner.kind == OrganizationKind::Council {
            &[Role::PlanOffice]
        } else {
            &[Role::PlanOffice, Role::CouncilCoordinator]
        };
        let reviewers = tx.active_users_with_roles(None, roles).await?;
        // Nobody reviews their own organisation's report.
        Ok(reviewers
            .into_iter()
            .filter(|u| u.organization_id != owner.id)
            .filter(|u| u.roles.contains(&Role::PlanOffice) || u.roles.contains(&Role::CouncilCoordinator))
            .collect())
    }

    /// The writers who worked on a report: who saved it last and who submitted each
    /// revision.
    pub(crate) async fn writers_involved(
        &self,
        report: &Report,
    ) -> Result<Vec<domain::user::User>, AppError> {
        let mut ids: Vec<UserId> =
            self.db.revisions(report.id).await?.into_iter().filter_map(|r| r.created_by).collect();
        ids.extend(report.updated_by);
        ids.sort();
        ids.dedup();
        let users = self.db.users_by_ids(&ids).await?;
        Ok(users.into_iter().filter(|u| u.organization_id == report.organization_id).collect())
    }

    /// What waits for the viewer: reports awaiting their sign-off (managers) or review
    /// (the plan office, the Council's coordinators), longest-waiting first.
    pub async fn review_queue(&self, actor: &Actor) -> Result<Vec<QueueItem>, AppError> {
        authorize(actor, &Action::ReadReviewQueue)?;
        let user = actor.user().ok_or(AppError::Unauthenticated)?;
        let mut scope = QueueScope::default();
        if user.has(Role::DepartmentManager) {
            scope.awaiting_manager_of = Some(user.organization_id);
        }
        if user.has(Role::PlanOffice) || user.has(Role::CouncilCoordinator) {
            let mut except = vec![user.organization_id];
            if !user.has(Role::PlanOffice) {
                // The Council's reports go to the plan office alone.
                let council = self.db.organizations().await?;
                except.extend(
                    council.into_iter().filter(|o| o.kind == OrganizationKind::Council).map(|o| o.id),
                );
            }
            scope.submitted_except = Some(except);
        }
        let reports = self.db.review_queue(&scope, MAX_QUEUE).await?;
        let ids: Vec<ReportId> = reports.iter().map(|r| r.id).collect();
        let revisions = self.db.latest_revisions(&ids).await?;
        Ok(reports
            .into_iter()
            .map(|report| {
                let mine: Vec<&Revision> = revisions.iter().filter(|r| r.report_id == report.id).collect();
                let changed_since_return = match mine.as_slice() {
                    [latest, previous, ..] => Some(compare(&previous.content, &latest.content)),
                    _ => None,
                };
                QueueItem {
                    waiting_since: report.submitted_at.unwrap_or(report.updated_at),
                    changed_since_return,
                    report,
                }
            })
            .collect())
    }

    /// A report's history: every event about it, oldest first.
    pub async fn report_history(&self, actor: &Actor, report: &Report) -> Result<Vec<AuditEvent>, AppError> {
        authorize(actor, &Action::ReadReport(report.reference()))?;
        let filter = AuditFilter {
            subject: Some(("report".to_owned(), report.id.to_string())),
            ..AuditFilter::default()
        };
        let mut events = self.db.audit_events(&filter, None, 1000).await?;
        events.reverse();
        Ok(events)
    }

    /// A report's revisions (each submission, frozen), oldest first.
    pub async fn revisions(&self, actor: &Actor, report: &Report) -> Result<Vec<Revision>, AppError> {
        authorize(actor, &Action::ReadReport(report.reference()))?;
        Ok(self.db.revisions(report.id).await?)
    }
}
