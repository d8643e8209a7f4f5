//! The annual evaluation as a printable PDF: A4 portrait, in Japanese (or English), with
//! the Japanese font shipped with the product so that the PDF is the same on every
//! machine.
//!
//! # What it holds
//!
//! A cover (plan, fiscal year, status, dates), a table of contents with page numbers and
//! links (and the same entries as PDF bookmarks), then the sections: the overall
//! assessment (総括) with the rating counts of the plan and of each goal, the share rated
//! A or B and its change from the previous year, and a chart of the ratings per goal; one
//! section per goal with its assessment, its directions (owners, rating, the accepted
//! year-end reports: activities, results, issues, next step); the target indicators
//! (目標値) with a chart of each one's achievement rate against the expected position on
//! the straight path and a table; and the committee's opinions with the city's responses
//! (委員意見と市の考え方). Every page but the cover has a running header and `n / N` in
//! its footer. Missing reports appear only in the internal version.
//!
//! # Why krilla
//!
//! [krilla](https://docs.rs/krilla) (by the authors of typst) writes PDF with TrueType
//! fonts subset to the glyphs used (the 6 MB IPAexGothic adds tens of kilobytes to a
//! PDF), a correct text layer (`ToUnicode`, so the text can be searched and copied),
//! vector paths for the charts, links, bookmarks and metadata. It is used with its default
//! features off (no image decoders, no shaping engine): Japanese needs no shaping, so the
//! [`text`] module places one glyph per character from the font's tables (read with
//! skrifa, which krilla itself uses) and measures lines with the same advances it draws
//! them with. printpdf 0.8 subsets fonts too (with allsorts), but always brings an image
//! codec crate, lopdf and svg2pdf (with an SVG parser), and by default an HTML and layout
//! engine (azul); later versions (0.12) more of the same, for nothing this export needs.
//!
//! # How it is laid out
//!
//! The sections are laid out first into pages of drawing operations ([`layout`]); the
//! table of contents is laid out after them, when their pages are known, and placed
//! before them; headers, footers and the total page count are added last, and only then
//! is the PDF written.

mod charts;
mod layout;
mod text;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use domain::{
    FiscalYear, Language,
    evaluation::{Opinion, RatingCounts, YearOverYear, rating_rule},
    ids::OrganizationId,
    ownership::OwnerRole,
    plan::{Indicator, IndicatorUnit},
    report::{Report, SelfRating, japan_time},
};
use krilla::{
    destination::XyzDestination,
    geom::Point,
    metadata::Metadata,
    outline::{Outline, OutlineNode},
};

use self::{
    charts::{RatingBar, grade_color, rating_colors},
    layout::{
        Align, Anchor, BODY_SIZE, BODY_WIDTH, Cell, Column, Flow, Link, MARGIN_X, Op, PAGE_HEIGHT,
        PAGE_WIDTH, Page, Rgb, Table,
    },
    text::Typeface,
};
use super::ExportContext;
use crate::{AnnualEvaluation, AppError, DirectionEvaluation, GoalEvaluation, IndicatorEvaluation};

/// The evaluation as a PDF: A4 portrait, with a cover, a table of contents, charts and
/// page numbers, in `context.language`.
pub fn evaluation_pdf(evaluation: &AnnualEvaluation, context: &ExportContext) -> Result<Vec<u8>, AppError> {
    let face = Typeface::load()?;
    let writer = Writer {
        evaluation,
        context,
        language: context.language,
        internal: context.internal && evaluation.internal,
    };
    writer.write(&face)
}

/// The text in the reader's language.
fn tr(language: Language, ja: &str, en: &str) -> String {
    match language {
        Language::Ja => ja.to_owned(),
        Language::En => en.to_owned(),
    }
}

/// `2025年度（令和7年度）`, `FY2025 (Reiwa 7)`.
fn fiscal_year_label(year: FiscalYear, language: Language) -> String {
    match language {
        Language::Ja => format!("{}年度（{}）", year.year(), year.label(language)),
        Language::En => year.label(language),
    }
}

/// A date in Japan time: `2026年3月31日`, `31 March 2026`.
fn date_label(at: DateTime<Utc>, language: Language) -> String {
    let local = at.with_timezone(&japan_time());
    match language {
        Language::Ja => local.format("%Y年%-m月%-d日").to_string(),
        Language::En => local.format("%-d %B %Y").to_string(),
    }
}

/// A share as a percentage with one decimal: `75.0%`; `—` for none.
fn percent(share: Option<f64>) -> String {
    share.map_or_else(|| "—".to_owned(), |share| format!("{:.1}%", share * 100.0))
}

/// A change of share in percentage points: `+5.0pt`.
fn points(change: Option<f64>, language: Language) -> String {
    change.map_or_else(
        || "—".to_owned(),
        |change| {
            let value = change * 100.0;
            let sign = if value > 0.05 {
                "+"
            } else if value < -0.05 {
                "−"
            } else {
                "±"
            };
            match language {
                Language::Ja => format!("{sign}{:.1}ポイント", value.abs()),
                Language::En => format!("{sign}{:.1} pt", value.abs()),
            }
        },
    )
}

