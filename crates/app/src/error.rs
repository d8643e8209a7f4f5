//! The application's errors and the finite table of codes clients see.
//!
//! Every error a person can cause has a message in Japanese and English. Internal
//! failures carry their cause for the log only: [`AppError::localized`] never shows it.

use domain::{
    evaluation::EvaluationError,
    evidence::FileNameProblem,
    i18n::{Language, Localized},
    ownership::CsvProblem,
    password::PasswordProblem,
    plan_file::PlanFileError,
    report::{ContentProblem, MissingPart, PeriodProblem, ReportStatus},
    review::{CommentProblem, ReviewProblem},
    workflow::TransitionError,
};
use store::StoreError;

use crate::OrganizationProblem;

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
    /// A query over the depth, complexity or alias limit, refused before it ran.
    QueryTooComplex,
    /// Our fault; the details are in the server log.
    Internal,
}

impl ErrorCode {
    /// Every code.
    pub const ALL: [Self; 8] = [
        Self::NotFound,
        Self::BadUserInput,
        Self::Unauthenticated,
        Self::Forbidden,
        Self::Conflict,
        Self::RateLimited,
        Self::QueryTooComplex,
        Self::Internal,
    ];

    /// The SCREAMING_CASE name sent to clients.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NotFound => "NOT_FOUND",
            Self::BadUserInput => "BAD_USER_INPUT",
            Self::Unauthenticated => "UNAUTHENTICATED",
            Self::Forbidden => "FORBIDDEN",
            Self::Conflict => "CONFLICT",
            Self::RateLimited => "RATE_LIMITED",
            Self::QueryTooComplex => "QUERY_TOO_COMPLEX",
            Self::Internal => "INTERNAL",
        }
    }
}

/// Invalid input, with the field it concerns.
#[derive(Clone, Debug, PartialEq)]
pub enum InputProblem {
    /// Not an e-mail address.
    InvalidEmail,
    /// Another account has this e-mail.
    EmailTaken,
    /// A blank display name.
    DisplayNameEmpty,
    /// A display name over the limit.
    DisplayNameTooLong,
    /// An account without a role.
    NoRoles,
    /// An organisation that does not exist.
    UnknownOrganization,
    /// A new password the policy refuses.
    WeakPassword(PasswordProblem),
    /// The current password, given to change it, is wrong.
    WrongCurrentPassword,
    /// The plan office and the committee do not own directions.
    OrganizationCannotOwn,
    /// The change would leave a direction that has owners without a lead.
    LeadRequired,
    /// A reporting period that cannot be opened as asked.
    Period(PeriodProblem),
    /// This kind of period is already open for that fiscal year.
    PeriodExists,
    /// A draft over a limit.
    Content(ContentProblem),
    /// A report that its status does not let its writers change.
    ReportNotEditable(ReportStatus),
    /// No earlier report of the same owner and direction to copy from.
    NoPreviousReport,
    /// An indicator that is not one of the report's plan.
    UnknownIndicator,
    /// An ownership table with problems, each with its line.
    OwnershipCsv(Vec<CsvProblem>),
    /// An evidence file name that is refused.
    FileName(FileNameProblem),
    /// An evidence file of a type that is not accepted (judged by its content).
    FileType,
    /// An evidence file over the size limit.
    FileTooLarge {
        /// The limit in bytes.
        max_bytes: u64,
    },
    /// An empty evidence file.
    EmptyFile,
    /// A report that lacks what a submission needs.
    Incomplete(Vec<MissingPart>),
    /// A workflow step the report's status does not allow.
    Transition(TransitionError),
    /// A comment that cannot be written or changed as asked.
    Comment(CommentProblem),
    /// A return without a reason, or an over-long note.
    Review(ReviewProblem),
    /// An invitation link that is unknown, used or expired.
    InvitationInvalid,
    /// An evaluation problem.
    Evaluation(EvaluationError),
    /// An indicator value that is not a finite number.
    IndicatorValue,
    /// An organisation's code or names.
    Organization(OrganizationProblem),
}

