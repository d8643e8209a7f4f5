//! The append-only audit log with its hash chain.
//!
//! Appends are serialised so that each event can name its predecessor's hash: SQLite
//! serialises writers already (`BEGIN IMMEDIATE`); PostgreSQL takes a transaction-scoped
//! advisory lock. Nothing in the product updates or deletes an event.

use chrono::{DateTime, SubsecRound, Utc};
use domain::{
    audit::{AuditAction, AuditEvent, AuditFilter, AuditRecord},
    ids::{OrganizationId, UserId},
};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Statement,
};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::{Backend, Db, StoreError, WriteTx, entities::audit_events};

/// The `prev_hash` of the first event.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// An arbitrary, fixed key for PostgreSQL's advisory lock on the audit log.
const AUDIT_LOCK_KEY: i64 = 0x6e75_6b75_6d6f_7269;

fn hash_event(seq: i64, occurred_at: &DateTime<Utc>, record: &AuditRecord, prev_hash: &str) -> String {
    let mut hasher = Sha256::new();
    let fields = [
        prev_hash.to_owned(),
        seq.to_string(),
        occurred_at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
        record.actor_user_id.map(|id| id.to_string()).unwrap_or_default(),
        record.actor_label.clone(),
        record.action.as_str().to_owned(),
        record.subject_type.clone().unwrap_or_default(),
        record.subject_id.clone().unwrap_or_default(),
        record.organization_id.map(|id| id.to_string()).unwrap_or_default(),
        record.details.clone(),
        record.client_ip.clone().unwrap_or_default(),
    ];
    for field in fields {
        // Length-prefixed, so that moving text between fields changes the hash.
        hasher.update((field.len() as u64).to_be_bytes());
        hasher.update(field.as_bytes());
    }
    hasher.finalize().iter().map(|byte| format!("{byte:02x}")).collect()
}

fn event_from(row: audit_events::Model) -> Result<AuditEvent, StoreError> {
    let action = AuditAction::parse(&row.action)
        .ok_or_else(|| StoreError::Corrupt(format!("audit action {:?}", row.action)))?;
    Ok(AuditEvent {
        seq: row.seq,
        occurred_at: row.occurred_at,
        record: AuditRecord {
            actor_user_id: row.actor_user_id.map(UserId),
            actor_label: row.actor_label,
            action,
            subject_type: row.subject_type,
            subject_id: row.subject_id,
            organization_id: row.organization_id.map(OrganizationId),
            details: row.details,
            client_ip: row.client_ip,
        },
        prev_hash: row.prev_hash,
        hash: row.hash,
    })
}

/// The outcome of checking the whole chain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChainCheck {
    /// Every event's hash and link hold.
    Intact {
        /// Events checked.
        events: u64,
    },
    /// The first event whose hash, link or sequence does not hold.
    Broken {
        /// Its sequence number.
        seq: i64,
        /// What is wrong.
        reason: String,
    },
}

impl WriteTx {
    /// Appends an event to the log, chained to the last one.
    pub async fn append_audit(&self, record: AuditRecord) -> Result<AuditEvent, StoreError> {
        if self.backend == Backend::Postgres {
            self.txn
                .execute_raw(Statement::from_sql_and_values(
                    DbBackend::Postgres,
                    "SELECT pg_advisory_xact_lock($1)",
                    [AUDIT_LOCK_KEY.into()],
                ))
                .await?;
        }
        let last = audit_events::Entity::find()
            .order_by_desc(audit_events::Column::Seq)
            .limit(1)
            .one(&self.txn)
            .await?;
        let (seq, prev_hash) = last.map_or((1, GENESIS_HASH.to_owned()), |row| (row.seq + 1, row.hash));
        // Stored with microsecond precision, as PostgreSQL keeps it, so the hash verifies.
        let occurred_at = Utc::now().trunc_subsecs(6);
        let hash = hash_event(seq, &occurred_at, &record, &prev_hash);
        audit_events::Entity::insert(audit_events::ActiveModel {
            id: Set(Uuid::now_v7()),
            seq: Set(seq),
            occurred_at: Set(occurred_at),
            actor_user_id: Set(record.actor_user_id.map(|id| id.0)),
            actor_label: Set(record.actor_label.clone()),
            action: Set(record.action.as_str().to_owned()),
            subject_type: Set(record.subject_type.clone()),
            subject_id: Set(record.subject_id.clone()),
            organization_id: Set(record.organization_id.map(|id| id.0)),
            details: Set(record.details.clone()),
            client_ip: Set(record.client_ip.clone()),
            prev_hash: Set(prev_hash.clone()),
            hash: Set(hash.clone()),
        })
        .exec_without_returning(&self.txn)
        .await?;
        Ok(AuditEvent { seq, occurred_at, record, prev_hash, hash })
    }
}

impl Db {
    /// Events matching `filter`, newest first, after the cursor `before_seq`.
    pub async fn audit_events(
        &self,
        filter: &AuditFilter,
        before_seq: Option<i64>,
        limit: u64,
    ) -> Result<Vec<AuditEvent>, StoreError> {
        let mut query = audit_events::Entity::find().order_by_desc(audit_events::Column::Seq).limit(limit);
        if let Some(seq) = before_seq {
            query = query.filter(audit_events::Column::Seq.lt(seq));
        }
        if let Some(from) = filter.from {
            query = query.filter(audit_events::Column::OccurredAt.gte(from));
        }
        if let Some(until) = filter.until {
            query = query.filter(audit_events::Column::OccurredAt.lt(until));
        }
        if let Some(user) = filter.actor_user_id {
            query = query.filter(audit_events::Column::ActorUserId.eq(user.0));
        }
        if let Some(organization) = filter.organization_id {
            query = query.filter(audit_events::Column::OrganizationId.eq(organization.0));
        }
        if let Some(action) = filter.action {
            query = query.filter(audit_events::Column::Action.eq(action.as_str()));
        }
        if let Some((kind, id)) = &filter.subject {
            query = query
                .filter(audit_events::Column::SubjectType.eq(kind.as_str()))
                .filter(audit_events::Column::SubjectId.eq(id.as_str()));
        }
        let rows = query.all(&self.conn).await?;
        rows.into_iter().map(event_from).collect()
    }

    /// Recomputes every hash and link, oldest first, in pages.
    pub async fn verify_audit_chain(&self) -> Result<ChainCheck, StoreError> {
        const PAGE: u64 = 1_000;
        let mut expected_seq = 1;
        let mut prev_hash = GENESIS_HASH.to_owned();
        loop {
            let rows = audit_events::Entity::find()
                .filter(audit_events::Column::Seq.gte(expected_seq))
                .order_by_asc(audit_events::Column::Seq)
                .limit(PAGE)
                .all(&self.conn)
                .await?;
            if rows.is_empty() {
                return Ok(ChainCheck::Intact { events: u64::try_from(expected_seq - 1).unwrap_or(0) });
            }
            for row in rows {
                let seq = row.seq;
                let broken = |reason: &str| Ok(ChainCheck::Broken { seq, reason: reason.to_owned() });
                if seq != expected_seq {
                    return broken("an event is missing before this one");
                }
                let event = match event_from(row) {
                    Ok(event) => event,
                    Err(_) => return broken("the action is not one the product writes"),
                };
                if event.prev_hash != prev_hash {
                    return broken("it does not link to the previous event");
                }
                if hash_event(seq, &event.occurred_at, &event.record, &event.prev_hash) != event.hash {
                    return broken("its content does not match its hash");
                }
                prev_hash = event.hash;
                expected_seq += 1;
            }
        }
    }
}
