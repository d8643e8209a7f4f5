//! Downloads of evidence files, with the same permission as the report they belong to.
//!
//! Files are always served as attachments with their detected type and `nosniff`, so a
//! browser never renders an uploaded file as a page of ours.

use app::{
    AppError,
    domain::{Language, access::Actor, evidence::content_disposition, i18n::Localized, ids::EvidenceId},
};
use axum::{
    extract::{Path, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};

use crate::{caller, routes::AppState};

pub(crate) fn refuse(error: &AppError, language: Language) -> Response {
    let status = match error.code() {
        app::ErrorCode::Unauthenticated => StatusCode::UNAUTHORIZED,
        app::ErrorCode::NotFound | app::ErrorCode::Forbidden => StatusCode::NOT_FOUND,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    };
    let body = serde_json::json!({ "error": { "code": error.code().as_str(), "message": error.localized(language) } });
    (status, axum::Json(body)).into_response()
}

pub(crate) async fn download(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let language = caller::language(&headers);
    let actor = match caller::actor(&state, &headers).await {
        Ok(actor) => actor,
        Err(error) => return refuse(&error, language),
    };
    let Ok(id) = uuid::Uuid::parse_str(&id) else {
        return refuse(&AppError::NotFound { what: "evidence" }, language);
    };
    match state.app.download_evidence(&actor, EvidenceId(id)).await {
        Ok(file) => {
            let mut response = file.content.into_response();
            let headers = response.headers_mut();
            let content_type = HeaderValue::from_str(&file.file.content_type)
                .unwrap_or(HeaderValue::from_static("application/octet-stream"));
            headers.insert(header::CONTENT_TYPE, content_type);
            if let Ok(disposition) = HeaderValue::from_str(&content_disposition(&file.download_name)) {
                headers.insert(header::CONTENT_DISPOSITION, disposition);
            }
            headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
            response
        }
        Err(AppError::NotFound { .. } | AppError::Forbidden) if matches!(actor, Actor::Anonymous) => {
            refuse(&AppError::Unauthenticated, language)
        }
        Err(error) => refuse(&error, language),
    }
}
