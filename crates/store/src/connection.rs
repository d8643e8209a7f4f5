//! Opening the database and running transactions.
//!
//! SQLite is opened in WAL mode with foreign keys on and a busy timeout, and the settings
//! are read back at start-up, because a pragma that silently failed to apply would only
//! show as lost integrity much later. Write transactions on SQLite begin `IMMEDIATE`: a
//! deferred transaction that reads and then writes fails with `SQLITE_BUSY` under
//! concurrency whatever the busy timeout.

use std::{
    sync::{
        Arc,
        atomic::{AtomicU64, Ordering},
    },
    time::Duration,
};

use migrations::{Migrator, MigratorTrait};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DatabaseTransaction, DbBackend,
    SqliteTransactionMode, Statement, TransactionOptions, TransactionTrait,
    sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous},
};

use crate::StoreError;

/// How long a writer waits for SQLite's lock before giving up.
const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Which database engine is behind a [`Db`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// The embedded default.
    Sqlite,
    /// Production.
    Postgres,
}

/// An arbitrary, fixed key for PostgreSQL's advisory lock over start-up work.
const STARTUP_LOCK_KEY: i64 = 0x6e75_6b75_7374_6172;

/// Serialises start-up work across server instances on one PostgreSQL database: two
/// instances starting at once on an empty database would otherwise both run the
/// migrations and both load the demo, and one of them would fail. A transaction of its
/// own holds an advisory lock until [`StartupLock::release`] (or until the process dies).
/// On SQLite, which one machine's processes share, there is nothing to hold.
#[derive(Debug)]
pub struct StartupLock {
    held: Option<(DatabaseConnection, DatabaseTransaction)>,
    /// Whether another instance held the lock when this one asked.
    pub waited: bool,
}

impl StartupLock {
    /// Waits for the lock on the database at `url`.
    pub async fn acquire(url: &str) -> Result<Self, StoreError> {
        if !(url.starts_with("postgres:") || url.starts_with("postgresql:")) {
            return Ok(Self { held: None, waited: false });
        }
        let mut options = ConnectOptions::new(url);
        options.sqlx_logging(false).connect_timeout(Duration::from_secs(10)).max_connections(1);
        let conn = Database::connect(options).await?;
        let txn = conn.begin().await?;
        let lock = |function: &str| {
            Statement::from_sql_and_values(
                DbBackend::Postgres,
                format!("SELECT {function}($1)"),
                [STARTUP_LOCK_KEY.into()],
            )
        };
        let taken = txn
            .query_one_raw(lock("pg_try_advisory_xact_lock"))
            .await?
            .and_then(|row| row.try_get_by_index::<bool>(0).ok())
            .unwrap_or(false);
        if !taken {
            txn.execute_raw(lock("pg_advisory_xact_lock")).await?;
        }
        Ok(Self { held: Some((conn, txn)), waited: !taken })
    }

    /// Lets the next instance go.
    pub async fn release(self) -> Result<(), StoreError> {
        if let Some((conn, txn)) = self.held {
            txn.commit().await?;
            conn.close().await?;
        }
        Ok(())
    }
}

/// A pool of connections to Nukumori's database.
#[derive(Clone, Debug)]
pub struct Db {
    pub(crate) conn: DatabaseConnection,
    backend: Backend,
    statements: Arc<AtomicU64>,
}

/// A write transaction. Dropped without [`WriteTx::commit`], it rolls back.
#[derive(Debug)]
pub struct WriteTx {
    pub(crate) txn: DatabaseTransaction,
    pub(crate) backend: Backend,
}

