//! Reading the plan and importing plan definitions.
//!
//! Reads return whole levels of a plan, because the GraphQL layer loads the tree one
//! level at a time; each checks the permission model before it touches the database.

use domain::{
    access::{Action, Actor},
    audit::AuditAction,
    ids::{DirectionId, PlanId},
    plan::{Goal, Indicator, IndicatorValue, Organization, Plan, Policy, PolicyDirection},
    plan_file,
};
use store::ImportSummary;

use crate::{App, AppError, authorize};

impl App {
    /// Validates a plan file and imports it in one transaction; on any problem the
    /// database is left unchanged.
    pub async fn import_plan(&self, actor: &Actor, source: &str) -> Result<ImportSummary, AppError> {
        authorize(actor, &Action::ManagePlanStructure)?;
        let definition = plan_file::parse(source).map_err(AppError::InvalidPlanFile)?;
        let tx = self.db.write().await?;
        let summary = tx.import_plan(&definition).await?;
        if summary.created + summary.updated > 0 {
            let subject = summary.plan_id.map(|id| ("plan", id.to_string()));
            let details = serde_json::json!({
                "code": definition.plan.code,
                "created": summary.created,
                "updated": summary.updated,
            });
            tx.append_audit(crate::audit::record(actor, AuditAction::PlanImported, subject, None, details))
                .await?;
        }
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

    /// The plan with this id.
    pub async fn plan_by_id(&self, actor: &Actor, id: PlanId) -> Result<Option<Plan>, AppError> {
        authorize(actor, &Action::ReadPlan)?;
        Ok(self.db.plan_by_id(id).await?)
    }

    /// The goals of a plan.
    pub async fn goals_of_plan(&self, actor: &Actor, id: PlanId) -> Result<Vec<Goal>, AppError> {
        authorize(actor, &Action::ReadPlan)?;
        Ok(self.db.goals_of_plan(id).await?)
    }

    /// Every policy of a plan.
    pub async fn policies_of_plan(&self, actor: &Actor, id: PlanId) -> Result<Vec<Policy>, AppError> {
        authorize(actor, &Action::ReadPlan)?;
        Ok(self.db.policies_of_plan(id).await?)
    }

    /// Every direction of a plan.
    pub async fn directions_of_plan(
        &self,
        actor: &Actor,
        id: PlanId,
    ) -> Result<Vec<PolicyDirection>, AppError> {
        authorize(actor, &Action::ReadPlan)?;
        Ok(self.db.directions_of_plan(id).await?)
    }

    /// One direction.
    pub async fn direction_by_id(
        &self,
        actor: &Actor,
        id: DirectionId,
    ) -> Result<Option<PolicyDirection>, AppError> {
        authorize(actor, &Action::ReadPlan)?;
        Ok(self.db.direction_by_id(id).await?)
    }

    /// Every indicator of a plan.
    pub async fn indicators_of_plan(&self, actor: &Actor, id: PlanId) -> Result<Vec<Indicator>, AppError> {
        authorize(actor, &Action::ReadPlan)?;
        Ok(self.db.indicators_of_plan(id).await?)
    }

    /// Every observed value of a plan's indicators.
    pub async fn indicator_values_of_plan(
        &self,
        actor: &Actor,
        id: PlanId,
    ) -> Result<Vec<IndicatorValue>, AppError> {
        authorize(actor, &Action::ReadPlan)?;
        Ok(self.db.indicator_values_of_plan(id).await?)
    }

    /// Every organisation.
    pub async fn organizations(&self, actor: &Actor) -> Result<Vec<Organization>, AppError> {
        authorize(actor, &Action::ReadOrganizations)?;
        Ok(self.db.organizations().await?)
    }
}
