//! The plan and its organisations: plan generations, goals, policies, directions,
//! target indicators with their observed values, and the organisations of the city.
//!
//! Every tree table carries `plan_id`, so that codes are unique within a plan by a plain
//! unique index and a whole plan loads with one query per level.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organizations {
    Table,
    Id,
    Code,
    Kind,
    NameJa,
    NameEn,
    IsSample,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Plans {
    Table,
    Id,
    Code,
    NameJa,
    NameEn,
    StartFiscalYear,
    EndFiscalYear,
    PhilosophyJa,
    PhilosophyEn,
    SloganJa,
    SloganEn,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Goals {
    Table,
    Id,
    PlanId,
    Code,
    Position,
    NameJa,
    NameEn,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Policies {
    Table,
    Id,
    PlanId,
    GoalId,
    Code,
    Position,
    NameJa,
    NameEn,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum PolicyDirections {
    Table,
    Id,
    PlanId,
    PolicyId,
    GoalId,
    Code,
    Position,
    NameJa,
    NameEn,
    IsNew,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Indicators {
    Table,
    Id,
    PlanId,
    GoalId,
    Code,
    Position,
    NameJa,
    NameEn,
    Unit,
    UnitLabelJa,
    UnitLabelEn,
    BaselineValue,
    BaselineFiscalYear,
    TargetValue,
    TargetFiscalYear,
    SourceJa,
    SourceEn,
    SourceOrganizationId,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum IndicatorValues {
    Table,
    Id,
    IndicatorId,
    FiscalYear,
    Value,
    Source,
    Note,
    CreatedAt,
    UpdatedAt,
}

fn timestamps(table: &mut TableCreateStatement, created: impl IntoIden, updated: impl IntoIden) {
    table.col(timestamp_with_time_zone(created)).col(timestamp_with_time_zone(updated));
}

fn foreign_key(
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(ForeignKeyAction::Restrict)
        .on_update(ForeignKeyAction::Restrict)
        .to_owned()
}

fn index(name: &str, table: impl IntoIden, columns: &[&'static str], unique: bool) -> IndexCreateStatement {
    let mut statement = Index::create();
    statement.name(name).table(table);
    for column in columns {
        statement.col(Alias::new(*column));
    }
    if unique {
        statement.unique();
    }
    statement.to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut organizations = Table::create();
        organizations
            .table(Organizations::Table)
            .col(pk_uuid(Organizations::Id))
            .col(string_len_uniq(Organizations::Code, 64))
            .col(string_len(Organizations::Kind, 32))
            .col(text(Organizations::NameJa))
            .col(text(Organizations::NameEn))
            .col(boolean(Organizations::IsSample).default(false));
        timestamps(&mut organizations, Organizations::CreatedAt, Organizations::UpdatedAt);
        manager.create_table(organizations).await?;

        let mut plans = Table::create();
        plans
            .table(Plans::Table)
            .col(pk_uuid(Plans::Id))
            .col(string_len_uniq(Plans::Code, 64))
            .col(text(Plans::NameJa))
            .col(text(Plans::NameEn))
            .col(integer(Plans::StartFiscalYear))
            .col(integer(Plans::EndFiscalYear))
            .col(text(Plans::PhilosophyJa))
            .col(text(Plans::PhilosophyEn))
            .col(text_null(Plans::SloganJa))
            .col(text_null(Plans::SloganEn));
        timestamps(&mut plans, Plans::CreatedAt, Plans::UpdatedAt);
        manager.create_table(plans).await?;

        let mut goals = Table::create();
        goals
            .table(Goals::Table)
            .col(pk_uuid(Goals::Id))
            .col(uuid(Goals::PlanId))
            .col(string_len(Goals::Code, 32))
            .col(integer(Goals::Position))
            .col(text(Goals::NameJa))
            .col(text(Goals::NameEn))
            .foreign_key(&mut foreign_key((Goals::Table, Goals::PlanId), (Plans::Table, Plans::Id)));
        timestamps(&mut goals, Goals::CreatedAt, Goals::UpdatedAt);
        manager.create_table(goals).await?;
        manager.create_index(index("ux_goals_plan_code", Goals::Table, &["plan_id", "code"], true)).await?;

        let mut policies = Table::create();
        policies
            .table(Policies::Table)
            .col(pk_uuid(Policies::Id))
            .col(uuid(Policies::PlanId))
            .col(uuid(Policies::GoalId))
            .col(string_len(Policies::Code, 32))
            .col(integer(Policies::Position))
            .col(text(Policies::NameJa))
            .col(text(Policies::NameEn))
            .foreign_key(&mut foreign_key((Policies::Table, Policies::PlanId), (Plans::Table, Plans::Id)))
            .foreign_key(&mut foreign_key((Policies::Table, Policies::GoalId), (Goals::Table, Goals::Id)));
        timestamps(&mut policies, Policies::CreatedAt, Policies::UpdatedAt);
        manager.create_table(policies).await?;
        manager
            .create_index(index("ux_policies_plan_code", Policies::Table, &["plan_id", "code"], true))
            .await?;
        manager.create_index(index("ix_policies_goal", Policies::Table, &["goal_id"], false)).await?;

        let mut directions = Table::create();
        directions
            .table(PolicyDirections::Table)
            .col(pk_uuid(PolicyDirections::Id))
            .col(uuid(PolicyDirections::PlanId))
            .col(uuid(PolicyDirections::PolicyId))
            .col(uuid(PolicyDirections::GoalId))
            .col(string_len(PolicyDirections::Code, 32))
            .col(integer(PolicyDirections::Position))
            .col(text(PolicyDirections::NameJa))
            .col(text(PolicyDirections::NameEn))
            .col(boolean(PolicyDirections::IsNew).default(false))
            .foreign_key(&mut foreign_key(
                (PolicyDirections::Table, PolicyDirections::PlanId),
                (Plans::Table, Plans::Id),
            ))
            .foreign_key(&mut foreign_key(
                (PolicyDirections::Table, PolicyDirections::PolicyId),
                (Policies::Table, Policies::Id),
            ))
            .foreign_key(&mut foreign_key(
                (PolicyDirections::Table, PolicyDirections::GoalId),
                (Goals::Table, Goals::Id),
            ));
        timestamps(&mut directions, PolicyDirections::CreatedAt, PolicyDirections::UpdatedAt);
        manager.create_table(directions).await?;
        manager
            .create_index(index(
                "ux_policy_directions_plan_code",
                PolicyDirections::Table,
                &["plan_id", "code"],
                true,
            ))
            .await?;
        manager
            .create_index(index(
                "ix_policy_directions_policy",
                PolicyDirections::Table,
                &["policy_id"],
                false,
            ))
            .await?;

        let mut indicators = Table::create();
        indicators
            .table(Indicators::Table)
            .col(pk_uuid(Indicators::Id))
            .col(uuid(Indicators::PlanId))
            .col(uuid_null(Indicators::GoalId))
            .col(string_len(Indicators::Code, 32))
            .col(integer(Indicators::Position))
            .col(text(Indicators::NameJa))
            .col(text(Indicators::NameEn))
            .col(string_len(Indicators::Unit, 16))
            .col(text_null(Indicators::UnitLabelJa))
            .col(text_null(Indicators::UnitLabelEn))
            .col(double(Indicators::BaselineValue))
            .col(integer(Indicators::BaselineFiscalYear))
            .col(double(Indicators::TargetValue))
            .col(integer(Indicators::TargetFiscalYear))
            .col(text(Indicators::SourceJa))
            .col(text(Indicators::SourceEn))
            .col(uuid_null(Indicators::SourceOrganizationId))
            .foreign_key(&mut foreign_key((Indicators::Table, Indicators::PlanId), (Plans::Table, Plans::Id)))
            .foreign_key(&mut foreign_key((Indicators::Table, Indicators::GoalId), (Goals::Table, Goals::Id)))
            .foreign_key(&mut foreign_key(
                (Indicators::Table, Indicators::SourceOrganizationId),
                (Organizations::Table, Organizations::Id),
            ));
        timestamps(&mut indicators, Indicators::CreatedAt, Indicators::UpdatedAt);
        manager.create_table(indicators).await?;
        manager
            .create_index(index("ux_indicators_plan_code", Indicators::Table, &["plan_id", "code"], true))
            .await?;

        let mut values = Table::create();
        values
            .table(IndicatorValues::Table)
            .col(pk_uuid(IndicatorValues::Id))
            .col(uuid(IndicatorValues::IndicatorId))
            .col(integer(IndicatorValues::FiscalYear))
            .col(double(IndicatorValues::Value))
            .col(text_null(IndicatorValues::Source))
            .col(text_null(IndicatorValues::Note))
            .foreign_key(&mut foreign_key(
                (IndicatorValues::Table, IndicatorValues::IndicatorId),
                (Indicators::Table, Indicators::Id),
            ));
        timestamps(&mut values, IndicatorValues::CreatedAt, IndicatorValues::UpdatedAt);
        manager.create_table(values).await?;
        manager
            .create_index(index(
                "ux_indicator_values_indicator_year",
                IndicatorValues::Table,
                &["indicator_id", "fiscal_year"],
                true,
            ))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            IndicatorValues::Table.into_iden(),
            Indicators::Table.into_iden(),
            PolicyDirections::Table.into_iden(),
            Policies::Table.into_iden(),
            Goals::Table.into_iden(),
            Plans::Table.into_iden(),
            Organizations::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
