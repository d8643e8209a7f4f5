//! The single exit for errors. Each carries `extensions.code` from the finite table of
//! [`ErrorCode`] and a message in the caller's language; an internal failure is logged
//! with its cause here and reaches the client only as `INTERNAL`, never as SQL.

use app::{
    AppError, ErrorCode,
    domain::{Language, i18n::Localized},
};
use async_graphql::ErrorExtensions;

/// Converts an application error for a client reading `language`.
pub fn to_graphql(error: &AppError, language: Language) -> async_graphql::Error {
    if error.code() == ErrorCode::Internal {
        tracing::error!(error = %error, cause = ?std::error::Error::source(error), "internal error");
    }
    let coded_error = coded(error.code(), error.localized(language));
    let coded_error = match error.field() {
        Some(field) => coded_error.extend_with(|_, extensions| extensions.set("field", field)),
        None => coded_error,
    };
    match error {
        AppError::StaleVersion { current_version } => {
            coded_error.extend_with(|_, extensions| extensions.set("currentVersion", *current_version))
        }
        _ => coded_error,
    }
}

/// An error with a code and an already translated message.
pub fn coded(code: ErrorCode, message: String) -> async_graphql::Error {
    async_graphql::Error::new(message).extend_with(|_, extensions| extensions.set("code", code.as_str()))
}

/// An identifier that is not one of ours.
pub fn invalid_id(language: Language) -> async_graphql::Error {
    let message = match language {
        Language::Ja => "IDの形式が正しくありません。",
        Language::En => "This is not a valid ID.",
    };
    coded(ErrorCode::BadUserInput, message.to_owned())
}
