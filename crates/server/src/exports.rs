//! Downloads of the annual evaluation: `GET /exports/evaluations/{id}.xlsx`, `.pdf` and
//! `.csv?table=goals|directions|indicators|opinions`, with the same permission as
//! reading the evaluation (the public gets a published one, without internal parts).

use app::{
    AppError, ExportFormat,
    domain::{access::Actor, evidence::content_disposition, ids::EvaluationId},
    export::CsvTable,
};
use axum::{
    extract::{Path, Query, State},
    http::{HeaderMap, HeaderValue, header},
    response::{IntoResponse, Response},
};
use serde::Deserialize;

use crate::{caller, files::refuse, routes::AppState};

/// The query of a CSV download.
#[derive(Debug, Deserialize)]
pub(crate) struct ExportQuery {
    table: Option<String>,
}

pub(crate) async fn evaluation(
    State(state): State<AppState>,
    Path(file): Path<String>,
    Query(query): Query<ExportQuery>,
    headers: HeaderMap,
) -> Response {
    let language = caller::language(&headers);
    let actor = match caller::actor(&state, &headers).await {
        Ok(actor) => actor,
        Err(error) => return refuse(&error, language),
    };
    let not_found = || refuse(&AppError::NotFound { what: "export" }, language);
    let Some((id, extension)) = file.rsplit_once('.') else { return not_found() };
    let Ok(id) = uuid::Uuid::parse_str(id) else { return not_found() };
    let format = match extension {
        "xlsx" => ExportFormat::Xlsx,
        "pdf" => ExportFormat::Pdf,
        "csv" => match CsvTable::parse(query.table.as_deref().unwrap_or("directions")) {
            Some(table) => ExportFormat::Csv(table),
            None => return not_found(),
        },
        _ => return not_found(),
    };
    match state.app.export_evaluation(&actor, EvaluationId(id), format, language).await {
        Ok(exported) => {
            let mut response = exported.bytes.into_response();
            let headers = response.headers_mut();
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(exported.content_type));
            if let Ok(disposition) = HeaderValue::from_str(&content_disposition(&exported.file_name)) {
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
