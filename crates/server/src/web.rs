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
    let pages = Router::new().fallback_service(ServeDir::new(dir).fallback(ServeFile::new(&index))).layer(
        SetResponseHeaderLayer::if_not_present(header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
    );
    Some(assets.merge(pages))
}
