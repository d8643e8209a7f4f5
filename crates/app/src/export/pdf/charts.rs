//! The two charts, drawn as paths: the ratings of each goal's directions as stacked
//! horizontal bars, and each indicator's achievement rate against where the straight path
//! from baseline to target puts it this year.

use domain::{
    Language,
    evaluation::RatingCounts,
    progress::{IndicatorPath, ProgressGrade},
    report::SelfRating,
};

use super::{
    layout::{Anchor, BODY_WIDTH, Flow, MARGIN_X, Op, Rgb},
    tr,
};
use crate::IndicatorEvaluation;

/// The colour of a rating (a diverging scheme that also reads in grey and for
/// colour-blind readers), and the colour of text on it.
pub(super) fn rating_colors(rating: Option<SelfRating>) -> (Rgb, Rgb) {
    match rating {
        Some(SelfRating::A) => (Rgb(0x2c, 0x7b, 0xb6), Rgb::WHITE),
        Some(SelfRating::B) => (Rgb(0xab, 0xd9, 0xe9), Rgb::TEXT),
        Some(SelfRating::C) => (Rgb(0xfd, 0xae, 0x61), Rgb::TEXT),
        Some(SelfRating::D) => (Rgb(0xd7, 0x19, 0x1c), Rgb::WHITE),
        None => (Rgb(0xd9, 0xd9, 0xd9), Rgb::TEXT),
    }
}

/// The colour of an indicator's grade.
pub(super) fn grade_color(grade: ProgressGrade) -> Rgb {
    match grade {
        ProgressGrade::Achieved => Rgb(0x1a, 0x98, 0x50),
        ProgressGrade::OnTrack => Rgb(0x91, 0xcf, 0x60),
        ProgressGrade::Behind => Rgb(0xfd, 0xae, 0x61),
        ProgressGrade::Regressed => Rgb(0xd7, 0x30, 0x27),
        ProgressGrade::NotMeasured => Rgb(0xbd, 0xbd, 0xbd),
    }
}

const LABEL_SIZE: f32 = 7.5;
const LABEL_LINE: f32 = 9.5;
const SMALL: f32 = 7.0;

/// One bar of the ratings chart: a goal's label and counts.
pub(super) struct RatingBar {
    /// `基本目標1`.
    pub title: String,
    /// The goal's name.
    pub name: String,
    /// Its directions' ratings.
    pub counts: RatingCounts,
}

/// A round step for an axis from zero to `max` with at most `ticks` steps.
fn nice_step(max: f32, ticks: f32) -> f32 {
    let mut step = 1.0;
    loop {
        for factor in [1.0, 2.0, 5.0] {
            if max / (step * factor) <= ticks {
                return step * factor;
            }
        }
        step *= 10.0;
    }
}

fn rect(flow: &mut Flow<'_>, x: f32, y: f32, w: f32, h: f32, fill: Rgb) {
    flow.push(Op::Rect { x, y, w, h, fill });
}

fn vline(flow: &mut Flow<'_>, x: f32, top: f32, bottom: f32, color: Rgb, width: f32, dashed: bool) {
    flow.push(Op::Line { from: (x, top), to: (x, bottom), color, width, dashed });
}

fn centered(flow: &mut Flow<'_>, x: f32, top: f32, size: f32, style: (Rgb, bool), text: &str) {
    let width = flow.face.width(text, size);
    flow.line_at(x - width / 2.0, top, size, size * 1.3, style, text);
}

/// A row of coloured swatches with their names, centred under a chart.
fn legend(flow: &mut Flow<'_>, items: &[(Rgb, String)], marker: Option<&str>) {
    let swatch = 8.0;
    let gap = 12.0;
    let mut width: f32 =
        items.iter().map(|(_, name)| swatch + 3.0 + flow.face.width(name, SMALL) + gap).sum();
    if let Some(marker) = marker {
        width += swatch + 3.0 + flow.face.width(marker, SMALL);
    }
    let mut x = MARGIN_X + ((BODY_WIDTH - width) / 2.0).max(0.0);
    let top = flow.y;
    for (color, name) in items {
        rect(flow, x, top + 1.0, swatch, swatch, *color);
        flow.line_at(x + swatch + 3.0, top, SMALL, 10.0, (Rgb::TEXT, false), name);
        x += swatch + 3.0 + flow.face.width(name, SMALL) + gap;
    }
    if let Some(marker) = marker {
        expected_marker(flow, x + swatch / 2.0, top + 1.0, top + 9.0);
        flow.line_at(x + swatch + 3.0, top, SMALL, 10.0, (Rgb::TEXT, false), marker);
    }
    flow.y = top + 14.0;
}

