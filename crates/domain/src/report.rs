//! Status reports (進捗状況報告): what an owning organisation did for a policy direction
//! in a reporting period, how it rates the result, and what it will do next.
//!
//! The report's content is plain data here, with the rules that do not depend on storage:
//! limits on what a draft may hold, what a submission must contain, which fields differ
//! between two versions, and the reporting calendar (periods, due dates, overdue).

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::{
    FiscalYear,
    access::ReportRef,
    i18n::{Language, Localized},
    ids::{
        DirectionId, EvidenceId, IndicatorId, OrganizationId, OwnershipId, PeriodId, PlanId, ReportId, UserId,
    },
    ownership::OwnerRole,
};

/// Where a report is in its journey from the writer to the committee.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ReportStatus {
    /// Created when the period opened; nobody has written anything yet.
    NotStarted,
    /// Being written.
    Draft,
    /// Submitted by staff, waiting for the department manager's sign-off (課長確認).
    AwaitingManager,
    /// With the reviewers: the plan office and the Council's coordinators.
    Submitted,
    /// Sent back to the writer with a reason.
    Returned,
    /// Accepted by a reviewer; part of the annual evaluation.
    Accepted,
    /// Frozen because the annual evaluation that contains it was finalised.
    Locked,
}

impl ReportStatus {
    /// Every status, in workflow order.
    pub const ALL: [Self; 7] = [
        Self::NotStarted,
        Self::Draft,
        Self::AwaitingManager,
        Self::Submitted,
        Self::Returned,
        Self::Accepted,
        Self::Locked,
    ];

    /// The stable name used in the database and the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NotStarted => "NOT_STARTED",
            Self::Draft => "DRAFT",
            Self::AwaitingManager => "AWAITING_MANAGER",
            Self::Submitted => "SUBMITTED",
            Self::Returned => "RETURNED",
            Self::Accepted => "ACCEPTED",
            Self::Locked => "LOCKED",
        }
    }

    /// The inverse of [`Self::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.as_str() == text)
    }

    /// Whether the writer may change the report's content in this status.
    pub fn is_editable(self) -> bool {
        matches!(self, Self::NotStarted | Self::Draft | Self::Returned)
    }

    /// Whether the report has not reached the reviewers yet (it counts as outstanding).
    pub fn is_outstanding(self) -> bool {
        matches!(self, Self::NotStarted | Self::Draft | Self::AwaitingManager | Self::Returned)
    }

    /// The label people read.
    pub fn label(self, language: Language) -> &'static str {
        match (self, language) {
            (Self::NotStarted, Language::Ja) => "未着手",
            (Self::Draft, Language::Ja) => "作成中",
            (Self::AwaitingManager, Language::Ja) => "課長確認待ち",
            (Self::Submitted, Language::Ja) => "提出済み",
            (Self::Returned, Language::Ja) => "差し戻し",
            (Self::Accepted, Language::Ja) => "受理",
            (Self::Locked, Language::Ja) => "確定",
            (Self::NotStarted, Language::En) => "Not started",
            (Self::Draft, Language::En) => "Draft",
            (Self::AwaitingManager, Language::En) => "Awaiting manager",
            (Self::Submitted, Language::En) => "Submitted",
            (Self::Returned, Language::En) => "Returned",
            (Self::Accepted, Language::En) => "Accepted",
            (Self::Locked, Language::En) => "Locked",
        }
    }
}

/// The owner's own rating of the year's work (自己評価).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SelfRating {
    /// 達成.
    A,
    /// 概ね達成.
    B,
    /// やや遅れ.
    C,
    /// 遅れ.
    D,
}

impl SelfRating {
    /// Every rating, best first.
    pub const ALL: [Self; 4] = [Self::A, Self::B, Self::C, Self::D];

