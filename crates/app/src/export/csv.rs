//! The evaluation's tables as CSV files, and the table rows the workbook shares.
//!
//! Every table of the workbook is also a CSV file: the rollups (`goals`), the directions,
//! the indicators and the committee's opinions. The files are what a municipal office
//! opens in Excel or loads into another system, so they are written for both:
//!
//! - UTF-8 with a byte order mark, which Excel needs to read UTF-8 (without it, Japanese
//!   Excel reads the file as Shift_JIS and shows mojibake); CRLF line ends.
//! - Fields with commas, quotes and line breaks are quoted by the `csv` crate and read
//!   back unchanged; a long text keeps its line breaks inside one cell.
//! - Codes (`1-2-3`, `1-2`, `1`, indicator codes) are written as `="1-2-3"`. Opened in
//!   Excel, a plain `1-2-3` becomes a date (2001/2/3) and `1-2` becomes 2 January, and
//!   the code is lost when the file is saved again; `="…"` is the form Excel (and
//!   LibreOffice and Google Sheets) read as the text itself. The cost falls on programs
//!   that read the file as plain CSV: they see `="1-2-3"` and must strip `="` and `"`.
//!   Only code columns take this form, so every other column is a plain value. (A
//!   leading tab or apostrophe would also stop the conversion, but would stay in the
//!   value for every reader, Excel included.)
//! - A text that starts like a formula (`=`, `+`, `-`, `@`) would run as one in Excel
//!   (CSV injection) or show `#NAME?`; such a text is written with a leading `'`, as
//!   the ownership CSV does.
//! - Numbers are plain numbers with a `.` decimal point; shares are percent with one
//!   decimal, and the header says so.

use std::io;

use domain::{
    FiscalYear, Language,
    evaluation::{Opinion, RatingCounts, YearOverYear},
    ids::OrganizationId,
    ownership::OwnerRole,
    plan::{Indicator, IndicatorUnit},
    progress::{ProgressGrade, Trend},
    report::{ActivityActor, Figure, Report, SelfRating},
};

use crate::{AnnualEvaluation, AppError, DirectionEvaluation, GoalEvaluation};

use super::ExportContext;

/// The tables an evaluation exports as CSV.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CsvTable {
    /// The rating counts per goal and policy, and for the whole plan, with the share
    /// rated A or B and its change from the previous year.
    Goals,
    /// One row per direction: owners, ratings, and what the accepted year-end reports
    /// say.
    Directions,
    /// One row per target indicator, with its progress in the year.
    Indicators,
    /// The committee's opinions and the city's responses.
    Opinions,
}

impl CsvTable {
    /// Every table, in the workbook's order.
    pub const ALL: [Self; 4] = [Self::Goals, Self::Directions, Self::Indicators, Self::Opinions];

    /// The name used in the download address (`?table=directions`) and file names.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Goals => "goals",
            Self::Directions => "directions",
            Self::Indicators => "indicators",
            Self::Opinions => "opinions",
        }
    }

    /// The inverse of [`Self::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|table| table.as_str() == text)
    }
}

/// One table of the evaluation as CSV: UTF-8 with a byte order mark, a header row in the
/// context's language, CRLF line ends. The directions table has a column of missing
/// reports only in the internal version (see [`ExportContext::internal`]).
pub fn evaluation_csv(
    evaluation: &AnnualEvaluation,
    context: &ExportContext,
    table: CsvTable,
) -> Result<Vec<u8>, AppError> {
    write_table(evaluation, context, table)
        .map_err(|error| AppError::internal(format!("CSV export of {}: {error}", table.as_str())))
}

const BOM: &[u8] = "\u{feff}".as_bytes();

fn write_table(
    evaluation: &AnnualEvaluation,
    context: &ExportContext,
    table: CsvTable,
) -> Result<Vec<u8>, ::csv::Error> {
    let language = context.language;
    let mut writer =
        ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(BOM.to_vec());
    match table {
        CsvTable::Goals => {
            writer.write_record(ROLLUP_HEADERS.iter().map(|h| h.csv(language)))?;
            for row in rollup_rows(evaluation, language) {
                let share =
                    |value: Option<f64>| value.map(|v| format!("{:.1}", v * 100.0)).unwrap_or_default();
                let yoy = row.year_over_year;
                let counts = row.counts;
                writer.write_record([
                    text(row.level.label(language)),
                    row.code.as_deref().map(code).unwrap_or_default(),
                    text(&row.name),
                    counts.a.to_string(),
                    counts.b.to_string(),
                    counts.c.to_string(),
                    counts.d.to_string(),
                    counts.unrated.to_string(),
                    counts.total().to_string(),
                    share(counts.share_a_or_b()),
                    share(yoy.and_then(|y| y.previous_share)),
                    yoy.and_then(|y| y.change).map(|c| format!("{:+.1}", c * 100.0)).unwrap_or_default(),
                ])?;
            }
        }
        CsvTable::Directions => {
            let internal = shows_internal(evaluation, context);
            writer.write_record(direction_headers(internal).iter().map(|h| h.csv(language)))?;
            for goal in &evaluation.goals {
                for row in direction_rows(goal, context, internal) {
                    let mut record = vec![
                        code(&row.code),
                        text(&row.name),
                        text(&row.owners),
                        text(&row.rating),
                        text(&row.proposed),
                        text(&row.override_reason),
                        text(&row.activities),
                        text(&row.results),
                        text(&row.issues),
                        text(&row.next_step),
                    ];
                    record.extend(row.missing.as_deref().map(text));
                    writer.write_record(&record)?;
                }
            }
        }
        CsvTable::Indicators => {
            writer.write_record(INDICATOR_HEADERS.iter().map(|h| h.csv(language)))?;
            for row in indicator_rows(evaluation, language) {
                writer.write_record([
                    code(&row.code),
                    text(&row.scope),
                    text(&row.name),
                    text(&row.unit),
                    text(&row.baseline_year),
                    number(row.baseline),
                    text(&row.target_year),
                    number(row.target),
                    row.value.map(number).unwrap_or_else(|| text(ProgressGrade::NotMeasured.label(language))),
                    row.achievement.map(|a| format!("{:.1}", a * 100.0)).unwrap_or_default(),
                    format!("{:.1}", row.expected),
                    text(&row.grade),
                    text(&row.previous_trend),
                    text(&row.source),
                ])?;
            }
        }
        CsvTable::Opinions => {
            writer.write_record(OPINION_HEADERS.iter().map(|h| h.csv(language)))?;
            for row in opinion_rows(evaluation, language) {
                writer.write_record([
                    text(&row.year),
                    row.target_code.as_deref().map(code).unwrap_or_default(),
                    text(&row.target_name),
                    text(&row.body),
                    text(&row.response),
                    text(&row.reflection),
                ])?;
            }
        }
    }
    writer.into_inner().map_err(|error| ::csv::Error::from(io::Error::other(error.to_string())))
}

