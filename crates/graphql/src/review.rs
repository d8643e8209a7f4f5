//! Review in the API: the workflow steps, bulk review, the review queue, comments,
//! revisions, invitations and notification settings.

use app::{
    NewComment, QueueItem, ReviewDecision,
    domain::{
        i18n::Localized,
        ids::{CommentId, ReportId, UserId},
        report::ReportField,
        review::{Comment, Revision},
        user::NotificationSettings,
        workflow::WorkflowAction,
    },
};
use async_graphql::{Context, ID, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};

use crate::{
    accounts::{SessionObject, UserObject},
    mutation::set_refresh_cookie,
    reports::{
        ActivityObject, NextStepValue, PersonObject, ReportFieldValue, ReportObject, ReportStatusValue,
        SelfRatingValue,
    },
    resolve::{app, cache, fail, language, loaded, parse_uuid, request},
};

mirror_enum!(
    /// A step of the report workflow.
    WorkflowActionValue as "WorkflowAction", WorkflowAction {
        /// 提出.
        Submit,
        /// 課長確認.
        Approve,
        /// 差し戻し.
        Return,
        /// 受理.
        Accept,
        /// 確定 (by the system, when the evaluation is finalised).
        Lock,
    }
);

/// A colleague's name, from the request cache (one load for a whole page).
pub(crate) async fn person(ctx: &Context<'_>, id: Option<UserId>) -> Result<Option<PersonObject>> {
    let Some(id) = id else { return Ok(None) };
    let people = loaded(ctx, cache(ctx)?.people(&[id]).await)?;
    Ok(people
        .get(&id)
        .map(|u| PersonObject { id: ID(u.id.to_string()), display_name: u.display_name.clone() }))
}

/// A comment on a report; a reply names its thread's first comment as `parentId`.
pub struct CommentObject(pub Comment);

#[Object(name = "Comment")]
impl CommentObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn report_id(&self) -> ID {
        ID(self.0.report_id.to_string())
    }
    /// The thread's first comment, for a reply.
    async fn parent_id(&self) -> Option<ID> {
        self.0.parent_id.map(|id| ID(id.to_string()))
    }
    /// The field it is about.
    async fn field(&self) -> Option<ReportFieldValue> {
        self.0.field.map(Into::into)
    }
    /// The activity it is about (0-based).
    async fn activity_index(&self) -> Option<i32> {
        self.0.activity_index
    }
    /// The text; empty once retracted.
    async fn body(&self) -> &str {
        &self.0.body
    }
    async fn author(&self, ctx: &Context<'_>) -> Result<Option<PersonObject>> {
        person(ctx, Some(self.0.author_id)).await
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn edited_at(&self) -> Option<DateTime<Utc>> {
        self.0.edited_at
    }
    /// Withdrawn by its author: the trace stays, the text does not.
    async fn retracted_at(&self) -> Option<DateTime<Utc>> {
        self.0.retracted_at
    }
    /// The thread was marked resolved.
    async fn resolved_at(&self) -> Option<DateTime<Utc>> {
        self.0.resolved_at
    }
    async fn resolved_by(&self, ctx: &Context<'_>) -> Result<Option<PersonObject>> {
        person(ctx, self.0.resolved_by).await
    }
}

/// A report as it was submitted, frozen.
pub struct RevisionObject(pub Revision);