    /// `A`…`D`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::A => "A",
            Self::B => "B",
            Self::C => "C",
            Self::D => "D",
        }
    }

    /// The inverse of [`Self::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|rating| rating.as_str() == text)
    }

    /// C and D need a reason: a delay must be explained.
    pub fn requires_reason(self) -> bool {
        matches!(self, Self::C | Self::D)
    }

    /// The short name.
    pub fn label(self, language: Language) -> &'static str {
        match (self, language) {
            (Self::A, Language::Ja) => "達成",
            (Self::B, Language::Ja) => "概ね達成",
            (Self::C, Language::Ja) => "やや遅れ",
            (Self::D, Language::Ja) => "遅れ",
            (Self::A, Language::En) => "Achieved",
            (Self::B, Language::En) => "Mostly achieved",
            (Self::C, Language::En) => "Slightly behind",
            (Self::D, Language::En) => "Behind",
        }
    }

    /// The definition shown to the writer beside the choice.
    pub fn definition(self, language: Language) -> &'static str {
        match (self, language) {
            (Self::A, Language::Ja) => "計画どおりに実施し、目標を達成した。",
            (Self::B, Language::Ja) => "おおむね計画どおりに実施し、目標をほぼ達成した。",
            (Self::C, Language::Ja) => "実施したが、計画よりやや遅れている、または目標に届いていない。",
            (Self::D, Language::Ja) => "計画どおりに実施できず、大幅に遅れている。",
            (Self::A, Language::En) => "Carried out as planned; the target was reached.",
            (Self::B, Language::En) => "Carried out largely as planned; the target was nearly reached.",
            (Self::C, Language::En) => "Carried out, but somewhat behind plan or short of the target.",
            (Self::D, Language::En) => "Could not be carried out as planned; well behind.",
        }
    }
}

/// What the owner will do next (今後の方向性).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NextStep {
    /// 拡充.
    Expand,
    /// 継続.
    Continue,
    /// 見直し.
    Revise,
    /// 縮小.
    Reduce,
    /// 廃止.
    Abolish,
}

impl NextStep {
    /// Every next step.
    pub const ALL: [Self; 5] = [Self::Expand, Self::Continue, Self::Revise, Self::Reduce, Self::Abolish];

    /// The stable name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Expand => "EXPAND",
            Self::Continue => "CONTINUE",
            Self::Revise => "REVISE",
            Self::Reduce => "REDUCE",
            Self::Abolish => "ABOLISH",
        }
    }

    /// The inverse of [`Self::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|step| step.as_str() == text)
    }

    /// The label people read.
    pub fn label(self, language: Language) -> &'static str {
        match (self, language) {
            (Self::Expand, Language::Ja) => "拡充",
            (Self::Continue, Language::Ja) => "継続",
            (Self::Revise, Language::Ja) => "見直し",
            (Self::Reduce, Language::Ja) => "縮小",
            (Self::Abolish, Language::Ja) => "廃止",
            (Self::Expand, Language::En) => "Expand",
            (Self::Continue, Language::En) => "Continue",
            (Self::Revise, Language::En) => "Revise",
            (Self::Reduce, Language::En) => "Reduce",
            (Self::Abolish, Language::En) => "Abolish",
        }
    }
}

/// Who carried an activity out, in the plan's frame of 自助・互助/共助・公助.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActivityActor {
    /// The city (公助).
    City,
    /// The Council of Social Welfare.
    Council,
    /// Jointly with residents or community groups (互助・共助).
    Joint,
}

impl ActivityActor {
    /// Every actor.
    pub const ALL: [Self; 3] = [Self::City, Self::Council, Self::Joint];

    /// The stable name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::City => "CITY",
            Self::Council => "COUNCIL",
            Self::Joint => "JOINT",
        }
    }

    /// The inverse of [`Self::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|actor| actor.as_str() == text)
    }
}

/// A number that shows what an activity achieved (実績), against what was planned.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// What is counted (参加者数).
    pub name: String,
    /// The unit (人, 回, 件).
    pub unit: String,
    /// The planned value, if one was set.
    pub planned: Option<f64>,
    /// The value reached.
    pub actual: Option<f64>,
}

/// One thing the owner did (取組).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    /// A short title.
    pub title: String,
    /// What was done.
    pub description: String,
    /// Who carried it out.
    pub actor: Option<ActivityActor>,
    /// Figures that show the result.
    pub figures: Vec<Figure>,
}

