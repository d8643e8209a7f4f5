//! What travels with a report through review: the revisions frozen at each submission
//! (so a reviewer compares what was returned with what came back), and the comments on
//! a report, anchored to a field or an activity, with their rules: a comment can be
//! edited by its author until someone replies, and is then only retracted, leaving a
//! trace.

use chrono::{DateTime, Utc};

use crate::{
    i18n::{Language, Localized},
    ids::{CommentId, OrganizationId, ReportId, RevisionId, UserId},
    report::{ReportContent, ReportField, ReportStatus, changed_fields},
};

/// The content of a report as it was submitted, never changed afterwards.
#[derive(Clone, Debug, PartialEq)]
pub struct Revision {
    /// Identity.
    pub id: RevisionId,
    /// The report.
    pub report_id: ReportId,
    /// 1 for the first submission, then 2, 3…
    pub number: i32,
    /// The status the submission led to.
    pub status: ReportStatus,
    /// What was submitted.
    pub content: ReportContent,
    /// When.
    pub created_at: DateTime<Utc>,
    /// By whom.
    pub created_by: Option<UserId>,
}

/// The fields that differ from `before` to `after`, in form order.
pub fn compare(before: &ReportContent, after: &ReportContent) -> Vec<ReportField> {
    changed_fields(before, after)
}

/// A comment on a report.
#[derive(Clone, Debug, PartialEq)]
pub struct Comment {
    /// Identity.
    pub id: CommentId,
    /// The report.
    pub report_id: ReportId,
    /// The comment it answers, for a reply.
    pub parent_id: Option<CommentId>,
    /// The field it is about, if any.
    pub field: Option<ReportField>,
    /// The activity it is about (0-based), if any.
    pub activity_index: Option<i32>,
    /// The text; empty once retracted.
    pub body: String,
    /// Who wrote it.
    pub author_id: UserId,
    /// The author's organisation when writing.
    pub author_organization_id: OrganizationId,
    /// When.
    pub created_at: DateTime<Utc>,
    /// Last edit.
    pub edited_at: Option<DateTime<Utc>>,
    /// Withdrawn by its author; the body is no longer shown.
    pub retracted_at: Option<DateTime<Utc>>,
    /// The thread was marked resolved.
    pub resolved_at: Option<DateTime<Utc>>,
    /// By whom.
    pub resolved_by: Option<UserId>,
}

/// Longest comment, in characters.
pub const MAX_COMMENT: usize = 4_000;

/// Why a comment cannot be written or changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CommentProblem {
    /// Nothing but white space.
    Empty,
    /// Over [`MAX_COMMENT`] characters.
    TooLong,
    /// Only the author edits or retracts a comment.
    NotAuthor,
    /// Someone replied: it can only be retracted now.
    HasReplies,
    /// It was retracted.
    Retracted,
    /// A reply answers a comment on the same report, and only a thread's first comment.
    BadParent,
    /// The activity index is outside the report's activities.
    NoSuchActivity,
    /// Control characters other than line breaks and tabs.
    ControlCharacters,
}

impl Localized for CommentProblem {
    fn localized(&self, language: Language) -> String {
        let ja = language == Language::Ja;
        match self {
            Self::Empty if ja => "コメントを入力してください。".to_owned(),
            Self::Empty => "Write a comment.".to_owned(),
            Self::TooLong if ja => format!("コメントは{MAX_COMMENT}文字以内で入力してください。"),
            Self::TooLong => format!("A comment holds at most {MAX_COMMENT} characters."),
            Self::NotAuthor if ja => "自分のコメントだけを変更・取り消しできます。".to_owned(),
            Self::NotAuthor => "Only the author may change or retract a comment.".to_owned(),
            Self::HasReplies if ja => "返信があるコメントは編集できません。取り消しはできます。".to_owned(),
            Self::HasReplies => "A comment with replies cannot be edited; it can be retracted.".to_owned(),
            Self::Retracted if ja => "このコメントは取り消されています。".to_owned(),
            Self::Retracted => "This comment was retracted.".to_owned(),
            Self::BadParent if ja => "返信先のコメントが見つかりません。".to_owned(),
            Self::BadParent => "The comment to reply to does not exist on this report.".to_owned(),
            Self::NoSuchActivity if ja => "指定された取組はこの報告にありません。".to_owned(),
            Self::NoSuchActivity => "The report has no such activity.".to_owned(),
            Self::ControlCharacters if ja => "制御文字は入力できません。".to_owned(),
            Self::ControlCharacters => "The text contains control characters.".to_owned(),
        }
    }
}

fn has_control_characters(text: &str) -> bool {
    text.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
}

/// Checks a comment's text; returns it trimmed.
pub fn check_body(body: &str) -> Result<String, CommentProblem> {
    let body = body.trim();
    if body.is_empty() {
        return Err(CommentProblem::Empty);
    }
    if body.chars().count() > MAX_COMMENT {
        return Err(CommentProblem::TooLong);
    }
    if has_control_characters(body) {
        return Err(CommentProblem::ControlCharacters);
    }
    Ok(body.to_owned())
}

