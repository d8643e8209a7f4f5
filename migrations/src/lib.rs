//! Nukumori's database schema as an ordered list of migrations. The same migrations run
//! on SQLite (the embedded default) and PostgreSQL (production), at server start-up and
//! through `nukumori migrate`. A released migration is never edited: change the schema
//! by adding one.

use sea_orm_migration::prelude::*;

mod m0001_plan;
mod m0002_identity;
mod m0003_reports;
mod m0004_review;
mod m0005_evaluation;

pub use sea_orm_migration::MigratorTrait;

/// Every migration, oldest first.
#[derive(Debug)]
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m0001_plan::Migration),
            Box::new(m0002_identity::Migration),
            Box::new(m0003_reports::Migration),
            Box::new(m0004_review::Migration),
            Box::new(m0005_evaluation::Migration),
        ]
    }
}