/// Everything the writer fills in. Every part may be missing while the report is a draft.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReportContent {
    /// 取組.
    pub activities: Vec<Activity>,
    /// 実績: the results in words.
    pub results_summary: Option<String>,
    /// 自己評価.
    pub self_rating: Option<SelfRating>,
    /// Why this rating; required for C and D.
    pub rating_reason: Option<String>,
    /// 課題.
    pub issues: Option<String>,
    /// 今後の方向性.
    pub next_step: Option<NextStep>,
    /// Why this next step.
    pub next_step_reason: Option<String>,
    /// Indicators the work contributes to.
    pub indicator_ids: Vec<IndicatorId>,
}

/// A part of a report, as the API names it (for diffs and for errors).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReportField {
    /// The activities.
    Activities,
    /// The results summary.
    ResultsSummary,
    /// The self-rating.
    SelfRating,
    /// The reason for the rating.
    RatingReason,
    /// The issues.
    Issues,
    /// The next step.
    NextStep,
    /// The reason for the next step.
    NextStepReason,
    /// The linked indicators.
    Indicators,
}

impl ReportField {
    /// Every field, in form order.
    pub const ALL: [Self; 8] = [
        Self::Activities,
        Self::ResultsSummary,
        Self::SelfRating,
        Self::RatingReason,
        Self::Issues,
        Self::NextStep,
        Self::NextStepReason,
        Self::Indicators,
    ];

    /// The field's name in the API (`resultsSummary`).
    pub fn api_name(self) -> &'static str {
        match self {
            Self::Activities => "activities",
            Self::ResultsSummary => "resultsSummary",
            Self::SelfRating => "selfRating",
            Self::RatingReason => "ratingReason",
            Self::Issues => "issues",
            Self::NextStep => "nextStep",
            Self::NextStepReason => "nextStepReason",
            Self::Indicators => "indicators",
        }
    }

    /// The inverse of [`Self::api_name`].
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|field| field.api_name() == text)
    }

    fn differs(self, a: &ReportContent, b: &ReportContent) -> bool {
        match self {
            Self::Activities => a.activities != b.activities,
            Self::ResultsSummary => a.results_summary != b.results_summary,
            Self::SelfRating => a.self_rating != b.self_rating,
            Self::RatingReason => a.rating_reason != b.rating_reason,
            Self::Issues => a.issues != b.issues,
            Self::NextStep => a.next_step != b.next_step,
            Self::NextStepReason => a.next_step_reason != b.next_step_reason,
            Self::Indicators => a.indicator_ids != b.indicator_ids,
        }
    }
}

/// The fields in which two versions of a report differ, in form order.
pub fn changed_fields(before: &ReportContent, after: &ReportContent) -> Vec<ReportField> {
    ReportField::ALL.into_iter().filter(|field| field.differs(before, after)).collect()
}

/// The fields still as they were copied from the previous period (and not empty), so a
/// reviewer sees which parts the writer did not revisit.
pub fn unchanged_since_copy(current: &ReportContent, copied: &ReportContent) -> Vec<ReportField> {
    let empty = ReportContent::default();
    ReportField::ALL
        .into_iter()
        .filter(|field| !field.differs(current, copied) && field.differs(copied, &empty))
        .collect()
}

/// Most activities one report holds.
pub const MAX_ACTIVITIES: usize = 50;
/// Most figures one activity holds.
pub const MAX_FIGURES: usize = 30;
/// Longest short text (a title, a figure's name or unit), in characters.
pub const MAX_SHORT_TEXT: usize = 200;
/// Longest long text (a description, the summary, reasons), in characters.
pub const MAX_LONG_TEXT: usize = 10_000;

