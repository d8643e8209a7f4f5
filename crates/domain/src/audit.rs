//! The audit trail: who did what, when, to what. Events are appended, never changed; each
//! carries the hash of the one before it, so an edit made directly in the database breaks
//! the chain and `nukumori audit verify` finds it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::{OrganizationId, UserId};

macro_rules! audit_actions {
    ($($variant:ident => $name:literal),* $(,)?) => {
        /// What happened.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum AuditAction {
            $(
                #[doc = $name]
                $variant,
            )*
        }

        impl AuditAction {
            /// Every action.
            pub const ALL: &'static [Self] = &[$(Self::$variant),*];

            /// The stable name stored and shown (`login.failed`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $name,)*
                }
            }

            /// The inverse of [`Self::as_str`].
            pub fn parse(text: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|action| action.as_str() == text)
            }
        }
    };
}

audit_actions! {
    LoginSucceeded => "login.succeeded",
    LoginFailed => "login.failed",
    LoginLockedOut => "login.locked_out",
    LoginRefused => "login.refused_while_locked",
    Logout => "session.logout",
    RefreshReused => "session.refresh_reused",
    PasswordChanged => "password.changed",
    PasswordReset => "password.reset",
    UserCreated => "user.created",
    UserUpdated => "user.updated",
    RolesChanged => "user.roles_changed",
    UserDeactivated => "user.deactivated",
    UserReactivated => "user.reactivated",
    OrganizationCreated => "organization.created",
    OrganizationRenamed => "organization.renamed",
    PlanImported => "plan.imported",
    OwnerAssigned => "ownership.assigned",
    OwnerUnassigned => "ownership.unassigned",
    OwnershipImported => "ownership.imported",
    PeriodOpened => "period.opened",
    ReportSaved => "report.saved",
    ReportCopied => "report.copied_from_previous",
    EvidenceUploaded => "evidence.uploaded",
    EvidenceRemoved => "evidence.removed",
    ReportSubmitted => "report.submitted",
    ReportApproved => "report.approved",
    ReportReturned => "report.returned",
    ReportAccepted => "report.accepted",
    ReportLocked => "report.locked",
    CommentAdded => "comment.added",
    CommentEdited => "comment.edited",
    CommentRetracted => "comment.retracted",
    CommentResolved => "comment.resolved",
    InvitationSent => "invitation.sent",
    InvitationAccepted => "invitation.accepted",
    NotificationSettingsChanged => "user.notification_settings_changed",
    IndicatorValueRecorded => "indicator.value_recorded",
    EvaluationCompiled => "evaluation.compiled",
    RatingOverridden => "evaluation.rating_overridden",
    AssessmentWritten => "evaluation.assessment_written",
    CommitteeReviewStarted => "evaluation.committee_started",
    OpinionAdded => "evaluation.opinion_added",
    OpinionAnswered => "evaluation.opinion_answered",
    EvaluationFinalized => "evaluation.finalized",
    EvaluationPublished => "evaluation.published",
}

/// A new event, before the log gives it a place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditRecord {
    /// The user who acted, if a user did.
    pub actor_user_id: Option<UserId>,
    /// Who acted, readable: an e-mail, `system`, or the e-mail tried at a failed login.
    pub actor_label: String,
    /// What happened.
    pub action: AuditAction,
    /// The kind of thing it happened to (`user`, `plan`, `report`).
    pub subject_type: Option<String>,
    /// Its id.
    pub subject_id: Option<String>,
    /// The organisation concerned (the actor's, or the subject's).
    pub organization_id: Option<OrganizationId>,
    /// Details as a JSON object: from and to values, reasons, versions.
    pub details: String,
    /// The client's address, for sign-in events.
    pub client_ip: Option<String>,
}

/// An event in the log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditEvent {
    /// Position in the log, from 1, without gaps.
    pub seq: i64,
    /// When it happened (UTC, microseconds).
    pub occurred_at: DateTime<Utc>,
    /// What was recorded.
    pub record: AuditRecord,
    /// The previous event's hash (64 zeros for the first).
    pub prev_hash: String,
    /// SHA-256 over this event's fields and `prev_hash`.
    pub hash: String,
}

/// Which events to read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// At or after.
    pub from: Option<DateTime<Utc>>,
    /// Before.
    pub until: Option<DateTime<Utc>>,
    /// By this user.
    pub actor_user_id: Option<UserId>,
    /// Concerning this organisation.
    pub organization_id: Option<OrganizationId>,
    /// Of this kind.
    pub action: Option<AuditAction>,
    /// About this thing: its kind (`report`) and id.
    pub subject: Option<(String, String)>,
}
