use proptest::prelude::*;

use super::*;
use crate::{
    ids::{IndicatorId, PlanId},
    plan::{Bilingual, IndicatorUnit},
};

use IndicatorUnit::{Count, Percent};

fn fy(year: i64) -> FiscalYear {
    FiscalYear::new(year).unwrap_or_else(|e| panic!("{e}"))
}

/// One row of the seed's table of target indicators (目標値).
struct SeedRow {
    number: u8,
    unit: IndicatorUnit,
    /// 前回 (平成27年, FY2015).
    fy2015: f64,
    /// 今回 (令和2年, FY2020): the 3rd plan's baseline.
    fy2020: f64,
    /// 目標値 (令和7年, FY2025).
    target: f64,
}

const fn row(number: u8, unit: IndicatorUnit, fy2015: f64, fy2020: f64, target: f64) -> SeedRow {
    SeedRow { number, unit, fy2015, fy2020, target }
}

/// The ten indicators of the 3rd Omitama plan, as the seed prints them.
const SEED: [SeedRow; 10] = [
    row(1, Percent, 85.3, 85.3, 90.0),  // mutual support is needed
    row(2, Percent, 60.1, 60.5, 70.0),  // take part in community activities
    row(3, Percent, 26.6, 23.6, 30.0),  // have taken part in volunteer/NPO activity
    row(4, Percent, 33.0, 33.6, 40.0),  // know their welfare/child commissioner
    row(5, Percent, 35.6, 36.8, 40.0),  // know the Council of Social Welfare
    row(6, Percent, 54.7, 53.8, 60.0),  // get enough community information
    row(7, Percent, 9.0, 8.0, 20.0),    // take part in disaster drills
    row(8, Percent, 79.2, 81.9, 90.0),  // voluntary disaster-prevention coverage
    row(9, Count, 8.0, 9.0, 12.0),      // school-district community organisations
    row(10, Percent, 43.3, 41.2, 50.0), // partnership is progressing
];

fn indicator(row: &SeedRow) -> Indicator {
    Indicator {
        id: IndicatorId::generate(),
        plan_id: PlanId::generate(),
        goal_id: None,
        code: format!("I{}", row.number),
        name: Bilingual::new(format!("指標{}", row.number), format!("Indicator {}", row.number)),
        unit: row.unit,
        unit_label: None,
        baseline_value: row.fy2020,
        baseline_fiscal_year: fy(2020),
        target_value: row.target,
        target_fiscal_year: fy(2025),
        source: Bilingual::new("アンケート調査", "Resident survey"),
        source_organization_id: None,
    }
}

fn seed_path(number: u8) -> IndicatorPath {
    let row = SEED.iter().find(|row| row.number == number).unwrap_or_else(|| panic!("no indicator {number}"));
    IndicatorPath::from_indicator(&indicator(row))
}

fn percent(path: &IndicatorPath, value: f64) -> f64 {
    rate_as_percent(path.achievement_rate(value).unwrap_or_else(|| panic!("no rate for {value}")))
}

fn assert_close(actual: f64, expected: f64) {
    assert!((actual - expected).abs() < 1e-9, "{actual} is not {expected}");
}

#[test]
fn the_issue_examples() {
    // Indicator 9, baseline 9, target 12: a count of 10 is a third of the way.
    assert_close(percent(&seed_path(9), 10.0), 33.3);
    // Indicator 3, baseline 23.6 %, target 30.0 %: 22.0 % moved away from the target.
    assert_close(percent(&seed_path(3), 22.0), -25.0);
}

#[test]
fn every_seed_path_runs_from_the_fy2020_value_to_the_fy2025_target() {
    for row in &SEED {
        let path = IndicatorPath::from_indicator(&indicator(row));
        assert_eq!((path.baseline_year, path.target_year), (fy(2020), fy(2025)));
        assert_eq!(path.aim(), Aim::Raise, "indicator {}", row.number);
        assert_eq!(path.achievement_rate(row.fy2020), Some(0.0), "indicator {}", row.number);
        assert_eq!(path.achievement_rate(row.target), Some(1.0), "indicator {}", row.number);
        assert_eq!(path.expected_value(fy(2020)), row.fy2020);
        assert_eq!(path.expected_value(fy(2025)), row.target);
        assert_eq!(path.grade(fy(2020), Some(row.fy2020), Tolerance::NONE), ProgressGrade::OnTrack);
        assert_eq!(path.grade(fy(2025), Some(row.target), Tolerance::NONE), ProgressGrade::Achieved);
        // Standing still is behind as soon as the path moves on.
        assert_eq!(path.grade(fy(2021), Some(row.fy2020), Tolerance::NONE), ProgressGrade::Behind);
    }
}

