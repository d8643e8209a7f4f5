//! Assignments of organisations to policy directions, kept as history: an assignment is
//! never updated in place except to close it, so "who owned this, and since when" can
//! always be answered.

use chrono::Utc;
use domain::{
    ids::{DirectionId, OrganizationId, OwnershipId, PlanId, UserId},
    ownership::OwnerRole,
    report::Ownership,
};
use sea_orm::{
    ActiveValue::Set,
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    sea_query::{Expr, Query},
};
use uuid::Uuid;

use crate::{
    Db, StoreError, WriteTx,
    entities::{direction_owners, policy_directions},
};

fn ownership_from(row: direction_owners::Model) -> Result<Ownership, StoreError> {
    let role = OwnerRole::parse(&row.role)
        .ok_or_else(|| StoreError::Corrupt(format!("owner role {:?}", row.role)))?;
    Ok(Ownership {
        id: OwnershipId(row.id),
        direction_id: DirectionId(row.direction_id),
        organization_id: OrganizationId(row.organization_id),
        role,
        assigned_at: row.assigned_at,
        assigned_by: row.assigned_by.map(UserId),
        unassigned_at: row.unassigned_at,
        unassigned_by: row.unassigned_by.map(UserId),
    })
}

async fn active_of_plan<C: ConnectionTrait>(conn: &C, plan_id: PlanId) -> Result<Vec<Ownership>, StoreError> {
    let directions = Query::select()
        .column(policy_directions::Column::Id)
        .from(policy_directions::Entity)
        .and_where(policy_directions::Column::PlanId.eq(plan_id.0))
        .to_owned();
    let rows = direction_owners::Entity::find()
        .filter(direction_owners::Column::DirectionId.in_subquery(directions))
        .filter(direction_owners::Column::UnassignedAt.is_null())
        .order_by_asc(direction_owners::Column::AssignedAt)
        .all(conn)
        .await?;
    rows.into_iter().map(ownership_from).collect()
}

impl Db {
    /// The current owners of every direction of a plan.
    pub async fn owners_of_plan(&self, plan_id: PlanId) -> Result<Vec<Ownership>, StoreError> {
        active_of_plan(&self.conn, plan_id).await
    }

    /// Every assignment a direction ever had, oldest first.
    pub async fn ownership_history(&self, direction_id: DirectionId) -> Result<Vec<Ownership>, StoreError> {
        let rows = direction_owners::Entity::find()
            .filter(direction_owners::Column::DirectionId.eq(direction_id.0))
            .order_by_asc(direction_owners::Column::AssignedAt)
            .all(&self.conn)
            .await?;
        rows.into_iter().map(ownership_from).collect()
    }
}

impl WriteTx {
    /// The current owners of every direction of a plan, read inside the transaction.
    pub async fn owners_of_plan(&self, plan_id: PlanId) -> Result<Vec<Ownership>, StoreError> {
        active_of_plan(&self.txn, plan_id).await
    }

    /// The current owners of one direction.
    pub async fn owners_of_direction(&self, direction_id: DirectionId) -> Result<Vec<Ownership>, StoreError> {
        let rows = direction_owners::Entity::find()
            .filter(direction_owners::Column::DirectionId.eq(direction_id.0))
            .filter(direction_owners::Column::UnassignedAt.is_null())
            .order_by_asc(direction_owners::Column::AssignedAt)
            .all(&self.txn)
            .await?;
        rows.into_iter().map(ownership_from).collect()
    }

    /// Opens many assignments at once (an ownership import).
    pub async fn open_ownerships(
        &self,
        assignments: &[(DirectionId, OrganizationId, OwnerRole)],
        by: Option<UserId>,
    ) -> Result<(), StoreError> {
        let now = Utc::now();
        for batch in assignments.chunks(500) {
            let rows = batch.iter().map(|(direction, organization, role)| direction_owners::ActiveModel {
                id: Set(Uuid::now_v7()),
                direction_id: Set(direction.0),
                organization_id: Set(organization.0),
                role: Set(role.as_str().to_owned()),
                assigned_at: Set(now),
                assigned_by: Set(by.map(|id| id.0)),
                unassigned_at: Set(None),
                unassigned_by: Set(None),
            });
            direction_owners::Entity::insert_many(rows).exec_without_returning(&self.txn).await?;
        }
        Ok(())
    }

    /// Closes many assignments at once.
    pub async fn close_ownerships(&self, ids: &[OwnershipId], by: Option<UserId>) -> Result<(), StoreError> {
        for batch in ids.chunks(500) {
            direction_owners::Entity::update_many()
                .col_expr(direction_owners::Column::UnassignedAt, Expr::value(Utc::now()))
                .col_expr(direction_owners::Column::UnassignedBy, Expr::value(by.map(|id| id.0)))
                .filter(direction_owners::Column::Id.is_in(batch.iter().map(|id| id.0)))
                .filter(direction_owners::Column::UnassignedAt.is_null())
                .exec(&self.txn)
                .await?;
        }
        Ok(())
    }

    /// Opens an assignment.
    pub async fn open_ownership(
        &self,
        direction_id: DirectionId,
        organization_id: OrganizationId,
        role: OwnerRole,
        by: Option<UserId>,
    ) -> Result<(), StoreError> {
        direction_owners::Entity::insert(direction_owners::ActiveModel {
            id: Set(Uuid::now_v7()),
            direction_id: Set(direction_id.0),
            organization_id: Set(organization_id.0),
            role: Set(role.as_str().to_owned()),
            assigned_at: Set(Utc::now()),
            assigned_by: Set(by.map(|id| id.0)),
            unassigned_at: Set(None),
            unassigned_by: Set(None),
        })
        .exec_without_returning(&self.txn)
        .await?;
        Ok(())
    }

    /// Closes an assignment.
    pub async fn close_ownership(&self, id: OwnershipId, by: Option<UserId>) -> Result<(), StoreError> {
        direction_owners::Entity::update_many()
            .col_expr(direction_owners::Column::UnassignedAt, Expr::value(Utc::now()))
            .col_expr(direction_owners::Column::UnassignedBy, Expr::value(by.map(|id| id.0)))
            .filter(direction_owners::Column::Id.eq(id.0))
            .filter(direction_owners::Column::UnassignedAt.is_null())
            .exec(&self.txn)
            .await?;
        Ok(())
    }
}