/// A code as Excel keeps it: `="1-2-3"` (see the module documentation for why).
fn code(value: &str) -> String {
    format!("=\"{}\"", value.replace('"', "\"\""))
}

/// A text that cannot run as a formula when the file is opened in Excel.
fn text(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value.to_owned() }
}

/// A number without needless decimals: `85.3`, `9`, `-1.5`.
pub(super) fn number(value: f64) -> String {
    let fixed = format!("{value:.3}");
    let trimmed = fixed.trim_end_matches('0').trim_end_matches('.');
    if trimmed == "-0" { "0".to_owned() } else { trimmed.to_owned() }
}

// ---------------------------------------------------------------------------------------
// The table rows, shared with the workbook.
// ---------------------------------------------------------------------------------------

/// A column heading in both languages. The CSV heading of a percent column says that
/// its values are percent (the workbook shows them with a `%` format instead).
#[derive(Clone, Copy, Debug)]
pub(super) struct Heading {
    ja: &'static str,
    en: &'static str,
    kind: ColumnKind,
}

/// What a column holds, for its width and format in the workbook.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ColumnKind {
    /// A code.
    Code,
    /// A short label.
    Short,
    /// A name.
    Name,
    /// A long text that wraps.
    Long,
    /// A count.
    Count,
    /// A value in an indicator's unit.
    Value,
    /// A fraction shown as percent.
    Percent,
    /// A change in percentage points.
    Points,
}

impl Heading {
    const fn new(ja: &'static str, en: &'static str, kind: ColumnKind) -> Self {
        Self { ja, en, kind }
    }

    /// The heading in the workbook.
    pub(super) fn get(&self, language: Language) -> &'static str {
        match language {
            Language::Ja => self.ja,
            Language::En => self.en,
        }
    }

    /// What the column holds.
    pub(super) fn kind(&self) -> ColumnKind {
        self.kind
    }

    fn csv(&self, language: Language) -> String {
        let heading = self.get(language);
        match (self.kind, language) {
            (ColumnKind::Percent, Language::Ja) => format!("{heading}（%）"),
            (ColumnKind::Percent, Language::En) => format!("{heading} (%)"),
            (ColumnKind::Points, Language::Ja) => format!("{heading}（ポイント）"),
            (ColumnKind::Points, Language::En) => format!("{heading} (points)"),
            _ => heading.to_owned(),
        }
    }
}

/// Picks the text of the language.
pub(super) fn tr(language: Language, ja: &'static str, en: &'static str) -> &'static str {
    match language {
        Language::Ja => ja,
        Language::En => en,
    }
}

/// `2025年度（令和7年度）` / `FY2025 (Reiwa 7)`.
pub(super) fn fiscal_year_label(year: FiscalYear, language: Language) -> String {
    match language {
        Language::Ja => format!("{}年度（{}）", year.year(), year.label(language)),
        Language::En => year.label(language),
    }
}

/// Whether the internal parts are written: the context asks for them and the evaluation
/// was assembled for a reader who may see them.
pub(super) fn shows_internal(evaluation: &AnnualEvaluation, context: &ExportContext) -> bool {
    context.internal && evaluation.internal
}

/// The level a rollup row counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Level {
    /// The whole plan.
    Plan,
    /// A basic goal.
    Goal,
    /// A basic policy.
    Policy,
}

impl Level {
    /// 計画全体 / 基本目標 / 基本施策.
    pub(super) fn label(self, language: Language) -> &'static str {
        match self {
            Self::Plan => tr(language, "計画全体", "Whole plan"),
            Self::Goal => tr(language, "基本目標", "Goal"),
            Self::Policy => tr(language, "基本施策", "Policy"),
        }
    }
}

/// The rating counts of a goal, a policy or the plan.
#[derive(Clone, Debug)]
pub(super) struct RollupRow {
    /// The level.
    pub(super) level: Level,
    /// The goal's or policy's code; none for the plan.
    pub(super) code: Option<String>,
    /// Its name.
    pub(super) name: String,
    /// The counts.
    pub(super) counts: RatingCounts,
    /// The change from the previous year (goals and the plan only).
    pub(super) year_over_year: Option<YearOverYear>,
}

/// The headings of the rollup table.
pub(super) const ROLLUP_HEADERS: [Heading; 12] = [
    Heading::new("区分", "Level", ColumnKind::Short),
    Heading::new("コード", "Code", ColumnKind::Code),
    Heading::new("名称", "Name", ColumnKind::Name),
    Heading::new("A", "A", ColumnKind::Count),
    Heading::new("B", "B", ColumnKind::Count),
    Heading::new("C", "C", ColumnKind::Count),
    Heading::new("D", "D", ColumnKind::Count),
    Heading::new("未評価", "Unrated", ColumnKind::Count),
    Heading::new("評価済み", "Rated", ColumnKind::Count),
    Heading::new("A・B評価の割合", "Share rated A or B", ColumnKind::Percent),
    Heading::new("前年度のA・B評価の割合", "Previous year's share", ColumnKind::Percent),
    Heading::new("前年度比", "Change from previous year", ColumnKind::Points),
];

