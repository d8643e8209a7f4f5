//! Creating and dropping whole PostgreSQL databases: a fresh database per test, and the
//! operator's `nukumori` commands that need one. SQLite needs none of this (a new file
//! is a new database).

use sea_orm::{ConnectionTrait, Database, DbBackend, Statement};

use crate::StoreError;

/// Whether `name` is safe to splice into `CREATE DATABASE` (identifiers cannot be bound).
fn is_plain_identifier(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 63
        && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

async fn run(admin_url: &str, sql: String) -> Result<(), StoreError> {
    let conn = Database::connect(admin_url).await?;
    let result = conn.execute_raw(Statement::from_string(DbBackend::Postgres, sql)).await;
    conn.close().await?;
    result?;
    Ok(())
}

/// Creates an empty database called `name` on the server that `admin_url` reaches.
pub async fn create_postgres_database(admin_url: &str, name: &str) -> Result<(), StoreError> {
    if !is_plain_identifier(name) {
        return Err(StoreError::Corrupt(format!("unsafe database name {name:?}")));
    }
    run(admin_url, format!("CREATE DATABASE \"{name}\"")).await
}

/// Drops the database called `name`, disconnecting its sessions first.
pub async fn drop_postgres_database(admin_url: &str, name: &str) -> Result<(), StoreError> {
    if !is_plain_identifier(name) {
        return Err(StoreError::Corrupt(format!("unsafe database name {name:?}")));
    }
    run(admin_url, format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)")).await
}

/// The URL of database `name` on the same server as `admin_url`.
pub fn postgres_url_for(admin_url: &str, name: &str) -> String {
    let (base, query) = admin_url.split_once('?').map_or((admin_url, None), |(b, q)| (b, Some(q)));
    let base = match base.rfind('/') {
        Some(slash) if slash > base.find("//").map_or(0, |i| i + 1) => &base[..slash],
        _ => base,
    };
    match query {
        Some(query) => format!("{base}/{name}?{query}"),
        None => format!("{base}/{name}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_for_other_databases() {
        assert_eq!(
            postgres_url_for("postgres://postgres@127.0.0.1:5432/postgres", "t1"),
            "postgres://postgres@127.0.0.1:5432/t1"
        );
        assert_eq!(
            postgres_url_for("postgres://u@h/postgres?sslmode=disable", "t1"),
            "postgres://u@h/t1?sslmode=disable"
        );
        assert_eq!(postgres_url_for("postgres://u@h:5432", "t1"), "postgres://u@h:5432/t1");
    }

    #[test]
    fn refuses_unsafe_names() {
        for bad in ["", "a\"b", "a;b", "Upper", "a b"] {
            assert!(!is_plain_identifier(bad));
        }
        assert!(is_plain_identifier("nukumori_test_0190a1"));
    }
}
