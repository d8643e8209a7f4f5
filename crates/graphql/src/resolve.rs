//! What every resolver needs from its context: the caller, the request cache, the
//! application, and the one way to turn an application error or a bad id into a GraphQL
//! error in the caller's language.

use std::sync::Arc;

use app::{App, AppError, ErrorCode, domain::Language};
use async_graphql::{Context, ID, Result};

use crate::{
    cache::RequestCache,
    context::RequestContext,
    error::{coded, invalid_id, to_graphql},
};

/// The caller's context, or an internal error if the server forgot to attach it.
pub(crate) fn request<'a>(ctx: &Context<'a>) -> Result<&'a RequestContext> {
    ctx.data::<RequestContext>().map_err(|_| coded(ErrorCode::Internal, "request context missing".into()))
}

/// The caller's language (Japanese when unknown).
pub(crate) fn language(ctx: &Context<'_>) -> Language {
    request(ctx).map_or(Language::Ja, |r| r.language)
}

/// The request's cache.
pub(crate) fn cache<'a>(ctx: &Context<'a>) -> Result<&'a RequestCache> {
    ctx.data::<RequestCache>().map_err(|_| coded(ErrorCode::Internal, "request cache missing".into()))
}

/// The application.
pub(crate) fn app<'a>(ctx: &Context<'a>) -> Result<&'a App> {
    ctx.data::<App>().map_err(|_| coded(ErrorCode::Internal, "application missing".into()))
}

/// Translates application errors for the caller: `.map_err(fail(ctx))`.
pub(crate) fn fail(ctx: &Context<'_>) -> impl Fn(AppError) -> async_graphql::Error + use<> {
    let language = language(ctx);
    move |error| to_graphql(&error, language)
}

/// Translates a shared load error for the caller.
pub(crate) fn loaded<T>(ctx: &Context<'_>, result: Result<T, Arc<AppError>>) -> Result<T> {
    let language = language(ctx);
    result.map_err(|error| to_graphql(&error, language))
}

/// Parses an API id (a UUID); anything else is `BAD_USER_INPUT`.
pub(crate) fn parse_uuid(ctx: &Context<'_>, id: &ID) -> Result<uuid::Uuid> {
    uuid::Uuid::parse_str(id.as_str()).map_err(|_| invalid_id(language(ctx)))
}
