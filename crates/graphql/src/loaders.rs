//! Batched loading of the plan tree. One [`PlanLoader`] lives in each request; every key
//! type below is one kind of lookup, and all lookups of one kind that a request makes in
//! the same tick become one call to the `app` crate, so one SQL statement. The plan tree
//! of any size therefore loads with one statement per level.

use std::{collections::HashMap, sync::Arc};

use app::{
    App, AppError,
    domain::{
        access::Actor,
        ids::{DirectionId, GoalId, IndicatorId, OrganizationId, PlanId, PolicyId},
        plan::{Goal, Indicator, IndicatorValue, Organization, Plan, Policy, PolicyDirection},
    },
};
use async_graphql::dataloader::Loader;

/// Loads plan data for one request, as the request's actor.
pub struct PlanLoader {
    app: App,
    actor: Arc<Actor>,
}

impl PlanLoader {
    /// A loader acting for `actor`.
    pub fn new(app: App, actor: Arc<Actor>) -> Self {
        Self { app, actor }
    }
}

/// Errors are shared between every field that waited on the same batch.
pub type LoadError = Arc<AppError>;

macro_rules! by_id {
    ($(#[$doc:meta])* $key:ident($id:ty) -> $value:ty, $method:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub struct $key(pub $id);

        impl Loader<$key> for PlanLoader {
            type Value = $value;
            type Error = LoadError;

            async fn load(&self, keys: &[$key]) -> Result<HashMap<$key, $value>, LoadError> {
                let ids: Vec<$id> = keys.iter().map(|key| key.0).collect();
                let rows = self.app.$method(&self.actor, &ids).await.map_err(Arc::new)?;
                Ok(rows.into_iter().map(|row| ($key(row.id), row)).collect())
            }
        }
    };
}

macro_rules! children_of {
    ($(#[$doc:meta])* $key:ident($id:ty) -> $value:ty, $method:ident, $parent:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub struct $key(pub $id);

        impl Loader<$key> for PlanLoader {
            type Value = Vec<$value>;
            type Error = LoadError;

            async fn load(&self, keys: &[$key]) -> Result<HashMap<$key, Vec<$value>>, LoadError> {
                let ids: Vec<$id> = keys.iter().map(|key| key.0).collect();
                let rows = self.app.$method(&self.actor, &ids).await.map_err(Arc::new)?;
                let parent: fn(&$value) -> Option<$id> = $parent;
                let mut grouped: HashMap<$key, Vec<$value>> = HashMap::new();
                for row in rows {
                    if let Some(id) = parent(&row) {
                        grouped.entry($key(id)).or_default().push(row);
                    }
                }
                Ok(grouped)
            }
        }
    };
}

by_id!(
    /// A plan by id.
    PlanById(PlanId) -> Plan, plans_by_ids
);
by_id!(
    /// A goal by id.
    GoalById(GoalId) -> Goal, goals_by_ids
);
by_id!(
    /// A policy by id.
    PolicyById(PolicyId) -> Policy, policies_by_ids
);
by_id!(
    /// A direction by id.
    DirectionById(DirectionId) -> PolicyDirection, directions_by_ids
);
by_id!(
    /// An organisation by id.
    OrganizationById(OrganizationId) -> Organization, organizations_by_ids
);
children_of!(
    /// The goals of a plan.
    GoalsOfPlan(PlanId) -> Goal, goals_of_plans, |goal| Some(goal.plan_id)
);
children_of!(
    /// The policies under a goal.
    PoliciesOfGoal(GoalId) -> Policy, policies_of_goals, |policy| Some(policy.goal_id)
);
children_of!(
    /// The directions under a policy.
    DirectionsOfPolicy(PolicyId) -> PolicyDirection, directions_of_policies, |direction| Some(direction.policy_id)
);
children_of!(
    /// Every indicator of a plan.
    IndicatorsOfPlan(PlanId) -> Indicator, indicators_of_plans, |indicator| Some(indicator.plan_id)
);
children_of!(
    /// The indicators that measure a goal.
    IndicatorsOfGoal(GoalId) -> Indicator, indicators_of_goals, |indicator| indicator.goal_id
);
children_of!(
    /// The observed values of an indicator.
    ValuesOfIndicator(IndicatorId) -> IndicatorValue, values_of_indicators, |value| Some(value.indicator_id)
);
