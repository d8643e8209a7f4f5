//! Ownership of policy directions, the reporting calendar, status reports with their
//! revisions, and evidence files (content-addressed blobs).
//!
//! Assignments are kept as history: an active assignment has no `unassigned_at`, and a
//! change closes one row and opens another. Partial unique indexes (on SQLite and
//! PostgreSQL alike) allow one active row per direction and organisation and one active
//! lead per direction.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum DirectionOwners {
    Table,
    Id,
    DirectionId,
    OrganizationId,
    Role,
    AssignedAt,
    AssignedBy,
    UnassignedAt,
    UnassignedBy,
}

#[derive(DeriveIden)]
enum ReportingPeriods {
    Table,
    Id,
    PlanId,
    FiscalYear,
    Kind,
    Sequence,
    OpensOn,
    DueOn,
    CreatedAt,
    CreatedBy,
}

#[derive(DeriveIden)]
enum Reports {
    Table,
    Id,
    PeriodId,
    DirectionId,
    OrganizationId,
    Status,
    Version,
    Activities,
    ResultsSummary,
    SelfRating,
    RatingReason,
    Issues,
    NextStep,
    NextStepReason,
    IndicatorIds,
    CopiedFromReportId,
    CreatedAt,
    UpdatedAt,
    UpdatedBy,
    SubmittedAt,
    AcceptedAt,
}

#[derive(DeriveIden)]
enum ReportRevisions {
    Table,
    Id,
    ReportId,
    Number,
    Status,
    Content,
    CreatedAt,
    CreatedBy,
}

