//! Typed identifiers. Every entity has a UUIDv7 identity, and a distinct type per entity
//! so that a goal's id can never be passed where a plan's id is expected.

use std::fmt;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// A new, time-ordered identifier (UUIDv7).
            pub fn generate() -> Self {
                Self(Uuid::now_v7())
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl From<Uuid> for $name {
            fn from(value: Uuid) -> Self {
                Self(value)
            }
        }
    )*};
}

id_type!(
    /// A plan generation, such as the 3rd Omitama plan.
    PlanId,
    /// A basic goal (基本目標).
    GoalId,
    /// A basic policy (基本施策).
    PolicyId,
    /// A policy direction (施策の方向).
    DirectionId,
    /// A target indicator (目標値).
    IndicatorId,
    /// One observed value of an indicator.
    IndicatorValueId,
    /// A department, the Council of Social Welfare, the plan office or the committee.
    OrganizationId,
    /// A person with an account.
    UserId,
    /// A reporting period (a fiscal year's interim, year-end or quarterly report).
    PeriodId,
    /// A status report of one owner for one direction in one period.
    ReportId,
    /// An evidence file attached to a report.
    EvidenceId,
    /// One assignment of an organisation to a direction, with its history.
    OwnershipId,
    /// A comment on a report.
    CommentId,
    /// A frozen revision of a report, taken at submission.
    RevisionId,
    /// A mail waiting in (or sent from) the outbox.
    OutboxId,
    /// An invitation to set a password.
    InvitationId,
    /// An annual evaluation of one plan and fiscal year.
    EvaluationId,
    /// A committee member's opinion on an evaluation.
    OpinionId,
);
