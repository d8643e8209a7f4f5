//! The reporting calendar.

use chrono::Utc;
use domain::{
    FiscalYear,
    ids::{PeriodId, PlanId, UserId},
    report::{PeriodKind, ReportStatus, ReportingPeriod},
};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

use crate::{
    Db, StoreError, WriteTx,
    entities::{reporting_periods, reports},
};

fn period_from(row: reporting_periods::Model) -> Result<ReportingPeriod, StoreError> {
    let sequence = u8::try_from(row.sequence).unwrap_or(0);
    let kind = PeriodKind::from_parts(&row.kind, sequence)
        .ok_or_else(|| StoreError::Corrupt(format!("period kind {:?}/{}", row.kind, row.sequence)))?;
    Ok(ReportingPeriod {
        id: PeriodId(row.id),
        plan_id: PlanId(row.plan_id),
        fiscal_year: FiscalYear::try_from(row.fiscal_year).map_err(|e| StoreError::Corrupt(e.to_string()))?,
        kind,
        opens_on: row.opens_on,
        due_on: row.due_on,
    })
}

async fn periods_of<C: ConnectionTrait>(
    conn: &C,
    plan_id: PlanId,
    fiscal_year: Option<FiscalYear>,
) -> Result<Vec<ReportingPeriod>, StoreError> {
    let mut query = reporting_periods::Entity::find()
        .filter(reporting_periods::Column::PlanId.eq(plan_id.0))
        .order_by_asc(reporting_periods::Column::FiscalYear)
        .order_by_asc(reporting_periods::Column::DueOn);
    if let Some(year) = fiscal_year {
        query = query.filter(reporting_periods::Column::FiscalYear.eq(year.year()));
    }
    query.all(conn).await?.into_iter().map(period_from).collect()
}

impl Db {
    /// The periods of a plan (of one fiscal year, if given), in date order.
    pub async fn periods(
        &self,
        plan_id: PlanId,
        fiscal_year: Option<FiscalYear>,
    ) -> Result<Vec<ReportingPeriod>, StoreError> {
        periods_of(&self.conn, plan_id, fiscal_year).await
    }

    /// Periods by id.
    pub async fn periods_by_ids(&self, ids: &[PeriodId]) -> Result<Vec<ReportingPeriod>, StoreError> {
        let rows = reporting_periods::Entity::find()
            .filter(reporting_periods::Column::Id.is_in(ids.iter().map(|id| id.0)))
            .all(&self.conn)
            .await?;
        rows.into_iter().map(period_from).collect()
    }
}

impl WriteTx {
    /// Records a new period; the same kind twice in a year is [`StoreError::Duplicate`].
    pub async fn insert_period(
        &self,
        period: &ReportingPeriod,
        by: Option<UserId>,
    ) -> Result<(), StoreError> {
        reporting_periods::Entity::insert(reporting_periods::ActiveModel {
            id: Set(period.id.0),
            plan_id: Set(period.plan_id.0),
            fiscal_year: Set(period.fiscal_year.year()),
            kind: Set(period.kind.as_str().to_owned()),
            sequence: Set(i16::from(period.kind.sequence())),
            opens_on: Set(period.opens_on),
            due_on: Set(period.due_on),
            created_at: Set(Utc::now()),
            created_by: Set(by.map(|id| id.0)),
        })
        .exec_without_returning(&self.txn)
        .await?;
        Ok(())
    }

    /// Serialises the writes that decide which reports exist in a plan (opening periods,
    /// changing owners) until this transaction ends. SQLite's writer lock does this
    /// already; PostgreSQL takes an advisory lock keyed by the plan.
    pub async fn lock_plan(&self, plan_id: PlanId) -> Result<(), StoreError> {
        if self.backend == crate::Backend::Postgres {
            let bytes = plan_id.0.as_bytes();
            let key = i64::from_be_bytes([
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15],
            ]);
            self.txn
                .execute_raw(sea_orm::Statement::from_sql_and_values(
                    sea_orm::DbBackend::Postgres,
                    "SELECT pg_advisory_xact_lock($1)",
                    [key.into()],
                ))
                .await?;
        }
        Ok(())
    }

    /// The periods of a plan, read inside the transaction.
    pub async fn periods(&self, plan_id: PlanId) -> Result<Vec<ReportingPeriod>, StoreError> {
        periods_of(&self.txn, plan_id, None).await
    }

    /// The periods of a plan that are still open: none of their reports is locked by a
    /// finalised annual evaluation.
    pub async fn open_periods(&self, plan_id: PlanId) -> Result<Vec<PeriodId>, StoreError> {
        let periods: Vec<PeriodId> = self.periods(plan_id).await?.into_iter().map(|p| p.id).collect();
        let locked: Vec<uuid::Uuid> = reports::Entity::find()
            .select_only()
            .column(reports::Column::PeriodId)
            .distinct()
            .filter(reports::Column::PeriodId.is_in(periods.iter().map(|p| p.0)))
            .filter(reports::Column::Status.eq(ReportStatus::Locked.as_str()))
            .into_tuple()
            .all(&self.txn)
            .await?;
        Ok(periods.into_iter().filter(|p| !locked.contains(&p.0)).collect())
    }
}
