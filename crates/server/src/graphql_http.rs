//! GraphQL over HTTP.
//!
//! `POST /graphql` takes one operation (never a batch) as JSON. A body of another type is
//! refused before it is parsed: browsers send `text/plain` and form posts across sites
//! without asking, and the refresh cookie would make such a request authenticated.
//! `GET /graphql` runs queries only (a link must not be able to change anything) and,
//! without a query, serves GraphiQL.
//!
//! The caller is whoever the `Authorization: Bearer` token names. A request without the
//! header is anonymous; a request with a malformed, expired or forged token is refused
//! with `UNAUTHENTICATED`, never quietly treated as anonymous, so a client learns that it
//! must refresh its session.

use std::net::SocketAddr;

use app::{
    ErrorCode,
    domain::{Language, i18n::Localized},
};
use async_graphql::http::GraphiQLSource;
use async_graphql_axum::{GraphQLRequest, GraphQLResponse, rejection::GraphQLRejection};
use axum::{
    extract::{ConnectInfo, Request, State},
    http::{HeaderMap, StatusCode, header},
    response::{Html, IntoResponse, Response},
};

use crate::{
    caller::{self, language},
    routes::AppState,
};

fn refresh_cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == graphql::REFRESH_COOKIE)
        .map(|(_, value)| value.to_owned())
        .filter(|value| !value.is_empty())
}

/// The caller of a request, or the response that refuses it.
async fn context(
    state: &AppState,
    headers: &HeaderMap,
    client_ip: Option<String>,
) -> Result<graphql::RequestContext, Response> {
    let language = language(headers);
    let actor = caller::actor(state, headers).await.map_err(|error| {
        // A token that cannot be checked because the database is down is our failure, not
        // the client's: a 401 would send the browser to sign in again for nothing.
        let status = if error.code() == ErrorCode::Internal {
            tracing::error!(error = %error, "cannot check the access token");
            StatusCode::SERVICE_UNAVAILABLE
        } else {
            StatusCode::UNAUTHORIZED
        };
        refusal(status, error.code(), error.localized(language))
    })?;
    Ok(graphql::RequestContext { actor, language, refresh_cookie: refresh_cookie(headers), client_ip })
}

/// The client's address: the peer's, or, when the peer is a trusted proxy, the last
/// address that proxy appended to `X-Forwarded-For` (earlier entries are the client's
/// own claims, which anyone can forge).
pub(crate) fn client_ip(state: &AppState, request: &Request) -> Option<String> {
    let peer = request.extensions().get::<ConnectInfo<SocketAddr>>().map(|info| info.0.ip())?;
    if !state.trusted_proxies.contains(&peer) {
        return Some(peer.to_string());
    }
    let forwarded = request
        .headers()
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|v| v.trim().parse::<std::net::IpAddr>().ok())
        .next_back();
    Some(forwarded.unwrap_or(peer).to_string())
}

/// A GraphQL-shaped error response for requests refused before execution.
fn refusal(status: StatusCode, code: ErrorCode, message: String) -> Response {
    let body = serde_json::json!({
        "data": null,
        "errors": [{ "message": message, "extensions": { "code": code.as_str() } }],
    });
    (status, axum::Json(body)).into_response()
}

fn translated(language: Language, ja: &str, en: &str) -> String {
    if language == Language::Ja { ja.to_owned() } else { en.to_owned() }
}

fn mime(headers: &HeaderMap) -> Option<String> {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .map(|mime| mime.trim().to_ascii_lowercase())
}

/// How a POST body is read.
enum Body {
    /// One operation as JSON, at most `MAX_JSON_BODY`.
    Json,
    /// An upload by the GraphQL multipart request spec.
    Multipart,
}

pub(crate) async fn post(State(state): State<AppState>, request: Request) -> Response {
    let language = language(request.headers());
    // A multipart form is a "simple" cross-site request: only a custom header, which a
    // form cannot set without a preflight, shows that our own page sent it.
    let requested_with = request
        .headers()
        .get("x-requested-with")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| !v.trim().is_empty());
    let kind = match mime(request.headers()).as_deref() {
        Some("application/json") => Body::Json,
        Some("multipart/form-data") if requested_with => Body::Multipart,
        Some("multipart/form-data") => {
            let message = translated(
                language,
                "ファイルの送信には X-Requested-With ヘッダーが必要です。",
                "File uploads must carry an X-Requested-With header.",
            );
            return refusal(StatusCode::BAD_REQUEST, ErrorCode::BadUserInput, message);
        }
        _ => {
            let message = translated(
                language,
                "GraphQL の要求は Content-Type: application/json で送ってください。",
                "Send GraphQL requests with Content-Type: application/json.",
            );
            return refusal(StatusCode::UNSUPPORTED_MEDIA_TYPE, ErrorCode::BadUserInput, message);
        }
    };
    let client_ip = client_ip(&state, &request);
    let headers = request.headers().clone();
    let context = match context(&state, &headers, client_ip).await {
        Ok(context) => context,
        Err(refused) => return refused,
    };
    let read = match kind {
        Body::Json => read_json(request).await,
        Body::Multipart => read_multipart(request, state.max_upload_bytes).await,
    };
    match read {
        Ok(graphql_request) => execute(&state, graphql_request, context).await.into_response(),
        Err(ReadError::TooLarge) => {
            let message =
                translated(context.language, "送信されたデータが大きすぎます。", "The request is too large.");
            refusal(StatusCode::PAYLOAD_TOO_LARGE, ErrorCode::BadUserInput, message)
        }
        Err(ReadError::Unreadable(detail)) => {
            tracing::debug!(%detail, "unreadable GraphQL request");
            let message = translated(
                context.language,
                "GraphQL の要求を読み取れませんでした。",
                "The GraphQL request could not be read.",
            );
            refusal(StatusCode::BAD_REQUEST, ErrorCode::BadUserInput, message)
        }
    }
}