/// Each goal followed by its policies, then the whole plan.
pub(super) fn rollup_rows(evaluation: &AnnualEvaluation, language: Language) -> Vec<RollupRow> {
    let mut rows = Vec::new();
    for goal in &evaluation.goals {
        rows.push(RollupRow {
            level: Level::Goal,
            code: Some(goal.goal.code.to_string()),
            name: goal.goal.name.get(language).to_owned(),
            counts: goal.counts,
            year_over_year: Some(goal.year_over_year),
        });
        rows.extend(goal.policies.iter().map(|policy| RollupRow {
            level: Level::Policy,
            code: Some(policy.policy.code.to_string()),
            name: policy.policy.name.get(language).to_owned(),
            counts: policy.counts,
            year_over_year: None,
        }));
    }
    rows.push(RollupRow {
        level: Level::Plan,
        code: None,
        name: evaluation.plan.name.get(language).to_owned(),
        counts: evaluation.counts,
        year_over_year: Some(evaluation.year_over_year),
    });
    rows
}

/// One direction with what its reports say, as texts.
#[derive(Clone, Debug)]
pub(super) struct DirectionRow {
    /// `1-2-3`.
    pub(super) code: String,
    /// The name, marked when the direction is new in this plan.
    pub(super) name: String,
    /// The owners, the lead first.
    pub(super) owners: String,
    /// The rating that counts (`B`), or 未評価.
    pub(super) rating: String,
    /// The proposed rating, or 未評価.
    pub(super) proposed: String,
    /// Why the plan office changed the proposal.
    pub(super) override_reason: String,
    /// The activities with their actors and figures.
    pub(super) activities: String,
    /// The results in words, with each owner's self-rating.
    pub(super) results: String,
    /// The issues.
    pub(super) issues: String,
    /// The next step with its reason.
    pub(super) next_step: String,
    /// The owners whose year-end report is missing or not accepted, with its status
    /// (internal version only).
    pub(super) missing: Option<String>,
}

/// The headings of the direction table; the last column only in the internal version.
pub(super) fn direction_headers(internal: bool) -> Vec<Heading> {
    let mut headings = vec![
        Heading::new("施策の方向コード", "Direction code", ColumnKind::Code),
        Heading::new("施策の方向", "Policy direction", ColumnKind::Name),
        Heading::new("担当（主担当・関係課）", "Owners (lead first)", ColumnKind::Name),
        Heading::new("評価", "Rating", ColumnKind::Short),
        Heading::new("提案評価", "Proposed rating", ColumnKind::Short),
        Heading::new("変更理由", "Reason for change", ColumnKind::Long),
        Heading::new(
            "取組（実施主体・数値 計画/実績）",
            "Activities (actor; figures planned/actual)",
            ColumnKind::Long,
        ),
        Heading::new("実績", "Results", ColumnKind::Long),
        Heading::new("課題", "Issues", ColumnKind::Long),
        Heading::new("今後の方向性", "Next step", ColumnKind::Long),
    ];
    if internal {
        headings.push(Heading::new("未提出・未受理", "Missing or not accepted", ColumnKind::Name));
    }
    headings
}

/// The rows of a goal's directions, in plan order.
pub(super) fn direction_rows(
    goal: &GoalEvaluation,
    context: &ExportContext,
    internal: bool,
) -> Vec<DirectionRow> {
    let language = context.language;
    goal.directions
        .iter()
        .map(|item| {
            let direction = &item.direction;
            let mut name = direction.name.get(language).to_owned();
            if direction.is_new {
                name.push_str(tr(language, "（新規）", " (new)"));
            }
            let reports = &item.reports;
            DirectionRow {
                code: direction.code.to_string(),
                name,
                owners: owners_text(&direction_owners(item), context),
                rating: rating_text(item.rating(), language),
                proposed: rating_text(item.proposed, language),
                override_reason: item.overridden.as_ref().map(|o| o.reason.clone()).unwrap_or_default(),
                activities: per_report(reports, context, |r| activities_text(r, language)),
                results: per_report(reports, context, |r| results_text(r, language)),
                issues: per_report(reports, context, |r| r.content.issues.clone().unwrap_or_default()),
                next_step: per_report(reports, context, |r| next_step_text(r, language)),
                missing: internal.then(|| {
                    item.missing
                        .iter()
                        .map(|m| {
                            let name = organization_name(m.organization_id, context);
                            let status = m.status.label(language);
                            match language {
                                Language::Ja => format!("{name}（{status}）"),
                                Language::En => format!("{name} ({status})"),
                            }
                        })
                        .collect::<Vec<_>>()
                        .join("\n")
                }),
            }
        })
        .collect()
}

/// The organisations that own a direction, with their role where the evaluation says it.
///
/// The evaluation does not carry the direction's owner list, so the owners are gathered
/// from the reports behind it (accepted, then missing or not accepted), which between
/// them name every owner; their roles are not known from these, so none is marked lead.
/// Once [`DirectionEvaluation`] carries its owners with their roles, return those here:
/// [`owners_text`] already puts the lead first and marks it.
pub(super) fn direction_owners(item: &DirectionEvaluation) -> Vec<(OrganizationId, Option<OwnerRole>)> {
    let mut owners: Vec<(OrganizationId, Option<OwnerRole>)> =
        item.owners.iter().map(|(id, role)| (*id, Some(*role))).collect();
    // Owners since removed still reported for the year: they are listed too.
    let ids =
        item.reports.iter().map(|r| r.organization_id).chain(item.missing.iter().map(|m| m.organization_id));
    for id in ids {
        if !owners.iter().any(|(known, _)| *known == id) {
            owners.push((id, None));
        }
    }
    owners
}

/// `福祉課（主担当）、社会福祉協議会`: the lead first and marked, the others in the order
/// given.
pub(super) fn owners_text(owners: &[(OrganizationId, Option<OwnerRole>)], context: &ExportContext) -> String {
    let language = context.language;
    let mut ordered: Vec<_> = owners.iter().collect();
    // A stable sort: the lead moves to the front, the others keep their order.
    ordered.sort_by_key(|(_, role)| *role != Some(OwnerRole::Lead));
    ordered
        .into_iter()
        .map(|(id, role)| {
            let name = organization_name(*id, context);
            match (role, language) {
                (Some(OwnerRole::Lead), Language::Ja) => format!("{name}（主担当）"),
                (Some(OwnerRole::Lead), Language::En) => format!("{name} (lead)"),
                _ => name,
            }
        })
        .collect::<Vec<_>>()
        .join(tr(language, "、", ", "))
}

