//! The evaluation as an Excel workbook, in the layout Japanese municipalities use for a
//! plan's annual evaluation (年度評価シート):
//!
//! - 「総括」 / "Summary": the plan, the fiscal year (`2025年度（令和7年度）`), the
//!   evaluation's status; the rating counts A–D and 未評価 per goal, per policy and for
//!   the plan, with the share rated A or B and its change from the previous year; the
//!   plan office's overall assessments (総括); how a rating is proposed, and what A–D
//!   mean.
//! - One sheet per goal (「基本目標1」 / "Goal 1"): a row per policy direction with its
//!   owners, rating, proposed rating and the reason for a change, and what the accepted
//!   year-end reports say (activities with their actors and figures, results, issues,
//!   next step); in the internal version, the owners whose report is missing or not
//!   accepted.
//! - 「目標値」 / "Indicators": every target indicator with its baseline, target, this
//!   year's value (「今年度は未測定」 when the survey was not held, never zero),
//!   achievement rate, expected value, grade and the previous period's trend.
//! - 「委員意見」 / "Opinions": the committee's opinions with the city's responses (市の考え方)
//!   and how they are reflected (反映状況).
//!
//! Every table has a bold, filled header row with the panes frozen under it, an
//! autofilter, widths that fit its content, and long texts wrapped; percentages show as
//! `0.0%`. Sheets print on A4 landscape, one page wide, with the header repeated. The
//! rows are the ones the CSV tables write (see [`super::csv`]), so both agree.
//!
//! Every text is written as a string cell, never as a formula, so a text that starts
//! with `=` stays a text.

use domain::{Language, evaluation::rating_rule, report::SelfRating};
use rust_xlsxwriter::{
    ColNum, Color, DocProperties, Format, FormatAlign, FormatBorder, RowNum, Workbook, Worksheet, XlsxError,
};

use super::{
    ExportContext,
    csv::{
        ColumnKind, Heading, INDICATOR_HEADERS, OPINION_HEADERS, ROLLUP_HEADERS, direction_headers,
        direction_rows, fiscal_year_label, indicator_rows, opinion_rows, rollup_rows, shows_internal, tr,
    },
};
use crate::{AnnualEvaluation, AppError, GoalEvaluation};

/// The workbook: the summary, one sheet per goal, the indicators and the opinions.
pub fn evaluation_xlsx(evaluation: &AnnualEvaluation, context: &ExportContext) -> Result<Vec<u8>, AppError> {
    write_workbook(evaluation, context).map_err(|error| AppError::internal(format!("XLSX export: {error}")))
}

/// Excel's limit on one cell's text, in UTF-16 units.
const MAX_CELL_TEXT: usize = 32_767;

/// Excel's tallest row, in points.
const MAX_ROW_HEIGHT: f64 = 409.0;

/// The height of one line of the default 11-point font, in points.
const LINE_HEIGHT: f64 = 15.0;

/// The formats of the workbook.
struct Formats {
    title: Format,
    header: Format,
    label: Format,
    text: Format,
    wrap: Format,
    bold_text: Format,
    count: Format,
    decimal: Format,
    general_number: Format,
    percent: Format,
    points: Format,
}

impl Formats {
    fn new(language: Language) -> Self {
        let cell = Format::new().set_border(FormatBorder::Thin).set_align(FormatAlign::Top);
        let points = match language {
            Language::Ja => r#"+0.0"ポイント";-0.0"ポイント";0.0"ポイント""#,
            Language::En => r#"+0.0" pt";-0.0" pt";0.0" pt""#,
        };
        Self {
            title: Format::new().set_bold().set_font_size(14),
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xDD_EB_F7))
                .set_border(FormatBorder::Thin)
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            label: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xF2_F2_F2))
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::Top),
            text: cell.clone(),
            wrap: cell.clone().set_text_wrap(),
            bold_text: cell.clone().set_bold(),
            count: cell.clone().set_num_format("0"),
            decimal: cell.clone().set_num_format("0.0"),
            general_number: cell.clone().set_num_format("General"),
            percent: cell.clone().set_num_format("0.0%"),
            points: cell.set_num_format(points),
        }
    }
}

