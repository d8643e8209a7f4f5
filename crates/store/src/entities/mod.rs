//! sea-orm entities, one module per table. They never leave this crate: queries map
//! rows to the domain's types, so the rest of the product does not depend on table shape.

pub mod audit_events;
pub mod blobs;
pub mod committee_opinions;
pub mod direction_owners;
pub mod evaluation_assessments;
pub mod evaluation_directions;
pub mod evaluations;
pub mod evidence;
pub mod goals;
pub mod indicator_values;
pub mod indicators;
pub mod invitations;
pub mod login_throttle;
pub mod organizations;
pub mod outbox;
pub mod plans;
pub mod policies;
pub mod policy_directions;
pub mod refresh_tokens;
pub mod report_comments;
pub mod report_revisions;
pub mod reporting_periods;
pub mod reports;
pub mod user_roles;
pub mod users;