/// An organisation's name in the context's language.
pub(super) fn organization_name(id: OrganizationId, context: &ExportContext) -> String {
    context.organizations.get(&id).map_or_else(
        || tr(context.language, "（不明な組織）", "(unknown organisation)").to_owned(),
        |organization| organization.name.get(context.language).to_owned(),
    )
}

/// `B` for a rating, 未評価 / `Unrated` without one.
pub(super) fn rating_text(rating: Option<SelfRating>, language: Language) -> String {
    rating.map_or_else(|| tr(language, "未評価", "Unrated").to_owned(), |r| r.as_str().to_owned())
}

/// One text per report, each headed by its owner's name when there are several.
fn per_report(reports: &[Report], context: &ExportContext, part: impl Fn(&Report) -> String) -> String {
    let parts: Vec<(String, String)> = reports
        .iter()
        .map(|r| (organization_name(r.organization_id, context), part(r)))
        .filter(|(_, text)| !text.trim().is_empty())
        .collect();
    if reports.len() <= 1 {
        return parts.into_iter().map(|(_, text)| text).collect();
    }
    parts.into_iter().map(|(owner, text)| format!("【{owner}】\n{text}")).collect::<Vec<_>>().join("\n\n")
}

/// 市 / 社会福祉協議会 / 住民・団体との協働, as the report form names them.
pub(super) fn actor_label(actor: ActivityActor, language: Language) -> &'static str {
    match actor {
        ActivityActor::City => tr(language, "市", "The city"),
        ActivityActor::Council => tr(language, "社会福祉協議会", "The Council of Social Welfare"),
        ActivityActor::Joint => tr(language, "住民・団体との協働", "Jointly with residents or groups"),
    }
}