impl Db {
    /// Connects to `sqlite://…` or `postgres://…`, creating a SQLite file if needed.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Backend::Postgres
        } else {
            return Err(StoreError::Database(sea_orm::DbErr::Custom(
                "DATABASE_URL must start with sqlite: or postgres:".into(),
            )));
        };
        let mut options = ConnectOptions::new(url);
        options.sqlx_logging(false).connect_timeout(Duration::from_secs(10));
        match backend {
            Backend::Sqlite => {
                options.max_connections(8).min_connections(1).map_sqlx_sqlite_opts(|sqlite| {
                    sqlite
                        .create_if_missing(true)
                        .journal_mode(SqliteJournalMode::Wal)
                        .synchronous(SqliteSynchronous::Normal)
                        .foreign_keys(true)
                        .busy_timeout(SQLITE_BUSY_TIMEOUT)
                });
            }
            Backend::Postgres => {
                options.max_connections(16).min_connections(1);
            }
        }
        let mut conn = Database::connect(options).await?;
        let statements = Arc::new(AtomicU64::new(0));
        let counter = Arc::clone(&statements);
        conn.set_metric_callback(move |_| {
            counter.fetch_add(1, Ordering::Relaxed);
        });
        let db = Self { conn, backend, statements };
        if backend == Backend::Sqlite {
            db.check_sqlite_settings().await?;
        }
        Ok(db)
    }

    async fn check_sqlite_settings(&self) -> Result<(), StoreError> {
        let expectations = [
            ("journal_mode", "wal"),
            ("foreign_keys", "1"),
            ("busy_timeout", &SQLITE_BUSY_TIMEOUT.as_millis().to_string()),
        ];
        for (pragma, expected) in expectations {
            let row = self
                .conn
                .query_one_raw(Statement::from_string(DbBackend::Sqlite, format!("PRAGMA {pragma}")))
                .await?
                .ok_or_else(|| StoreError::Corrupt(format!("PRAGMA {pragma} returned nothing")))?;
            let value: String = match row.try_get_by_index::<String>(0) {
                Ok(text) => text,
                Err(_) => row.try_get_by_index::<i64>(0).map(|n| n.to_string())?,
            };
            if !value.eq_ignore_ascii_case(expected) {
                return Err(StoreError::Corrupt(format!("SQLite {pragma} is {value}, expected {expected}")));
            }
        }
        Ok(())
    }

    /// Brings the schema up to date.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        Migrator::up(&self.conn, None).await?;
        Ok(())
    }

    /// Copies a SQLite database, consistently and while it is in use, into a new file
    /// (`VACUUM INTO`: the copy is compact and holds every committed transaction).
    pub async fn backup_sqlite_into(&self, path: &std::path::Path) -> Result<(), StoreError> {
        if self.backend != Backend::Sqlite {
            return Err(StoreError::Corrupt("an online file copy is for SQLite; use pg_dump".into()));
        }
        let target = path.to_str().ok_or_else(|| StoreError::Corrupt("backup path is not UTF-8".into()))?;
        self.conn
            .execute_raw(Statement::from_sql_and_values(DbBackend::Sqlite, "VACUUM INTO ?", [target.into()]))
            .await?;
        Ok(())
    }

    /// Whether the database answers.
    pub async fn ping(&self) -> Result<(), StoreError> {
        self.conn.ping().await?;
        Ok(())
    }

    /// The engine behind this pool.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// How many SQL statements this pool has executed since it was opened. Tests and
    /// benchmarks read it before and after a request to bound the statements it costs.
    pub fn statements_executed(&self) -> u64 {
        self.statements.load(Ordering::Relaxed)
    }

    /// Begins a write transaction (`BEGIN IMMEDIATE` on SQLite).
    pub async fn write(&self) -> Result<WriteTx, StoreError> {
        let options = TransactionOptions {
            sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
            ..TransactionOptions::default()
        };
        Ok(WriteTx { txn: self.conn.begin_with_options(options).await?, backend: self.backend })
    }

    /// Closes every connection; used at shutdown so SQLite checkpoints its WAL.
    pub async fn close(self) -> Result<(), StoreError> {
        self.conn.close().await?;
        Ok(())
    }
}

impl WriteTx {
    /// Makes every change of the transaction durable at once.
    pub async fn commit(self) -> Result<(), StoreError> {
        self.txn.commit().await?;
        Ok(())
    }
}