#[test]
fn the_previous_period_trend_of_every_seed_indicator() {
    use TrendDirection::{Improved, Unchanged, Worsened};
    // (indicator, FY2015 → FY2020 change, direction), as the seed's two surveys show.
    let expected = [
        (1, 0.0, Unchanged),
        (2, 0.4, Improved),
        (3, -3.0, Worsened),
        (4, 0.6, Improved),
        (5, 1.2, Improved),
        (6, -0.9, Worsened),
        (7, -1.0, Worsened),
        (8, 2.7, Improved),
        (9, 1.0, Improved),
        (10, -2.1, Worsened),
    ];
    for (row, (number, change, direction)) in SEED.iter().zip(expected) {
        assert_eq!(row.number, number);
        let trend = seed_path(number).previous_trend((fy(2015), row.fy2015));
        assert_eq!((trend.from_year, trend.to_year), (fy(2015), fy(2020)));
        assert_close((trend.change * 10.0).round() / 10.0, change);
        assert_eq!(trend.direction, direction, "indicator {number}");
    }
}

#[test]
fn the_previous_survey_values_measured_again_at_the_end_of_the_plan() {
    use ProgressGrade::{Behind, Regressed};
    // (indicator, grade without tolerance, grade with a tolerance of 1 point or 1 thing).
    // Values below the FY2020 baseline regress unless within the tolerance; values above
    // it are still short of the target the path expects by FY2025.
    let expected = [
        (1, Behind, Behind),
        (2, Regressed, Behind),
        (3, Behind, Behind),
        (4, Regressed, Behind),
        (5, Regressed, Regressed),
        (6, Behind, Behind),
        (7, Behind, Behind),
        (8, Regressed, Regressed),
        (9, Regressed, Behind),
        (10, Behind, Behind),
    ];
    let one = Tolerance::new(1.0).unwrap_or_else(|| panic!("tolerance"));
    for (row, (number, exact, tolerant)) in SEED.iter().zip(expected) {
        assert_eq!(row.number, number);
        let path = seed_path(number);
        assert_eq!(path.grade(fy(2025), Some(row.fy2015), Tolerance::NONE), exact, "indicator {number}");
        assert_eq!(path.grade(fy(2025), Some(row.fy2015), one), tolerant, "indicator {number}");
    }
}

#[test]
fn the_expected_value_follows_a_straight_path_and_is_clamped() {
    let path = IndicatorPath { baseline_year: fy(2021), baseline: 10.0, target_year: fy(2025), target: 20.0 };
    assert_close(path.expected_value(fy(2023)), 15.0);
    assert_close(path.expected_value(fy(2022)), 12.5);
    assert_eq!(path.expected_value(fy(2015)), 10.0);
    assert_eq!(path.expected_value(fy(2030)), 20.0);

    // Indicator 9 gains three organisations over five years: 0.6 a year.
    let nine = seed_path(9);
    assert_close(nine.expected_value(fy(2022)), 10.2);
    assert_close(nine.expected_value(fy(2023)), 10.8);
    assert_close(nine.expected_value(fy(2024)), 11.4);
}

#[test]
fn a_path_without_years_between_jumps_to_the_target() {
    let path = IndicatorPath { baseline_year: fy(2025), baseline: 1.0, target_year: fy(2025), target: 2.0 };
    assert_eq!(path.expected_value(fy(2024)), 1.0);
    assert_eq!(path.expected_value(fy(2025)), 2.0);
}

#[test]
fn a_grade_between_the_baseline_and_the_path() {
    let path = seed_path(9);
    // FY2023 expects 10.8 organisations.
    assert_eq!(path.grade(fy(2023), Some(11.0), Tolerance::NONE), ProgressGrade::OnTrack);
    assert_eq!(path.grade(fy(2023), Some(10.0), Tolerance::NONE), ProgressGrade::Behind);
    assert_eq!(path.grade(fy(2023), Some(8.0), Tolerance::NONE), ProgressGrade::Regressed);
    assert_eq!(path.grade(fy(2023), Some(12.0), Tolerance::NONE), ProgressGrade::Achieved);
    assert_eq!(path.grade(fy(2023), Some(13.0), Tolerance::NONE), ProgressGrade::Achieved);
    assert_close(percent(&path, 13.0), 133.3);
}

