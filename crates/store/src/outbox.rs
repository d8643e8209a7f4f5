//! The mail outbox. Use cases write mails here in the same transaction as the change
//! they announce, so a mail exists exactly when its change does. Senders claim rows with
//! a lease (`FOR UPDATE SKIP LOCKED` on PostgreSQL, so several server instances never
//! claim the same row; SQLite's single writer gives the same guarantee), send them
//! outside any transaction, and mark them sent; a sender that dies leaves its lease to
//! expire and another takes over.

use chrono::{DateTime, Duration, Utc};
use domain::ids::{OutboxId, UserId};
use sea_orm::{
    ActiveValue::Set,
    ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    sea_query::{Expr, ExprTrait, LockBehavior, LockType},
};
use uuid::Uuid;

use crate::{Backend, Db, StoreError, WriteTx, entities::outbox};

/// After this many failed attempts a mail is left alone (its last error stays visible).
pub const MAX_ATTEMPTS: i32 = 10;

/// A mail to send.
#[derive(Clone, Debug)]
pub struct NewMail {
    /// The account it goes to, if any.
    pub recipient_user_id: Option<UserId>,
    /// The address.
    pub recipient_email: String,
    /// `ja` or `en`.
    pub language: String,
    /// What to say, as JSON (the domain's `Notification`).
    pub payload: String,
    /// Collected into the recipient's daily digest.
    pub digest: bool,
    /// Not before.
    pub deliver_after: DateTime<Utc>,
    /// A key that makes the mail unique (a reminder for one report and one day); a second
    /// mail with the same key is dropped.
    pub dedupe_key: Option<String>,
}

/// A mail claimed for sending.
#[derive(Clone, Debug)]
pub struct ClaimedMail {
    /// Identity (also the Message-ID, so a receiver can drop a duplicate).
    pub id: OutboxId,
    /// The account it goes to, if any.
    pub recipient_user_id: Option<UserId>,
    /// The address.
    pub recipient_email: String,
    /// `ja` or `en`.
    pub language: String,
    /// The notification, as JSON.
    pub payload: String,
    /// Part of a digest.
    pub digest: bool,
    /// Failed attempts so far.
    pub attempts: i32,
}

/// The outbox at a glance, for operators and tests.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OutboxCounts {
    /// Waiting to be sent (including retries).
    pub pending: u64,
    /// Sent.
    pub sent: u64,
    /// Given up after [`MAX_ATTEMPTS`].
    pub failed: u64,
}

impl WriteTx {
    /// Queues mails; those whose dedupe key was queued before are dropped. Returns how
    /// many were queued.
    pub async fn enqueue_mail(&self, mails: Vec<NewMail>) -> Result<u64, StoreError> {
        let now = Utc::now();
        let mut queued = 0;
        for mail in mails {
            let row = outbox::ActiveModel {
                id: Set(Uuid::now_v7()),
                recipient_user_id: Set(mail.recipient_user_id.map(|u| u.0)),
                recipient_email: Set(mail.recipient_email),
                language: Set(mail.language),
                payload: Set(mail.payload),
                digest: Set(mail.digest),
                dedupe_key: Set(mail.dedupe_key),
                created_at: Set(now),
                next_attempt_at: Set(mail.deliver_after),
                attempts: Set(0),
                last_error: Set(None),
                claimed_by: Set(None),
                claimed_until: Set(None),
                sent_at: Set(None),
            };
            let inserted = outbox::Entity::insert(row)
                .on_conflict_do_nothing_on([outbox::Column::DedupeKey])
                .exec_without_returning(&self.txn)
                .await?;
            if let sea_orm::TryInsertResult::Inserted(n) = inserted {
                queued += n;
            }
        }
        Ok(queued)
    }
}

fn claimable(now: DateTime<Utc>) -> Condition {
    Condition::all()
        .add(outbox::Column::SentAt.is_null())
        .add(outbox::Column::NextAttemptAt.lte(now))
        .add(outbox::Column::Attempts.lt(MAX_ATTEMPTS))
        .add(
            Condition::any()
                .add(outbox::Column::ClaimedUntil.is_null())
                .add(outbox::Column::ClaimedUntil.lt(now)),
        )
}