enum ReadError {
    TooLarge,
    Unreadable(String),
}

/// One operation as JSON (a batch, an array, does not deserialise into one request).
async fn read_json(request: Request) -> Result<async_graphql::Request, ReadError> {
    let bytes = axum::body::to_bytes(request.into_body(), crate::routes::MAX_JSON_BODY)
        .await
        .map_err(|_| ReadError::TooLarge)?;
    serde_json::from_slice(&bytes).map_err(|e| ReadError::Unreadable(e.to_string()))
}

/// One operation with at most one file, whose size is checked as it streams in.
async fn read_multipart(
    request: Request,
    max_upload_bytes: u64,
) -> Result<async_graphql::Request, ReadError> {
    use futures_util::TryStreamExt;
    use tokio_util::compat::TokioAsyncReadCompatExt;
    let content_type =
        request.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let stream = request.into_body().into_data_stream().map_err(std::io::Error::other);
    let reader = tokio_util::io::StreamReader::new(stream).compat();
    // async-graphql applies this to the whole stream: leave room for the operation and the
    // form's framing, so that a file of exactly the advertised limit is accepted (the use
    // case refuses anything larger).
    let stream_limit =
        usize::try_from(max_upload_bytes).unwrap_or(usize::MAX).saturating_add(crate::routes::MAX_JSON_BODY);
    let options =
        async_graphql::http::MultipartOptions::default().max_file_size(stream_limit).max_num_files(1);
    async_graphql::http::receive_body(content_type, reader, options).await.map_err(|error| match error {
        async_graphql::ParseRequestError::PayloadTooLarge => ReadError::TooLarge,
        other => ReadError::Unreadable(other.to_string()),
    })
}

pub(crate) async fn get(State(state): State<AppState>, request: Request) -> Response {
    let has_query =
        request.uri().query().is_some_and(|query| query.split('&').any(|pair| pair.starts_with("query=")));
    if !has_query {
        return if state.graphiql {
            Html(GraphiQLSource::build().endpoint("/graphql").title("Nukumori GraphQL").finish())
                .into_response()
        } else {
            StatusCode::NOT_FOUND.into_response()
        };
    }
    let client_ip = client_ip(&state, &request);
    let headers = request.headers().clone();
    let context = match context(&state, &headers, client_ip).await {
        Ok(context) => context,
        Err(refused) => return refused,
    };
    let graphql_request = match read_request(request).await {
        Ok(inner) => inner,
        Err(rejection) => return rejection_response(&rejection, context.language),
    };
    if !is_query_only(&graphql_request) {
        let message = translated(
            context.language,
            "変更を伴う操作は POST で送ってください。",
            "Operations that change data must be sent with POST.",
        );
        return refusal(StatusCode::METHOD_NOT_ALLOWED, ErrorCode::BadUserInput, message);
    }
    execute(&state, graphql_request, context).await.into_response()
}

/// Whether the operation that would run is a query. A document that does not parse is
/// let through: execution reports the syntax error in the usual shape.
fn is_query_only(request: &async_graphql::Request) -> bool {
    use async_graphql::parser::types::{DocumentOperations, OperationType};
    let Ok(document) = async_graphql::parser::parse_query(&request.query) else { return true };
    let is_query = |ty: OperationType| ty == OperationType::Query;
    match &document.operations {
        DocumentOperations::Single(operation) => is_query(operation.node.ty),
        DocumentOperations::Multiple(operations) => match &request.operation_name {
            Some(name) => operations.get(name.as_str()).is_none_or(|op| is_query(op.node.ty)),
            None => operations.values().all(|op| is_query(op.node.ty)),
        },
    }
}

async fn read_request(request: Request) -> Result<async_graphql::Request, GraphQLRejection> {
    let extracted = <GraphQLRequest as axum::extract::FromRequest<()>>::from_request(request, &()).await?;
    Ok(extracted.into_inner())
}

async fn execute(
    state: &AppState,
    request: async_graphql::Request,
    context: graphql::RequestContext,
) -> GraphQLResponse {
    let request = graphql::prepare(request, &state.app, context);
    state.schema.execute(request).await.into()
}

fn rejection_response(rejection: &GraphQLRejection, language: Language) -> Response {
    tracing::debug!(error = %rejection.0, "unreadable GraphQL request");
    let message = translated(
        language,
        "GraphQL の要求を読み取れませんでした。",
        "The GraphQL request could not be read.",
    );
    refusal(StatusCode::BAD_REQUEST, ErrorCode::BadUserInput, message)
}