/// The mark of the expected position: a small triangle pointing down onto a line.
fn expected_marker(flow: &mut Flow<'_>, x: f32, top: f32, bottom: f32) {
    let dark = Rgb(0x21, 0x21, 0x21);
    flow.push(Op::Polygon {
        points: vec![(x - 3.5, top - 1.0), (x + 3.5, top - 1.0), (x, top + 4.0)],
        fill: dark,
    });
    vline(flow, x, top, bottom, dark, 1.2, false);
}

/// The chart of ratings per goal: one stacked bar per goal, A to D and unrated, with the
/// number of directions on the axis. Returns where the chart starts.
pub(super) fn ratings(flow: &mut Flow<'_>, bars: &[RatingBar], language: Language, title: &str) -> Anchor {
    let label_width = 130.0;
    let plot_left = MARGIN_X + label_width + 8.0;
    let plot_width = BODY_WIDTH - label_width - 8.0 - 12.0;
    let labels: Vec<Vec<String>> = bars
        .iter()
        .map(|bar| {
            let mut lines = vec![bar.title.clone()];
            let mut name = flow.face.wrap(&bar.name, LABEL_SIZE, label_width);
            if name.len() > 2 {
                let rest = name[1..].concat();
                name.truncate(1);
                name.push(flow.face.truncate(&rest, LABEL_SIZE, label_width));
            }
            lines.extend(name);
            lines
        })
        .collect();
    let row_heights: Vec<f32> =
        labels.iter().map(|lines| (lines.len() as f32 * LABEL_LINE).max(18.0) + 8.0).collect();
    let plot_height: f32 = row_heights.iter().sum();
    flow.ensure(20.0 + plot_height + 40.0 + 16.0);
    flow.space(4.0);
    let start = flow.here();

    let top = flow.y;
    flow.line_at(MARGIN_X, top, 10.0, 14.0, (Rgb::ACCENT, true), title);
    let plot_top = top + 20.0;
    let plot_bottom = plot_top + plot_height;

    let most = bars.iter().map(|b| b.counts.total() + b.counts.unrated).max().unwrap_or(0).max(1) as f32;
    let step = nice_step(most, 8.0);
    let axis_max = (most / step).ceil() * step;
    let x_of = |count: f32| plot_left + count / axis_max * plot_width;

    // Grid and ticks.
    let mut tick = 0.0;
    while tick <= axis_max + 0.001 {
        let x = x_of(tick);
        vline(flow, x, plot_top, plot_bottom, Rgb::RULE, 0.4, tick > 0.0);
        centered(flow, x, plot_bottom + 3.0, SMALL, (Rgb::MUTED, false), &format!("{tick}"));
        tick += step;
    }
    flow.push(Op::Line {
        from: (plot_left, plot_bottom),
        to: (plot_left + plot_width, plot_bottom),
        color: Rgb::MUTED,
        width: 0.8,
        dashed: false,
    });

    let mut row_top = plot_top;
    for ((bar, lines), height) in bars.iter().zip(&labels).zip(&row_heights) {
        let label_top = row_top + (height - lines.len() as f32 * LABEL_LINE) / 2.0;
        for (index, line) in lines.iter().enumerate() {
            let style = if index == 0 { (Rgb::TEXT, true) } else { (Rgb::TEXT, false) };
            flow.line_at(
                MARGIN_X,
                label_top + index as f32 * LABEL_LINE,
                LABEL_SIZE,
                LABEL_LINE,
                style,
                line,
            );
        }
        let bar_height = 14.0;
        let bar_top = row_top + (height - bar_height) / 2.0;
        let mut start = 0.0;
        let segments = SelfRating::ALL
            .into_iter()
            .map(|r| (Some(r), bar.counts.get(r)))
            .chain(std::iter::once((None, bar.counts.unrated)));
        for (rating, count) in segments {
            if count == 0 {
                continue;
            }
            let (fill, ink) = rating_colors(rating);
            let left = x_of(start);
            let width = x_of(start + count as f32) - left;
            rect(flow, left, bar_top, width, bar_height, fill);
            // A thin white gap keeps neighbouring segments apart in grey print.
            vline(flow, left + width, bar_top, bar_top + bar_height, Rgb::WHITE, 0.8, false);
            if width >= 10.0 {
                centered(flow, left + width / 2.0, bar_top + 2.5, SMALL, (ink, true), &count.to_string());
            }
            start += count as f32;
        }
        let total = bar.counts.total() + bar.counts.unrated;
        let end = x_of(start) + 3.0;
        let total_label = tr(language, &format!("計{total}件"), &format!("{total} in all"));
        flow.line_at(end, bar_top + 2.5, SMALL, SMALL * 1.3, (Rgb::MUTED, false), &total_label);
        row_top += height;
    }
    flow.y = plot_bottom + 14.0;
    let axis_label = tr(language, "施策の方向の数（件）", "Policy directions");
    centered(flow, plot_left + plot_width / 2.0, flow.y, SMALL, (Rgb::MUTED, false), &axis_label);
    flow.y += 14.0;
    let items: Vec<(Rgb, String)> = SelfRating::ALL
        .into_iter()
        .map(|r| (rating_colors(Some(r)).0, format!("{} {}", r.as_str(), r.label(language))))
        .chain(std::iter::once((rating_colors(None).0, tr(language, "評価なし", "Not rated"))))
        .collect();
    legend(flow, &items, None);
    flow.y += 6.0;
    start
}

