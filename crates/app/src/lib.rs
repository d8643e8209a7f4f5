//! Nukumori's use cases. Each public async function is one thing a person (or the
//! operator at the command line) does; it asks the domain's permission model first,
//! runs in one transaction when it writes (with its audit event), and returns domain
//! types or an [`AppError`]. The GraphQL layer and the command line both stand on this
//! crate and on nothing below it.

mod audit;
mod auth;
mod comments;
pub mod demo;
mod demo_history;
mod error;
mod evaluation;
mod evidence;
pub mod export;
mod invitations;
mod mailer;
mod notify;
mod organizations;
mod ownership;
mod passwords;
mod periods;
pub mod plans;
mod reports;
mod settings;
pub mod tokens;
mod users;
mod workflow;

use std::sync::Arc;

pub use audit::MAX_AUDIT_PAGE;
pub use auth::Session;
pub use comments::NewComment;
pub use domain;
pub use error::{AppError, ErrorCode, InputProblem};
pub use evaluation::{
    AnnualEvaluation, DirectionEvaluation, DirectionYearRating, ExportFormat, ExportedFile, GoalEvaluation,
    IndicatorEvaluation, MissingReport, PolicyEvaluation,
};
pub use evidence::{IncomingFile, OutgoingFile};
pub use invitations::{INVITATION_TTL_DAYS, InvitationPreview};
pub use mailer::{DeliveryPass, Mailer};
pub use organizations::{NewOrganization, OrganizationProblem};
pub use periods::NewPeriod;
pub use reports::{CompletionMatrix, MAX_REPORT_PAGE, OwedReport, ReportPatch};
pub use settings::{DEFAULT_MAX_UPLOAD_BYTES, MailSettings, Settings, ThrottleSettings};
pub use store::ReportFilter;
pub use store::{Backend, ChainCheck, ImportSummary, OutboxCounts};
pub use users::{AccountChanges, NewAccount};
pub use workflow::{QueueItem, ReviewDecision};

/// Argon2id parameters, for the record and the benchmarks.
pub mod password_hashing {
    pub use crate::passwords::{ITERATIONS, MEMORY_KIB, PARALLELISM, hash, verify};
}

use domain::access::{Action, Actor, Denial, decide};
use store::Db;

/// The application: the database and the settings; cheap to clone.
#[derive(Clone, Debug)]
pub struct App {
    db: Db,
    settings: Arc<Settings>,
}

impl App {
    /// Connects to the database at `url` and brings its schema up to date.
    pub async fn open(url: &str, settings: Settings) -> Result<Self, AppError> {
        let db = Db::connect(url).await?;
        db.migrate().await?;
        Ok(Self { db, settings: Arc::new(settings) })
    }

    /// Whether the database answers (for `/readyz`).
    pub async fn ready(&self) -> Result<(), AppError> {
        Ok(self.db.ping().await?)
    }

    /// The database engine in use.
    pub fn backend(&self) -> Backend {
        self.db.backend()
    }

    /// The settings in force.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// SQL statements executed since start: tests bound what one request costs.
    pub fn statements_executed(&self) -> u64 {
        self.db.statements_executed()
    }

    /// Copies the (SQLite) database into `path` while it is in use.
    pub async fn backup_sqlite(&self, path: &std::path::Path) -> Result<(), AppError> {
        Ok(self.db.backup_sqlite_into(path).await?)
    }

    /// Closes the database cleanly.
    pub async fn close(self) -> Result<(), AppError> {
        Ok(self.db.close().await?)
    }
}

/// Refuses the action unless the permission model allows it.
fn authorize(actor: &Actor, action: &Action) -> Result<(), AppError> {
    decide(actor, action).map_err(|denial| match denial {
        Denial::Unauthenticated => AppError::Unauthenticated,
        Denial::Forbidden => AppError::Forbidden,
    })
}
