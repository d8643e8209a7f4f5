//! Writing and reading the audit trail.

use domain::{
    access::{Action, Actor},
    audit::{AuditAction, AuditEvent, AuditFilter, AuditRecord},
    ids::OrganizationId,
};
use serde_json::Value;
use store::ChainCheck;

use crate::{App, AppError, authorize};

/// Builds an audit record for `actor`.
pub(crate) fn record(
    actor: &Actor,
    action: AuditAction,
    subject: Option<(&str, String)>,
    organization_id: Option<OrganizationId>,
    details: Value,
) -> AuditRecord {
    let (actor_user_id, actor_label) = match actor {
        Actor::User(user) => (Some(user.user_id), user.email.clone()),
        Actor::System => (None, "system".to_owned()),
        Actor::Anonymous => (None, "anonymous".to_owned()),
    };
    AuditRecord {
        actor_user_id,
        actor_label,
        action,
        subject_type: subject.as_ref().map(|(kind, _)| (*kind).to_owned()),
        subject_id: subject.map(|(_, id)| id),
        organization_id,
        details: details.to_string(),
        client_ip: None,
    }
}

/// The largest page of audit events one request may ask for.
pub const MAX_AUDIT_PAGE: u64 = 200;

impl App {
    /// Audit events matching `filter`, newest first: a page of at most `first` events
    /// before the cursor `before_seq`, and whether more follow.
    pub async fn audit_events(
        &self,
        actor: &Actor,
        filter: &AuditFilter,
        first: u64,
        before_seq: Option<i64>,
    ) -> Result<(Vec<AuditEvent>, bool), AppError> {
        authorize(actor, &Action::ReadAuditLog)?;
        let first = first.clamp(1, MAX_AUDIT_PAGE);
        let mut events = self.db.audit_events(filter, before_seq, first + 1).await?;
        let more = events.len() as u64 > first;
        events.truncate(usize::try_from(first).unwrap_or(usize::MAX));
        Ok((events, more))
    }

    /// Checks the hash chain of the whole log.
    pub async fn verify_audit_chain(&self, actor: &Actor) -> Result<ChainCheck, AppError> {
        authorize(actor, &Action::ReadAuditLog)?;
        Ok(self.db.verify_audit_chain().await?)
    }
}
