//! Comments on reports: threads anchored to a field or an activity, replies, resolving,
//! editing until someone answers, and retracting with a trace.

use chrono::Utc;
use domain::{
    Language,
    access::{Action, Actor},
    audit::AuditAction,
    ids::{CommentId, ReportId, UserId},
    notification::Notification,
    report::{Report, ReportField},
    review::{Comment, CommentProblem, check_body, may_edit, may_retract},
};
use serde_json::json;

use crate::{App, AppError, InputProblem, audit::record, authorize, notify::mails_for};

/// A new comment.
#[derive(Clone, Debug)]
pub struct NewComment {
    /// The report.
    pub report_id: ReportId,
    /// The text.
    pub body: String,
    /// The field it is about.
    pub field: Option<ReportField>,
    /// The activity it is about (0-based).
    pub activity_index: Option<i32>,
    /// The comment it answers.
    pub parent_id: Option<CommentId>,
}

fn problem(problem: CommentProblem) -> AppError {
    match problem {
        // Someone else's comment is a matter of permission, not of input.
        CommentProblem::NotAuthor => AppError::Forbidden,
        other => AppError::Invalid(InputProblem::Comment(other)),
    }
}

/// The first characters of a comment, for a notification.
fn excerpt(body: &str) -> String {
    const LENGTH: usize = 200;
    let mut text: String = body.chars().take(LENGTH).collect();
    if body.chars().count() > LENGTH {
        text.push('…');
    }
    text
}

impl App {
    /// Every comment on a report the actor may read, oldest first.
    pub async fn comments(&self, actor: &Actor, report: &Report) -> Result<Vec<Comment>, AppError> {
        authorize(actor, &Action::ReadReport(report.reference()))?;
        Ok(self.db.comments(report.id).await?)
    }

    /// Adds a comment or a reply. The report's writers and everyone already in the
    /// conversation are told (unless they muted comment mails).
    pub async fn add_comment(&self, actor: &Actor, new: NewComment) -> Result<Comment, AppError> {
        let report = self.report(actor, new.report_id).await?;
        authorize(actor, &Action::CommentOnReport(report.reference()))?;
        let user = actor.user().ok_or(AppError::Unauthenticated)?;
        let body = check_body(&new.body).map_err(problem)?;
        if let Some(index) = new.activity_index
            && usize::try_from(index).map_or(true, |i| i >= report.content.activities.len())
        {
            return Err(problem(CommentProblem::NoSuchActivity));
        }
        let existing = self.db.comments(report.id).await?;
        let (field, activity_index) = match new.parent_id {
            Some(parent_id) => {
                // A reply joins its thread: same anchor, one level deep.
                let parent = existing
                    .iter()
                    .find(|c| c.id == parent_id && c.parent_id.is_none())
                    .ok_or_else(|| problem(CommentProblem::BadParent))?;
                (parent.field, parent.activity_index)
            }
            None => (new.field.or(new.activity_index.map(|_| ReportField::Activities)), new.activity_index),
        };
        let comment = Comment {
            id: CommentId::generate(),
            report_id: report.id,
            parent_id: new.parent_id,
            field,
            activity_index,
            body,
            author_id: user.user_id,
            author_organization_id: user.organization_id,
            created_at: Utc::now(),
            edited_at: None,
            retracted_at: None,
            resolved_at: None,
            resolved_by: None,
        };
        let mut participants: Vec<UserId> = existing.iter().map(|c| c.author_id).collect();
        participants.extend(self.writers_involved(&report).await?.into_iter().map(|u| u.id));
        participants.sort();
        participants.dedup();
        let recipients = self.db.users_by_ids(&participants).await?;
        let direction = self
            .db
            .direction_by_id(report.direction_id)
            .await?
            .ok_or(AppError::NotFound { what: "direction" })?;
        let author = self.db.users_by_ids(&[user.user_id]).await?.into_iter().next().map(|u| u.display_name);
        let mails =
            mails_for(&recipients, Some(user.user_id), |language: Language| Notification::CommentAdded {
                direction_code: direction.code.to_string(),
                direction_title: direction.name.get(language).to_owned(),
                author: author.clone().unwrap_or_default(),
                excerpt: excerpt(&comment.body),
                report_id: report.id,
            })?;
        let tx = self.db.write().await?;
        tx.insert_comment(&comment).await?;
        let details = json!({
            "comment": comment.id,
            "parent": comment.parent_id,
            "field": comment.field.map(|f| f.api_name()),
            "activity": comment.activity_index,
        });
        tx.append_audit(record(
            actor,
            AuditAction::CommentAdded,
            Some(("report", report.id.to_string())),
            Some(report.organization_id),
            details,
        ))
        .await?;
        tx.enqueue_mail(mails).await?;
        tx.commit().await?;
        Ok(comment)
    }