#[Object(name = "ReportRevision")]
impl RevisionObject {
    /// 1 for the first submission, then 2, 3…
    async fn number(&self) -> i32 {
        self.0.number
    }
    /// The status the submission led to.
    async fn status(&self) -> ReportStatusValue {
        self.0.status.into()
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn created_by(&self, ctx: &Context<'_>) -> Result<Option<PersonObject>> {
        person(ctx, self.0.created_by).await
    }
    async fn activities(&self) -> Vec<ActivityObject> {
        self.0.content.activities.iter().map(Into::into).collect()
    }
    async fn results_summary(&self) -> Option<&str> {
        self.0.content.results_summary.as_deref()
    }
    async fn self_rating(&self) -> Option<SelfRatingValue> {
        self.0.content.self_rating.map(Into::into)
    }
    async fn rating_reason(&self) -> Option<&str> {
        self.0.content.rating_reason.as_deref()
    }
    async fn issues(&self) -> Option<&str> {
        self.0.content.issues.as_deref()
    }
    async fn next_step(&self) -> Option<NextStepValue> {
        self.0.content.next_step.map(Into::into)
    }
    async fn next_step_reason(&self) -> Option<&str> {
        self.0.content.next_step_reason.as_deref()
    }
}

/// A report waiting for the viewer.
pub struct QueueItemObject(pub QueueItem);

#[Object(name = "ReviewQueueItem")]
impl QueueItemObject {
    async fn report(&self) -> ReportObject {
        ReportObject(self.0.report.clone())
    }
    /// Since when it waits in this queue.
    async fn waiting_since(&self) -> DateTime<Utc> {
        self.0.waiting_since
    }
    /// Whole days it has waited.
    async fn waiting_days(&self) -> i64 {
        (Utc::now() - self.0.waiting_since).num_days()
    }
    /// The fields changed since the revision that was returned; null for a first
    /// submission.
    async fn changed_since_return(&self) -> Option<Vec<ReportFieldValue>> {
        self.0.changed_since_return.as_ref().map(|fields| fields.iter().copied().map(Into::into).collect())
    }
}

/// What happened to one report of a bulk review.
#[derive(SimpleObject)]
#[graphql(name = "BulkReviewOutcome")]
pub struct BulkOutcomeObject {
    pub report_id: ID,
    pub succeeded: bool,
    /// The report as it is now, when the step succeeded.
    pub report: Option<ReportObject>,
    /// Why it did not (`FORBIDDEN`, `BAD_USER_INPUT`, `NOT_FOUND`, `CONFLICT`).
    pub code: Option<String>,
    /// The reason, in the caller's language.
    pub message: Option<String>,
}

/// A sent invitation.
#[derive(SimpleObject)]
#[graphql(name = "Invitation")]
pub struct InvitationObject {
    pub user_id: ID,
    /// Until when the link works.
    pub expires_at: DateTime<Utc>,
}

/// Who an invitation link is for.
#[derive(SimpleObject)]
#[graphql(name = "InvitationPreview")]
pub struct InvitationPreviewObject {
    pub email: String,
    pub display_name: String,
    pub expires_at: DateTime<Utc>,
}

/// How a person's notification mails arrive.
#[derive(SimpleObject)]
#[graphql(name = "NotificationSettings")]
pub struct NotificationSettingsObject {
    /// One mail a day (08:00 Japan time) instead of one per event.
    pub daily_digest: bool,
    /// No mails about new comments.
    pub mute_comments: bool,
}

impl From<NotificationSettings> for NotificationSettingsObject {
    fn from(settings: NotificationSettings) -> Self {
        Self { daily_digest: settings.daily_digest, mute_comments: settings.mute_comments }
    }
}

/// The review fields of `StatusReport`.
pub(crate) async fn comments_of(ctx: &Context<'_>, report: &ReportObject) -> Result<Vec<CommentObject>> {
    let request = request(ctx)?;
    let comments = app(ctx)?.comments(&request.actor, &report.0).await.map_err(fail(ctx))?;
    Ok(comments.into_iter().map(CommentObject).collect())
}

pub(crate) async fn revisions_of(ctx: &Context<'_>, report: &ReportObject) -> Result<Vec<RevisionObject>> {
    let request = request(ctx)?;
    let revisions = app(ctx)?.revisions(&request.actor, &report.0).await.map_err(fail(ctx))?;
    Ok(revisions.into_iter().map(RevisionObject).collect())
}

pub(crate) async fn actions_of(ctx: &Context<'_>, report: &ReportObject) -> Result<Vec<WorkflowActionValue>> {
    let request = request(ctx)?;
    let actions = app(ctx)?.available_actions(&request.actor, &report.0).await.map_err(fail(ctx))?;
    Ok(actions.into_iter().map(Into::into).collect())
}

/// Review queries.
#[derive(Default)]
pub struct ReviewQuery;

#[Object]
impl ReviewQuery {
    /// What waits for the viewer, longest-waiting first: reports awaiting their sign-off
    /// (department managers) or their review (the plan office; the Council's
    /// coordinators for departments' reports).
    async fn review_queue(&self, ctx: &Context<'_>) -> Result<Vec<QueueItemObject>> {
        let request = request(ctx)?;
        let items = app(ctx)?.review_queue(&request.actor).await.map_err(fail(ctx))?;
        // One load for every period, person and evidence list of the queue.
        let reports: Vec<_> = items.iter().map(|item| item.report.clone()).collect();
        crate::reports::prefetch(ctx, &reports).await?;
        Ok(items.into_iter().map(QueueItemObject).collect())
    }

