//! The router: every path the server answers, and the layers around them.

use std::time::Duration;

use app::App;
use axum::{
    Router,
    extract::State,
    http::{HeaderValue, StatusCode, header},
    routing::get,
};
use tower_http::{
    limit::RequestBodyLimitLayer, set_header::SetResponseHeaderLayer, timeout::TimeoutLayer,
    trace::TraceLayer,
};

use crate::{Config, graphql_http};

/// The largest request body accepted on JSON endpoints.
pub(crate) const MAX_JSON_BODY: usize = 1024 * 1024;

/// How long one request may take before the server gives up on it.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Shared state of the handlers.
#[derive(Clone)]
pub(crate) struct AppState {
    pub app: App,
    pub schema: graphql::NukumoriSchema,
    pub graphiql: bool,
    pub max_upload_bytes: u64,
    pub trusted_proxies: std::sync::Arc<Vec<std::net::IpAddr>>,
}

pub(crate) fn router(app: App, config: &Config) -> Router {
    let schema = graphql::build_schema(app.clone(), config.graphql_limits);
    let state = AppState {
        app,
        schema,
        graphiql: config.graphiql,
        max_upload_bytes: config.max_upload_bytes,
        trusted_proxies: std::sync::Arc::new(config.trusted_proxies.clone()),
    };
    // The outer limit admits one upload and its multipart framing; JSON bodies are held
    // to MAX_JSON_BODY by the GraphQL handler itself.
    let body_limit =
        usize::try_from(config.max_upload_bytes).unwrap_or(usize::MAX).saturating_add(MAX_JSON_BODY);
    let hsts = config.mail.public_url.starts_with("https://");
    let mut router = Router::new()
        .route("/graphql", get(graphql_http::get).post(graphql_http::post))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/files/{id}", get(crate::files::download))
        .route("/exports/evaluations/{file}", get(crate::exports::evaluation));
    if let Some(web) = config.web_dir.as_deref().and_then(crate::web::routes) {
        router = router.merge(web);
    }
    router
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ))
        .layer(SetResponseHeaderLayer::overriding(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")))
        // Served over TLS (by the proxy in front), browsers must keep to HTTPS.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::STRICT_TRANSPORT_SECURITY,
            hsts.then(|| HeaderValue::from_static("max-age=31536000; includeSubDomains")),
        ))
        .layer(RequestBodyLimitLayer::new(body_limit))
        .layer(TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, REQUEST_TIMEOUT))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// The process is up.
async fn healthz() -> &'static str {
    "ok"
}

/// The database answers.
async fn readyz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    match state.app.ready().await {
        Ok(()) => (StatusCode::OK, "ready"),
        Err(error) => {
            tracing::warn!(%error, "readiness check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}
