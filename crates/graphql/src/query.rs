//! The root of every read.

use app::{App, domain::ids::DirectionId};
use async_graphql::{Context, ID, Object, Result};
use uuid::Uuid;

use crate::{
    error::{coded, invalid_id, to_graphql},
    objects::{OrganizationObject, PlanObject, PolicyDirectionObject, request},
};

/// Reads.
pub struct QueryRoot;

fn app<'a>(ctx: &Context<'a>) -> Result<&'a App> {
    ctx.data::<App>()
        .map_err(|_| coded(app::ErrorCode::Internal, "application missing".into()))
}

fn not_found(language: app::domain::Language) -> async_graphql::Error {
    to_graphql(&app::AppError::NotFound { what: "record" }, language)
}

/// Parses an API id into a UUID.
pub(crate) fn parse_id(id: &ID, language: app::domain::Language) -> Result<Uuid> {
    Uuid::parse_str(id.as_str()).map_err(|_| invalid_id(language))
}

#[Object]
impl QueryRoot {
    /// Every plan generation, oldest first.
    async fn plans(&self, ctx: &Context<'_>) -> Result<Vec<PlanObject>> {
        let request = request(ctx)?;
        let plans = app(ctx)?
            .plans(&request.actor)
            .await
            .map_err(|e| to_graphql(&e, request.language))?;
        Ok(plans.into_iter().map(PlanObject).collect())
    }

    /// The plan with this code (`omitama-3`); `NOT_FOUND` if there is none.
    async fn plan(&self, ctx: &Context<'_>, code: String) -> Result<Option<PlanObject>> {
        let request = request(ctx)?;
        let plan = app(ctx)?
            .plan_by_code(&request.actor, &code)
            .await
            .map_err(|e| to_graphql(&e, request.language))?;
        plan.map(PlanObject)
            .map(Some)
            .ok_or_else(|| not_found(request.language))
    }

    /// One policy direction; `NOT_FOUND` if there is none.
    async fn policy_direction(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> Result<Option<PolicyDirectionObject>> {
        let request = request(ctx)?;
        let id = DirectionId(parse_id(&id, request.language)?);
        let direction = app(ctx)?
            .direction_by_id(&request.actor, id)
            .await
            .map_err(|e| to_graphql(&e, request.language))?;
        direction
            .map(PolicyDirectionObject)
            .map(Some)
            .ok_or_else(|| not_found(request.language))
    }

    /// Every organisation: departments, the Council, the plan office, the committee.
    async fn organizations(&self, ctx: &Context<'_>) -> Result<Vec<OrganizationObject>> {
        let request = request(ctx)?;
        let organizations = app(ctx)?
            .organizations(&request.actor)
            .await
            .map_err(|e| to_graphql(&e, request.language))?;
        Ok(organizations.into_iter().map(OrganizationObject).collect())
    }
}
