//! Reading the plan tree. Every tree table carries its plan's id, so each level of a
//! whole plan loads with one statement, whatever the plan's size.

use domain::{
    ids::{DirectionId, PlanId},
    plan::{Goal, Indicator, IndicatorValue, Plan, Policy, PolicyDirection},
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, sea_query::Query};

use crate::{
    Db, StoreError,
    entities::{goals, indicator_values, indicators, plans, policies, policy_directions},
    mapping,
};

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
        let row = plans::Entity::find().filter(plans::Column::Code.eq(code)).one(&self.conn).await?;
        row.map(mapping::plan).transpose()
    }

    /// The plan with this id.
    pub async fn plan_by_id(&self, id: PlanId) -> Result<Option<Plan>, StoreError> {
        let row = plans::Entity::find_by_id(id.0).one(&self.conn).await?;
        row.map(mapping::plan).transpose()
    }

    /// The goals of a plan, in code order.
    pub async fn goals_of_plan(&self, plan_id: PlanId) -> Result<Vec<Goal>, StoreError> {
        let rows = goals::Entity::find()
            .filter(goals::Column::PlanId.eq(plan_id.0))
            .order_by_asc(goals::Column::Position)
            .all(&self.conn)
            .await?;
        let mut goals = mapping::all(rows, mapping::goal)?;
        goals.sort_by(|a, b| a.code.cmp(&b.code));
        Ok(goals)
    }

    /// Every policy of a plan, in code order.
    pub async fn policies_of_plan(&self, plan_id: PlanId) -> Result<Vec<Policy>, StoreError> {
        let rows = policies::Entity::find()
            .filter(policies::Column::PlanId.eq(plan_id.0))
            .order_by_asc(policies::Column::Position)
            .all(&self.conn)
            .await?;
        let mut policies = mapping::all(rows, mapping::policy)?;
        policies.sort_by(|a, b| a.code.cmp(&b.code));
        Ok(policies)
    }

    /// Every direction of a plan, in code order.
    pub async fn directions_of_plan(&self, plan_id: PlanId) -> Result<Vec<PolicyDirection>, StoreError> {
        let rows = policy_directions::Entity::find()
            .filter(policy_directions::Column::PlanId.eq(plan_id.0))
            .order_by_asc(policy_directions::Column::Position)
            .all(&self.conn)
            .await?;
        // Codes order numerically per segment (`1-2` before `1-10`), which SQL cannot.
        let mut directions = mapping::all(rows, mapping::direction)?;
        directions.sort_by(|a, b| a.code.cmp(&b.code));
        Ok(directions)
    }

    /// The direction with this id.
    pub async fn direction_by_id(&self, id: DirectionId) -> Result<Option<PolicyDirection>, StoreError> {
        let row = policy_directions::Entity::find_by_id(id.0).one(&self.conn).await?;
        row.map(mapping::direction).transpose()
    }

    /// Every indicator of a plan (whole-plan and per-goal), in file order.
    pub async fn indicators_of_plan(&self, plan_id: PlanId) -> Result<Vec<Indicator>, StoreError> {
        let rows = indicators::Entity::find()
            .filter(indicators::Column::PlanId.eq(plan_id.0))
            .order_by_asc(indicators::Column::Position)
            .all(&self.conn)
            .await?;
        mapping::all(rows, mapping::indicator)
    }

    /// Every observed value of every indicator of a plan, oldest year first.
    pub async fn indicator_values_of_plan(&self, plan_id: PlanId) -> Result<Vec<IndicatorValue>, StoreError> {
        let of_plan = Query::select()
            .column(indicators::Column::Id)
            .from(indicators::Entity)
            .and_where(indicators::Column::PlanId.eq(plan_id.0))
            .to_owned();
        let rows = indicator_values::Entity::find()
            .filter(indicator_values::Column::IndicatorId.in_subquery(of_plan))
            .order_by_asc(indicator_values::Column::FiscalYear)
            .all(&self.conn)
            .await?;
        mapping::all(rows, mapping::indicator_value)
    }
}