fn write_workbook(evaluation: &AnnualEvaluation, context: &ExportContext) -> Result<Vec<u8>, XlsxError> {
    let language = context.language;
    let formats = Formats::new(language);
    let mut workbook = Workbook::new();
    let title = format!(
        "{} {}",
        evaluation.plan.name.get(language),
        fiscal_year_label(evaluation.evaluation.fiscal_year, language)
    );
    workbook.set_properties(&DocProperties::new().set_title(title).set_subject(tr(
        language,
        "年度評価",
        "Annual evaluation",
    )));
    let mut names = Vec::new();
    summary_sheet(workbook.add_worksheet(), evaluation, context, &formats, &mut names)?;
    for goal in &evaluation.goals {
        goal_sheet(workbook.add_worksheet(), evaluation, goal, context, &formats, &mut names)?;
    }
    indicator_sheet(workbook.add_worksheet(), evaluation, context, &formats, &mut names)?;
    opinion_sheet(workbook.add_worksheet(), evaluation, context, &formats, &mut names)?;
    workbook.save_to_buffer()
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, not starting or
/// ending with an apostrophe, and different from the names taken (compared as Excel
/// does, ignoring case).
fn sheet_name(wanted: &str, taken: &mut Vec<String>) -> String {
    let cleaned: String = wanted
        .chars()
        .map(|c| if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') { '_' } else { c })
        .collect();
    let cleaned = cleaned.trim_matches('\'');
    let base = if cleaned.trim().is_empty() { "Sheet" } else { cleaned };
    let mut number = 1;
    let name = loop {
        let suffix = if number == 1 { String::new() } else { format!(" ({number})") };
        let room = 31 - suffix.chars().count();
        let candidate: String = base.chars().take(room).collect::<String>() + &suffix;
        if !taken.iter().any(|t| t.to_lowercase() == candidate.to_lowercase()) {
            break candidate;
        }
        number += 1;
    };
    taken.push(name.clone());
    name
}

/// A text Excel takes in one cell: cut, with a mark, at Excel's limit.
fn fit(text: &str) -> String {
    if text.encode_utf16().count() <= MAX_CELL_TEXT {
        return text.to_owned();
    }
    let mark = "…";
    let mut units = 0;
    let mut cut = String::new();
    for c in text.chars() {
        units += c.len_utf16();
        if units > MAX_CELL_TEXT - mark.encode_utf16().count() {
            break;
        }
        cut.push(c);
    }
    cut + mark
}

/// A rough row height for a text in a merged range `width` characters wide (Excel does
/// not grow merged cells to fit): wide characters count twice.
fn text_height(text: &str, width: f64) -> f64 {
    let lines: f64 = text
        .split('\n')
        .map(|line| {
            let units: usize = line.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
            (units as f64 / width).ceil().max(1.0)
        })
        .sum();
    (lines * LINE_HEIGHT).clamp(LINE_HEIGHT, MAX_ROW_HEIGHT)
}

fn write_text(
    sheet: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    sheet.write_string_with_format(row, col, fit(text), format)?;
    Ok(())
}

/// A number, or an empty bordered cell without one.
fn write_number(
    sheet: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    value: Option<f64>,
    format: &Format,
) -> Result<(), XlsxError> {
    match value.filter(|v| v.is_finite()) {
        Some(value) => sheet.write_number_with_format(row, col, value, format)?,
        None => sheet.write_blank(row, col, format)?,
    };
    Ok(())
}

/// A text across `first..=last` columns of one row, the row tall enough to show it.
fn write_merged(
    sheet: &mut Worksheet,
    row: RowNum,
    (first, last): (ColNum, ColNum),
    width: f64,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    sheet.merge_range(row, first, row, last, &fit(text), format)?;
    sheet.set_row_height(row, text_height(text, width))?;
    Ok(())
}

/// The width of a column that holds `kind`, in characters of the default font.
fn column_width(kind: ColumnKind) -> f64 {
    match kind {
        ColumnKind::Code => 10.0,
        ColumnKind::Short => 12.0,
        ColumnKind::Name => 26.0,
        ColumnKind::Long => 44.0,
        ColumnKind::Count => 8.0,
        ColumnKind::Value | ColumnKind::Percent | ColumnKind::Points => 12.0,
    }
}

/// The title in the first row, the header in the second with the panes frozen under it
/// (and left of `frozen_columns`), the widths, the autofilter over `rows` data rows, and
/// the print setup.
fn table_frame(
    sheet: &mut Worksheet,
    title: &str,
    headings: &[Heading],
    rows: usize,
    frozen_columns: ColNum,
    language: Language,
    formats: &Formats,
) -> Result<(), XlsxError> {
    write_text(sheet, 0, 0, title, &formats.title)?;
    sheet.set_row_height(0, 24)?;
    for (col, heading) in (0..).zip(headings) {
        write_text(sheet, 1, col, heading.get(language), &formats.header)?;
        sheet.set_column_width(col, column_width(heading.kind()))?;
    }
    sheet.set_row_height(1, 32)?;
    sheet.set_freeze_panes(2, frozen_columns)?;
    let last_col = ColNum::try_from(headings.len().saturating_sub(1)).unwrap_or(ColNum::MAX);
    let last_row = RowNum::try_from(rows + 1).unwrap_or(RowNum::MAX);
    if rows > 0 {
        sheet.autofilter(1, 0, last_row, last_col)?;
    }
    print_setup(sheet);
    sheet.set_repeat_rows(1, 1)?;
    Ok(())
}

/// A4 landscape, one page wide.
fn print_setup(sheet: &mut Worksheet) {
    const A4: u8 = 9;
    sheet.set_paper_size(A4).set_landscape().set_print_fit_to_pages(1, 0);
}

fn summary_sheet(
    sheet: &mut Worksheet,
    evaluation: &AnnualEvaluation,
    context: &ExportContext,
    formats: &Formats,
    names: &mut Vec<String>,
) -> Result<(), XlsxError> {
    let language = context.language;
    sheet.set_name(sheet_name(tr(language, "総括", "Summary"), names))?;
    print_setup(sheet);
    let last_col = ColNum::try_from(ROLLUP_HEADERS.len() - 1).unwrap_or(ColNum::MAX);
    // The names of goals and policies get more room than a table's name column: the
    // texts merged across the sheet below need it too.
    let widths =
        ROLLUP_HEADERS.map(|h| if h.kind() == ColumnKind::Name { 40.0 } else { column_width(h.kind()) });
    for (col, width) in (0..).zip(widths) {
        sheet.set_column_width(col, width)?;
    }
    // The width of columns 1 to the last, for merged texts.
    let text_width: f64 = widths.iter().skip(1).sum();
    let year = fiscal_year_label(evaluation.evaluation.fiscal_year, language);
    let title = match language {
        Language::Ja => format!("{}　{}　年度評価", evaluation.plan.name.get(language), year),
        Language::En => format!("{}: annual evaluation, {}", evaluation.plan.name.get(language), year),
    };
    write_text(sheet, 0, 0, &title, &formats.title)?;
    sheet.set_row_height(0, 24)?;

    let facts = [
        (tr(language, "計画", "Plan"), evaluation.plan.name.get(language).to_owned()),
        (tr(language, "年度", "Fiscal year"), year),
        (tr(language, "状況", "Status"), evaluation.evaluation.status.label(language).to_owned()),
    ];
    let mut row: RowNum = 2;
    for (label, value) in facts {
        write_text(sheet, row, 0, label, &formats.label)?;
        sheet.merge_range(row, 1, row, last_col, &value, &formats.text)?;
        row += 1;
    }

    row += 1;
    write_text(sheet, row, 0, tr(language, "評価の集計", "Ratings"), &formats.title)?;
    row += 1;
    for (col, heading) in (0..).zip(&ROLLUP_HEADERS) {
        write_text(sheet, row, col, heading.get(language), &formats.header)?;
    }
    sheet.set_row_height(row, 32)?;
    row += 1;
    for rollup in rollup_rows(evaluation, language) {
        let strong = rollup.level != super::csv::Level::Policy;
        let text = if strong { &formats.bold_text } else { &formats.text };
        write_text(sheet, row, 0, rollup.level.label(language), text)?;
        write_text(sheet, row, 1, rollup.code.as_deref().unwrap_or(""), text)?;
        write_text(sheet, row, 2, &rollup.name, &formats.wrap)?;
        let counts = rollup.counts;
        let numbers = [counts.a, counts.b, counts.c, counts.d, counts.unrated, counts.total()];
        for (col, value) in (3..).zip(numbers) {
            write_number(sheet, row, col, Some(f64::from(value)), &formats.count)?;
        }
        let yoy = rollup.year_over_year;
        write_number(sheet, row, 9, counts.share_a_or_b(), &formats.percent)?;
        write_number(sheet, row, 10, yoy.and_then(|y| y.previous_share), &formats.percent)?;
        // The change is in percentage points: 0.05 is shown as +5.0 points.
        write_number(sheet, row, 11, yoy.and_then(|y| y.change).map(|c| c * 100.0), &formats.points)?;
        row += 1;
    }

    row += 1;
    write_text(sheet, row, 0, tr(language, "総括", "Overall assessment"), &formats.title)?;
    row += 1;
    let none = tr(language, "（未記入）", "(not written)");
    let mut assessments = vec![(
        super::csv::Level::Plan.label(language).to_owned(),
        evaluation.assessment.as_deref().unwrap_or(none),
    )];
    assessments.extend(evaluation.goals.iter().map(|goal| {
        let target = match language {
            Language::Ja => format!("基本目標{}", goal.goal.code),
            Language::En => format!("Goal {}", goal.goal.code),
        };
        (target, goal.assessment.as_deref().unwrap_or(none))
    }));
    for (target, text) in assessments {
        write_text(sheet, row, 0, &target, &formats.label)?;
        write_merged(sheet, row, (1, last_col), text_width, text, &formats.wrap)?;
        row += 1;
    }

    row += 1;
    write_text(sheet, row, 0, tr(language, "評価の考え方", "How ratings are proposed"), &formats.title)?;
    row += 1;
    write_merged(sheet, row, (0, last_col), text_width + widths[0], rating_rule(language), &formats.wrap)?;
    row += 1;
    for rating in SelfRating::ALL {
        write_text(sheet, row, 0, rating.as_str(), &formats.label)?;
        let meaning = match language {
            Language::Ja => format!("{}：{}", rating.label(language), rating.definition(language)),
            Language::En => format!("{}: {}", rating.label(language), rating.definition(language)),
        };
        write_merged(sheet, row, (1, last_col), text_width, &meaning, &formats.wrap)?;
        row += 1;
    }
    sheet.set_active(true);
    Ok(())
}

fn goal_sheet(
    sheet: &mut Worksheet,
    evaluation: &AnnualEvaluation,
    goal: &GoalEvaluation,
    context: &ExportContext,
    formats: &Formats,
    names: &mut Vec<String>,
) -> Result<(), XlsxError> {
    let language = context.language;
    let code = goal.goal.code.to_string();
    let wanted = match language {
        Language::Ja => format!("基本目標{code}"),
        Language::En => format!("Goal {code}"),
    };
    sheet.set_name(sheet_name(&wanted, names))?;
    let internal = shows_internal(evaluation, context);
    let headings = direction_headers(internal);
    let rows = direction_rows(goal, context, internal);
    let title = format!("{wanted}　{}", goal.goal.name.get(language));
    // The code and the direction's name stay in view when scrolling right.
    table_frame(sheet, &title, &headings, rows.len(), 2, language, formats)?;
    for (row, item) in (2..).zip(&rows) {
        let cells = [
            (&item.code, &formats.text),
            (&item.name, &formats.wrap),
            (&item.owners, &formats.wrap),
            (&item.rating, &formats.bold_text),
            (&item.proposed, &formats.text),
            (&item.override_reason, &formats.wrap),
            (&item.activities, &formats.wrap),
            (&item.results, &formats.wrap),
            (&item.issues, &formats.wrap),
            (&item.next_step, &formats.wrap),
        ];
        for (col, (text, format)) in (0..).zip(cells) {
            write_text(sheet, row, col, text, format)?;
        }
        if let Some(missing) = &item.missing {
            write_text(sheet, row, 10, missing, &formats.wrap)?;
        }
    }
    Ok(())
}

fn indicator_sheet(
    sheet: &mut Worksheet,
    evaluation: &AnnualEvaluation,
    context: &ExportContext,
    formats: &Formats,
    names: &mut Vec<String>,
) -> Result<(), XlsxError> {
    let language = context.language;
    sheet.set_name(sheet_name(tr(language, "目標値", "Indicators"), names))?;
    let rows = indicator_rows(evaluation, language);
    let title = match language {
        Language::Ja => {
            format!("目標値の進捗（{}）", fiscal_year_label(evaluation.evaluation.fiscal_year, language))
        }
        Language::En => {
            format!("Target indicators, {}", fiscal_year_label(evaluation.evaluation.fiscal_year, language))
        }
    };
    table_frame(sheet, &title, &INDICATOR_HEADERS, rows.len(), 3, language, formats)?;
    for (row, item) in (2..).zip(&rows) {
        let value_format = if item.is_percent { &formats.decimal } else { &formats.general_number };
        write_text(sheet, row, 0, &item.code, &formats.text)?;
        write_text(sheet, row, 1, &item.scope, &formats.text)?;
        write_text(sheet, row, 2, &item.name, &formats.wrap)?;
        write_text(sheet, row, 3, &item.unit, &formats.text)?;
        write_text(sheet, row, 4, &item.baseline_year, &formats.text)?;
        write_number(sheet, row, 5, Some(item.baseline), value_format)?;
        write_text(sheet, row, 6, &item.target_year, &formats.text)?;
        write_number(sheet, row, 7, Some(item.target), value_format)?;
        match item.value {
            Some(value) => write_number(sheet, row, 8, Some(value), value_format)?,
            None => write_text(
                sheet,
                row,
                8,
                domain::progress::ProgressGrade::NotMeasured.label(language),
                &formats.wrap,
            )?,
        }
        write_number(sheet, row, 9, item.achievement, &formats.percent)?;
        write_number(sheet, row, 10, Some(item.expected), &formats.decimal)?;
        write_text(sheet, row, 11, &item.grade, &formats.wrap)?;
        write_text(sheet, row, 12, &item.previous_trend, &formats.wrap)?;
        write_text(sheet, row, 13, &item.source, &formats.wrap)?;
    }
    Ok(())
}

fn opinion_sheet(
    sheet: &mut Worksheet,
    evaluation: &AnnualEvaluation,
    context: &ExportContext,
    formats: &Formats,
    names: &mut Vec<String>,
) -> Result<(), XlsxError> {
    let language = context.language;
    sheet.set_name(sheet_name(tr(language, "委員意見", "Opinions"), names))?;
    let rows = opinion_rows(evaluation, language);
    let title = match language {
        Language::Ja => "委員意見と市の考え方",
        Language::En => "The committee's opinions and the city's responses",
    };
    table_frame(sheet, title, &OPINION_HEADERS, rows.len(), 0, language, formats)?;
    for (row, item) in (2..).zip(&rows) {
        write_text(sheet, row, 0, &item.year, &formats.text)?;
        write_text(sheet, row, 1, item.target_code.as_deref().unwrap_or(""), &formats.text)?;
        write_text(sheet, row, 2, &item.target_name, &formats.wrap)?;
        write_text(sheet, row, 3, &item.body, &formats.wrap)?;
        write_text(sheet, row, 4, &item.response, &formats.wrap)?;
        write_text(sheet, row, 5, &item.reflection, &formats.wrap)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::io::{Cursor, Read};

    use super::*;
    use crate::export::csv::tests::sample;

    /// The named part of the workbook's zip archive, as text.
    fn part(bytes: &[u8], name: &str) -> String {
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap_or_else(|e| panic!("{e}"));
        let mut file = archive.by_name(name).unwrap_or_else(|e| panic!("{name}: {e}"));
        let mut text = String::new();
        file.read_to_string(&mut text).unwrap_or_else(|e| panic!("{e}"));
        text
    }

    fn sheet_names(workbook_xml: &str) -> Vec<String> {
        workbook_xml
            .split("<sheet ")
            .skip(1)
            .filter_map(|s| s.split("name=\"").nth(1).and_then(|s| s.split('"').next()))
            .map(str::to_owned)
            .collect()
    }

    /// Shared strings as Excel stores them (XML-escaped).
    fn escaped(text: &str) -> String {
        text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
    }

    #[test]
    fn workbook_has_the_municipal_layout_in_japanese() {
        let sample = sample();
        let bytes = evaluation_xlsx(&sample.evaluation, &sample.context).unwrap_or_else(|e| panic!("{e}"));
        assert!(bytes.starts_with(b"PK"), "an XLSX file is a zip archive");
        assert_eq!(
            sheet_names(&part(&bytes, "xl/workbook.xml")),
            ["総括", "基本目標1", "目標値", "委員意見"]
        );
        let strings = part(&bytes, "xl/sharedStrings.xml");
        for expected in [
            "2025年度（令和7年度）",
            "委員会審議中",
            "計画全体として概ね順調に推移している。",
            "施策の方向コード",
            "担当（主担当・関係課）",
            "未提出・未受理",
            "社会福祉協議会（提出済み）",
            "一部地区で未実施",
            "今年度は未測定",
            "市の考え方",
            "=SUM(A1) のような記述も、そのまま文字として残すこと。",
        ] {
            assert!(strings.contains(&escaped(expected)), "missing {expected:?}");
        }
        assert!(strings.contains("延べ120人が参加。\n「見守り」"), "long texts keep their line breaks");
        let goal = part(&bytes, "xl/worksheets/sheet2.xml");
        assert!(goal.contains(r#"<pane xSplit="2" ySplit="2""#), "panes frozen under the header");
        assert!(goal.contains("<autoFilter"));
        assert!(!goal.contains("<f>"), "texts are never formulas");
        let styles = part(&bytes, "xl/styles.xml");
        assert!(styles.contains(r#"formatCode="0.0%""#));
    }

    #[test]
    fn english_workbook_and_public_version() {
        let mut sample = sample();
        sample.context.language = domain::Language::En;
        sample.context.internal = false;
        let bytes = evaluation_xlsx(&sample.evaluation, &sample.context).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            sheet_names(&part(&bytes, "xl/workbook.xml")),
            ["Summary", "Goal 1", "Indicators", "Opinions"]
        );
        let strings = part(&bytes, "xl/sharedStrings.xml");
        assert!(strings.contains("FY2025 (Reiwa 7)"));
        assert!(strings.contains("Direction code"));
        assert!(!strings.contains("Missing or not accepted"), "the public version has no missing reports");
        assert!(!strings.contains("Submitted"));
    }

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let mut taken = Vec::new();
        assert_eq!(sheet_name("基本目標1", &mut taken), "基本目標1");
        assert_eq!(sheet_name("基本目標1", &mut taken), "基本目標1 (2)");
        assert_eq!(sheet_name("a/b:c[d]*?\\", &mut taken), "a_b_c_d____");
        let long = "あ".repeat(40);
        let name = sheet_name(&long, &mut taken);
        assert_eq!(name.chars().count(), 31);
        let again = sheet_name(&long, &mut taken);
        assert_eq!(again.chars().count(), 31);
        assert!(again.ends_with(" (2)"));
        assert_eq!(sheet_name("'quoted'", &mut taken), "quoted");
        assert_eq!(sheet_name("", &mut taken), "Sheet");
    }

    #[test]
    fn texts_fit_excel_cells() {
        let long = "あ".repeat(MAX_CELL_TEXT + 10);
        let fitted = fit(&long);
        assert!(fitted.encode_utf16().count() <= MAX_CELL_TEXT);
        assert!(fitted.ends_with('…'));
        assert_eq!(fit("短い"), "短い");
        let mut sample = sample();
        if let Some(report) = sample.evaluation.goals[0].directions[0].reports.first_mut() {
            report.content.results_summary = Some(long);
        }
        assert!(
            evaluation_xlsx(&sample.evaluation, &sample.context).is_ok(),
            "an overlong text does not fail the export"
        );
    }
}
