//! The annual evaluation: one per plan and fiscal year, the plan office's decisions per
//! direction, the overall assessments (総括), and the committee's opinions with the
//! city's responses.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m0003_reports::{fk, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Evaluations {
    Table,
    Id,
    PlanId,
    FiscalYear,
    Status,
    CompiledAt,
    CompiledBy,
    NotReported,
    FinalizedAt,
    PublishedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum EvaluationDirections {
    Table,
    EvaluationId,
    DirectionId,
    ProposedRating,
    OverrideRating,
    OverrideReason,
    OverriddenBy,
    OverriddenAt,
}

#[derive(DeriveIden)]
enum EvaluationAssessments {
    Table,
    EvaluationId,
    Target,
    Body,
    UpdatedAt,
    UpdatedBy,
}

#[derive(DeriveIden)]
enum CommitteeOpinions {
    Table,
    Id,
    EvaluationId,
    TargetCode,
    Body,
    AuthorId,
    CreatedAt,
    Response,
    Reflection,
    RespondedAt,
    RespondedBy,
}

#[derive(DeriveIden)]
enum Plans {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum PolicyDirections {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Evaluations::Table)
                    .col(pk_uuid(Evaluations::Id))
                    .col(uuid(Evaluations::PlanId))
                    .col(integer(Evaluations::FiscalYear))
                    .col(string_len(Evaluations::Status, 16))
                    .col(timestamp_with_time_zone(Evaluations::CompiledAt))
                    .col(uuid_null(Evaluations::CompiledBy))
                    .col(text_null(Evaluations::NotReported))
                    .col(timestamp_with_time_zone_null(Evaluations::FinalizedAt))
                    .col(timestamp_with_time_zone_null(Evaluations::PublishedAt))
                    .col(timestamp_with_time_zone(Evaluations::CreatedAt))
                    .foreign_key(&mut fk(
                        (Evaluations::Table, Evaluations::PlanId),
                        (Plans::Table, Plans::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_evaluations_plan_year")
                    .table(Evaluations::Table)
                    .col(Evaluations::PlanId)
                    .col(Evaluations::FiscalYear)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(EvaluationDirections::Table)
                    .col(uuid(EvaluationDirections::EvaluationId))
                    .col(uuid(EvaluationDirections::DirectionId))
                    .col(string_len_null(EvaluationDirections::ProposedRating, 1))
                    .col(string_len_null(EvaluationDirections::OverrideRating, 1))
                    .col(text_null(EvaluationDirections::OverrideReason))
                    .col(uuid_null(EvaluationDirections::OverriddenBy))
                    .col(timestamp_with_time_zone_null(EvaluationDirections::OverriddenAt))
                    .primary_key(
                        Index::create()
                            .col(EvaluationDirections::EvaluationId)
                            .col(EvaluationDirections::DirectionId),
                    )
                    .foreign_key(&mut fk(
                        (EvaluationDirections::Table, EvaluationDirections::EvaluationId),
                        (Evaluations::Table, Evaluations::Id),
                    ))
                    .foreign_key(&mut fk(
                        (EvaluationDirections::Table, EvaluationDirections::DirectionId),
                        (PolicyDirections::Table, PolicyDirections::Id),
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(EvaluationAssessments::Table)
                    .col(uuid(EvaluationAssessments::EvaluationId))
                    .col(string_len(EvaluationAssessments::Target, 32))
                    .col(text(EvaluationAssessments::Body))
                    .col(timestamp_with_time_zone(EvaluationAssessments::UpdatedAt))
                    .col(uuid_null(EvaluationAssessments::UpdatedBy))
                    .primary_key(
                        Index::create()
                            .col(EvaluationAssessments::EvaluationId)
                            .col(EvaluationAssessments::Target),
                    )
                    .foreign_key(&mut fk(
                        (EvaluationAssessments::Table, EvaluationAssessments::EvaluationId),
                        (Evaluations::Table, Evaluations::Id),
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(CommitteeOpinions::Table)
                    .col(pk_uuid(CommitteeOpinions::Id))
                    .col(uuid(CommitteeOpinions::EvaluationId))
                    .col(string_len_null(CommitteeOpinions::TargetCode, 32))
                    .col(text(CommitteeOpinions::Body))
                    .col(uuid(CommitteeOpinions::AuthorId))
                    .col(timestamp_with_time_zone(CommitteeOpinions::CreatedAt))
                    .col(text_null(CommitteeOpinions::Response))
                    .col(text_null(CommitteeOpinions::Reflection))
                    .col(timestamp_with_time_zone_null(CommitteeOpinions::RespondedAt))
                    .col(uuid_null(CommitteeOpinions::RespondedBy))
                    .foreign_key(&mut fk(
                        (CommitteeOpinions::Table, CommitteeOpinions::EvaluationId),
                        (Evaluations::Table, Evaluations::Id),
                    ))
                    .foreign_key(&mut fk(
                        (CommitteeOpinions::Table, CommitteeOpinions::AuthorId),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(manager, "ix_committee_opinions_evaluation", CommitteeOpinions::Table, &["evaluation_id"])
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            CommitteeOpinions::Table.into_iden(),
            EvaluationAssessments::Table.into_iden(),
            EvaluationDirections::Table.into_iden(),
            Evaluations::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