    async fn own_comment(&self, actor: &Actor, id: CommentId) -> Result<(Comment, Report), AppError> {
        let comment = self.db.comment(id).await?.ok_or(AppError::NotFound { what: "comment" })?;
        let report = self.report(actor, comment.report_id).await?;
        authorize(actor, &Action::CommentOnReport(report.reference()))?;
        Ok((comment, report))
    }

    /// Changes a comment's text: its author, until someone replies.
    pub async fn edit_comment(&self, actor: &Actor, id: CommentId, body: &str) -> Result<Comment, AppError> {
        let (comment, report) = self.own_comment(actor, id).await?;
        let user = actor.user().ok_or(AppError::Unauthenticated)?;
        let body = check_body(body).map_err(problem)?;
        let tx = self.db.write().await?;
        let has_replies = tx.comment_has_replies(id).await?;
        may_edit(&comment, user.user_id, has_replies).map_err(problem)?;
        if !tx.edit_comment(id, &body).await? {
            return Err(problem(CommentProblem::HasReplies));
        }
        tx.append_audit(record(
            actor,
            AuditAction::CommentEdited,
            Some(("report", report.id.to_string())),
            Some(report.organization_id),
            json!({ "comment": id }),
        ))
        .await?;
        let edited = tx.comment(id).await?.ok_or(AppError::NotFound { what: "comment" })?;
        tx.commit().await?;
        Ok(edited)
    }

    /// Withdraws a comment: its author only; the text goes, the trace stays.
    pub async fn retract_comment(&self, actor: &Actor, id: CommentId) -> Result<Comment, AppError> {
        let (comment, report) = self.own_comment(actor, id).await?;
        let user = actor.user().ok_or(AppError::Unauthenticated)?;
        may_retract(&comment, user.user_id).map_err(problem)?;
        let tx = self.db.write().await?;
        tx.retract_comment(id).await?;
        tx.append_audit(record(
            actor,
            AuditAction::CommentRetracted,
            Some(("report", report.id.to_string())),
            Some(report.organization_id),
            json!({ "comment": id }),
        ))
        .await?;
        let retracted = tx.comment(id).await?.ok_or(AppError::NotFound { what: "comment" })?;
        tx.commit().await?;
        Ok(retracted)
    }

    /// Marks a thread resolved, or open again (anyone taking part in the report's
    /// review).
    pub async fn resolve_comment(
        &self,
        actor: &Actor,
        id: CommentId,
        resolved: bool,
    ) -> Result<Comment, AppError> {
        let (comment, report) = self.own_comment(actor, id).await?;
        if comment.parent_id.is_some() {
            return Err(problem(CommentProblem::BadParent));
        }
        let user = actor.user().ok_or(AppError::Unauthenticated)?;
        let tx = self.db.write().await?;
        tx.resolve_comment(id, resolved.then_some(user.user_id)).await?;
        tx.append_audit(record(
            actor,
            AuditAction::CommentResolved,
            Some(("report", report.id.to_string())),
            Some(report.organization_id),
            json!({ "comment": id, "resolved": resolved }),
        ))
        .await?;
        let changed = tx.comment(id).await?.ok_or(AppError::NotFound { what: "comment" })?;
        tx.commit().await?;
        Ok(changed)
    }
}