/// Whether `editor` may edit `comment`, given whether anyone replied.
pub fn may_edit(comment: &Comment, editor: UserId, has_replies: bool) -> Result<(), CommentProblem> {
    if comment.retracted_at.is_some() {
        return Err(CommentProblem::Retracted);
    }
    if comment.author_id != editor {
        return Err(CommentProblem::NotAuthor);
    }
    if has_replies {
        return Err(CommentProblem::HasReplies);
    }
    Ok(())
}

/// Whether `editor` may retract `comment`.
pub fn may_retract(comment: &Comment, editor: UserId) -> Result<(), CommentProblem> {
    if comment.retracted_at.is_some() {
        return Err(CommentProblem::Retracted);
    }
    if comment.author_id != editor {
        return Err(CommentProblem::NotAuthor);
    }
    Ok(())
}

/// Why a return or an acceptance lacks what it needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewProblem {
    /// A return needs a reason.
    ReasonRequired,
    /// The reason or comment is over [`MAX_COMMENT`] characters.
    TooLong,
    /// Control characters other than line breaks and tabs.
    ControlCharacters,
}

impl Localized for ReviewProblem {
    fn localized(&self, language: Language) -> String {
        match (self, language) {
            (Self::ReasonRequired, Language::Ja) => "差し戻しの理由を入力してください。".to_owned(),
            (Self::ReasonRequired, Language::En) => "Give a reason for returning the report.".to_owned(),
            (Self::TooLong, Language::Ja) => format!("{MAX_COMMENT}文字以内で入力してください。"),
            (Self::TooLong, Language::En) => format!("Write at most {MAX_COMMENT} characters."),
            (Self::ControlCharacters, Language::Ja) => "制御文字は入力できません。".to_owned(),
            (Self::ControlCharacters, Language::En) => "The text contains control characters.".to_owned(),
        }
    }
}

/// Checks a return's reason; returns it trimmed.
pub fn check_reason(reason: &str) -> Result<String, ReviewProblem> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(ReviewProblem::ReasonRequired);
    }
    if reason.chars().count() > MAX_COMMENT {
        return Err(ReviewProblem::TooLong);
    }
    if has_control_characters(reason) {
        return Err(ReviewProblem::ControlCharacters);
    }
    Ok(reason.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comment(author: UserId) -> Comment {
        Comment {
            id: CommentId::generate(),
            report_id: ReportId::generate(),
            parent_id: None,
            field: None,
            activity_index: None,
            body: "確認してください".into(),
            author_id: author,
            author_organization_id: OrganizationId::generate(),
            created_at: Utc::now(),
            edited_at: None,
            retracted_at: None,
            resolved_at: None,
            resolved_by: None,
        }
    }

    #[test]
    fn a_comment_is_edited_by_its_author_until_someone_replies() {
        let author = UserId::generate();
        let c = comment(author);
        assert_eq!(may_edit(&c, author, false), Ok(()));
        assert_eq!(may_edit(&c, author, true), Err(CommentProblem::HasReplies));
        assert_eq!(may_edit(&c, UserId::generate(), false), Err(CommentProblem::NotAuthor));
        assert_eq!(may_retract(&c, author), Ok(()));
        assert_eq!(may_retract(&c, UserId::generate()), Err(CommentProblem::NotAuthor));
        let retracted = Comment { retracted_at: Some(Utc::now()), ..c };
        assert_eq!(may_edit(&retracted, author, false), Err(CommentProblem::Retracted));
        assert_eq!(may_retract(&retracted, author), Err(CommentProblem::Retracted));
    }

    #[test]
    fn bodies_and_reasons_are_trimmed_and_bounded() {
        assert_eq!(check_body("  はい "), Ok("はい".to_owned()));
        assert_eq!(check_body(" \n "), Err(CommentProblem::Empty));
        assert_eq!(check_body(&"あ".repeat(MAX_COMMENT)).map(|b| b.chars().count()), Ok(MAX_COMMENT));
        assert_eq!(check_body(&"あ".repeat(MAX_COMMENT + 1)), Err(CommentProblem::TooLong));
        assert_eq!(check_reason(""), Err(ReviewProblem::ReasonRequired));
        assert_eq!(check_reason(" 数値を確認 "), Ok("数値を確認".to_owned()));
    }

    #[test]
    fn every_problem_reads_in_both_languages() {
        for problem in [
            CommentProblem::Empty,
            CommentProblem::TooLong,
            CommentProblem::NotAuthor,
            CommentProblem::HasReplies,
            CommentProblem::Retracted,
            CommentProblem::BadParent,
            CommentProblem::NoSuchActivity,
            CommentProblem::ControlCharacters,
        ] {
            assert!(!problem.localized(Language::Ja).is_empty());
            assert!(problem.localized(Language::En).is_ascii());
        }
    }
}