/// Why a draft cannot be saved as it is.
#[derive(Clone, Debug, PartialEq)]
pub enum ContentProblem {
    /// More than [`MAX_ACTIVITIES`] activities.
    TooManyActivities,
    /// More than [`MAX_FIGURES`] figures in the activity at this (0-based) index.
    TooManyFigures {
        /// The activity.
        activity: usize,
    },
    /// A text over its limit.
    TooLong {
        /// Where, as an API path (`activities[2].title`, `resultsSummary`).
        path: String,
        /// The limit.
        max: usize,
    },
    /// A text with control characters other than line breaks and tabs.
    ControlCharacters {
        /// Where.
        path: String,
    },
    /// A figure that is not a finite number.
    NotANumber {
        /// Where.
        path: String,
    },
}

impl ContentProblem {
    /// Where in the input the problem is.
    pub fn path(&self) -> String {
        match self {
            Self::TooManyActivities => "activities".to_owned(),
            Self::TooManyFigures { activity } => format!("activities[{activity}].figures"),
            Self::TooLong { path, .. } | Self::ControlCharacters { path } | Self::NotANumber { path } => {
                path.clone()
            }
        }
    }
}

impl Localized for ContentProblem {
    fn localized(&self, language: Language) -> String {
        let ja = language == Language::Ja;
        match self {
            Self::TooManyActivities if ja => format!("取組は{MAX_ACTIVITIES}件までです。"),
            Self::TooManyActivities => format!("A report holds at most {MAX_ACTIVITIES} activities."),
            Self::TooManyFigures { .. } if ja => {
                format!("実績の数値は1つの取組につき{MAX_FIGURES}件までです。")
            }
            Self::TooManyFigures { .. } => format!("An activity holds at most {MAX_FIGURES} figures."),
            Self::TooLong { max, .. } if ja => format!("{max}文字以内で入力してください。"),
            Self::TooLong { max, .. } => format!("Use at most {max} characters."),
            Self::ControlCharacters { .. } if ja => "使用できない制御文字が含まれています。".to_owned(),
            Self::ControlCharacters { .. } => "This text contains control characters.".to_owned(),
            Self::NotANumber { .. } if ja => "数値を入力してください。".to_owned(),
            Self::NotANumber { .. } => "Enter a number.".to_owned(),
        }
    }
}

fn check_text(text: &str, path: String, max: usize) -> Result<(), ContentProblem> {
    if text.chars().count() > max {
        return Err(ContentProblem::TooLong { path, max });
    }
    if text.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
        return Err(ContentProblem::ControlCharacters { path });
    }
    Ok(())
}

/// Checks what any draft may hold: sizes, characters and numbers. Completeness is not
/// required of a draft; see [`missing_for_submission`].
pub fn check_content(content: &ReportContent) -> Result<(), ContentProblem> {
    if content.activities.len() > MAX_ACTIVITIES {
        return Err(ContentProblem::TooManyActivities);
    }
    for (index, activity) in content.activities.iter().enumerate() {
        check_text(&activity.title, format!("activities[{index}].title"), MAX_SHORT_TEXT)?;
        check_text(&activity.description, format!("activities[{index}].description"), MAX_LONG_TEXT)?;
        if activity.figures.len() > MAX_FIGURES {
            return Err(ContentProblem::TooManyFigures { activity: index });
        }
        for (figure_index, figure) in activity.figures.iter().enumerate() {
            let path = |part: &str| format!("activities[{index}].figures[{figure_index}].{part}");
            check_text(&figure.name, path("name"), MAX_SHORT_TEXT)?;
            check_text(&figure.unit, path("unit"), MAX_SHORT_TEXT)?;
            for (part, value) in [("planned", figure.planned), ("actual", figure.actual)] {
                if value.is_some_and(|v| !v.is_finite()) {
                    return Err(ContentProblem::NotANumber { path: path(part) });
                }
            }
        }
    }
    let texts = [
        (ReportField::ResultsSummary, &content.results_summary),
        (ReportField::RatingReason, &content.rating_reason),
        (ReportField::Issues, &content.issues),
        (ReportField::NextStepReason, &content.next_step_reason),
    ];
    for (field, text) in texts {
        if let Some(text) = text {
            check_text(text, field.api_name().to_owned(), MAX_LONG_TEXT)?;
        }
    }
    Ok(())
}

