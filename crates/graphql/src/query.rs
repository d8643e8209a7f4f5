//! The root of every read.

use app::domain::ids::DirectionId;
use async_graphql::{Context, ID, Object, Result};

use crate::{
    accounts::{AuditEventConnection, AuditFilterInput, UserObject},
    error::{invalid_id, to_graphql},
    objects::{OrganizationObject, PlanObject, PolicyDirectionObject},
    resolve::{app, fail, parse_uuid, request},
};

/// Reads.
#[derive(Default)]
pub struct CoreQuery;

fn not_found(language: app::domain::Language) -> async_graphql::Error {
    to_graphql(&app::AppError::NotFound { what: "record" }, language)
}

#[Object]
impl CoreQuery {
    /// Every plan generation, oldest first.
    async fn plans(&self, ctx: &Context<'_>) -> Result<Vec<PlanObject>> {
        let request = request(ctx)?;
        let plans = app(ctx)?.plans(&request.actor).await.map_err(fail(ctx))?;
        Ok(plans.into_iter().map(PlanObject).collect())
    }

    /// The plan with this code (`omitama-3`); `NOT_FOUND` if there is none.
    async fn plan(&self, ctx: &Context<'_>, code: String) -> Result<Option<PlanObject>> {
        let request = request(ctx)?;
        let plan = app(ctx)?.plan_by_code(&request.actor, &code).await.map_err(fail(ctx))?;
        plan.map(PlanObject).map(Some).ok_or_else(|| not_found(request.language))
    }

    /// One policy direction; `NOT_FOUND` if there is none.
    async fn policy_direction(&self, ctx: &Context<'_>, id: ID) -> Result<Option<PolicyDirectionObject>> {
        let request = request(ctx)?;
        let id = DirectionId(parse_uuid(ctx, &id)?);
        let direction = app(ctx)?.direction_by_id(&request.actor, id).await.map_err(fail(ctx))?;
        direction.map(PolicyDirectionObject).map(Some).ok_or_else(|| not_found(request.language))
    }

    /// Every organisation: departments, the Council, the plan office, the committee.
    async fn organizations(&self, ctx: &Context<'_>) -> Result<Vec<OrganizationObject>> {
        let request = request(ctx)?;
        let organizations = app(ctx)?.organizations(&request.actor).await.map_err(fail(ctx))?;
        Ok(organizations.into_iter().map(OrganizationObject).collect())
    }

    /// The signed-in user; null for the public.
    async fn me(&self, ctx: &Context<'_>) -> Result<Option<UserObject>> {
        let request = request(ctx)?;
        let user = app(ctx)?.me(&request.actor).await.map_err(fail(ctx))?;
        Ok(user.map(UserObject))
    }

    /// Every account (plan office and administrators).
    async fn users(&self, ctx: &Context<'_>) -> Result<Vec<UserObject>> {
        let request = request(ctx)?;
        let users = app(ctx)?.users(&request.actor).await.map_err(fail(ctx))?;
        Ok(users.into_iter().map(UserObject).collect())
    }

    /// One account (one's own, or any for the plan office and administrators).
    async fn user(&self, ctx: &Context<'_>, id: ID) -> Result<Option<UserObject>> {
        let request = request(ctx)?;
        let id = app::domain::ids::UserId(parse_uuid(ctx, &id)?);
        let user = app(ctx)?.user(&request.actor, id).await.map_err(fail(ctx))?;
        Ok(Some(UserObject(user)))
    }

    /// The audit log, newest first (plan office and administrators). `after` is the
    /// `endCursor` of the previous page.
    async fn audit_events(
        &self,
        ctx: &Context<'_>,
        filter: Option<AuditFilterInput>,
        #[graphql(default = 50)] first: i32,
        after: Option<String>,
    ) -> Result<AuditEventConnection> {
        let request = request(ctx)?;
        let filter = filter.unwrap_or_default().into_filter(ctx)?;
        let before = match after {
            Some(cursor) => Some(cursor.parse::<i64>().map_err(|_| invalid_id(request.language))?),
            None => None,
        };
        let first = u64::try_from(first.max(1)).unwrap_or(1);
        let (events, more) =
            app(ctx)?.audit_events(&request.actor, &filter, first, before).await.map_err(fail(ctx))?;
        Ok(AuditEventConnection::new(events, more))
    }
}