impl InputProblem {
    /// The input field (as the API names it, with a path into lists) that the problem
    /// is about.
    pub fn field(&self) -> String {
        let field = match self {
            Self::InvalidEmail | Self::EmailTaken => "email",
            Self::DisplayNameEmpty | Self::DisplayNameTooLong => "displayName",
            Self::NoRoles => "roles",
            Self::UnknownOrganization | Self::OrganizationCannotOwn | Self::LeadRequired => "organizationId",
            Self::WeakPassword(_) => "newPassword",
            Self::WrongCurrentPassword => "currentPassword",
            Self::Period(problem) => problem.field(),
            Self::PeriodExists => "kind",
            Self::Content(problem) => return problem.path(),
            Self::Incomplete(missing) => return missing.first().map_or_else(String::new, |m| m.path()),
            Self::ReportNotEditable(_) | Self::NoPreviousReport => "id",
            Self::UnknownIndicator => "indicatorIds",
            Self::OwnershipCsv(_) => "csv",
            Self::FileName(_) | Self::FileType | Self::FileTooLarge { .. } | Self::EmptyFile => "file",
            Self::Transition(_) => "id",
            Self::Comment(_) => "body",
            Self::Review(_) => "reason",
            Self::InvitationInvalid => "token",
            Self::Evaluation(
                EvaluationError::OverrideReasonMissing | EvaluationError::OverrideReasonTooLong { .. },
            ) => "reason",
            Self::Evaluation(_) => "evaluationId",
            Self::IndicatorValue => "value",
            Self::Organization(problem) => problem.field(),
        };
        field.to_owned()
    }
}

impl Localized for InputProblem {
    fn localized(&self, language: Language) -> String {
        let ja = language == Language::Ja;
        let text = match self {
            Self::WeakPassword(problem) => return problem.localized(language),
            Self::Period(problem) => return problem.localized(language),
            Self::Content(problem) => return problem.localized(language),
            Self::FileName(problem) => return problem.localized(language),
            Self::OwnershipCsv(problems) => {
                return problems.iter().map(|p| p.localized(language)).collect::<Vec<_>>().join("\n");
            }
            Self::Incomplete(missing) => {
                return missing.iter().map(|m| m.localized(language)).collect::<Vec<_>>().join("\n");
            }
            Self::Transition(problem) => return problem.localized(language),
            Self::Comment(problem) => return problem.localized(language),
            Self::Review(problem) => return problem.localized(language),
            Self::Evaluation(problem) => return problem.localized(language),
            Self::Organization(problem) => return problem.localized(language),
            Self::IndicatorValue if ja => "値は数値で入力してください。",
            Self::IndicatorValue => "Enter the value as a number.",
            Self::InvitationInvalid if ja => {
                "この招待リンクは使用済みか、有効期限が切れています。事務局に再送を依頼してください。"
            }
            Self::InvitationInvalid => {
                "This invitation link has been used or has expired. Ask the plan office to send a new one."
            }
            Self::ReportNotEditable(status) if ja => {
                return format!("「{}」の報告は編集できません。", status.label(language));
            }
            Self::ReportNotEditable(status) => {
                return format!(
                    "A report that is {} cannot be edited.",
                    status.label(language).to_lowercase()
                );
            }
            Self::FileTooLarge { max_bytes } if ja => {
                return format!("ファイルが大きすぎます（{}まで）。", size_label(*max_bytes));
            }
            Self::FileTooLarge { max_bytes } => {
                return format!("The file is too large (at most {}).", size_label(*max_bytes));
            }
            Self::LeadRequired if ja => "主担当課がいなくなります。先に別の組織を主担当に指定してください。",
            Self::LeadRequired => {
                "The direction would have no lead. Make another organisation the lead first."
            }
            Self::OrganizationCannotOwn if ja => "事務局と推進委員会は施策の方向を担当できません。",
            Self::OrganizationCannotOwn => "The plan office and the committee cannot own directions.",
            Self::PeriodExists if ja => "この年度の同じ種類の報告期間は既にあります。",
            Self::PeriodExists => "A reporting period of this kind already exists for that fiscal year.",
            Self::NoPreviousReport if ja => "前の期間の同じ施策の方向の報告がありません。",
            Self::NoPreviousReport => "There is no earlier report on this direction to copy from.",
            Self::UnknownIndicator if ja => "この計画の目標値ではありません。",
            Self::UnknownIndicator => "This is not an indicator of the report's plan.",
            Self::FileType if ja => {
                "このファイル形式は添付できません（PDF、PNG、JPEG、Office文書、CSV、テキストのみ）。"
            }
            Self::FileType => {
                "This kind of file cannot be attached (PDF, PNG, JPEG, Office documents, CSV and text only)."
            }
            Self::EmptyFile if ja => "空のファイルは添付できません。",
            Self::EmptyFile => "An empty file cannot be attached.",
            Self::InvalidEmail if ja => "メールアドレスの形式が正しくありません。",
            Self::InvalidEmail => "This is not a valid e-mail address.",
            Self::EmailTaken if ja => "このメールアドレスは既に登録されています。",
            Self::EmailTaken => "An account with this e-mail address already exists.",
            Self::DisplayNameEmpty if ja => "氏名を入力してください。",
            Self::DisplayNameEmpty => "Enter a name.",
            Self::DisplayNameTooLong if ja => "氏名は100文字以内で入力してください。",
            Self::DisplayNameTooLong => "Use at most 100 characters for the name.",
            Self::NoRoles if ja => "役割を1つ以上選んでください。",
            Self::NoRoles => "Choose at least one role.",
            Self::UnknownOrganization if ja => "所属組織が見つかりません。",
            Self::UnknownOrganization => "The organisation does not exist.",
            Self::WrongCurrentPassword if ja => "現在のパスワードが正しくありません。",
            Self::WrongCurrentPassword => "The current password is not correct.",
        };
        text.to_owned()
    }
}

