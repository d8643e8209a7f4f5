//! The built web app (`frontend/dist`) at `/`.
//!
//! Files Vite names by content hash (under `/assets/`) never change, so browsers may keep
//! them for a year; `index.html` is revalidated every time, so a new release is picked up
//! on the next visit. Any other path that is not a file is a client-side route and gets
//! `index.html` (the SPA fallback).

use std::path::Path;

use axum::{
    Router,
    http::{HeaderValue, header},
};
use tower_http::{
    services::{ServeDir, ServeFile},
    set_header::SetResponseHeaderLayer,
};

/// The web app loads nothing from elsewhere and runs no inline script; it may not be
/// framed. Inline styles are allowed because the chart library sets style attributes.
pub(crate) const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
     style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; \
     object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// Routes for the web app in `dir`, or `None` when it has not been built.
pub(crate) fn routes<S: Clone + Send + Sync + 'static>(dir: &Path) -> Option<Router<S>> {
    let index = dir.join("index.html");
    if !index.is_file() {
        tracing::warn!(dir = %dir.display(), "the web app is not built; serving the API only");
        return None;
    }
    let assets = Router::new().nest_service("/assets", ServeDir::new(dir.join("assets"))).layer(
        SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=31536000, immutable"),
        ),
    );
    let pages = Router::new()
        .fallback_service(ServeDir::new(dir).fallback(ServeFile::new(&index)))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-cache"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        ));
    Some(assets.merge(pages))
}
