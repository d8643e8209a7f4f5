//! Nukumori's use cases. Each public async function is one thing a person (or the
//! operator at the command line) does; it asks the domain's permission model first,
//! runs in one transaction when it writes, and returns domain types or an [`AppError`].
//! The GraphQL layer and the command line both stand on this crate and on nothing below it.

pub mod demo;
mod error;
pub mod plans;

pub use domain;
pub use error::{AppError, ErrorCode};
pub use store::{Backend, ImportSummary};

use domain::access::{Action, Actor, Denial, decide};
use store::Db;

/// The application: the database and, in later issues, mail and file storage.
#[derive(Clone, Debug)]
pub struct App {
    db: Db,
}

impl App {
    /// Connects to the database at `url` and brings its schema up to date.
    pub async fn open(url: &str) -> Result<Self, AppError> {
        let db = Db::connect(url).await?;
        db.migrate().await?;
        Ok(Self { db })
    }

    /// Whether the database answers (for `/readyz`).
    pub async fn ready(&self) -> Result<(), AppError> {
        Ok(self.db.ping().await?)
    }

    /// The database engine in use.
    pub fn backend(&self) -> Backend {
        self.db.backend()
    }

    /// SQL statements executed since start: tests bound what one request costs.
    pub fn statements_executed(&self) -> u64 {
        self.db.statements_executed()
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