#[test]
fn lower_is_better_when_the_target_is_below_the_baseline() {
    // A made-up indicator: residents who feel isolated, 20 % in FY2020, 15 % by FY2025.
    let path = IndicatorPath { baseline_year: fy(2020), baseline: 20.0, target_year: fy(2025), target: 15.0 };
    assert_eq!(path.aim(), Aim::Lower);
    assert_close(percent(&path, 17.5), 50.0);
    assert_close(percent(&path, 22.0), -40.0);
    assert_close(path.expected_value(fy(2022)), 18.0);
    let grade = |year, value| path.grade(fy(year), Some(value), Tolerance::NONE);
    assert_eq!(grade(2025, 15.0), ProgressGrade::Achieved);
    assert_eq!(grade(2022, 14.0), ProgressGrade::Achieved);
    assert_eq!(grade(2022, 17.9), ProgressGrade::OnTrack);
    assert_eq!(grade(2022, 18.0), ProgressGrade::OnTrack);
    assert_eq!(grade(2022, 18.1), ProgressGrade::Behind);
    assert_eq!(grade(2022, 20.0), ProgressGrade::Behind);
    assert_eq!(grade(2022, 20.1), ProgressGrade::Regressed);
    assert_eq!(path.trend((fy(2020), 20.0), (fy(2022), 19.0)).direction, TrendDirection::Improved);
    assert_eq!(path.trend((fy(2020), 20.0), (fy(2022), 21.0)).direction, TrendDirection::Worsened);
}

#[test]
fn keeping_a_level_has_no_rate_and_no_side() {
    let path =
        IndicatorPath { baseline_year: fy(2020), baseline: 100.0, target_year: fy(2025), target: 100.0 };
    assert_eq!(path.aim(), Aim::Keep);
    assert_eq!(path.achievement_rate(100.0), None);
    assert_eq!(path.achievement_rate(90.0), None);
    let one = Tolerance::new(1.0).unwrap_or_else(|| panic!("tolerance"));
    assert_eq!(path.grade(fy(2023), Some(100.0), Tolerance::NONE), ProgressGrade::Achieved);
    assert_eq!(path.grade(fy(2023), Some(99.0), Tolerance::NONE), ProgressGrade::Behind);
    assert_eq!(path.grade(fy(2023), Some(101.0), Tolerance::NONE), ProgressGrade::Behind);
    assert_eq!(path.grade(fy(2023), Some(99.0), one), ProgressGrade::Achieved);
    assert_eq!(path.grade(fy(2023), Some(98.9), one), ProgressGrade::Behind);
    assert_eq!(path.trend((fy(2021), 95.0), (fy(2022), 98.0)).direction, TrendDirection::Improved);
    assert_eq!(path.trend((fy(2021), 98.0), (fy(2022), 103.0)).direction, TrendDirection::Worsened);
}

#[test]
fn a_year_without_a_survey_is_not_measured() {
    let path = seed_path(3);
    assert_eq!(path.grade(fy(2022), None, Tolerance::NONE), ProgressGrade::NotMeasured);
    assert_eq!(path.grade(fy(2022), Some(f64::NAN), Tolerance::NONE), ProgressGrade::NotMeasured);
    let progress = path.progress(fy(2022), None, Tolerance::NONE);
    assert_eq!(progress.value, None);
    assert_eq!(progress.achievement_rate, None);
    assert_eq!(progress.grade, ProgressGrade::NotMeasured);
    // The path still says where the value should be, for the chart.
    assert_close(progress.expected_value, 23.6 + 6.4 * 2.0 / 5.0);
}

#[test]
fn progress_gathers_rate_expected_value_and_grade() {
    let progress = seed_path(9).progress(fy(2023), Some(10.0), Tolerance::NONE);
    assert_eq!(progress.year, fy(2023));
    assert_eq!(progress.value, Some(10.0));
    assert_close(rate_as_percent(progress.achievement_rate.unwrap_or_default()), 33.3);
    assert_close(progress.expected_value, 10.8);
    assert_eq!(progress.grade, ProgressGrade::Behind);
}

