//! The backup drill: a running installation with a year of work is backed up with
//! `nukumori backup`, restored with `nukumori restore` into a fresh database, and the
//! restored database holds the same rows and an intact audit chain.

use std::process::Command;

use sea_orm::{ConnectionTrait, Statement};

use crate::harness::{Backend, Options, TestDatabase, TestServer, on_both_backends};

const TABLES: [&str; 12] = [
    "plans",
    "policy_directions",
    "users",
    "direction_owners",
    "reporting_periods",
    "reports",
    "report_revisions",
    "report_comments",
    "audit_events",
    "evaluations",
    "committee_opinions",
    "indicator_values",
];

async fn row_counts(url: &str) -> Vec<(String, i64)> {
    let db = sea_orm::Database::connect(url).await.expect("connect");
    let mut counts = Vec::new();
    for table in TABLES {
        let row = db
            .query_one_raw(Statement::from_string(
                db.get_database_backend(),
                format!("SELECT COUNT(*) FROM {table}"),
            ))
            .await
            .expect("count")
            .expect("row");
        counts.push((table.to_owned(), row.try_get_by_index::<i64>(0).expect("number")));
    }
    db.close().await.expect("close");
    counts
}

fn nukumori(args: &[&str], url: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_nukumori"))
        .args(args)
        .env("DATABASE_URL", url)
        .env("LANG", "en_US.UTF-8")
        .env("NUKUMORI_LOG", "warn")
        .output()
        .expect("runs")
}

on_both_backends!(a_backup_restores_into_a_fresh_database_with_every_row);

async fn a_backup_restores_into_a_fresh_database_with_every_row(backend: Backend) {
    let server = TestServer::start(backend, Options { demo_history: true, ..Options::demo() }).await;
    let source = server.database_url().to_owned();
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("nukumori.backup");

    // Online: the server keeps running while the copy is made.
    let backup = nukumori(&["backup", "--output", file.to_str().unwrap()], &source);
    assert!(backup.status.success(), "{}", String::from_utf8_lossy(&backup.stderr));
    let again = nukumori(&["backup", "--output", file.to_str().unwrap()], &source);
    assert!(!again.status.success(), "an existing backup is never overwritten");

    let target = match backend {
        Backend::Sqlite => {
            let url = format!("sqlite://{}?mode=rwc", dir.path().join("restored.db").display());
            (url, None)
        }
        Backend::Postgres => {
            let database = TestDatabase::create(Backend::Postgres).await;
            (database.url.clone(), Some(database))
        }
    };
    let restore = nukumori(&["restore", "--input", file.to_str().unwrap()], &target.0);
    let stderr = String::from_utf8_lossy(&restore.stderr);
    assert!(restore.status.success(), "{stderr}");
    assert!(stderr.contains("audit log is intact"), "{stderr}");

    let original = row_counts(&source).await;
    assert!(original.iter().all(|(_, n)| *n > 0), "every table has rows to compare: {original:?}");
    assert_eq!(row_counts(&target.0).await, original);
    // Restoring over a database that exists is refused (SQLite: the file is there).
    if backend == Backend::Sqlite {
        let over = nukumori(&["restore", "--input", file.to_str().unwrap()], &target.0);
        assert!(!over.status.success());
    }
    server.stop().await;
}
