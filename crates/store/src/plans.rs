//! Reading the plan tree. Every query takes a batch of parent ids, so a resolver that
//! loads children for many parents costs one statement per level, not one per parent.

use domain::{
    ids::{DirectionId, GoalId, IndicatorId, PlanId, PolicyId},
    plan::{Goal, Indicator, IndicatorValue, Plan, Policy, PolicyDirection},
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::{
    Db, StoreError,
    entities::{goals, indicator_values, indicators, plans, policies, policy_directions},
    mapping,
};

fn uuids<T: Copy>(ids: &[T], inner: impl Fn(T) -> Uuid) -> Vec<Uuid> {
    ids.iter().copied().map(inner).collect()
}

impl Db {
    /// Every plan generation, oldest first.
    pub async fn plans(&self) -> Result<Vec<Plan>, StoreError> {
        let rows = plans::Entity::find()
            .order_by_asc(plans::Column::StartFiscalYear)
            .order_by_asc(plans::Column::Code)
            .all(&self.conn)
            .await?;
        mapping::all(rows, mapping::plan)
    }

    /// The plan with this code.
    pub async fn plan_by_code(&self, code: &str) -> Result<Option<Plan>, StoreError> {
        let row = plans::Entity::find()
            .filter(plans::Column::Code.eq(code))
            .one(&self.conn)
            .await?;
        row.map(mapping::plan).transpose()
    }

    /// The plans with these ids.
    pub async fn plans_by_ids(&self, ids: &[PlanId]) -> Result<Vec<Plan>, StoreError> {
        let rows = plans::Entity::find()
            .filter(plans::Column::Id.is_in(uuids(ids, |id| id.0)))
            .all(&self.conn)
            .await?;
        mapping::all(rows, mapping::plan)
    }

    /// The goals of these plans, in code order within each plan.
    pub async fn goals_of_plans(&self, plan_ids: &[PlanId]) -> Result<Vec<Goal>, StoreError> {
        let rows = goals::Entity::find()
            .filter(goals::Column::PlanId.is_in(uuids(plan_ids, |id| id.0)))
            .order_by_asc(goals::Column::Position)
            .all(&self.conn)
            .await?;
        mapping::all(rows, mapping::goal)
    }

    /// The goals with these ids.
    pub async fn goals_by_ids(&self, ids: &[GoalId]) -> Result<Vec<Goal>, StoreError> {
        let rows = goals::Entity::find()
            .filter(goals::Column::Id.is_in(uuids(ids, |id| id.0)))
            .all(&self.conn)
            .await?;
        mapping::all(rows, mapping::goal)
    }

    /// The policies under these goals, in code order within each goal.
    pub async fn policies_of_goals(&self, goal_ids: &[GoalId]) -> Result<Vec<Policy>, StoreError> {
        let rows = policies::Entity::find()
            .filter(policies::Column::GoalId.is_in(uuids(goal_ids, |id| id.0)))
            .order_by_asc(policies::Column::Position)
            .all(&self.conn)
            .await?;
        mapping::all(rows, mapping::policy)
    }

    /// The policies with these ids.
    pub async fn policies_by_ids(&self, ids: &[PolicyId]) -> Result<Vec<Policy>, StoreError> {
        let rows = policies::Entity::find()
            .filter(policies::Column::Id.is_in(uuids(ids, |id| id.0)))
            .all(&self.conn)
            .await?;
        mapping::all(rows, mapping::policy)
    }

    /// The directions under these policies, in code order within each policy.
    pub async fn directions_of_policies(
        &self,
        policy_ids: &[PolicyId],
    ) -> Result<Vec<PolicyDirection>, StoreError> {
        let rows = policy_directions::Entity::find()
            .filter(policy_directions::Column::PolicyId.is_in(uuids(policy_ids, |id| id.0)))
            .order_by_asc(policy_directions::Column::Position)
            .all(&self.conn)
            .await?;
        mapping::all(rows, mapping::direction)
    }

    /// The directions with these ids.
    pub async fn directions_by_ids(
        &self,
        ids: &[DirectionId],
    ) -> Result<Vec<PolicyDirection>, StoreError> {
        let rows = policy_directions::Entity::find()
            .filter(policy_directions::Column::Id.is_in(uuids(ids, |id| id.0)))
            .all(&self.conn)
            .await?;
        mapping::all(rows, mapping::direction)
    }

    /// The indicators of these plans (whole-plan and per-goal), in file order.
    pub async fn indicators_of_plans(
        &self,
        plan_ids: &[PlanId],
    ) -> Result<Vec<Indicator>, StoreError> {
        let rows = indicators::Entity::find()
            .filter(indicators::Column::PlanId.is_in(uuids(plan_ids, |id| id.0)))
            .order_by_asc(indicators::Column::Position)
            .all(&self.conn)
            .await?;
        mapping::all(rows, mapping::indicator)
    }

    /// The indicators that measure these goals, in file order.
    pub async fn indicators_of_goals(
        &self,
        goal_ids: &[GoalId],
    ) -> Result<Vec<Indicator>, StoreError> {
        let rows = indicators::Entity::find()
            .filter(indicators::Column::GoalId.is_in(uuids(goal_ids, |id| id.0)))
            .order_by_asc(indicators::Column::Position)
            .all(&self.conn)
            .await?;
        mapping::all(rows, mapping::indicator)
    }

    /// The observed values of these indicators, oldest year first.
    pub async fn values_of_indicators(
        &self,
        indicator_ids: &[IndicatorId],
    ) -> Result<Vec<IndicatorValue>, StoreError> {
        let rows = indicator_values::Entity::find()
            .filter(indicator_values::Column::IndicatorId.is_in(uuids(indicator_ids, |id| id.0)))
            .order_by_asc(indicator_values::Column::FiscalYear)
            .all(&self.conn)
            .await?;
        mapping::all(rows, mapping::indicator_value)
    }
}
