//! Nukumori's persistence. This is the only crate that knows SQL and sea-orm: it opens
//! the database (SQLite or PostgreSQL), runs the migrations, and offers queries that take
//! and return the domain's types. Entity types never leave it.
//!
//! Reads are methods of [`Db`]; writes happen in a [`WriteTx`], so that a use case can
//! put several changes (and later its audit event and outbox rows) into one transaction.

mod audit;
mod connection;
mod entities;
mod error;
mod evaluations;
mod evidence;
mod invitations;
mod mapping;
mod organizations;
mod outbox;
mod ownership;
mod periods;
mod plan_import;
mod plans;
pub mod provisioning;
mod reports;
mod review;
mod sessions;
mod throttle;
mod users;

pub use audit::{ChainCheck, GENESIS_HASH};
pub use connection::{Backend, Db, StartupLock, WriteTx};
pub use error::StoreError;
pub use invitations::Invitation;
pub use outbox::{ClaimedMail, MAX_ATTEMPTS, NewMail, OutboxCounts};
pub use plan_import::ImportSummary;
pub use reports::{ReportFilter, SaveOutcome};
pub use review::{QueueScope, StatusChange};
pub use sessions::{NewRefreshToken, RefreshToken};
pub use throttle::ThrottleState;
pub use users::{Credentials, NewUser, UserChanges};
