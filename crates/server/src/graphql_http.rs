//! GraphQL over HTTP.
//!
//! `POST /graphql` takes one operation (never a batch) as JSON. A body of another type is
//! refused before it is parsed: browsers send `text/plain` and form posts across sites
//! without asking, and the refresh cookie would make such a request authenticated.
//! `GET /graphql` runs queries only (a link must not be able to change anything) and,
//! without a query, serves GraphiQL.

use app::{ErrorCode, domain::Language};
use async_graphql::http::GraphiQLSource;
use async_graphql_axum::{GraphQLRequest, GraphQLResponse};
use axum::{
    extract::State,
    http::{HeaderMap, StatusCode, header},
    response::{Html, IntoResponse, Response},
};

use crate::routes::AppState;

fn language(headers: &HeaderMap) -> Language {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
        .map_or(Language::Ja, Language::from_tag)
}

fn context(headers: &HeaderMap) -> graphql::RequestContext {
    graphql::RequestContext {
        language: language(headers),
        ..graphql::RequestContext::anonymous()
    }
}

/// A GraphQL-shaped error response for requests refused before execution.
fn refusal(
    status: StatusCode,
    code: ErrorCode,
    ja: &str,
    en: &str,
    language: Language,
) -> Response {
    let message = if language == Language::Ja { ja } else { en };
    let body = serde_json::json!({
        "data": null,
        "errors": [{ "message": message, "extensions": { "code": code.as_str() } }],
    });
    (status, axum::Json(body)).into_response()
}

fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|mime| mime.trim().eq_ignore_ascii_case("application/json"))
}

pub(crate) async fn post(
    State(state): State<AppState>,
    headers: HeaderMap,
    request: axum::extract::Request,
) -> Response {
    let context = context(&headers);
    if !is_json(&headers) {
        return refusal(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorCode::BadUserInput,
            "GraphQL の要求は Content-Type: application/json で送ってください。",
            "Send GraphQL requests with Content-Type: application/json.",
            context.language,
        );
    }
    let graphql_request = match read_request(request).await {
        Ok(inner) => inner,
        Err(rejection) => return rejection_response(rejection, context.language),
    };
    execute(&state, graphql_request, context)
        .await
        .into_response()
}

pub(crate) async fn get(
    State(state): State<AppState>,
    headers: HeaderMap,
    request: axum::extract::Request,
) -> Response {
    let context = context(&headers);
    if request
        .uri()
        .query()
        .is_none_or(|query| !query.split('&').any(|pair| pair.starts_with("query=")))
    {
        return if state.graphiql {
            Html(
                GraphiQLSource::build()
                    .endpoint("/graphql")
                    .title("Nukumori GraphQL")
                    .finish(),
            )
            .into_response()
        } else {
            StatusCode::NOT_FOUND.into_response()
        };
    }
    let graphql_request = match read_request(request).await {
        Ok(inner) => inner,
        Err(rejection) => return rejection_response(rejection, context.language),
    };
    if !is_query_only(&graphql_request) {
        return refusal(
            StatusCode::METHOD_NOT_ALLOWED,
            ErrorCode::BadUserInput,
            "変更を伴う操作は POST で送ってください。",
            "Operations that change data must be sent with POST.",
            context.language,
        );
    }
    execute(&state, graphql_request, context)
        .await
        .into_response()
}

/// Whether the operation that would run is a query. A document that does not parse is
/// let through: execution reports the syntax error in the usual shape.
fn is_query_only(request: &async_graphql::Request) -> bool {
    use async_graphql::parser::types::{DocumentOperations, OperationType};
    let Ok(document) = async_graphql::parser::parse_query(&request.query) else {
        return true;
    };
    let is_query = |ty: OperationType| ty == OperationType::Query;
    match &document.operations {
        DocumentOperations::Single(operation) => is_query(operation.node.ty),
        DocumentOperations::Multiple(operations) => match &request.operation_name {
            Some(name) => operations
                .get(name.as_str())
                .is_none_or(|op| is_query(op.node.ty)),
            None => operations.values().all(|op| is_query(op.node.ty)),
        },
    }
}

async fn read_request(
    request: axum::extract::Request,
) -> Result<async_graphql::Request, async_graphql_axum::rejection::GraphQLRejection> {
    let extracted =
        <GraphQLRequest as axum::extract::FromRequest<()>>::from_request(request, &()).await?;
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

fn rejection_response(
    rejection: async_graphql_axum::rejection::GraphQLRejection,
    language: Language,
) -> Response {
    tracing::debug!(error = %rejection.0, "unreadable GraphQL request");
    refusal(
        StatusCode::BAD_REQUEST,
        ErrorCode::BadUserInput,
        "GraphQL の要求を読み取れませんでした。",
        "The GraphQL request could not be read.",
        language,
    )
}
