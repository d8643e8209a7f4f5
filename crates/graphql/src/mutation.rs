//! The root of every change. Each mutation calls one use case of `app`, which decides
//! whether the caller may do it.

use app::{Session, domain::ids::UserId};
use async_graphql::{Context, ID, Object, Result};

use crate::{
    accounts::{CreateUserInput, SessionObject, UpdateUserInput, UserObject},
    error::to_graphql,
    resolve::{app, fail, parse_uuid, request},
};

/// The cookie that carries the refresh token for the browser: `HttpOnly` (scripts cannot
/// read it), `Secure`, `SameSite=Strict` (never sent by another site), and only to
/// `/graphql`.
pub const REFRESH_COOKIE: &str = "nukumori_refresh";

pub(crate) fn set_refresh_cookie(ctx: &Context<'_>, session: &Session) {
    let max_age = (session.refresh_expires_at - chrono::Utc::now()).num_seconds().max(0);
    ctx.append_http_header(
        "Set-Cookie",
        format!(
            "{REFRESH_COOKIE}={}; HttpOnly; Secure; SameSite=Strict; Path=/graphql; Max-Age={max_age}",
            session.refresh_token
        ),
    );
}

fn clear_refresh_cookie(ctx: &Context<'_>) {
    ctx.append_http_header(
        "Set-Cookie",
        format!("{REFRESH_COOKIE}=; HttpOnly; Secure; SameSite=Strict; Path=/graphql; Max-Age=0"),
    );
}

/// Changes.
#[derive(Default)]
pub struct AccountMutation;

#[Object]
impl AccountMutation {
    /// Signs in. Repeated failures are slowed down, then refused for a while
    /// (`RATE_LIMITED`). The refresh token is also set as an HttpOnly cookie.
    async fn login(&self, ctx: &Context<'_>, email: String, password: String) -> Result<SessionObject> {
        let request = request(ctx)?;
        let session =
            app(ctx)?.login(&email, &password, request.client_ip.as_deref()).await.map_err(fail(ctx))?;
        set_refresh_cookie(ctx, &session);
        Ok(SessionObject(session))
    }

    /// Exchanges a refresh token (the argument, or else the cookie) for a new session.
    /// Each refresh token works once; presenting a used one ends every session of its
    /// sign-in.
    async fn refresh_session(
        &self,
        ctx: &Context<'_>,
        refresh_token: Option<String>,
    ) -> Result<SessionObject> {
        let request = request(ctx)?;
        let Some(token) = refresh_token.or_else(|| request.refresh_cookie.clone()) else {
            return Err(to_graphql(&app::AppError::SessionInvalid, request.language));
        };
        match app(ctx)?.refresh_session(&token).await {
            Ok(session) => {
                set_refresh_cookie(ctx, &session);
                Ok(SessionObject(session))
            }
            Err(error) => {
                clear_refresh_cookie(ctx);
                Err(fail(ctx)(error))
            }
        }
    }

    /// Signs out: the refresh token (the argument, or else the cookie) and every token
    /// descended from the same sign-in stop working.
    async fn logout(&self, ctx: &Context<'_>, refresh_token: Option<String>) -> Result<bool> {
        let request = request(ctx)?;
        let token = refresh_token.or_else(|| request.refresh_cookie.clone());
        app(ctx)?.logout(&request.actor, token.as_deref()).await.map_err(fail(ctx))?;
        clear_refresh_cookie(ctx);
        Ok(true)
    }

    /// Changes the caller's password. Every other session of the account ends; the
    /// caller receives a new session.
    async fn change_password(
        &self,
        ctx: &Context<'_>,
        current_password: String,
        new_password: String,
    ) -> Result<SessionObject> {
        let request = request(ctx)?;
        let session = app(ctx)?
            .change_password(&request.actor, &current_password, &new_password)
            .await
            .map_err(fail(ctx))?;
        set_refresh_cookie(ctx, &session);
        Ok(SessionObject(session))
    }

    /// Creates an account (plan office and administrators; only administrators create
    /// administrators).
    async fn create_user(&self, ctx: &Context<'_>, input: CreateUserInput) -> Result<UserObject> {
        let request = request(ctx)?;
        let account = input.into_account(ctx)?;
        let user = app(ctx)?.create_user(&request.actor, account).await.map_err(fail(ctx))?;
        Ok(UserObject(user))
    }

    /// Changes an account (plan office and administrators).
    async fn update_user(&self, ctx: &Context<'_>, id: ID, input: UpdateUserInput) -> Result<UserObject> {
        let request = request(ctx)?;
        let id = UserId(parse_uuid(ctx, &id)?);
        let changes = input.into_changes(ctx)?;
        let user = app(ctx)?.update_user(&request.actor, id, changes).await.map_err(fail(ctx))?;
        Ok(UserObject(user))
    }

    /// Deactivates an account and ends its sessions (plan office and administrators).
    async fn deactivate_user(&self, ctx: &Context<'_>, id: ID) -> Result<UserObject> {
        let request = request(ctx)?;
        let id = UserId(parse_uuid(ctx, &id)?);
        let user = app(ctx)?.deactivate_user(&request.actor, id).await.map_err(fail(ctx))?;
        Ok(UserObject(user))
    }
}