/// `・講座の開催（市）` with its description and figures, one activity after another.
fn activities_text(report: &Report, language: Language) -> String {
    report
        .content
        .activities
        .iter()
        .map(|activity| {
            let mut lines = vec![match activity.actor {
                Some(actor) => match language {
                    Language::Ja => format!("・{}（{}）", activity.title, actor_label(actor, language)),
                    Language::En => format!("• {} ({})", activity.title, actor_label(actor, language)),
                },
                None => format!("{}{}", tr(language, "・", "• "), activity.title),
            }];
            if !activity.description.trim().is_empty() {
                lines.push(format!("  {}", activity.description.trim()));
            }
            lines
                .extend(activity.figures.iter().map(|figure| format!("  {}", figure_text(figure, language))));
            lines.join("\n")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `参加者数：計画 100人／実績 120人`.
fn figure_text(figure: &Figure, language: Language) -> String {
    let value = |value: Option<f64>| {
        value.map_or_else(|| "—".to_owned(), |v| format!("{}{}", number(v), figure.unit))
    };
    match language {
        Language::Ja => {
            format!("{}：計画 {}／実績 {}", figure.name, value(figure.planned), value(figure.actual))
        }
        Language::En => {
            format!("{}: planned {} / actual {}", figure.name, value(figure.planned), value(figure.actual))
        }
    }
}

/// The results in words, then the self-rating and its reason.
fn results_text(report: &Report, language: Language) -> String {
    let content = &report.content;
    let mut parts = Vec::new();
    if let Some(summary) = content.results_summary.as_deref().filter(|s| !s.trim().is_empty()) {
        parts.push(summary.to_owned());
    }
    if let Some(rating) = content.self_rating {
        let mut line = match language {
            Language::Ja => format!("自己評価：{}（{}）", rating.as_str(), rating.label(language)),
            Language::En => format!("Self-rating: {} ({})", rating.as_str(), rating.label(language)),
        };
        if let Some(reason) = content.rating_reason.as_deref().filter(|s| !s.trim().is_empty()) {
            line.push_str(tr(language, "　", " — "));
            line.push_str(reason);
        }
        parts.push(line);
    }
    parts.join("\n")
}

/// `継続：理由`.
fn next_step_text(report: &Report, language: Language) -> String {
    let content = &report.content;
    let reason = content.next_step_reason.as_deref().filter(|s| !s.trim().is_empty());
    match (content.next_step, reason) {
        (Some(step), Some(reason)) => format!("{}{}{reason}", step.label(language), tr(language, "：", ": ")),
        (Some(step), None) => step.label(language).to_owned(),
        (None, Some(reason)) => reason.to_owned(),
        (None, None) => String::new(),
    }
}

/// One indicator with its progress.
#[derive(Clone, Debug)]
pub(super) struct IndicatorRow {
    /// The indicator's code.
    pub(super) code: String,
    /// 基本目標1 or 計画全体.
    pub(super) scope: String,
    /// What is measured.
    pub(super) name: String,
    /// `%` or the counted thing.
    pub(super) unit: String,
    /// The baseline's fiscal year.
    pub(super) baseline_year: String,
    /// The baseline value.
    pub(super) baseline: f64,
    /// The target's fiscal year.
    pub(super) target_year: String,
    /// The target value.
    pub(super) target: f64,
    /// This year's value; none when not measured.
    pub(super) value: Option<f64>,
    /// The achievement rate as a fraction.
    pub(super) achievement: Option<f64>,
    /// The value expected this year.
    pub(super) expected: f64,
    /// The grade's label.
    pub(super) grade: String,
    /// The change over the period before the plan.
    pub(super) previous_trend: String,
    /// Where the value comes from.
    pub(super) source: String,
    /// Whether values are percent (for the workbook's number format).
    pub(super) is_percent: bool,
}

/// The headings of the indicator table.
pub(super) const INDICATOR_HEADERS: [Heading; 14] = [
    Heading::new("コード", "Code", ColumnKind::Code),
    Heading::new("対象", "Scope", ColumnKind::Short),
    Heading::new("指標", "Indicator", ColumnKind::Long),
    Heading::new("単位", "Unit", ColumnKind::Short),
    Heading::new("基準年度", "Baseline year", ColumnKind::Short),
    Heading::new("基準値", "Baseline", ColumnKind::Value),
    Heading::new("目標年度", "Target year", ColumnKind::Short),
    Heading::new("目標値", "Target", ColumnKind::Value),
    Heading::new("今年度の値", "This year's value", ColumnKind::Value),
    Heading::new("達成率", "Achievement", ColumnKind::Percent),
    Heading::new("今年度の期待値", "Expected this year", ColumnKind::Value),
    Heading::new("評価", "Grade", ColumnKind::Short),
    Heading::new("前期の推移", "Previous period trend", ColumnKind::Name),
    Heading::new("出典", "Source", ColumnKind::Name),
];

/// Every indicator of the plan, in the evaluation's order.
pub(super) fn indicator_rows(evaluation: &AnnualEvaluation, language: Language) -> Vec<IndicatorRow> {
    evaluation
        .indicators
        .iter()
        .map(|item| {
            let indicator = &item.indicator;
            let scope = indicator
                .goal_id
                .and_then(|id| evaluation.goals.iter().find(|g| g.goal.id == id))
                .map_or_else(
                    || Level::Plan.label(language).to_owned(),
                    |g| match language {
                        Language::Ja => format!("基本目標{}", g.goal.code),
                        Language::En => format!("Goal {}", g.goal.code),
                    },
                );
            IndicatorRow {
                code: indicator.code.clone(),
                scope,
                name: indicator.name.get(language).to_owned(),
                unit: unit_text(indicator, language),
                baseline_year: indicator.baseline_fiscal_year.label(language),
                baseline: indicator.baseline_value,
                target_year: indicator.target_fiscal_year.label(language),
                target: indicator.target_value,
                value: item.progress.value,
                achievement: item.progress.achievement_rate,
                expected: item.progress.expected_value,
                grade: item.progress.grade.label(language).to_owned(),
                previous_trend: item
                    .previous_trend
                    .as_ref()
                    .map(|trend| trend_text(trend, indicator, language))
                    .unwrap_or_default(),
                source: item.source.clone().unwrap_or_else(|| indicator.source.get(language).to_owned()),
                is_percent: indicator.unit == IndicatorUnit::Percent,
            }
        })
        .collect()
}

/// `%`, or the counted thing (`組織`), or 件 / `count`.
fn unit_text(indicator: &Indicator, language: Language) -> String {
    match indicator.unit {
        IndicatorUnit::Percent => "%".to_owned(),
        IndicatorUnit::Count => indicator
            .unit_label
            .as_ref()
            .map_or_else(|| tr(language, "件", "count").to_owned(), |label| label.get(language).to_owned()),
    }
}

/// `平成27年度→令和2年度：-3.0ポイント（悪化）`.
fn trend_text(trend: &Trend, indicator: &Indicator, language: Language) -> String {
    let unit = match indicator.unit {
        IndicatorUnit::Percent => tr(language, "ポイント", " pt").to_owned(),
        IndicatorUnit::Count => match language {
            Language::Ja => unit_text(indicator, language),
            Language::En => format!(" {}", unit_text(indicator, language)),
        },
    };
    let change = format!("{}{}", if trend.change > 0.0 { "+" } else { "" }, number(trend.change));
    match language {
        Language::Ja => format!(
            "{}→{}：{change}{unit}（{}）",
            trend.from_year.label(language),
            trend.to_year.label(language),
            trend.direction.label(language)
        ),
        Language::En => format!(
            "FY{}→FY{}: {change}{unit} ({})",
            trend.from_year.year(),
            trend.to_year.year(),
            trend.direction.label(language)
        ),
    }
}

/// One committee opinion with the city's answer.
#[derive(Clone, Debug)]
pub(super) struct OpinionRow {
    /// The fiscal year of the evaluation it was given on.
    pub(super) year: String,
    /// The goal, policy or direction it is about; none for the whole plan.
    pub(super) target_code: Option<String>,
    /// That target's name, or 計画全体.
    pub(super) target_name: String,
    /// The opinion.
    pub(super) body: String,
    /// 市の考え方, or 未回答.
    pub(super) response: String,
    /// 反映状況.
    pub(super) reflection: String,
}

/// The headings of the opinion table.
pub(super) const OPINION_HEADERS: [Heading; 6] = [
    Heading::new("年度", "Fiscal year", ColumnKind::Short),
    Heading::new("対象コード", "Target code", ColumnKind::Code),
    Heading::new("対象", "Target", ColumnKind::Name),
    Heading::new("委員意見", "Committee opinion", ColumnKind::Long),
    Heading::new("市の考え方", "The city's response", ColumnKind::Long),
    Heading::new("反映状況", "Reflection", ColumnKind::Long),
];

/// The opinions in the evaluation's order.
pub(super) fn opinion_rows(evaluation: &AnnualEvaluation, language: Language) -> Vec<OpinionRow> {
    evaluation
        .opinions
        .iter()
        .map(|opinion: &Opinion| OpinionRow {
            year: opinion.fiscal_year.label(language),
            target_code: opinion.target_code.clone(),
            target_name: target_name(evaluation, opinion.target_code.as_deref(), language),
            body: opinion.body.clone(),
            response: opinion
                .response
                .clone()
                .unwrap_or_else(|| tr(language, "未回答", "Not yet answered").to_owned()),
            reflection: opinion.reflection.clone().unwrap_or_default(),
        })
        .collect()
}

/// The name of the goal, policy or direction with this code; 計画全体 for none.
fn target_name(evaluation: &AnnualEvaluation, code: Option<&str>, language: Language) -> String {
    let Some(code) = code else { return Level::Plan.label(language).to_owned() };
    for goal in &evaluation.goals {
        if goal.goal.code.to_string() == code {
            return goal.goal.name.get(language).to_owned();
        }
        if let Some(policy) = goal.policies.iter().find(|p| p.policy.code.to_string() == code) {
            return policy.policy.name.get(language).to_owned();
        }
        if let Some(direction) = goal.directions.iter().find(|d| d.direction.code.to_string() == code) {
            return direction.direction.name.get(language).to_owned();
        }
    }
    String::new()
}

#[cfg(test)]
pub(super) mod tests {
    //! A small evaluation built by hand, shared with the workbook's tests.

    use std::collections::HashMap;

    use chrono::Utc;
    use domain::{
        evaluation::{Evaluation, EvaluationStatus, RatingOverride},
        ids::{
            DirectionId, EvaluationId, GoalId, IndicatorId, OpinionId, PeriodId, PlanId, PolicyId, ReportId,
            UserId,
        },
        plan::{Bilingual, Goal, Organization, OrganizationKind, Plan, Policy, PolicyDirection},
        progress::{IndicatorPath, Tolerance},
        report::{Activity, NextStep, ReportContent, ReportStatus},
    };

    use super::*;
    use crate::{IndicatorEvaluation, MissingReport, PolicyEvaluation};

    /// An evaluation with the context to export it in.
    pub(in crate::export) struct Sample {
        /// The evaluation.
        pub(in crate::export) evaluation: AnnualEvaluation,
        /// The context, internal, in Japanese.
        pub(in crate::export) context: ExportContext,
    }

    /// A text with a comma, quotes and line breaks, as a writer might enter it.
    pub(in crate::export) const AWKWARD: &str =
        "研修会を3回開催し、延べ120人が参加。\n「見守り」の輪が広がった, \"特に\"若い世代に。";

    fn year(y: i64) -> FiscalYear {
        FiscalYear::new(y).unwrap_or_else(|_| unreachable!())
    }

    fn organization(code: &str, ja: &str, en: &str, kind: OrganizationKind) -> Organization {
        Organization {
            id: OrganizationId::generate(),
            code: code.to_owned(),
            name: Bilingual::new(ja, en),
            kind,
            is_sample: true,
        }
    }

    fn report(direction: DirectionId, organization: OrganizationId, content: ReportContent) -> Report {
        Report {
            id: ReportId::generate(),
            period_id: PeriodId::generate(),
            direction_id: direction,
            organization_id: organization,
            status: ReportStatus::Accepted,
            version: 3,
            content,
            copied_from: None,
            updated_at: Utc::now(),
            updated_by: None,
            submitted_at: Some(Utc::now()),
            accepted_at: Some(Utc::now()),
        }
    }

    /// One goal with one policy and two directions (one rated and overridden, one
    /// unrated with a missing report), two indicators (one not measured) and two
    /// opinions (one answered).
    pub(in crate::export) fn sample() -> Sample {
        let welfare =
            organization("fukushi", "社会福祉課", "Social Welfare Division", OrganizationKind::Department);
        let council =
            organization("shakyo", "社会福祉協議会", "Council of Social Welfare", OrganizationKind::Council);
        let plan_id = PlanId::generate();
        let plan = Plan {
            id: plan_id,
            code: "omitama-3".to_owned(),
            name: Bilingual::new("第3次小美玉市地域福祉計画", "The 3rd Omitama City Community Welfare Plan"),
            start_fiscal_year: year(2021),
            end_fiscal_year: year(2025),
            philosophy: Bilingual::new(
                "ぬくもりあふれるまちづくり",
                "Building a town overflowing with warmth",
            ),
            slogan: None,
        };
        let goal = Goal {
            id: GoalId::generate(),
            plan_id,
            code: "1".parse().unwrap_or_else(|_| unreachable!()),
            name: Bilingual::new("地域で共に支えあう あたたかな心づくり", "Nurturing warm hearts"),
        };
        let policy = Policy {
            id: PolicyId::generate(),
            plan_id,
            goal_id: goal.id,
            code: "1-2".parse().unwrap_or_else(|_| unreachable!()),
            name: Bilingual::new("地域でのふれあい、交流の場づくり", "Places for contact and exchange"),
        };
        let direction = |code: &str, ja: &str, en: &str, is_new: bool| PolicyDirection {
            id: DirectionId::generate(),
            plan_id,
            policy_id: policy.id,
            goal_id: goal.id,
            code: code.parse().unwrap_or_else(|_| unreachable!()),
            name: Bilingual::new(ja, en),
            is_new,
        };
        let first = direction("1-2-1", "世代間交流の推進", "Intergenerational exchange", false);
        let second =
            direction("1-2-3", "隣近所との交流への支援", "Support for neighbourly interaction", true);
        let content = ReportContent {
            activities: vec![Activity {
                title: "ふれあいサロン".to_owned(),
                description: "地区ごとにサロンを開催".to_owned(),
                actor: Some(ActivityActor::Joint),
                figures: vec![Figure {
                    name: "参加者数".to_owned(),
                    unit: "人".to_owned(),
                    planned: Some(100.0),
                    actual: Some(120.0),
                }],
            }],
            results_summary: Some(AWKWARD.to_owned()),
            self_rating: Some(SelfRating::A),
            rating_reason: None,
            issues: Some("-担い手の高齢化".to_owned()),
            next_step: Some(NextStep::Continue),
            next_step_reason: Some("参加者が増えているため".to_owned()),
            indicator_ids: Vec::new(),
        };
        let first_item = DirectionEvaluation {
            direction: first.clone(),
            proposed: Some(SelfRating::A),
            overridden: Some(RatingOverride {
                rating: SelfRating::B, reason: "一部地区で未実施".to_owned()
            }),
            reports: vec![report(first.id, welfare.id, content)],
            interim_reports: Vec::new(),
            missing: vec![MissingReport { organization_id: council.id, status: ReportStatus::Submitted }],
            owners: vec![(welfare.id, OwnerRole::Lead), (council.id, OwnerRole::CoOwner)],
        };
        let second_item = DirectionEvaluation {
            direction: second,
            proposed: None,
            overridden: None,
            reports: Vec::new(),
            interim_reports: Vec::new(),
            missing: vec![MissingReport { organization_id: welfare.id, status: ReportStatus::NotStarted }],
            owners: vec![(welfare.id, OwnerRole::Lead)],
        };
        let counts = RatingCounts { b: 1, unrated: 1, ..RatingCounts::default() };
        let previous = RatingCounts { c: 1, unrated: 1, ..RatingCounts::default() };
        let year_over_year = YearOverYear::between(&previous, &counts);
        let indicator = |code: &str, goal_id, unit, baseline, target, value: Option<f64>| {
            let indicator = Indicator {
                id: IndicatorId::generate(),
                plan_id,
                goal_id,
                code: code.to_owned(),
                name: Bilingual::new(format!("指標{code}"), format!("Indicator {code}")),
                unit,
                unit_label: (unit == IndicatorUnit::Count).then(|| Bilingual::new("組織", "organisations")),
                baseline_value: baseline,
                baseline_fiscal_year: year(2020),
                target_value: target,
                target_fiscal_year: year(2025),
                source: Bilingual::new("市民意識調査", "Resident survey"),
                source_organization_id: None,
            };
            let path = IndicatorPath::from_indicator(&indicator);
            IndicatorEvaluation {
                progress: path.progress(year(2025), value, Tolerance::NONE),
                previous_trend: Some(path.previous_trend((year(2015), baseline + 1.0))),
                indicator,
                source: None,
            }
        };
        let indicators = vec![
            indicator("I9", Some(goal.id), IndicatorUnit::Count, 9.0, 12.0, Some(10.0)),
            indicator("I10", None, IndicatorUnit::Percent, 41.2, 50.0, None),
        ];
        let evaluation_id = EvaluationId::generate();
        let opinion = |target: Option<&str>, body: &str, response: Option<&str>| Opinion {
            id: OpinionId::generate(),
            evaluation_id,
            fiscal_year: year(2025),
            target_code: target.map(str::to_owned),
            body: body.to_owned(),
            author_id: UserId::generate(),
            created_at: Utc::now(),
            response: response.map(str::to_owned),
            reflection: response.map(|_| "次年度の事業計画に反映".to_owned()),
            responded_at: response.map(|_| Utc::now()),
        };
        let evaluation = AnnualEvaluation {
            evaluation: Evaluation {
                id: evaluation_id,
                plan_id,
                fiscal_year: year(2025),
                status: EvaluationStatus::InCommittee,
                compiled_at: Utc::now(),
                finalized_at: None,
                published_at: None,
            },
            goals: vec![GoalEvaluation {
                counts,
                year_over_year,
                policies: vec![PolicyEvaluation { policy: policy.clone(), counts }],
                directions: vec![first_item, second_item],
                indicators: indicators[..1].to_vec(),
                assessment: Some("交流の場は広がりつつある。".to_owned()),
                goal,
            }],
            plan,
            counts,
            year_over_year,
            indicators,
            opinions: vec![
                opinion(Some("1-2-3"), "=SUM(A1) のような記述も、そのまま文字として残すこと。", None),
                opinion(None, AWKWARD, Some("ご意見を踏まえ、周知を強化します。")),
            ],
            assessment: Some("計画全体として概ね順調に推移している。".to_owned()),
            internal: true,
        };
        let organizations: HashMap<_, _> = [welfare, council].into_iter().map(|o| (o.id, o)).collect();
        Sample {
            evaluation,
            context: ExportContext { organizations, language: Language::Ja, internal: true },
        }
    }

    fn read(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
        let body = bytes.strip_prefix(BOM).unwrap_or_else(|| panic!("no BOM: {:?}", &bytes[..8]));
        let mut reader = ::csv::ReaderBuilder::new().has_headers(true).from_reader(body);
        let header = reader.headers().unwrap_or_else(|e| panic!("{e}")).iter().map(str::to_owned).collect();
        let rows = reader
            .records()
            .map(|r| r.unwrap_or_else(|e| panic!("{e}")).iter().map(str::to_owned).collect())
            .collect();
        (header, rows)
    }

    fn export(sample: &Sample, table: CsvTable) -> (Vec<String>, Vec<Vec<String>>) {
        let bytes =
            evaluation_csv(&sample.evaluation, &sample.context, table).unwrap_or_else(|e| panic!("{e}"));
        assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "every table starts with the UTF-8 BOM");
        assert!(bytes.windows(2).any(|w| w == b"\r\n"), "CRLF line ends");
        read(&bytes)
    }

    #[test]
    fn table_names_round_trip() {
        for table in CsvTable::ALL {
            assert_eq!(CsvTable::parse(table.as_str()), Some(table));
        }
        assert_eq!(CsvTable::parse("directions"), Some(CsvTable::Directions));
        assert_eq!(CsvTable::parse("Directions"), None);
        assert_eq!(CsvTable::parse(""), None);
    }

    #[test]
    fn directions_table_has_one_row_per_direction_and_keeps_awkward_text() {
        let sample = sample();
        let (header, rows) = export(&sample, CsvTable::Directions);
        assert_eq!(
            header,
            [
                "施策の方向コード",
                "施策の方向",
                "担当（主担当・関係課）",
                "評価",
                "提案評価",
                "変更理由",
                "取組（実施主体・数値 計画/実績）",
                "実績",
                "課題",
                "今後の方向性",
                "未提出・未受理",
            ]
        );
        assert_eq!(rows.len(), 2);
        let first = &rows[0];
        assert_eq!(first[0], "=\"1-2-1\"", "codes are kept as text for Excel");
        assert_eq!(first[1], "世代間交流の推進");
        assert_eq!(first[2], "社会福祉課（主担当）、社会福祉協議会", "the lead first and marked");
        assert_eq!((first[3].as_str(), first[4].as_str()), ("B", "A"));
        assert_eq!(first[5], "一部地区で未実施");
        assert_eq!(
            first[6],
            "・ふれあいサロン（住民・団体との協働）\n  地区ごとにサロンを開催\n  参加者数：計画 100人／実績 120人"
        );
        assert_eq!(
            first[7],
            format!("{AWKWARD}\n自己評価：A（達成）"),
            "commas, quotes and newlines round-trip"
        );
        assert_eq!(first[8], "'-担い手の高齢化", "a text that starts like a formula is defused");
        assert_eq!(first[9], "継続：参加者が増えているため");
        assert_eq!(first[10], "社会福祉協議会（提出済み）");
        let second = &rows[1];
        assert_eq!(second[0], "=\"1-2-3\"");
        assert_eq!(second[1], "隣近所との交流への支援（新規）");
        assert_eq!((second[3].as_str(), second[4].as_str()), ("未評価", "未評価"));
        assert_eq!(second[10], "社会福祉課（未着手）");
    }

    #[test]
    fn public_directions_table_leaves_out_missing_reports() {
        let mut sample = sample();
        sample.context.internal = false;
        let (header, rows) = export(&sample, CsvTable::Directions);
        assert_eq!(header.len(), 10);
        assert!(!header.iter().any(|h| h == "未提出・未受理"));
        assert!(rows.iter().all(|r| r.len() == 10));
        // An evaluation assembled for a public reader stays public whatever the context says.
        let mut sample = self::sample();
        sample.evaluation.internal = false;
        assert_eq!(export(&sample, CsvTable::Directions).0.len(), 10);
    }

    #[test]
    fn goals_table_rolls_up_goals_policies_and_the_plan() {
        let sample = sample();
        let (header, rows) = export(&sample, CsvTable::Goals);
        assert_eq!(header[9], "A・B評価の割合（%）");
        assert_eq!(header[11], "前年度比（ポイント）");
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0][..3], ["基本目標", "=\"1\"", "地域で共に支えあう あたたかな心づくり"]);
        assert_eq!(rows[0][3..], ["0", "1", "0", "0", "1", "1", "100.0", "0.0", "+100.0"]);
        assert_eq!(rows[1][..3], ["基本施策", "=\"1-2\"", "地域でのふれあい、交流の場づくり"]);
        assert_eq!(rows[1][10..], ["", ""], "policies have no year-over-year change");
        assert_eq!(rows[2][..3], ["計画全体", "", "第3次小美玉市地域福祉計画"]);
    }

    #[test]
    fn indicators_table_shows_progress_and_unmeasured_years() {
        let sample = sample();
        let (header, rows) = export(&sample, CsvTable::Indicators);
        assert_eq!(header[9], "達成率（%）");
        assert_eq!(rows.len(), 2);
        let count = &rows[0];
        assert_eq!(count[..4], ["=\"I9\"", "基本目標1", "指標I9", "組織"]);
        assert_eq!(count[4..12], ["令和2年度", "9", "令和7年度", "12", "10", "33.3", "12.0", "遅れ"]);
        assert_eq!(count[12], "平成27年度→令和2年度：-1組織（悪化）");
        let percent = &rows[1];
        assert_eq!(percent[1], "計画全体");
        assert_eq!(percent[3], "%");
        assert_eq!(percent[8], "今年度は未測定");
        assert_eq!(percent[9], "");
        assert_eq!(percent[11], "今年度は未測定");
        assert_eq!(percent[13], "市民意識調査");
    }

    #[test]
    fn opinions_table_keeps_formulas_as_text() {
        let sample = sample();
        let (header, rows) = export(&sample, CsvTable::Opinions);
        assert_eq!(header, ["年度", "対象コード", "対象", "委員意見", "市の考え方", "反映状況"]);
        assert_eq!(rows[0][..3], ["令和7年度", "=\"1-2-3\"", "隣近所との交流への支援"]);
        assert_eq!(rows[0][3], "'=SUM(A1) のような記述も、そのまま文字として残すこと。");
        assert_eq!(rows[0][4], "未回答");
        assert_eq!(rows[1][1..4], ["", "計画全体", AWKWARD]);
        assert_eq!(rows[1][5], "次年度の事業計画に反映");
    }

    #[test]
    fn english_headings_and_labels() {
        let mut sample = sample();
        sample.context.language = Language::En;
        let (header, rows) = export(&sample, CsvTable::Directions);
        assert_eq!(header[0], "Direction code");
        assert_eq!(rows[0][2], "Social Welfare Division (lead), Council of Social Welfare");
        assert_eq!(rows[1][1], "Support for neighbourly interaction (new)");
        assert_eq!(rows[1][3], "Unrated");
        assert_eq!(rows[0][10], "Council of Social Welfare (Submitted)");
        let (header, _) = export(&sample, CsvTable::Goals);
        assert_eq!(header[9], "Share rated A or B (%)");
    }

    #[test]
    fn owners_put_the_lead_first() {
        let sample = sample();
        let ids: Vec<OrganizationId> = {
            let mut ids: Vec<_> = sample.context.organizations.values().collect();
            ids.sort_by_key(|o| o.code.clone());
            ids.into_iter().map(|o| o.id).collect()
        };
        // fukushi, shakyo: the Council leads.
        let owners = [(ids[0], Some(OwnerRole::CoOwner)), (ids[1], Some(OwnerRole::Lead))];
        assert_eq!(owners_text(&owners, &sample.context), "社会福祉協議会（主担当）、社会福祉課");
        let english = ExportContext { language: Language::En, ..sample.context.clone() };
        assert_eq!(
            owners_text(&owners, &english),
            "Council of Social Welfare (lead), Social Welfare Division"
        );
        assert_eq!(owners_text(&[(OrganizationId::generate(), None)], &sample.context), "（不明な組織）");
    }

    #[test]
    fn numbers_drop_needless_decimals() {
        assert_eq!(number(85.3), "85.3");
        assert_eq!(number(9.0), "9");
        assert_eq!(number(-1.5), "-1.5");
        assert_eq!(number(10.200_000_000_000_001), "10.2");
        assert_eq!(number(-0.000_1), "0");
    }

    #[test]
    fn fiscal_year_labels() {
        assert_eq!(fiscal_year_label(year(2025), Language::Ja), "2025年度（令和7年度）");
        assert_eq!(fiscal_year_label(year(2019), Language::Ja), "2019年度（令和元年度）");
        assert_eq!(fiscal_year_label(year(2025), Language::En), "FY2025 (Reiwa 7)");
    }
}