/// A size as people read it: `25MB`, or `64KB` below a mebibyte.
fn size_label(bytes: u64) -> String {
    if bytes >= 1024 * 1024 { format!("{}MB", bytes / (1024 * 1024)) } else { format!("{}KB", bytes / 1024) }
}

/// What can go wrong in a use case.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// A plan, direction, user or organisation that does not exist (or is not visible).
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
    /// Invalid input.
    #[error("invalid input: {0:?}")]
    Invalid(InputProblem),
    /// No valid session.
    #[error("not signed in")]
    Unauthenticated,
    /// Wrong e-mail or password (never says which).
    #[error("invalid credentials")]
    InvalidCredentials,
    /// An access or refresh token that is invalid, expired or revoked.
    #[error("session invalid")]
    SessionInvalid,
    /// Too many failed sign-ins.
    #[error("rate limited for {retry_after_seconds}s")]
    RateLimited {
        /// Seconds until the next attempt is accepted.
        retry_after_seconds: i64,
    },
    /// Not allowed.
    #[error("forbidden")]
    Forbidden,
    /// A unique key is taken.
    #[error("conflict: {0}")]
    Conflict(String),
    /// Someone saved first; nothing was written.
    #[error("stale version; the current one is {current_version}")]
    StaleVersion {
        /// The version to merge with.
        current_version: i32,
    },
    /// The database or another dependency failed.
    #[error("internal failure: {0}")]
    Internal(String),
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound => Self::NotFound { what: "record" },
            StoreError::Duplicate(detail) => Self::Conflict(detail),
            StoreError::MissingFromImport(codes) => Self::ImportWouldRemove(codes),
            other => Self::Internal(format!("{other}: {:?}", std::error::Error::source(&other))),
        }
    }
}

impl AppError {
    /// An internal failure with its cause, for the log.
    pub fn internal(cause: impl Into<String>) -> Self {
        Self::Internal(cause.into())
    }