/// An indicator's value in its unit: `85.3%`, `9組織`, `9 organisations`.
fn format_value(indicator: &Indicator, value: f64, language: Language) -> String {
    match indicator.unit {
        IndicatorUnit::Percent => format!("{value:.1}%"),
        IndicatorUnit::Count => {
            let number =
                if value.fract().abs() < 1e-9 { format!("{value:.0}") } else { format!("{value:.1}") };
            match (&indicator.unit_label, language) {
                (Some(label), Language::Ja) => format!("{number}{}", label.get(language)),
                (Some(label), Language::En) => format!("{number} {}", label.get(language)),
                (None, _) => number,
            }
        }
    }
}

/// `A（達成）`, `A (Achieved)`.
fn rating_label(rating: SelfRating, language: Language) -> String {
    match language {
        Language::Ja => format!("{}（{}）", rating.as_str(), rating.label(language)),
        Language::En => format!("{} ({})", rating.as_str(), rating.label(language)),
    }
}

/// One entry of the table of contents and of the bookmarks.
struct Entry {
    title: String,
    level: u8,
    at: Anchor,
}

struct Writer<'a> {
    evaluation: &'a AnnualEvaluation,
    context: &'a ExportContext,
    language: Language,
    internal: bool,
}

impl Writer<'_> {
    fn tr(&self, ja: &str, en: &str) -> String {
        tr(self.language, ja, en)
    }

    fn organization(&self, id: OrganizationId) -> String {
        self.context.organizations.get(&id).map_or_else(
            || self.tr("（不明な担当）", "(unknown owner)"),
            |o| o.name.get(self.language).to_owned(),
        )
    }

    /// The owners of a direction: those that reported and those that owe a report,
    /// departments before the Council, each once. (The evaluation does not say which
    /// owner leads; with the owner roles in the data the lead would come first.)
    fn owners(&self, direction: &DirectionEvaluation) -> Vec<String> {
        // The current owners, lead first; then any former owner that still reported.
        let mut ids: Vec<OrganizationId> = direction.owners.iter().map(|(id, _)| *id).collect();
        let reported = direction.reports.iter().map(|r| r.organization_id);
        for id in reported.chain(direction.missing.iter().map(|m| m.organization_id)) {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        let lead = direction.owners.iter().find(|(_, role)| *role == OwnerRole::Lead).map(|(id, _)| *id);
        ids.into_iter()
            .map(|id| {
                let name = self.organization(id);
                if Some(id) == lead {
                    self.tr(&format!("{name}（主担当）"), &format!("{name} (lead)"))
                } else {
                    name
                }
            })
            .collect()
    }

    fn title(&self) -> String {
        self.tr("地域福祉計画 年度評価", "Community Welfare Plan — Annual Evaluation")
    }

    fn year_label(&self) -> String {
        fiscal_year_label(self.evaluation.evaluation.fiscal_year, self.language)
    }

    fn goal_title(&self, goal: &GoalEvaluation) -> String {
        match self.language {
            Language::Ja => format!("基本目標{}", goal.goal.code),
            Language::En => format!("Goal {}", goal.goal.code),
        }
    }

    fn write(&self, face: &Typeface) -> Result<Vec<u8>, AppError> {
        // The sections, numbered from the first page after the table of contents.
        let mut body = Flow::new(face);
        let mut entries = Vec::new();
        let mut number = 1;
        self.summary(&mut body, &mut entries, number);
        for goal in &self.evaluation.goals {
            number += 1;
            self.goal(&mut body, &mut entries, goal, number);
        }
        number += 1;
        self.indicators(&mut body, &mut entries, number);
        number += 1;
        self.opinions(&mut body, &mut entries, number);

        // The table of contents needs as many pages as it needs whatever the numbers in
        // it, so laying it out once tells where the sections start.
        let toc_pages = self.contents(face, &entries).len();
        let offset = 1 + toc_pages;
        for entry in &mut entries {
            entry.at.page += offset;
        }
        let mut pages = vec![self.cover(face)];
        pages.extend(self.contents(face, &entries));
        pages.extend(body.pages);
        let total = pages.len();
        for (index, page) in pages.iter_mut().enumerate().skip(1) {
            self.decorate(face, page, index, total);
        }

        let mut outline = Outline::new();
        let mut current: Option<OutlineNode> = None;
        let destination =
            |at: Anchor| XyzDestination::new(at.page, Point::from_xy(0.0, (at.y - 12.0).max(0.0)));
        for entry in &entries {
            let node = OutlineNode::new(entry.title.clone(), destination(entry.at));
            if entry.level == 1 {
                if let Some(done) = current.take() {
                    outline.push_child(done);
                }
                current = Some(node);
            } else if let Some(parent) = current.as_mut() {
                parent.push_child(node);
            }
        }
        if let Some(done) = current {
            outline.push_child(done);
        }
        let metadata = Metadata::new()
            .title(format!(
                "{} {} {}",
                self.evaluation.plan.name.get(self.language),
                self.title(),
                self.year_label()
            ))
            .language(self.language.tag().to_owned())
            .creator("Nukumori".to_owned());
        layout::write(face, &pages, outline, metadata)
    }

    /// The running header and the page number.
    fn decorate(&self, face: &Typeface, page: &mut Page, index: usize, total: usize) {
        let size = 7.5;
        let plan = face.truncate(self.evaluation.plan.name.get(self.language), size, BODY_WIDTH * 0.55);
        let right = format!("{}　{}", self.title(), self.year_label());
        let right_width = face.width(&right, size);
        let baseline = 38.0;
        page.ops.push(Op::Text {
            x: MARGIN_X,
            y: baseline,
            size,
            color: Rgb::MUTED,
            bold: false,
            text: plan,
        });
        page.ops.push(Op::Text {
            x: MARGIN_X + BODY_WIDTH - right_width,
            y: baseline,
            size,
            color: Rgb::MUTED,
            bold: false,
            text: right,
        });
        page.ops.push(Op::Line {
            from: (MARGIN_X, baseline + 4.0),
            to: (MARGIN_X + BODY_WIDTH, baseline + 4.0),
            color: Rgb::RULE,
            width: 0.5,
            dashed: false,
        });
        let number = format!("{} / {}", index + 1, total);
        let width = face.width(&number, 8.5);
        page.ops.push(Op::Text {
            x: (PAGE_WIDTH - width) / 2.0,
            y: PAGE_HEIGHT - 30.0,
            size: 8.5,
            color: Rgb::MUTED,
            bold: false,
            text: number,
        });
    }

    fn cover(&self, face: &Typeface) -> Page {
        let mut flow = Flow::new(face);
        let e = self.evaluation;
        let centered = |flow: &mut Flow<'_>, text: &str, size: f32, style: (Rgb, bool)| {
            for line in face.wrap(text, size, BODY_WIDTH) {
                let width = face.width(&line, size);
                let top = flow.y;
                flow.line_at(MARGIN_X + (BODY_WIDTH - width) / 2.0, top, size, size * 1.5, style, &line);
                flow.y += size * 1.5;
            }
        };
        flow.push(Op::Rect { x: 0.0, y: 0.0, w: PAGE_WIDTH, h: 14.0, fill: Rgb::ACCENT });
        flow.y = 190.0;
        centered(&mut flow, e.plan.name.get(self.language), 17.0, (Rgb::TEXT, false));
        flow.y += 14.0;
        centered(&mut flow, &self.title(), 26.0, (Rgb::ACCENT, true));
        flow.y += 8.0;
        centered(&mut flow, &self.year_label(), 17.0, (Rgb::TEXT, false));
        flow.y += 22.0;
        let rule_y = flow.y;
        flow.push(Op::Line {
            from: (MARGIN_X + 60.0, rule_y),
            to: (MARGIN_X + BODY_WIDTH - 60.0, rule_y),
            color: Rgb::ACCENT,
            width: 1.2,
            dashed: false,
        });
        flow.y += 30.0;

        let stored = &e.evaluation;
        let mut facts = vec![(self.tr("状況", "Status"), stored.status.label(self.language).to_owned())];
        facts.push((self.tr("集計日", "Compiled"), date_label(stored.compiled_at, self.language)));
        if let Some(at) = stored.finalized_at {
            facts.push((self.tr("確定日", "Finalised"), date_label(at, self.language)));
        }
        if let Some(at) = stored.published_at {
            facts.push((self.tr("公表日", "Published"), date_label(at, self.language)));
        }
        facts.push((
            self.tr("計画期間", "Plan period"),
            format!(
                "{} – {}",
                fiscal_year_label(e.plan.start_fiscal_year, self.language),
                fiscal_year_label(e.plan.end_fiscal_year, self.language)
            ),
        ));
        facts.push((
            self.tr("版", "Edition"),
            if self.internal {
                self.tr("内部用（未提出の報告を含む）", "Internal (includes missing reports)")
            } else {
                self.tr("公表用", "Public")
            },
        ));
        let label_x = MARGIN_X + 110.0;
        let value_x = label_x + 80.0;
        for (label, value) in &facts {
            let top = flow.y;
            flow.line_at(label_x, top, 11.0, 20.0, (Rgb::MUTED, true), label);
            flow.line_at(value_x, top, 11.0, 20.0, (Rgb::TEXT, false), value);
            flow.y += 20.0;
        }

        flow.y = 640.0;
        let philosophy =
            format!("{}　{}", self.tr("基本理念", "Basic philosophy"), e.plan.philosophy.get(self.language));
        centered(&mut flow, &philosophy, 11.0, (Rgb::ACCENT, true));
        if let Some(slogan) = &e.plan.slogan {
            centered(&mut flow, slogan.get(self.language), 10.0, (Rgb::MUTED, false));
        }
        flow.pages.into_iter().next().unwrap_or_default()
    }

    /// The table of contents, with the entries' pages as they stand.
    fn contents(&self, face: &Typeface, entries: &[Entry]) -> Vec<Page> {
        let mut flow = Flow::new(face);
        flow.heading(&self.tr("目次", "Contents"), 1);
        for entry in entries {
            let (size, indent, style, before) = match entry.level {
                1 => (10.5, 0.0, (Rgb::TEXT, true), 6.0),
                _ => (9.0, 18.0, (Rgb::TEXT, false), 0.0),
            };
            let line_height = size * 1.65;
            flow.space(before);
            flow.ensure(line_height);
            let number = (entry.at.page + 1).to_string();
            let number_width = face.width(&number, size);
            let room = BODY_WIDTH - indent - number_width - 24.0;
            let title = face.truncate(&entry.title, size, room);
            let title_width = face.width(&title, size);
            let top = flow.y;
            flow.line_at(MARGIN_X + indent, top, size, line_height, style, &title);
            flow.line_at(MARGIN_X + BODY_WIDTH - number_width, top, size, line_height, style, &number);
            // Dotted leader from the title to the page number.
            let leader_y = top + line_height * 0.72;
            flow.push(Op::Line {
                from: (MARGIN_X + indent + title_width + 6.0, leader_y),
                to: (MARGIN_X + BODY_WIDTH - number_width - 6.0, leader_y),
                color: Rgb::RULE,
                width: 0.6,
                dashed: true,
            });
            flow.link(Link {
                area: (MARGIN_X + indent, top, BODY_WIDTH - indent, line_height),
                to: entry.at,
            });
            flow.y += line_height;
        }
        flow.pages
    }

    fn counts_row(&self, label: Cell, counts: &RatingCounts, year_over_year: &YearOverYear) -> Vec<Cell> {
        let mut row = vec![label];
        for rating in SelfRating::ALL {
            row.push(Cell::new(counts.get(rating).to_string()));
        }
        row.push(Cell::new(counts.unrated.to_string()));
        row.push(Cell::new((counts.total() + counts.unrated).to_string()));
        row.push(Cell::new(percent(year_over_year.current_share)));
        row.push(Cell::new(percent(year_over_year.previous_share)));
        row.push(Cell::new(
            year_over_year
                .change
                .map_or_else(|| "—".to_owned(), |change| format!("{:+.1}", change * 100.0).replace('-', "−")),
        ));
        row
    }

    /// A sentence on the share rated A or B and its change.
    fn share_sentence(&self, counts: &RatingCounts, year_over_year: &YearOverYear) -> String {
        let rated = counts.total();
        let unrated = counts.unrated;
        let share = percent(year_over_year.current_share);
        match (self.language, year_over_year.current_share, year_over_year.change) {
            (Language::Ja, None, _) => format!("評価済みの施策の方向はありません（評価なし{unrated}件）。"),
            (Language::Ja, Some(_), Some(change)) => format!(
                "評価済みの施策の方向{rated}件のうち、A・B評価の割合は{share}です（前年度{}、{}）。評価なしは{unrated}件です。",
                percent(year_over_year.previous_share),
                points(Some(change), self.language)
            ),
            (Language::Ja, Some(_), None) => format!(
                "評価済みの施策の方向{rated}件のうち、A・B評価の割合は{share}です（前年度の評価はありません）。評価なしは{unrated}件です。"
            ),
            (Language::En, None, _) => format!("No policy direction is rated yet ({unrated} not rated)."),
            (Language::En, Some(_), Some(change)) => format!(
                "Of {rated} rated policy directions, {share} are rated A or B (previous year {}, {}). Not rated: {unrated}.",
                percent(year_over_year.previous_share),
                points(Some(change), self.language)
            ),
            (Language::En, Some(_), None) => format!(
                "Of {rated} rated policy directions, {share} are rated A or B (no previous evaluation). Not rated: {unrated}."
            ),
        }
    }

    fn assessment(&self, flow: &mut Flow<'_>, text: Option<&str>) {
        match text.map(str::trim).filter(|t| !t.is_empty()) {
            Some(text) => flow.paragraph(text, 0.0, BODY_SIZE, Rgb::TEXT),
            None => flow.paragraph(
                &self.tr("（総括は未記入です）", "(No assessment written yet.)"),
                0.0,
                BODY_SIZE,
                Rgb::MUTED,
            ),
        }
    }

    fn summary(&self, flow: &mut Flow<'_>, entries: &mut Vec<Entry>, number: usize) {
        let e = self.evaluation;
        let title = format!("{number}　{}", self.tr("総括", "Overall assessment"));
        let at = flow.heading(&title, 1);
        entries.push(Entry { title, level: 1, at });
        flow.heading(&self.tr("計画全体の総括", "The plan as a whole"), 3);
        self.assessment(flow, e.assessment.as_deref());

        let title = self.tr("評価の集計", "Ratings");
        let at = flow.heading(&title, 2);
        entries.push(Entry { title, level: 2, at });
        flow.paragraph(&self.share_sentence(&e.counts, &e.year_over_year), 0.0, BODY_SIZE, Rgb::TEXT);
        flow.space(4.0);
        let mut header = vec![self.tr("対象", "Scope")];
        for rating in SelfRating::ALL {
            header.push(format!("{}\n{}", rating.as_str(), rating.label(self.language)));
        }
        header.push(self.tr("評価\nなし", "Not\nrated"));
        header.push(self.tr("計", "Total"));
        header.push(self.tr("A・B\n割合", "A or B\nshare"));
        header.push(self.tr("前年度\nA・B割合", "Previous\nshare"));
        header.push(self.tr("増減\n（ポイント）", "Change\n(points)"));
        let number = |share: f32| Column { share, align: Align::Right };
        let mut columns = vec![Column { share: 0.25, align: Align::Left }];
        columns.extend([number(0.08); 4]);
        columns.extend([number(0.065), number(0.055), number(0.085), number(0.11), number(0.115)]);
        let mut rows = vec![self.counts_row(
            Cell::bold(self.tr("計画全体", "Whole plan")).filled(Rgb::HEADER, Rgb::TEXT),
            &e.counts,
            &e.year_over_year,
        )];
        for goal in &e.goals {
            let label = format!("{}　{}", self.goal_title(goal), goal.goal.name.get(self.language));
            rows.push(self.counts_row(Cell::new(label), &goal.counts, &goal.year_over_year));
        }
        flow.table(&Table { columns, header, rows, size: 8.0 });

        flow.paragraph(
            &format!(
                "{}{}",
                self.tr("評価案の求め方：", "How ratings are proposed: "),
                rating_rule(self.language)
            ),
            0.0,
            7.5,
            Rgb::MUTED,
        );
        flow.space(8.0);

        if e.goals.is_empty() {
            return;
        }
        let title = self.tr("図1　基本目標別の評価の分布", "Figure 1. Ratings by goal");
        let bars: Vec<RatingBar> = e
            .goals
            .iter()
            .map(|goal| RatingBar {
                title: self.goal_title(goal),
                name: goal.goal.name.get(self.language).to_owned(),
                counts: goal.counts,
            })
            .collect();
        let at = charts::ratings(flow, &bars, self.language, &title);
        entries.push(Entry { title, level: 2, at });
    }

    fn goal(&self, flow: &mut Flow<'_>, entries: &mut Vec<Entry>, goal: &GoalEvaluation, number: usize) {
        let title = format!("{number}　{}　{}", self.goal_title(goal), goal.goal.name.get(self.language));
        let at = flow.heading(&title, 1);
        entries.push(Entry { title, level: 1, at });
        flow.heading(&self.tr("総括", "Assessment"), 3);
        self.assessment(flow, goal.assessment.as_deref());
        flow.space(4.0);
        flow.paragraph(&self.share_sentence(&goal.counts, &goal.year_over_year), 0.0, BODY_SIZE, Rgb::TEXT);

        flow.heading(&self.tr("施策の方向の評価一覧", "Policy directions"), 2);
        let columns = vec![
            Column { share: 0.08, align: Align::Left },
            Column { share: 0.44, align: Align::Left },
            Column { share: 0.3, align: Align::Left },
            Column { share: 0.18, align: Align::Center },
        ];
        let header = vec![
            self.tr("番号", "Code"),
            self.tr("施策の方向", "Policy direction"),
            self.tr("担当", "Owners"),
            self.tr("評価", "Rating"),
        ];
        let mut rows = Vec::new();
        for policy in &goal.policies {
            let counts = &policy.counts;
            let summary = SelfRating::ALL
                .into_iter()
                .map(|r| format!("{}{}", r.as_str(), counts.get(r)))
                .chain(std::iter::once(format!("{}{}", self.tr("評価なし", "not rated "), counts.unrated)))
                .collect::<Vec<_>>()
                .join(" ");
            rows.push(vec![
                Cell::bold(policy.policy.code.to_string()).filled(Rgb::HEADER, Rgb::TEXT),
                Cell::bold(policy.policy.name.get(self.language)).filled(Rgb::HEADER, Rgb::TEXT),
                Cell::new(summary).filled(Rgb::HEADER, Rgb::MUTED),
                Cell::new("").filled(Rgb::HEADER, Rgb::TEXT),
            ]);
            for direction in goal.directions.iter().filter(|d| d.direction.policy_id == policy.policy.id) {
                rows.push(self.direction_row(direction));
            }
        }
        // Directions whose policy is not listed still appear.
        for direction in &goal.directions {
            if !goal.policies.iter().any(|p| p.policy.id == direction.direction.policy_id) {
                rows.push(self.direction_row(direction));
            }
        }
        flow.table(&Table { columns, header, rows, size: 8.0 });

        for direction in &goal.directions {
            self.direction(flow, entries, direction);
        }
    }

    fn direction_name(&self, direction: &DirectionEvaluation) -> String {
        let name = direction.direction.name.get(self.language);
        if direction.direction.is_new {
            format!("{name}{}", self.tr("（新規）", " (new)"))
        } else {
            name.to_owned()
        }
    }

    fn direction_row(&self, direction: &DirectionEvaluation) -> Vec<Cell> {
        let rating = direction.rating();
        let (fill, ink) = rating_colors(rating);
        let mut label =
            rating.map_or_else(|| self.tr("評価なし", "Not rated"), |r| rating_label(r, self.language));
        if direction.overridden.is_some() {
            label.push_str(&self.tr("\n（事務局が変更）", "\n(changed by plan office)"));
        }
        vec![
            Cell::new(direction.direction.code.to_string()),
            Cell::new(self.direction_name(direction)),
            Cell::new(self.owners(direction).join(&self.tr("、", ", "))),
            Cell { text: label, fill: Some(fill), color: Some(ink), bold: true },
        ]
    }

    fn direction(&self, flow: &mut Flow<'_>, entries: &mut Vec<Entry>, direction: &DirectionEvaluation) {
        let title = format!("{}　{}", direction.direction.code, self.direction_name(direction));
        let at = flow.heading(&title, 3);
        entries.push(Entry { title, level: 2, at });
        let rating = direction.rating().map_or_else(
            || {
                self.tr(
                    "評価なし（受理済みの年度末報告がありません）",
                    "Not rated (no accepted year-end report)",
                )
            },
            |r| rating_label(r, self.language),
        );
        let labels = [
            self.tr("評価：", "Rating: "),
            self.tr("評価案：", "Proposed: "),
            self.tr("変更理由：", "Reason for change: "),
            self.tr("担当：", "Owners: "),
        ];
        let hang = flow.hang(&labels.iter().map(String::as_str).collect::<Vec<_>>());
        let [rating_label_text, proposed_label, reason_label, owners_label] = labels;
        flow.labeled(&rating_label_text, &rating, 0.0, hang);
        if let Some(overridden) = &direction.overridden {
            let proposed = direction
                .proposed
                .map_or_else(|| self.tr("なし", "none"), |r| rating_label(r, self.language));
            flow.labeled(&proposed_label, &proposed, 0.0, hang);
            flow.labeled(&reason_label, &overridden.reason, 0.0, hang);
        }
        let owners = self.owners(direction);
        if !owners.is_empty() {
            flow.labeled(&owners_label, &owners.join(&self.tr("、", ", ")), 0.0, hang);
        }
        for report in &direction.reports {
            self.report(flow, report);
        }
        if self.internal && !direction.missing.is_empty() {
            let missing = direction
                .missing
                .iter()
                .map(|m| match self.language {
                    Language::Ja => format!(
                        "{}（{}）",
                        self.organization(m.organization_id),
                        m.status.label(self.language)
                    ),
                    Language::En => format!(
                        "{} ({})",
                        self.organization(m.organization_id),
                        m.status.label(self.language)
                    ),
                })
                .collect::<Vec<_>>()
                .join(&self.tr("、", ", "));
            flow.labeled(
                &self.tr("未受理の年度末報告：", "Year-end reports not accepted: "),
                &missing,
                0.0,
                0.0,
            );
        }
        flow.space(4.0);
        let y = flow.y;
        flow.push(Op::Line {
            from: (MARGIN_X, y),
            to: (MARGIN_X + BODY_WIDTH, y),
            color: Rgb::HEADER,
            width: 0.6,
            dashed: false,
        });
        flow.space(4.0);
    }

    fn report(&self, flow: &mut Flow<'_>, report: &Report) {
        let content = &report.content;
        let language = self.language;
        let rating = content.self_rating.map(|r| rating_label(r, language));
        let heading = match (language, rating) {
            (Language::Ja, Some(r)) => {
                format!("■ {}の報告（自己評価 {r}）", self.organization(report.organization_id))
            }
            (Language::Ja, None) => format!("■ {}の報告", self.organization(report.organization_id)),
            (Language::En, Some(r)) => {
                format!("■ Report of {} (self-rating {r})", self.organization(report.organization_id))
            }
            (Language::En, None) => format!("■ Report of {}", self.organization(report.organization_id)),
        };
        flow.space(3.0);
        flow.ensure(BODY_SIZE * 1.6 * 3.0);
        let lines = flow.face.wrap(&heading, BODY_SIZE, BODY_WIDTH - 8.0);
        flow.lines(&lines, MARGIN_X + 4.0, BODY_SIZE, (Rgb::TEXT, true));
        let indent = 12.0;
        let hang = flow.hang(&[
            &self.tr("取組：", "Activities: "),
            &self.tr("実績：", "Results: "),
            &self.tr("評価の理由：", "Why this rating: "),
            &self.tr("課題：", "Issues: "),
            &self.tr("今後の方向性：", "Next step: "),
        ]);
        if !content.activities.is_empty() {
            let activities = content
                .activities
                .iter()
                .map(|activity| {
                    let mut line = format!("・{}", activity.title.trim());
                    let description = activity.description.trim();
                    if !description.is_empty() {
                        line.push_str(&self.tr("：", ": "));
                        line.push_str(description);
                    }
                    let figures = activity
                        .figures
                        .iter()
                        .filter_map(|figure| {
                            let actual = figure.actual?;
                            let value = |v: f64| {
                                if v.fract().abs() < 1e-9 { format!("{v:.0}") } else { format!("{v}") }
                            };
                            Some(match figure.planned {
                                Some(planned) => format!(
                                    "{} {}{}（{}{}{}）",
                                    figure.name,
                                    value(actual),
                                    figure.unit,
                                    self.tr("計画", "planned "),
                                    value(planned),
                                    figure.unit
                                ),
                                None => format!("{} {}{}", figure.name, value(actual), figure.unit),
                            })
                        })
                        .collect::<Vec<_>>();
                    if !figures.is_empty() {
                        line.push_str(&format!("［{}］", figures.join("、")));
                    }
                    line
                })
                .collect::<Vec<_>>()
                .join("\n");
            flow.labeled(&self.tr("取組：", "Activities: "), &activities, indent, hang);
        }
        let texts = [
            (self.tr("実績：", "Results: "), content.results_summary.clone()),
            (self.tr("評価の理由：", "Why this rating: "), content.rating_reason.clone()),
            (self.tr("課題：", "Issues: "), content.issues.clone()),
        ];
        for (label, text) in texts {
            if let Some(text) = text.filter(|t| !t.trim().is_empty()) {
                flow.labeled(&label, &text, indent, hang);
            }
        }
        if let Some(step) = content.next_step {
            let mut text = step.label(language).to_owned();
            if let Some(reason) = content.next_step_reason.as_deref().map(str::trim).filter(|r| !r.is_empty())
            {
                text.push_str(&self.tr("：", ": "));
                text.push_str(reason);
            }
            flow.labeled(&self.tr("今後の方向性：", "Next step: "), &text, indent, hang);
        }
    }

    fn indicators(&self, flow: &mut Flow<'_>, entries: &mut Vec<Entry>, number: usize) {
        let language = self.language;
        let title = format!("{number}　{}", self.tr("目標値の進捗", "Target indicators"));
        let at = flow.heading(&title, 1);
        entries.push(Entry { title, level: 1, at });
        flow.paragraph(
            &self.tr(
                "達成率は、現状値から目標値までの道のりのうち今年度の値が進んだ割合です。期待位置は、現状値の年度から目標年度まで一定の割合で進んだ場合に今年度あるべき位置です。アンケートを実施しない年度は「今年度は未測定」と示します。",
                "The achievement rate is how far this year's value has come from the baseline towards the target. The expected position is where a steady path from the baseline year to the target year puts it this year. Indicators from surveys not held this year are shown as not measured.",
            ),
            0.0,
            BODY_SIZE,
            Rgb::TEXT,
        );
        let items = &self.evaluation.indicators;
        if items.is_empty() {
            flow.paragraph(
                &self.tr("目標値はありません。", "The plan has no target indicators."),
                0.0,
                BODY_SIZE,
                Rgb::MUTED,
            );
            return;
        }
        let title = self
            .tr("図2　目標値の達成率と今年度の期待位置", "Figure 2. Achievement rate and expected position");
        let at = charts::indicators(flow, items, language, &title);
        entries.push(Entry { title, level: 2, at });

        let title = self.tr("目標値の一覧", "Indicators");
        let at = flow.heading(&title, 2);
        entries.push(Entry { title, level: 2, at });
        let columns = vec![
            Column { share: 0.3, align: Align::Left },
            Column { share: 0.12, align: Align::Right },
            Column { share: 0.12, align: Align::Right },
            Column { share: 0.12, align: Align::Right },
            Column { share: 0.1, align: Align::Right },
            Column { share: 0.09, align: Align::Right },
            Column { share: 0.15, align: Align::Center },
        ];
        let header = vec![
            self.tr("指標", "Indicator"),
            self.tr("現状値", "Baseline"),
            self.tr("目標値", "Target"),
            self.tr("今年度の値", "This year"),
            self.tr("期待値", "Expected"),
            self.tr("達成率", "Rate"),
            self.tr("評価", "Grade"),
        ];
        let rows = items.iter().map(|item| self.indicator_row(item)).collect();
        flow.table(&Table { columns, header, rows, size: 7.5 });
    }

    fn indicator_row(&self, item: &IndicatorEvaluation) -> Vec<Cell> {
        let language = self.language;
        let indicator = &item.indicator;
        let year = |year: FiscalYear| match language {
            Language::Ja => format!("（{}）", year.label(language)),
            Language::En => format!("(FY{})", year.year()),
        };
        let mut name = format!("{} {}", indicator.code, indicator.name.get(language));
        let source = item.source.clone().unwrap_or_else(|| indicator.source.get(language).to_owned());
        if !source.trim().is_empty() {
            name.push_str(&format!("\n{}{}", self.tr("出典：", "Source: "), source.trim()));
        }
        let progress = &item.progress;
        let mut grade = progress.grade.label(language).to_owned();
        if let Some(trend) = &item.previous_trend {
            grade.push_str(&format!(
                "\n{}{}",
                self.tr("前期：", "Before: "),
                trend.direction.label(language)
            ));
        }
        let color = grade_color(progress.grade);
        let ink = match progress.grade {
            domain::progress::ProgressGrade::Achieved | domain::progress::ProgressGrade::Regressed => {
                Rgb::WHITE
            }
            _ => Rgb::TEXT,
        };
        vec![
            Cell::new(name),
            Cell::new(format!(
                "{}\n{}",
                format_value(indicator, indicator.baseline_value, language),
                year(indicator.baseline_fiscal_year)
            )),
            Cell::new(format!(
                "{}\n{}",
                format_value(indicator, indicator.target_value, language),
                year(indicator.target_fiscal_year)
            )),
            Cell::new(
                progress.value.map_or_else(|| "—".to_owned(), |v| format_value(indicator, v, language)),
            ),
            Cell::new(format_value(indicator, progress.expected_value, language)),
            Cell::new(percent(progress.achievement_rate)),
            Cell { text: grade, fill: Some(color), color: Some(ink), bold: true },
        ]
    }

    /// What an opinion is about: `基本目標1 …`, `1-2 …`, or the whole plan.
    fn target(&self, opinion: &Opinion) -> String {
        let Some(code) = opinion.target_code.as_deref() else {
            return self.tr("計画全体", "Whole plan");
        };
        let e = self.evaluation;
        let names: BTreeMap<String, String> = e
            .goals
            .iter()
            .flat_map(|goal| {
                std::iter::once((
                    goal.goal.code.to_string(),
                    format!("{}　{}", self.goal_title(goal), goal.goal.name.get(self.language)),
                ))
                .chain(goal.policies.iter().map(|p| {
                    (
                        p.policy.code.to_string(),
                        format!("{}　{}", p.policy.code, p.policy.name.get(self.language)),
                    )
                }))
                .chain(goal.directions.iter().map(|d| {
                    (
                        d.direction.code.to_string(),
                        format!("{}　{}", d.direction.code, d.direction.name.get(self.language)),
                    )
                }))
            })
            .collect();
        names.get(code).cloned().unwrap_or_else(|| code.to_owned())
    }

    fn opinions(&self, flow: &mut Flow<'_>, entries: &mut Vec<Entry>, number: usize) {
        let title = format!(
            "{number}　{}",
            self.tr("委員意見と市の考え方", "Committee opinions and the city's responses")
        );
        let at = flow.heading(&title, 1);
        entries.push(Entry { title, level: 1, at });
        let opinions = &self.evaluation.opinions;
        if opinions.is_empty() {
            flow.paragraph(
                &self.tr("委員意見はありません。", "No opinions were given."),
                0.0,
                BODY_SIZE,
                Rgb::MUTED,
            );
            return;
        }
        let year = self.evaluation.evaluation.fiscal_year;
        for (index, opinion) in opinions.iter().enumerate() {
            let mut heading = match self.language {
                Language::Ja => format!("意見{}　対象：{}", index + 1, self.target(opinion)),
                Language::En => format!("Opinion {}: {}", index + 1, self.target(opinion)),
            };
            if opinion.fiscal_year < year {
                heading.push_str(&match self.language {
                    Language::Ja => format!("（{}からの継続）", opinion.fiscal_year.label(self.language)),
                    Language::En => format!(" (open since FY{})", opinion.fiscal_year.year()),
                });
            }
            flow.heading(&heading, 3);
            let hang = flow.hang(&[
                &self.tr("委員意見：", "Opinion: "),
                &self.tr("市の考え方：", "City's response: "),
                &self.tr("反映状況：", "Reflection: "),
            ]);
            flow.labeled(&self.tr("委員意見：", "Opinion: "), &opinion.body, 0.0, hang);
            let response =
                opinion.response.clone().unwrap_or_else(|| self.tr("（未回答）", "(not answered yet)"));
            flow.labeled(&self.tr("市の考え方：", "City's response: "), &response, 0.0, hang);
            let reflection = opinion.reflection.clone().unwrap_or_else(|| "—".to_owned());
            flow.labeled(&self.tr("反映状況：", "Reflection: "), &reflection, 0.0, hang);
        }
    }
}
