//! Who is calling: the language they read and the actor their bearer token names. Every
//! route that serves a person asks here, so a token is checked the same way everywhere.

use app::{
    AppError,
    domain::{Language, access::Actor},
};
use axum::http::{HeaderMap, header};

use crate::routes::AppState;

/// The language from `Accept-Language`; Japanese by default.
pub(crate) fn language(headers: &HeaderMap) -> Language {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
        .map_or(Language::Ja, Language::from_tag)
}

/// The actor: anonymous without an `Authorization` header; the token's user with a valid
/// bearer token; and an error, never anonymity, for anything else.
pub(crate) async fn actor(state: &AppState, headers: &HeaderMap) -> Result<Actor, AppError> {
    let Some(value) = headers.get(header::AUTHORIZATION) else { return Ok(Actor::Anonymous) };
    match value.to_str().ok().and_then(|v| v.strip_prefix("Bearer ")).map(str::trim) {
        Some(token) if !token.is_empty() => state.app.authenticate(token).await,
        _ => Err(AppError::SessionInvalid),
    }
}