    /// The code clients receive.
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::NotFound { .. } => ErrorCode::NotFound,
            Self::InvalidPlanFile(_) | Self::ImportWouldRemove(_) | Self::Invalid(_) => {
                ErrorCode::BadUserInput
            }
            Self::Unauthenticated | Self::InvalidCredentials | Self::SessionInvalid => {
                ErrorCode::Unauthenticated
            }
            Self::RateLimited { .. } => ErrorCode::RateLimited,
            Self::Forbidden => ErrorCode::Forbidden,
            Self::Conflict(_) | Self::StaleVersion { .. } => ErrorCode::Conflict,
            Self::Internal(_) => ErrorCode::Internal,
        }
    }

    /// The input field the error is about, so a form can show it next to that field.
    pub fn field(&self) -> Option<String> {
        match self {
            Self::Invalid(problem) => Some(problem.field()),
            _ => None,
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
            Self::Invalid(problem) => problem.localized(language),
            Self::Unauthenticated if ja => "ログインしてください。".into(),
            Self::Unauthenticated => "Please sign in.".into(),
            Self::InvalidCredentials if ja => "メールアドレスまたはパスワードが正しくありません。".into(),
            Self::InvalidCredentials => "The e-mail address or password is not correct.".into(),
            Self::SessionInvalid if ja => {
                "セッションの有効期限が切れたか、無効になりました。もう一度ログインしてください。".into()
            }
            Self::SessionInvalid => "Your session has expired or ended. Please sign in again.".into(),
            Self::RateLimited { retry_after_seconds } if ja => format!(
                "ログインの失敗が続いたため、一時的に受け付けていません。約{}分後にもう一度お試しください。",
                (retry_after_seconds + 59) / 60
            ),
            Self::RateLimited { retry_after_seconds } => format!(
                "Too many failed sign-ins. Please try again in about {} minute(s).",
                (retry_after_seconds + 59) / 60
            ),
            Self::Forbidden if ja => "この操作を行う権限がありません。".into(),
            Self::Forbidden => "You are not allowed to do this.".into(),
            Self::Conflict(_) if ja => "他の変更と競合しました。最新の内容を確認してください。".into(),
            Self::Conflict(_) => {
                "This conflicts with another change; please check the latest version.".into()
            }
            Self::StaleVersion { .. } if ja => {
                "他の人が先に保存しました。最新の内容を読み込み、あなたの変更と見比べてから保存してください（入力内容は失われていません）。"
                    .into()
            }
            Self::StaleVersion { .. } => "Someone else saved first. Load the latest version and merge your changes \
                 before saving (nothing you typed was lost)."
                .into(),
            Self::Internal(_) if ja => {
                "サーバーでエラーが発生しました。時間をおいて再度お試しください。".into()
            }
            Self::Internal(_) => "Something went wrong on the server. Please try again later.".into(),
        }
    }
}

impl Localized for OrganizationProblem {
    fn localized(&self, language: Language) -> String {
        let ja = language == Language::Ja;
        let text = match self {
            Self::CodeFormat if ja => {
                "コードは半角英小文字で始め、半角英小文字・数字・ハイフンで40文字以内にしてください（例：kenko-zoshin）。"
            }
            Self::CodeFormat => {
                "Start the code with a lowercase letter and use only lowercase letters, digits and hyphens, at most 40 (e.g. kenko-zoshin)."
            }
            Self::CodeTaken if ja => "このコードは別の組織が使っています。",
            Self::CodeTaken => "Another organisation already has this code.",
            Self::NameEmpty { english: false } if ja => "組織名（日本語）を入力してください。",
            Self::NameEmpty { english: false } => "Enter the Japanese name.",
            Self::NameEmpty { english: true } if ja => "組織名（英語）を入力してください。",
            Self::NameEmpty { english: true } => "Enter the English name.",
            Self::NameInvalid { english: false } if ja => {
                "組織名（日本語）は改行や制御文字を含めず100文字以内にしてください。"
            }
            Self::NameInvalid { english: false } => {
                "Use at most 100 characters, without line breaks or control characters, for the Japanese name."
            }
            Self::NameInvalid { english: true } if ja => {
                "組織名（英語）は改行や制御文字を含めず100文字以内にしてください。"
            }
            Self::NameInvalid { english: true } => {
                "Use at most 100 characters, without line breaks or control characters, for the English name."
            }
        };
        text.to_owned()
    }
}
