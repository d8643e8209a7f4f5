//! Reading the plan and importing plan definitions.
//!
//! Reads take batches of ids because the GraphQL layer's loaders call them once per
//! level of the tree; each checks the permission model before it touches the database.

use domain::{
    access::{Action, Actor},
    ids::{DirectionId, GoalId, IndicatorId, OrganizationId, PlanId, PolicyId},
    plan::{Goal, Indicator, IndicatorValue, Organization, Plan, Policy, PolicyDirection},
    plan_file,
};
use store::ImportSummary;

use crate::{App, AppError, authorize};

impl App {
    /// Validates a plan file and imports it in one transaction; on any problem the
    /// database is left unchanged.
    pub async fn import_plan(
        &self,
        actor: &Actor,
        source: &str,
    ) -> Result<ImportSummary, AppError> {
        authorize(actor, &Action::ManagePlanStructure)?;
        let definition = plan_file::parse(source).map_err(AppError::InvalidPlanFile)?;
        let tx = self.db.write().await?;
        let summary = tx.import_plan(&definition).await?;
        tx.commit().await?;
        tracing::info!(
            plan = %definition.plan.code,
            created = summary.created,
            updated = summary.updated,
            unchanged = summary.unchanged,
            "plan imported"
        );
        Ok(summary)
    }

    /// Every plan generation, oldest first.
    pub async fn plans(&self, actor: &Actor) -> Result<Vec<Plan>, AppError> {
        authorize(actor, &Action::ReadPlan)?;
        Ok(self.db.plans().await?)
    }

    /// The plan with this code, if any.
    pub async fn plan_by_code(&self, actor: &Actor, code: &str) -> Result<Option<Plan>, AppError> {
        authorize(actor, &Action::ReadPlan)?;
        Ok(self.db.plan_by_code(code).await?)
    }

    /// Plans by id.
    pub async fn plans_by_ids(&self, actor: &Actor, ids: &[PlanId]) -> Result<Vec<Plan>, AppError> {
        authorize(actor, &Action::ReadPlan)?;
        Ok(self.db.plans_by_ids(ids).await?)
    }

    /// The goals of these plans.
    pub async fn goals_of_plans(
        &self,
        actor: &Actor,
        ids: &[PlanId],
    ) -> Result<Vec<Goal>, AppError> {
        authorize(actor, &Action::ReadPlan)?;
        Ok(self.db.goals_of_plans(ids).await?)
    }

    /// Goals by id.
    pub async fn goals_by_ids(&self, actor: &Actor, ids: &[GoalId]) -> Result<Vec<Goal>, AppError> {
        authorize(actor, &Action::ReadPlan)?;
        Ok(self.db.goals_by_ids(ids).await?)
    }

    /// The policies under these goals.
    pub async fn policies_of_goals(
        &self,
        actor: &Actor,
        ids: &[GoalId],
    ) -> Result<Vec<Policy>, AppError> {
        authorize(actor, &Action::ReadPlan)?;
        Ok(self.db.policies_of_goals(ids).await?)
    }

    /// Policies by id.
    pub async fn policies_by_ids(
        &self,
        actor: &Actor,
        ids: &[PolicyId],
    ) -> Result<Vec<Policy>, AppError> {
        authorize(actor, &Action::ReadPlan)?;
        Ok(self.db.policies_by_ids(ids).await?)
    }

    /// The directions under these policies.
    pub async fn directions_of_policies(
        &self,
        actor: &Actor,
        ids: &[PolicyId],
    ) -> Result<Vec<PolicyDirection>, AppError> {
        authorize(actor, &Action::ReadPlan)?;
        Ok(self.db.directions_of_policies(ids).await?)
    }

    /// Directions by id.
    pub async fn directions_by_ids(
        &self,
        actor: &Actor,
        ids: &[DirectionId],
    ) -> Result<Vec<PolicyDirection>, AppError> {
        authorize(actor, &Action::ReadPlan)?;
        Ok(self.db.directions_by_ids(ids).await?)
    }

    /// The indicators of these plans.
    pub async fn indicators_of_plans(
        &self,
        actor: &Actor,
        ids: &[PlanId],
    ) -> Result<Vec<Indicator>, AppError> {
        authorize(actor, &Action::ReadPlan)?;
        Ok(self.db.indicators_of_plans(ids).await?)
    }

    /// The indicators that measure these goals.
    pub async fn indicators_of_goals(
        &self,
        actor: &Actor,
        ids: &[GoalId],
    ) -> Result<Vec<Indicator>, AppError> {
        authorize(actor, &Action::ReadPlan)?;
        Ok(self.db.indicators_of_goals(ids).await?)
    }

    /// The observed values of these indicators.
    pub async fn values_of_indicators(
        &self,
        actor: &Actor,
        ids: &[IndicatorId],
    ) -> Result<Vec<IndicatorValue>, AppError> {
        authorize(actor, &Action::ReadPlan)?;
        Ok(self.db.values_of_indicators(ids).await?)
    }

    /// Every organisation.
    pub async fn organizations(&self, actor: &Actor) -> Result<Vec<Organization>, AppError> {
        authorize(actor, &Action::ReadOrganizations)?;
        Ok(self.db.organizations().await?)
    }

    /// Organisations by id.
    pub async fn organizations_by_ids(
        &self,
        actor: &Actor,
        ids: &[OrganizationId],
    ) -> Result<Vec<Organization>, AppError> {
        authorize(actor, &Action::ReadOrganizations)?;
        Ok(self.db.organizations_by_ids(ids).await?)
    }
}