#[derive(DeriveIden)]
enum Blobs {
    Table,
    Sha256,
    Size,
    ContentType,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Evidence {
    Table,
    Id,
    ReportId,
    BlobSha256,
    FileName,
    ContentType,
    Size,
    Description,
    UploadedAt,
    UploadedBy,
    RemovedAt,
    RemovedBy,
}

#[derive(DeriveIden)]
enum PolicyDirections {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Organizations {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Plans {
    Table,
    Id,
}

pub(crate) fn fk(
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
) -> ForeignKeyCreateStatement {
    ForeignKey::create().from(from.0, from.1).to(to.0, to.1).on_delete(ForeignKeyAction::Restrict).to_owned()
}

pub(crate) async fn index(
    manager: &SchemaManager<'_>,
    name: &str,
    table: impl IntoIden,
    columns: &[&str],
) -> Result<(), DbErr> {
    let mut statement = Index::create();
    statement.name(name).table(table);
    for column in columns {
        statement.col(Alias::new(*column));
    }
    manager.create_index(statement).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(DirectionOwners::Table)
                    .col(pk_uuid(DirectionOwners::Id))
                    .col(uuid(DirectionOwners::DirectionId))
                    .col(uuid(DirectionOwners::OrganizationId))
                    .col(string_len(DirectionOwners::Role, 16))
                    .col(timestamp_with_time_zone(DirectionOwners::AssignedAt))
                    .col(uuid_null(DirectionOwners::AssignedBy))
                    .col(timestamp_with_time_zone_null(DirectionOwners::UnassignedAt))
                    .col(uuid_null(DirectionOwners::UnassignedBy))
                    .foreign_key(&mut fk(
                        (DirectionOwners::Table, DirectionOwners::DirectionId),
                        (PolicyDirections::Table, PolicyDirections::Id),
                    ))
                    .foreign_key(&mut fk(
                        (DirectionOwners::Table, DirectionOwners::OrganizationId),
                        (Organizations::Table, Organizations::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(manager, "ix_direction_owners_direction", DirectionOwners::Table, &["direction_id"]).await?;
        // Partial indexes: the same SQL on both engines.
        let connection = manager.get_connection();
        connection
            .execute_unprepared(
                "CREATE UNIQUE INDEX ux_direction_owners_active ON direction_owners \
                 (direction_id, organization_id) WHERE unassigned_at IS NULL",
            )
            .await?;
        connection
            .execute_unprepared(
                "CREATE UNIQUE INDEX ux_direction_owners_one_lead ON direction_owners \
                 (direction_id) WHERE unassigned_at IS NULL AND role = 'LEAD'",
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ReportingPeriods::Table)
                    .col(pk_uuid(ReportingPeriods::Id))
                    .col(uuid(ReportingPeriods::PlanId))
                    .col(integer(ReportingPeriods::FiscalYear))
                    .col(string_len(ReportingPeriods::Kind, 16))
                    .col(small_integer(ReportingPeriods::Sequence))
                    .col(date(ReportingPeriods::OpensOn))
                    .col(date(ReportingPeriods::DueOn))
                    .col(timestamp_with_time_zone(ReportingPeriods::CreatedAt))
                    .col(uuid_null(ReportingPeriods::CreatedBy))
                    .foreign_key(&mut fk(
                        (ReportingPeriods::Table, ReportingPeriods::PlanId),
                        (Plans::Table, Plans::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_reporting_periods_key")
                    .table(ReportingPeriods::Table)
                    .col(ReportingPeriods::PlanId)
                    .col(ReportingPeriods::FiscalYear)
                    .col(ReportingPeriods::Kind)
                    .col(ReportingPeriods::Sequence)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Reports::Table)
                    .col(pk_uuid(Reports::Id))
                    .col(uuid(Reports::PeriodId))
                    .col(uuid(Reports::DirectionId))
                    .col(uuid(Reports::OrganizationId))
                    .col(string_len(Reports::Status, 24))
                    .col(integer(Reports::Version))
                    .col(text(Reports::Activities))
                    .col(text_null(Reports::ResultsSummary))
                    .col(string_len_null(Reports::SelfRating, 1))
                    .col(text_null(Reports::RatingReason))
                    .col(text_null(Reports::Issues))
                    .col(string_len_null(Reports::NextStep, 16))
                    .col(text_null(Reports::NextStepReason))
                    .col(text(Reports::IndicatorIds))
                    .col(uuid_null(Reports::CopiedFromReportId))
                    .col(timestamp_with_time_zone(Reports::CreatedAt))
                    .col(timestamp_with_time_zone(Reports::UpdatedAt))
                    .col(uuid_null(Reports::UpdatedBy))
                    .col(timestamp_with_time_zone_null(Reports::SubmittedAt))
                    .col(timestamp_with_time_zone_null(Reports::AcceptedAt))
                    .foreign_key(&mut fk(
                        (Reports::Table, Reports::PeriodId),
                        (ReportingPeriods::Table, ReportingPeriods::Id),
                    ))
                    .foreign_key(&mut fk(
                        (Reports::Table, Reports::DirectionId),
                        (PolicyDirections::Table, PolicyDirections::Id),
                    ))
                    .foreign_key(&mut fk(
                        (Reports::Table, Reports::OrganizationId),
                        (Organizations::Table, Organizations::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_reports_period_direction_organization")
                    .table(Reports::Table)
                    .col(Reports::PeriodId)
                    .col(Reports::DirectionId)
                    .col(Reports::OrganizationId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        index(manager, "ix_reports_organization", Reports::Table, &["organization_id", "period_id"]).await?;
        index(manager, "ix_reports_period_status", Reports::Table, &["period_id", "status"]).await?;
        index(manager, "ix_reports_direction", Reports::Table, &["direction_id"]).await?;

        manager
            .create_table(
                Table::create()
                    .table(ReportRevisions::Table)
                    .col(pk_uuid(ReportRevisions::Id))
                    .col(uuid(ReportRevisions::ReportId))
                    .col(integer(ReportRevisions::Number))
                    .col(string_len(ReportRevisions::Status, 24))
                    .col(text(ReportRevisions::Content))
                    .col(timestamp_with_time_zone(ReportRevisions::CreatedAt))
                    .col(uuid_null(ReportRevisions::CreatedBy))
                    .foreign_key(&mut fk(
                        (ReportRevisions::Table, ReportRevisions::ReportId),
                        (Reports::Table, Reports::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_report_revisions_number")
                    .table(ReportRevisions::Table)
                    .col(ReportRevisions::ReportId)
                    .col(ReportRevisions::Number)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Blobs::Table)
                    .col(string_len(Blobs::Sha256, 64).primary_key())
                    .col(big_integer(Blobs::Size))
                    .col(string_len(Blobs::ContentType, 128))
                    .col(timestamp_with_time_zone(Blobs::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Evidence::Table)
                    .col(pk_uuid(Evidence::Id))
                    .col(uuid(Evidence::ReportId))
                    .col(string_len(Evidence::BlobSha256, 64))
                    .col(text(Evidence::FileName))
                    .col(string_len(Evidence::ContentType, 128))
                    .col(big_integer(Evidence::Size))
                    .col(text_null(Evidence::Description))
                    .col(timestamp_with_time_zone(Evidence::UploadedAt))
                    .col(uuid_null(Evidence::UploadedBy))
                    .col(timestamp_with_time_zone_null(Evidence::RemovedAt))
                    .col(uuid_null(Evidence::RemovedBy))
                    .foreign_key(&mut fk(
                        (Evidence::Table, Evidence::ReportId),
                        (Reports::Table, Reports::Id),
                    ))
                    .foreign_key(&mut fk(
                        (Evidence::Table, Evidence::BlobSha256),
                        (Blobs::Table, Blobs::Sha256),
                    ))
                    .to_owned(),
            )
            .await?;
        index(manager, "ix_evidence_report", Evidence::Table, &["report_id"]).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Evidence::Table.into_iden(),
            Blobs::Table.into_iden(),
            ReportRevisions::Table.into_iden(),
            Reports::Table.into_iden(),
            ReportingPeriods::Table.into_iden(),
            DirectionOwners::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