/// Something a report must have before it is submitted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MissingPart {
    /// At least one activity.
    Activity,
    /// The activity at this (0-based) index has no title.
    ActivityTitle {
        /// The activity.
        index: usize,
    },
    /// The results summary.
    ResultsSummary,
    /// The self-rating.
    SelfRating,
    /// The reason, for a C or D rating.
    RatingReason,
    /// The next step.
    NextStep,
}

impl MissingPart {
    /// The input field to point at.
    pub fn path(self) -> String {
        match self {
            Self::Activity => "activities".to_owned(),
            Self::ActivityTitle { index } => format!("activities[{index}].title"),
            Self::ResultsSummary => "resultsSummary".to_owned(),
            Self::SelfRating => "selfRating".to_owned(),
            Self::RatingReason => "ratingReason".to_owned(),
            Self::NextStep => "nextStep".to_owned(),
        }
    }
}

impl Localized for MissingPart {
    fn localized(&self, language: Language) -> String {
        let ja = language == Language::Ja;
        match self {
            Self::Activity if ja => "取組を1件以上入力してください。".to_owned(),
            Self::Activity => "Add at least one activity.".to_owned(),
            Self::ActivityTitle { index } if ja => {
                format!("{}件目の取組に名称を入力してください。", index + 1)
            }
            Self::ActivityTitle { index } => format!("Give activity {} a title.", index + 1),
            Self::ResultsSummary if ja => "実績の概要を入力してください。".to_owned(),
            Self::ResultsSummary => "Summarise the results.".to_owned(),
            Self::SelfRating if ja => "自己評価（A〜D）を選んでください。".to_owned(),
            Self::SelfRating => "Choose a self-rating (A–D).".to_owned(),
            Self::RatingReason if ja => "自己評価がC・Dの場合は、その理由を入力してください。".to_owned(),
            Self::RatingReason => "Explain a C or D rating.".to_owned(),
            Self::NextStep if ja => "今後の方向性を選んでください。".to_owned(),
            Self::NextStep => "Choose the next step.".to_owned(),
        }
    }
}

fn blank(text: &Option<String>) -> bool {
    text.as_deref().is_none_or(|t| t.trim().is_empty())
}

/// What the report still lacks for submission, in form order; empty when it is complete.
pub fn missing_for_submission(content: &ReportContent) -> Vec<MissingPart> {
    let mut missing = Vec::new();
    if content.activities.is_empty() {
        missing.push(MissingPart::Activity);
    }
    for (index, activity) in content.activities.iter().enumerate() {
        if activity.title.trim().is_empty() {
            missing.push(MissingPart::ActivityTitle { index });
        }
    }
    if blank(&content.results_summary) {
        missing.push(MissingPart::ResultsSummary);
    }
    match content.self_rating {
        None => missing.push(MissingPart::SelfRating),
        Some(rating) if rating.requires_reason() && blank(&content.rating_reason) => {
            missing.push(MissingPart::RatingReason);
        }
        Some(_) => {}
    }
    if content.next_step.is_none() {
        missing.push(MissingPart::NextStep);
    }
    missing
}

/// The kind of a reporting period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PeriodKind {
    /// 中間報告 (around September).
    Interim,
    /// 年度末報告 (after 31 March).
    YearEnd,
    /// A quarter, 1 to 4 (四半期).
    Quarter(u8),
}