impl Db {
    /// Claims up to `limit` mails that are due, for `worker`, until `lease` has passed.
    pub async fn claim_mail(
        &self,
        worker: &str,
        lease: Duration,
        limit: u64,
    ) -> Result<Vec<ClaimedMail>, StoreError> {
        let now = Utc::now();
        let tx = self.write().await?;
        let mut query = outbox::Entity::find()
            .filter(claimable(now))
            .order_by_asc(outbox::Column::NextAttemptAt)
            .order_by_asc(outbox::Column::Id)
            .limit(limit);
        if tx.backend == Backend::Postgres {
            query = query.lock_with_behavior(LockType::Update, LockBehavior::SkipLocked);
        }
        let rows = query.all(&tx.txn).await?;
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        outbox::Entity::update_many()
            .col_expr(outbox::Column::ClaimedBy, Expr::value(worker))
            .col_expr(outbox::Column::ClaimedUntil, Expr::value(Some(now + lease)))
            .filter(outbox::Column::Id.is_in(rows.iter().map(|r| r.id)))
            .exec(&tx.txn)
            .await?;
        tx.commit().await?;
        Ok(rows
            .into_iter()
            .map(|row| ClaimedMail {
                id: OutboxId(row.id),
                recipient_user_id: row.recipient_user_id.map(UserId),
                recipient_email: row.recipient_email,
                language: row.language,
                payload: row.payload,
                digest: row.digest,
                attempts: row.attempts,
            })
            .collect())
    }

    /// Records that `worker` sent these mails.
    pub async fn mark_mail_sent(&self, worker: &str, ids: &[OutboxId]) -> Result<(), StoreError> {
        let tx = self.write().await?;
        outbox::Entity::update_many()
            .col_expr(outbox::Column::SentAt, Expr::value(Some(Utc::now())))
            .col_expr(outbox::Column::ClaimedUntil, Expr::value(Option::<DateTime<Utc>>::None))
            .filter(outbox::Column::Id.is_in(ids.iter().map(|id| id.0)))
            .filter(outbox::Column::ClaimedBy.eq(worker))
            .exec(&tx.txn)
            .await?;
        tx.commit().await
    }

    /// Records a failed attempt; the mail is tried again at `retry_at`.
    pub async fn mark_mail_failed(
        &self,
        worker: &str,
        ids: &[OutboxId],
        error: &str,
        retry_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let tx = self.write().await?;
        outbox::Entity::update_many()
            .col_expr(outbox::Column::Attempts, Expr::col(outbox::Column::Attempts).add(1))
            .col_expr(
                outbox::Column::LastError,
                Expr::value(Some(error.chars().take(1000).collect::<String>())),
            )
            .col_expr(outbox::Column::NextAttemptAt, Expr::value(retry_at))
            .col_expr(outbox::Column::ClaimedUntil, Expr::value(Option::<DateTime<Utc>>::None))
            .filter(outbox::Column::Id.is_in(ids.iter().map(|id| id.0)))
            .filter(outbox::Column::ClaimedBy.eq(worker))
            .exec(&tx.txn)
            .await?;
        tx.commit().await
    }

    /// How many mails wait, were sent, or were given up.
    pub async fn outbox_counts(&self) -> Result<OutboxCounts, StoreError> {
        let rows: Vec<(Option<DateTime<Utc>>, i32)> = outbox::Entity::find()
            .select_only()
            .column(outbox::Column::SentAt)
            .column(outbox::Column::Attempts)
            .into_tuple()
            .all(&self.conn)
            .await?;
        let mut counts = OutboxCounts::default();
        for (sent_at, attempts) in rows {
            match (sent_at, attempts >= MAX_ATTEMPTS) {
                (Some(_), _) => counts.sent += 1,
                (None, true) => counts.failed += 1,
                (None, false) => counts.pending += 1,
            }
        }
        Ok(counts)
    }
}