    /// Who an invitation link is for; null when it is unknown, used or expired. The
    /// token is the permission: anyone holding the link may ask.
    async fn invitation(&self, ctx: &Context<'_>, token: String) -> Result<Option<InvitationPreviewObject>> {
        let preview = app(ctx)?.invitation(&token).await.map_err(fail(ctx))?;
        Ok(preview.map(|p| InvitationPreviewObject {
            email: p.email,
            display_name: p.display_name,
            expires_at: p.expires_at,
        }))
    }
}

/// Review changes.
#[derive(Default)]
pub struct ReviewMutation;

fn report_id(ctx: &Context<'_>, id: &ID) -> Result<ReportId> {
    Ok(ReportId(parse_uuid(ctx, id)?))
}

fn comment_id(ctx: &Context<'_>, id: &ID) -> Result<CommentId> {
    Ok(CommentId(parse_uuid(ctx, id)?))
}

async fn bulk(ctx: &Context<'_>, ids: Vec<ID>, decision: ReviewDecision) -> Result<Vec<BulkOutcomeObject>> {
    let request = request(ctx)?;
    let language = language(ctx);
    let ids: Vec<ReportId> = ids.iter().map(|id| report_id(ctx, id)).collect::<Result<_>>()?;
    let outcomes = app(ctx)?.bulk_review(&request.actor, &ids, &decision).await.map_err(fail(ctx))?;
    Ok(outcomes
        .into_iter()
        .map(|(id, outcome)| match outcome {
            Ok(report) => BulkOutcomeObject {
                report_id: ID(id.to_string()),
                succeeded: true,
                report: Some(ReportObject(report)),
                code: None,
                message: None,
            },
            Err(error) => BulkOutcomeObject {
                report_id: ID(id.to_string()),
                succeeded: false,
                report: None,
                code: Some(error.code().as_str().to_owned()),
                message: Some(error.localized(language)),
            },
        })
        .collect())
}

#[Object]
impl ReviewMutation {
    /// Submits a complete report (its organisation's writers): to the department
    /// manager (`AWAITING_MANAGER`), or straight to the reviewers (`SUBMITTED`) when the
    /// organisation has no manager or the manager submits. `expectedVersion` is the
    /// version the writer last saw.
    async fn submit_report(&self, ctx: &Context<'_>, id: ID, expected_version: i32) -> Result<ReportObject> {
        let request = request(ctx)?;
        let report = app(ctx)?
            .submit_report(&request.actor, report_id(ctx, &id)?, expected_version)
            .await
            .map_err(fail(ctx))?;
        Ok(ReportObject(report))
    }

    /// The department manager signs a report off (課長確認); it goes to the reviewers.
    async fn approve_report(&self, ctx: &Context<'_>, id: ID) -> Result<ReportObject> {
        let request = request(ctx)?;
        let report =
            app(ctx)?.approve_report(&request.actor, report_id(ctx, &id)?).await.map_err(fail(ctx))?;
        Ok(ReportObject(report))
    }

    /// Sends a report back to its writers (the manager, or a reviewer outside the
    /// report's organisation); a reason is required and opens a comment thread.
    async fn return_report(&self, ctx: &Context<'_>, id: ID, reason: String) -> Result<ReportObject> {
        let request = request(ctx)?;
        let report = app(ctx)?
            .return_report(&request.actor, report_id(ctx, &id)?, &reason)
            .await
            .map_err(fail(ctx))?;
        Ok(ReportObject(report))
    }

    /// Accepts a submitted report (the plan office; the Council's coordinators for
    /// departments' reports). Nobody accepts their own organisation's report.
    async fn accept_report(
        &self,
        ctx: &Context<'_>,
        id: ID,
        comment: Option<String>,
    ) -> Result<ReportObject> {
        let request = request(ctx)?;
        let report = app(ctx)?
            .accept_report(&request.actor, report_id(ctx, &id)?, comment.as_deref())
            .await
            .map_err(fail(ctx))?;
        Ok(ReportObject(report))
    }