impl PeriodKind {
    /// The stable name of the kind.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Interim => "INTERIM",
            Self::YearEnd => "YEAR_END",
            Self::Quarter(_) => "QUARTER",
        }
    }

    /// The quarter's number, 0 for other kinds (part of a period's unique key).
    pub fn sequence(self) -> u8 {
        match self {
            Self::Quarter(number) => number,
            _ => 0,
        }
    }

    /// From the stable name and the sequence; quarters are 1 to 4.
    pub fn from_parts(kind: &str, sequence: u8) -> Option<Self> {
        match (kind, sequence) {
            ("INTERIM", _) => Some(Self::Interim),
            ("YEAR_END", _) => Some(Self::YearEnd),
            ("QUARTER", 1..=4) => Some(Self::Quarter(sequence)),
            _ => None,
        }
    }

    /// The position within a fiscal year: Q1, Q2, the interim report, Q3, Q4, year-end.
    pub fn order(self) -> u8 {
        match self {
            Self::Quarter(number) => number * 2,
            Self::Interim => 5,
            Self::YearEnd => 10,
        }
    }

    /// The label people read (`中間報告`, `第2四半期`).
    pub fn label(self, language: Language) -> String {
        match (self, language) {
            (Self::Interim, Language::Ja) => "中間報告".to_owned(),
            (Self::YearEnd, Language::Ja) => "年度末報告".to_owned(),
            (Self::Quarter(n), Language::Ja) => format!("第{n}四半期"),
            (Self::Interim, Language::En) => "Interim report".to_owned(),
            (Self::YearEnd, Language::En) => "Year-end report".to_owned(),
            (Self::Quarter(n), Language::En) => format!("Quarter {n}"),
        }
    }
}

/// Why a reporting period cannot be opened as asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodProblem {
    /// The fiscal year is outside the plan's period.
    OutsidePlan,
    /// The due date is before the opening date.
    DueBeforeOpening,
    /// The period opens before its fiscal year starts.
    OpensBeforeYear,
    /// The due date is implausibly far from the fiscal year (after the next one ends).
    DatesOutsideYear,
    /// A quarter number other than 1 to 4.
    InvalidQuarter,
}

impl PeriodProblem {
    /// The input field to point at.
    pub fn field(self) -> &'static str {
        match self {
            Self::OutsidePlan => "fiscalYear",
            Self::OpensBeforeYear => "opensOn",
            Self::DueBeforeOpening | Self::DatesOutsideYear => "dueOn",
            Self::InvalidQuarter => "quarter",
        }
    }
}

impl Localized for PeriodProblem {
    fn localized(&self, language: Language) -> String {
        let text = match (self, language) {
            (Self::OutsidePlan, Language::Ja) => "年度が計画期間の外です。",
            (Self::OutsidePlan, Language::En) => "The fiscal year is outside the plan period.",
            (Self::DueBeforeOpening, Language::Ja) => "提出期限は受付開始日以降にしてください。",
            (Self::DueBeforeOpening, Language::En) => "The due date must not be before the opening date.",
            (Self::OpensBeforeYear, Language::Ja) => {
                "受付開始日は当該年度の開始日（4月1日）以降にしてください。"
            }
            (Self::OpensBeforeYear, Language::En) => {
                "The opening date must not be before the fiscal year starts (1 April)."
            }
            (Self::DatesOutsideYear, Language::Ja) => {
                "日付は当該年度の開始日から翌年度末までの範囲にしてください。"
            }
            (Self::DatesOutsideYear, Language::En) => {
                "Dates must lie between the start of the fiscal year and the end of the next one."
            }
            (Self::InvalidQuarter, Language::Ja) => "四半期は1〜4で指定してください。",
            (Self::InvalidQuarter, Language::En) => "A quarter is 1 to 4.",
        };
        text.to_owned()
    }
}

/// Checks a period before it is opened. `plan_years` is the plan's first and last year.
pub fn check_period(
    plan_years: (FiscalYear, FiscalYear),
    fiscal_year: FiscalYear,
    kind: PeriodKind,
    opens_on: NaiveDate,
    due_on: NaiveDate,
) -> Result<(), PeriodProblem> {
    if let PeriodKind::Quarter(number) = kind
        && !(1..=4).contains(&number)
    {
        return Err(PeriodProblem::InvalidQuarter);
    }
    if fiscal_year < plan_years.0 || fiscal_year > plan_years.1 {
        return Err(PeriodProblem::OutsidePlan);
    }
    if due_on < opens_on {
        return Err(PeriodProblem::DueBeforeOpening);
    }
    let latest =
        FiscalYear::new(i64::from(fiscal_year.year()) + 1).map_or(fiscal_year.last_day(), |n| n.last_day());
    if opens_on < fiscal_year.first_day() {
        return Err(PeriodProblem::OpensBeforeYear);
    }
    if due_on > latest {
        return Err(PeriodProblem::DatesOutsideYear);
    }
    Ok(())
}

