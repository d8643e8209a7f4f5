//! Review and notifications: comments on reports, the mail outbox, invitations, and each
//! person's notification settings.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m0003_reports::{fk, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ReportComments {
    Table,
    Id,
    ReportId,
    ParentId,
    Field,
    ActivityIndex,
    Body,
    AuthorId,
    AuthorOrganizationId,
    CreatedAt,
    EditedAt,
    RetractedAt,
    ResolvedAt,
    ResolvedBy,
}

#[derive(DeriveIden)]
enum Outbox {
    Table,
    Id,
    RecipientUserId,
    RecipientEmail,
    Language,
    Payload,
    Digest,
    DedupeKey,
    CreatedAt,
    NextAttemptAt,
    Attempts,
    LastError,
    ClaimedBy,
    ClaimedUntil,
    SentAt,
}

#[derive(DeriveIden)]
enum Invitations {
    Table,
    Id,
    UserId,
    TokenHash,
    CreatedBy,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    NotificationMode,
    MuteComments,
}

#[derive(DeriveIden)]
enum Reports {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ReportComments::Table)
                    .col(pk_uuid(ReportComments::Id))
                    .col(uuid(ReportComments::ReportId))
                    .col(uuid_null(ReportComments::ParentId))
                    .col(string_len_null(ReportComments::Field, 32))
                    .col(integer_null(ReportComments::ActivityIndex))
                    .col(text(ReportComments::Body))
                    .col(uuid(ReportComments::AuthorId))
                    .col(uuid(ReportComments::AuthorOrganizationId))
                    .col(timestamp_with_time_zone(ReportComments::CreatedAt))
                    .col(timestamp_with_time_zone_null(ReportComments::EditedAt))
                    .col(timestamp_with_time_zone_null(ReportComments::RetractedAt))
                    .col(timestamp_with_time_zone_null(ReportComments::ResolvedAt))
                    .col(uuid_null(ReportComments::ResolvedBy))
                    .foreign_key(&mut fk(
                        (ReportComments::Table, ReportComments::ReportId),
                        (Reports::Table, Reports::Id),
                    ))
                    .foreign_key(&mut fk(
                        (ReportComments::Table, ReportComments::AuthorId),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(manager, "ix_report_comments_report", ReportComments::Table, &["report_id", "created_at"])
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Outbox::Table)
                    .col(pk_uuid(Outbox::Id))
                    .col(uuid_null(Outbox::RecipientUserId))
                    .col(text(Outbox::RecipientEmail))
                    .col(string_len(Outbox::Language, 2))
                    .col(text(Outbox::Payload))
                    .col(boolean(Outbox::Digest))
                    .col(text_null(Outbox::DedupeKey))
                    .col(timestamp_with_time_zone(Outbox::CreatedAt))
                    .col(timestamp_with_time_zone(Outbox::NextAttemptAt))
                    .col(integer(Outbox::Attempts))
                    .col(text_null(Outbox::LastError))
                    .col(text_null(Outbox::ClaimedBy))
                    .col(timestamp_with_time_zone_null(Outbox::ClaimedUntil))
                    .col(timestamp_with_time_zone_null(Outbox::SentAt))
                    .to_owned(),
            )
            .await?;
        index(manager, "ix_outbox_pending", Outbox::Table, &["sent_at", "next_attempt_at"]).await?;
        // Scheduled reminders are enqueued by every running instance; the key lets only
        // the first of them through.
        manager
            .create_index(
                Index::create()
                    .name("ux_outbox_dedupe_key")
                    .table(Outbox::Table)
                    .col(Outbox::DedupeKey)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Invitations::Table)
                    .col(pk_uuid(Invitations::Id))
                    .col(uuid(Invitations::UserId))
                    .col(string_len(Invitations::TokenHash, 64).unique_key())
                    .col(uuid_null(Invitations::CreatedBy))
                    .col(timestamp_with_time_zone(Invitations::CreatedAt))
                    .col(timestamp_with_time_zone(Invitations::ExpiresAt))
                    .col(timestamp_with_time_zone_null(Invitations::UsedAt))
                    .foreign_key(&mut fk(
                        (Invitations::Table, Invitations::UserId),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;

        // SQLite adds one column per ALTER TABLE.
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .add_column(string_len(Users::NotificationMode, 16).default("IMMEDIATE"))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .add_column(boolean(Users::MuteComments).default(false))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [Users::MuteComments, Users::NotificationMode] {
            manager.alter_table(Table::alter().table(Users::Table).drop_column(column).to_owned()).await?;
        }
        for table in
            [Invitations::Table.into_iden(), Outbox::Table.into_iden(), ReportComments::Table.into_iden()]
        {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