    /// Accepts several reports (the plan office); each is judged on its own.
    async fn bulk_accept_reports(
        &self,
        ctx: &Context<'_>,
        ids: Vec<ID>,
        comment: Option<String>,
    ) -> Result<Vec<BulkOutcomeObject>> {
        bulk(ctx, ids, ReviewDecision::Accept { comment }).await
    }

    /// Returns several reports with one reason (the plan office); each is judged on its
    /// own.
    async fn bulk_return_reports(
        &self,
        ctx: &Context<'_>,
        ids: Vec<ID>,
        reason: String,
    ) -> Result<Vec<BulkOutcomeObject>> {
        bulk(ctx, ids, ReviewDecision::Return { reason }).await
    }

    /// Comments on a report, optionally on one field or one activity (0-based), or
    /// replies to a thread (`parentId`). Writers, their manager, reviewers, and
    /// committee members on accepted reports take part.
    async fn add_comment(
        &self,
        ctx: &Context<'_>,
        report_id: ID,
        body: String,
        field: Option<ReportFieldValue>,
        activity_index: Option<i32>,
        parent_id: Option<ID>,
    ) -> Result<CommentObject> {
        let request = request(ctx)?;
        let new = NewComment {
            report_id: self::report_id(ctx, &report_id)?,
            body,
            field: field.map(ReportField::from),
            activity_index,
            parent_id: parent_id.map(|id| comment_id(ctx, &id)).transpose()?,
        };
        let comment = app(ctx)?.add_comment(&request.actor, new).await.map_err(fail(ctx))?;
        Ok(CommentObject(comment))
    }

    /// Changes one's own comment, until someone replies.
    async fn edit_comment(&self, ctx: &Context<'_>, id: ID, body: String) -> Result<CommentObject> {
        let request = request(ctx)?;
        let comment =
            app(ctx)?.edit_comment(&request.actor, comment_id(ctx, &id)?, &body).await.map_err(fail(ctx))?;
        Ok(CommentObject(comment))
    }

    /// Withdraws one's own comment; who wrote it and when stays visible.
    async fn retract_comment(&self, ctx: &Context<'_>, id: ID) -> Result<CommentObject> {
        let request = request(ctx)?;
        let comment =
            app(ctx)?.retract_comment(&request.actor, comment_id(ctx, &id)?).await.map_err(fail(ctx))?;
        Ok(CommentObject(comment))
    }

    /// Marks a thread resolved (or, with `resolved: false`, open again).
    async fn resolve_comment(
        &self,
        ctx: &Context<'_>,
        id: ID,
        #[graphql(default = true)] resolved: bool,
    ) -> Result<CommentObject> {
        let request = request(ctx)?;
        let comment = app(ctx)?
            .resolve_comment(&request.actor, comment_id(ctx, &id)?, resolved)
            .await
            .map_err(fail(ctx))?;
        Ok(CommentObject(comment))
    }

    /// Sends an invitation mail to an account (plan office and administrators); the
    /// link sets the password once and works for 7 days. Earlier links stop working.
    async fn invite_user(&self, ctx: &Context<'_>, user_id: ID) -> Result<InvitationObject> {
        let request = request(ctx)?;
        let id = UserId(parse_uuid(ctx, &user_id)?);
        let expires_at = app(ctx)?.invite_user(&request.actor, id).await.map_err(fail(ctx))?;
        Ok(InvitationObject { user_id, expires_at })
    }

    /// Sets one's password through an invitation link and signs in.
    async fn accept_invitation(
        &self,
        ctx: &Context<'_>,
        token: String,
        password: String,
    ) -> Result<SessionObject> {
        let session = app(ctx)?.accept_invitation(&token, &password).await.map_err(fail(ctx))?;
        set_refresh_cookie(ctx, &session);
        Ok(SessionObject(session))
    }

    /// Chooses how one's own notification mails arrive.
    async fn update_notification_settings(
        &self,
        ctx: &Context<'_>,
        daily_digest: bool,
        mute_comments: bool,
    ) -> Result<UserObject> {
        let request = request(ctx)?;
        let user = app(ctx)?
            .set_notification_settings(&request.actor, NotificationSettings { daily_digest, mute_comments })
            .await
            .map_err(fail(ctx))?;
        Ok(UserObject(user))
    }
}