/// A reporting period of a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportingPeriod {
    /// Identity.
    pub id: PeriodId,
    /// The plan.
    pub plan_id: PlanId,
    /// The fiscal year reported on.
    pub fiscal_year: FiscalYear,
    /// Interim, year-end or a quarter.
    pub kind: PeriodKind,
    /// When writing opens.
    pub opens_on: NaiveDate,
    /// When reports are due (a calendar date in Japan).
    pub due_on: NaiveDate,
}

impl ReportingPeriod {
    /// `令和7年度 年度末報告` / `FY2025 (Reiwa 7) Year-end report`.
    pub fn label(&self, language: Language) -> String {
        format!("{} {}", self.fiscal_year.label(language), self.kind.label(language))
    }
}

/// An organisation's assignment to a direction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ownership {
    /// Identity of this assignment (a role change is a new assignment).
    pub id: OwnershipId,
    /// The direction.
    pub direction_id: DirectionId,
    /// The owner.
    pub organization_id: OrganizationId,
    /// Lead or co-owner.
    pub role: OwnerRole,
    /// When it began.
    pub assigned_at: DateTime<Utc>,
    /// Who assigned it (none: the system, such as the demo).
    pub assigned_by: Option<UserId>,
    /// When it ended, if it has.
    pub unassigned_at: Option<DateTime<Utc>>,
    /// Who ended it.
    pub unassigned_by: Option<UserId>,
}

/// A status report.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// Identity.
    pub id: ReportId,
    /// The period.
    pub period_id: PeriodId,
    /// The direction reported on.
    pub direction_id: DirectionId,
    /// The owner that writes it.
    pub organization_id: OrganizationId,
    /// Where it is in the workflow.
    pub status: ReportStatus,
    /// Incremented by every save; a save must name the version it started from.
    pub version: i32,
    /// What the writer filled in.
    pub content: ReportContent,
    /// The previous period's report its text was copied from, if any.
    pub copied_from: Option<ReportId>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
    /// By whom.
    pub updated_by: Option<UserId>,
    /// When it last reached the queue it waits in (the manager's or the reviewers').
    pub submitted_at: Option<DateTime<Utc>>,
    /// When a reviewer accepted it.
    pub accepted_at: Option<DateTime<Utc>>,
}

impl Report {
    /// What the permission model needs to know about it.
    pub fn reference(&self) -> ReportRef {
        ReportRef { organization_id: self.organization_id, status: self.status }
    }
}

/// An evidence file attached to a report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvidenceFile {
    /// Identity.
    pub id: EvidenceId,
    /// The report.
    pub report_id: ReportId,
    /// The name as uploaded (checked, never a path).
    pub file_name: String,
    /// The type detected from the content.
    pub content_type: String,
    /// Bytes.
    pub size: i64,
    /// SHA-256 of the content, hex: identical files are stored once.
    pub sha256: String,
    /// What the file shows.
    pub description: Option<String>,
    /// When it was attached.
    pub uploaded_at: DateTime<Utc>,
    /// By whom.
    pub uploaded_by: Option<UserId>,
}

/// Japan Standard Time (UTC+9, no daylight saving).
pub fn japan_time() -> FixedOffset {
    FixedOffset::east_opt(9 * 3600)
        .unwrap_or_else(|| FixedOffset::east_opt(0).unwrap_or_else(|| unreachable!()))
}

/// Today's date in Japan: due dates are calendar dates in Japan time.
pub fn today_in_japan(now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&japan_time()).date_naive()
}

/// Whether a report is overdue: still outstanding after its due date (in Japan).
pub fn is_overdue(status: ReportStatus, due_on: NaiveDate, today: NaiveDate) -> bool {
    status.is_outstanding() && today > due_on
}

#[cfg(test)]
mod tests;
