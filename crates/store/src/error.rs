//! The store's errors. [`From<DbErr>`] is the one place where database failures become
//! meaningful: constraint violations turn into [`StoreError::Duplicate`] and
//! [`StoreError::Reference`], everything else stays an internal failure whose details are
//! logged and never shown to a client.

use sea_orm::{DbErr, SqlErr};

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A row that must exist does not.
    #[error("not found")]
    NotFound,
    /// A unique key is taken.
    #[error("a unique key is already taken: {0}")]
    Duplicate(String),
    /// A row refers to a missing row, or is still referred to.
    #[error("a reference does not hold: {0}")]
    Reference(String),
    /// An import would drop elements the database holds; the codes are listed.
    #[error("the file no longer lists {0:?}, which the database holds")]
    MissingFromImport(Vec<String>),
    /// A row that the domain's rules cannot read (changed outside the product).
    #[error("stored data is invalid: {0}")]
    Corrupt(String),
    /// Anything else the database said: connection lost, timeout, disk full.
    #[error("database failure: {0}")]
    Database(#[source] DbErr),
}

impl From<DbErr> for StoreError {
    fn from(error: DbErr) -> Self {
        match error.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(detail)) => Self::Duplicate(detail),
            Some(SqlErr::ForeignKeyConstraintViolation(detail)) => Self::Reference(detail),
            _ => Self::Database(error),
        }
    }
}
