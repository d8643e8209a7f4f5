//! The application's errors and the finite table of codes clients see.
//!
//! Every error a person can cause has a message in Japanese and English. Internal
//! failures carry their cause for the log only: [`AppError::localized`] never shows it.

use domain::{
    i18n::{Language, Localized},
    plan_file::PlanFileError,
};
use store::StoreError;

/// The codes a client can receive in `extensions.code`. Nothing else is ever sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// The thing asked for does not exist, or the asker may not know it exists.
    NotFound,
    /// The input is invalid; the message says what and where.
    BadUserInput,
    /// No valid session.
    Unauthenticated,
    /// A session that may not do this.
    Forbidden,
    /// Someone else changed it first, or a unique key is taken.
    Conflict,
    /// Too many attempts; wait.
    RateLimited,
    /// Our fault; the details are in the server log.
    Internal,
}

impl ErrorCode {
    /// The SCREAMING_CASE name sent to clients.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NotFound => "NOT_FOUND",
            Self::BadUserInput => "BAD_USER_INPUT",
            Self::Unauthenticated => "UNAUTHENTICATED",
            Self::Forbidden => "FORBIDDEN",
            Self::Conflict => "CONFLICT",
            Self::RateLimited => "RATE_LIMITED",
            Self::Internal => "INTERNAL",
        }
    }
}

/// What can go wrong in a use case.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// A plan, direction or organisation that does not exist.
    #[error("{what} not found")]
    NotFound {
        /// What was looked for, in English (for logs).
        what: &'static str,
    },
    /// A plan file with problems.
    #[error("invalid plan file: {0}")]
    InvalidPlanFile(PlanFileError),
    /// An import that would drop elements the database holds.
    #[error("the plan file no longer lists {0:?}")]
    ImportWouldRemove(Vec<String>),
    /// No valid session.
    #[error("not signed in")]
    Unauthenticated,
    /// Not allowed.
    #[error("forbidden")]
    Forbidden,
    /// A unique key is taken.
    #[error("conflict: {0}")]
    Conflict(String),
    /// The database or another dependency failed.
    #[error("internal failure: {0}")]
    Internal(#[source] StoreError),
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound => Self::NotFound { what: "record" },
            StoreError::Duplicate(detail) => Self::Conflict(detail),
            StoreError::MissingFromImport(codes) => Self::ImportWouldRemove(codes),
            other => Self::Internal(other),
        }
    }
}

impl AppError {
    /// The code clients receive.
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::NotFound { .. } => ErrorCode::NotFound,
            Self::InvalidPlanFile(_) | Self::ImportWouldRemove(_) => ErrorCode::BadUserInput,
            Self::Unauthenticated => ErrorCode::Unauthenticated,
            Self::Forbidden => ErrorCode::Forbidden,
            Self::Conflict(_) => ErrorCode::Conflict,
            Self::Internal(_) => ErrorCode::Internal,
        }
    }
}

impl Localized for AppError {
    fn localized(&self, language: Language) -> String {
        let ja = language == Language::Ja;
        match self {
            Self::NotFound { .. } if ja => "見つかりません。".into(),
            Self::NotFound { .. } => "Not found.".into(),
            Self::InvalidPlanFile(error) => error.localized(language),
            Self::ImportWouldRemove(codes) if ja => format!(
                "データベースにある次の要素がファイルにありません。報告が参照している可能性があるため、取り込みを中止しました: {}",
                codes.join(", ")
            ),
            Self::ImportWouldRemove(codes) => format!(
                "The file no longer lists these elements, which reports may refer to; nothing was imported: {}",
                codes.join(", ")
            ),
            Self::Unauthenticated if ja => "ログインしてください。".into(),
            Self::Unauthenticated => "Please sign in.".into(),
            Self::Forbidden if ja => "この操作を行う権限がありません。".into(),
            Self::Forbidden => "You are not allowed to do this.".into(),
            Self::Conflict(_) if ja => {
                "他の変更と競合しました。最新の内容を確認してください。".into()
            }
            Self::Conflict(_) => {
                "This conflicts with another change; please check the latest version.".into()
            }
            Self::Internal(_) if ja => {
                "サーバーでエラーが発生しました。時間をおいて再度お試しください。".into()
            }
            Self::Internal(_) => {
                "Something went wrong on the server. Please try again later.".into()
            }
        }
    }
}