#[test]
fn the_tolerance_boundaries_are_inclusive() {
    // Indicator 3 with a survey error of 1.5 points.
    let path = seed_path(3);
    let tolerance = Tolerance::new(1.5).unwrap_or_else(|| panic!("tolerance"));
    let grade = |year, value| path.grade(fy(year), Some(value), tolerance);
    // Exactly the tolerance below the baseline is still within survey error.
    assert_eq!(grade(2020, 22.1), ProgressGrade::OnTrack);
    assert_eq!(grade(2021, 22.1), ProgressGrade::Behind);
    assert_eq!(grade(2025, 22.1), ProgressGrade::Behind);
    assert_eq!(grade(2025, 22.0), ProgressGrade::Regressed);
    // FY2023 expects 23.6 + 6.4 × 3/5 = 27.44.
    assert_eq!(grade(2023, 25.94), ProgressGrade::OnTrack);
    assert_eq!(grade(2023, 25.93), ProgressGrade::Behind);
    // Within survey error of the target is on track, never achieved.
    assert_eq!(grade(2025, 29.9), ProgressGrade::OnTrack);
    assert_eq!(grade(2025, 30.0), ProgressGrade::Achieved);
    // Without a tolerance the same values are graded on the numbers alone.
    assert_eq!(path.grade(fy(2021), Some(22.1), Tolerance::NONE), ProgressGrade::Regressed);
    assert_eq!(path.grade(fy(2023), Some(27.44), Tolerance::NONE), ProgressGrade::OnTrack);
    assert_eq!(path.grade(fy(2023), Some(27.43), Tolerance::NONE), ProgressGrade::Behind);
}

#[test]
fn tolerances_are_finite_and_not_negative() {
    assert_eq!(Tolerance::default(), Tolerance::NONE);
    assert_eq!(Tolerance::new(0.0), Some(Tolerance::NONE));
    assert_eq!(Tolerance::new(2.5).map(Tolerance::amount), Some(2.5));
    for bad in [-0.1, f64::NAN, f64::INFINITY] {
        assert_eq!(Tolerance::new(bad), None, "{bad}");
    }
}

#[test]
fn rates_print_with_one_decimal() {
    assert_close(rate_as_percent(1.0 / 3.0), 33.3);
    assert_close(rate_as_percent(2.0 / 3.0), 66.7);
    assert_close(rate_as_percent(-0.25), -25.0);
    assert_close(rate_as_percent(1.0), 100.0);
}

#[test]
fn grades_and_trends_have_stable_names_and_labels() {
    for grade in ProgressGrade::ALL {
        assert_eq!(ProgressGrade::parse(grade.as_str()), Some(grade));
        assert!(!grade.label(Language::Ja).is_empty() && !grade.label(Language::En).is_empty());
    }
    assert_eq!(ProgressGrade::OnTrack.as_str(), "ON_TRACK");
    assert_eq!(ProgressGrade::NotMeasured.label(Language::Ja), "今年度は未測定");
    assert_eq!(ProgressGrade::Regressed.label(Language::Ja), "後退");
    assert_eq!(ProgressGrade::parse("on_track"), None);
    for direction in TrendDirection::ALL {
        assert_eq!(TrendDirection::parse(direction.as_str()), Some(direction));
    }
    assert_eq!(TrendDirection::Worsened.label(Language::Ja), "悪化");
}

proptest! {
    #[test]
    fn the_baseline_is_zero_and_the_target_is_one(
        baseline in -1.0e6f64..1.0e6,
        target in -1.0e6f64..1.0e6,
        from in 1989i64..2100,
        years in 1i64..20,
    ) {
        prop_assume!(baseline != target);
        let path = IndicatorPath { baseline_year: fy(from), baseline, target_year: fy(from + years), target };
        prop_assert_eq!(path.achievement_rate(baseline), Some(0.0));
        prop_assert_eq!(path.achievement_rate(target), Some(1.0));
        // Closer than the rounding slack, the baseline already counts as the target.
        prop_assume!((target - baseline).abs() > 1e-6);
        prop_assert_eq!(path.grade(path.target_year, Some(target), Tolerance::NONE), ProgressGrade::Achieved);
        prop_assert_eq!(path.grade(path.baseline_year, Some(baseline), Tolerance::NONE), ProgressGrade::OnTrack);
    }

    #[test]
    fn the_expected_value_stays_between_baseline_and_target(
        baseline in 0.0f64..100.0,
        target in 0.0f64..100.0,
        year in 2015i64..2035,
    ) {
        let path = IndicatorPath { baseline_year: fy(2020), baseline, target_year: fy(2025), target };
        let expected = path.expected_value(fy(year));
        prop_assert!(expected >= baseline.min(target) - 1e-9 && expected <= baseline.max(target) + 1e-9);
    }
}