/// The chart of indicator progress: each indicator's achievement rate as a bar from the
/// baseline (0 %) towards the target (100 %), with this year's expected position on the
/// straight path marked, and 「今年度は未測定」 for an indicator without a value. Returns
/// where the chart starts.
pub(super) fn indicators(
    flow: &mut Flow<'_>,
    items: &[IndicatorEvaluation],
    language: Language,
    title: &str,
) -> Anchor {
    let label_width = 150.0;
    let note_width = 80.0;
    let plot_left = MARGIN_X + label_width + 8.0;
    let plot_width = BODY_WIDTH - label_width - 8.0 - note_width - 8.0;
    // Each row's value and grade stand in a column of their own right of the plot, where
    // no bar or marker can cover them.
    let note_x = plot_left + plot_width + 8.0;

    let expected_rate = |item: &IndicatorEvaluation| {
        IndicatorPath::from_indicator(&item.indicator)
            .achievement_rate(item.progress.expected_value)
            .map(|rate| rate * 100.0)
    };
    let rates: Vec<f32> = items
        .iter()
        .flat_map(|item| [item.progress.achievement_rate.map(|r| r * 100.0), expected_rate(item)])
        .flatten()
        .map(|rate| rate as f32)
        .collect();
    let low = rates.iter().copied().fold(0.0_f32, f32::min);
    let high = rates.iter().copied().fold(100.0_f32, f32::max);
    let low = ((low / 50.0).floor() * 50.0).max(-100.0);
    let high = ((high / 50.0).ceil() * 50.0).min(200.0);
    let x_of = |rate: f32| plot_left + (rate.clamp(low, high) - low) / (high - low) * plot_width;

    let labels: Vec<Vec<String>> = items
        .iter()
        .map(|item| {
            let text = format!("{} {}", item.indicator.code, item.indicator.name.get(language));
            let mut lines = flow.face.wrap(&text, LABEL_SIZE, label_width);
            if lines.len() > 3 {
                let rest = lines[2..].concat();
                lines.truncate(2);
                lines.push(flow.face.truncate(&rest, LABEL_SIZE, label_width));
            }
            lines
        })
        .collect();
    let row_heights: Vec<f32> =
        labels.iter().map(|lines| (lines.len() as f32 * LABEL_LINE).max(16.0) + 8.0).collect();
    let plot_height: f32 = row_heights.iter().sum();
    flow.ensure(34.0 + plot_height + 44.0 + 16.0);
    flow.space(4.0);
    let start = flow.here();

    let top = flow.y;
    flow.line_at(MARGIN_X, top, 10.0, 14.0, (Rgb::ACCENT, true), title);
    let plot_top = top + 32.0;
    let plot_bottom = plot_top + plot_height;

    // The grid: every 25 or 50 points, with the baseline and the target marked.
    let step = if high - low > 200.0 { 50.0 } else { 25.0 };
    let mut tick = low;
    while tick <= high + 0.001 {
        let x = x_of(tick);
        let key = tick == 0.0 || tick == 100.0;
        vline(
            flow,
            x,
            plot_top,
            plot_bottom,
            if key { Rgb::MUTED } else { Rgb::RULE },
            if key { 0.9 } else { 0.4 },
            !key,
        );
        centered(flow, x, plot_bottom + 3.0, SMALL, (Rgb::MUTED, false), &format!("{tick}%"));
        tick += step;
    }
    centered(
        flow,
        x_of(0.0),
        plot_top - 11.0,
        SMALL,
        (Rgb::MUTED, true),
        &tr(language, "現状値", "Baseline"),
    );
    centered(
        flow,
        x_of(100.0),
        plot_top - 11.0,
        SMALL,
        (Rgb::MUTED, true),
        &tr(language, "目標値", "Target"),
    );

    let mut row_top = plot_top;
    for ((item, lines), height) in items.iter().zip(&labels).zip(&row_heights) {
        let label_top = row_top + (height - lines.len() as f32 * LABEL_LINE) / 2.0;
        for (index, line) in lines.iter().enumerate() {
            flow.line_at(
                MARGIN_X,
                label_top + index as f32 * LABEL_LINE,
                LABEL_SIZE,
                LABEL_LINE,
                (Rgb::TEXT, false),
                line,
            );
        }
        let bar_height = 10.0;
        let bar_top = row_top + (height - bar_height) / 2.0;
        let grade = item.progress.grade;
        let note_top = bar_top + 0.5;
        let note = match (item.progress.value, item.progress.achievement_rate) {
            (None, _) => ProgressGrade::NotMeasured.label(language).to_owned(),
            (Some(_), Some(rate)) => {
                let rate = (rate * 100.0) as f32;
                let (from, to) = (x_of(0.0), x_of(rate));
                let (left, right) = if to >= from { (from, to) } else { (to, from) };
                rect(flow, left, bar_top, (right - left).max(1.0), bar_height, grade_color(grade));
                if rate > high || rate < low {
                    // Beyond the axis: an arrowhead at the bar's end says it goes on.
                    let (tip, base) = if rate > high { (right + 5.0, right) } else { (left - 5.0, left) };
                    flow.push(Op::Polygon {
                        points: vec![
                            (base, bar_top - 1.5),
                            (tip, bar_top + bar_height / 2.0),
                            (base, bar_top + bar_height + 1.5),
                        ],
                        fill: grade_color(grade),
                    });
                }
                format!("{rate:.1}% {}", grade.label(language))
            }
            (Some(value), None) => {
                format!("{} {}", super::format_value(&item.indicator, value, language), grade.label(language))
            }
        };
        let note = flow.face.truncate(&note, SMALL, note_width);
        let color = if item.progress.value.is_some() { Rgb::TEXT } else { Rgb::MUTED };
        flow.line_at(note_x, note_top, SMALL, SMALL * 1.3, (color, false), &note);
        if let Some(expected) = expected_rate(item) {
            expected_marker(flow, x_of(expected as f32), bar_top - 2.0, bar_top + bar_height + 2.0);
        }
        row_top += height;
    }
    flow.push(Op::Line {
        from: (plot_left, plot_bottom),
        to: (plot_left + plot_width, plot_bottom),
        color: Rgb::MUTED,
        width: 0.8,
        dashed: false,
    });
    flow.y = plot_bottom + 14.0;
    let axis_label = tr(
        language,
        "達成率＝（今年度の値－現状値）÷（目標値－現状値）",
        "Achievement rate = (this year's value − baseline) ÷ (target − baseline)",
    );
    centered(flow, plot_left + plot_width / 2.0, flow.y, SMALL, (Rgb::MUTED, false), &axis_label);
    flow.y += 14.0;
    let items: Vec<(Rgb, String)> =
        [ProgressGrade::Achieved, ProgressGrade::OnTrack, ProgressGrade::Behind, ProgressGrade::Regressed]
            .into_iter()
            .map(|grade| (grade_color(grade), grade.label(language).to_owned()))
            .collect();
    let marker = tr(language, "直線上の今年度の期待位置", "Expected this year on the straight path");
    legend(flow, &items, Some(&marker));
    flow.y += 6.0;
    start
}
