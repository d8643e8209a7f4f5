//! Progress of the plan's target indicators (目標値): how far an observed value has come
//! from the baseline towards the target (達成率), where a straight path from the baseline
//! to the target says it should be by a given fiscal year, and the grade people read in
//! the annual evaluation.
//!
//! The arithmetic, with the 3rd Omitama plan's numbers (baseline FY2020, target FY2025):
//!
//! - Achievement rate = (value − baseline) / (target − baseline). School-district
//!   community organisations, 9 → 12: a count of 10 is 33.3 %. Volunteer participation,
//!   23.6 % → 30.0 %: a survey result of 22.0 % is −25.0 %, negative because the value
//!   moved away from the target.
//! - Expected value: the value on a straight path from the baseline in the baseline year
//!   to the target in the target year (for 9 → 12, 10.2 in FY2022); the baseline before
//!   the baseline year and the target after the target year.
//! - Grade: achieved, on track, behind, regressed, or not measured, with a [`Tolerance`]
//!   for survey error. A target below its baseline means lower is better, and every
//!   comparison turns round with it.
//! - Trend: the change between two observed values (the FY2015 → FY2020 change is the
//!   previous plan period's trend), improved, worsened or unchanged.
//!
//! Many indicators come from a resident survey held only in some years, so a year without
//! a value is "not measured", never "behind".

use serde::{Deserialize, Serialize};

use crate::{FiscalYear, i18n::Language, plan::Indicator};

#[cfg(test)]
mod tests;

/// Values are entered with one decimal, but binary floating point makes 23.6 − 1.5 differ
/// from 22.1 in the fifteenth digit; a difference that small must never change a grade.
const SLACK: f64 = 1e-9;

/// Which way an indicator should move to reach its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Aim {
    /// The target is above the baseline: higher is better.
    Raise,
    /// The target is below the baseline: lower is better.
    Lower,
    /// The target equals the baseline: the level is to be kept.
    Keep,
}

/// Survey error allowed before a value counts as behind or regressed, in the indicator's
/// own unit: percentage points for percent indicators, things for counts.
///
/// The unit is the indicator's rather than a fraction of the distance to the target
/// because survey error belongs to the survey, not to the target: a resident survey of
/// about a thousand answers is uncertain by a few points whether the plan means to move a
/// share by 3.2 points (indicator 5) or by 12 (indicator 7). A fraction of the distance
/// would forgive a 1-point dip on one indicator and a 4-point dip on another, both from
/// the same survey.
///
/// The default is none, so the grades follow the numbers exactly until the plan office
/// sets a tolerance. Counts reported by a division are exact and need none.
///
/// The tolerance never makes a value "achieved": reaching the target within survey error
/// is on track, not achieved.
#[derive(Clone, Copy, Debug, Default, PartialEq, PartialOrd)]
pub struct Tolerance(f64);

impl Tolerance {
    /// No tolerance: the grade follows the numbers exactly.
    pub const NONE: Self = Self(0.0);

    /// A tolerance of `amount` in the indicator's unit; none for a negative or non-finite
    /// amount.
    pub fn new(amount: f64) -> Option<Self> {
        (amount.is_finite() && amount >= 0.0).then_some(Self(amount))
    }

    /// The amount, in the indicator's unit.
    pub fn amount(self) -> f64 {
        self.0
    }
}

/// How an indicator's value stands in a fiscal year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ProgressGrade {
    /// The value reached or passed the target.
    Achieved,
    /// The value is at or beyond the straight path's expected value, within tolerance.
    OnTrack,
    /// The value is short of the expected value by more than the tolerance, but not
    /// behind the baseline by more than the tolerance.
    Behind,
    /// The value moved away from the target, beyond the baseline by more than the
    /// tolerance.
    Regressed,
    /// There is no value for the year (the survey was not held).
    NotMeasured,
}

impl ProgressGrade {
    /// Every grade, best first.
    pub const ALL: [Self; 5] =
        [Self::Achieved, Self::OnTrack, Self::Behind, Self::Regressed, Self::NotMeasured];

    /// The stable name used in the database and the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Achieved => "ACHIEVED",
            Self::OnTrack => "ON_TRACK",
            Self::Behind => "BEHIND",
            Self::Regressed => "REGRESSED",
            Self::NotMeasured => "NOT_MEASURED",
        }
    }

    /// The inverse of [`Self::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|grade| grade.as_str() == text)
    }

    /// The label people read.
    pub fn label(self, language: Language) -> &'static str {
        match (self, language) {
            (Self::Achieved, Language::Ja) => "達成",
            (Self::OnTrack, Language::Ja) => "順調",
            (Self::Behind, Language::Ja) => "遅れ",
            (Self::Regressed, Language::Ja) => "後退",
            (Self::NotMeasured, Language::Ja) => "今年度は未測定",
            (Self::Achieved, Language::En) => "Achieved",
            (Self::OnTrack, Language::En) => "On track",
            (Self::Behind, Language::En) => "Behind",
            (Self::Regressed, Language::En) => "Regressed",
            (Self::NotMeasured, Language::En) => "Not measured this year",
        }
    }
}

/// An indicator's progress in one fiscal year.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct IndicatorProgress {
    /// The fiscal year.
    pub year: FiscalYear,
    /// The observed value, if the indicator was measured that year.
    pub value: Option<f64>,
    /// The achievement rate as a fraction (0.333 is 33.3 %); none without a value or
    /// when the target equals the baseline.
    pub achievement_rate: Option<f64>,
    /// The value expected on the straight path in that year.
    pub expected_value: f64,
    /// The grade.
    pub grade: ProgressGrade,
}

/// Which way a value moved between two observations, judged against the target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TrendDirection {
    /// Moved towards the target (改善).
    Improved,
    /// Moved away from the target (悪化).
    Worsened,
    /// Did not move (横ばい).
    Unchanged,
}

impl TrendDirection {
    /// Every direction.
    pub const ALL: [Self; 3] = [Self::Improved, Self::Worsened, Self::Unchanged];

    /// The stable name used in the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Improved => "IMPROVED",
            Self::Worsened => "WORSENED",
            Self::Unchanged => "UNCHANGED",
        }
    }

    /// The inverse of [`Self::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|direction| direction.as_str() == text)
    }

    /// The label people read.
    pub fn label(self, language: Language) -> &'static str {
        match (self, language) {
            (Self::Improved, Language::Ja) => "改善",
            (Self::Worsened, Language::Ja) => "悪化",
            (Self::Unchanged, Language::Ja) => "横ばい",
            (Self::Improved, Language::En) => "Improved",
            (Self::Worsened, Language::En) => "Worsened",
            (Self::Unchanged, Language::En) => "Unchanged",
        }
    }
}

/// The change of an indicator between two observed values.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Trend {
    /// The year of the earlier value.
    pub from_year: FiscalYear,
    /// The year of the later value.
    pub to_year: FiscalYear,
    /// Later minus earlier, in the indicator's unit (percentage points for percents).
    pub change: f64,
    /// Whether the change went towards the target.
    pub direction: TrendDirection,
}

/// The straight path an indicator is meant to travel, from its baseline (現状値) in the
/// baseline year to its target (目標値) in the target year.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct IndicatorPath {
    /// The fiscal year of the baseline.
    pub baseline_year: FiscalYear,
    /// The value the plan starts from.
    pub baseline: f64,
    /// The fiscal year by which the target should be reached.
    pub target_year: FiscalYear,
    /// The value the plan aims for.
    pub target: f64,
}

impl IndicatorPath {
    /// The path of an indicator.
    pub fn from_indicator(indicator: &Indicator) -> Self {
        Self {
            baseline_year: indicator.baseline_fiscal_year,
            baseline: indicator.baseline_value,
            target_year: indicator.target_fiscal_year,
            target: indicator.target_value,
        }
    }

    /// Which way the indicator should move.
    pub fn aim(&self) -> Aim {
        if self.target > self.baseline {
            Aim::Raise
        } else if self.target < self.baseline {
            Aim::Lower
        } else {
            Aim::Keep
        }
    }

    /// (value − baseline) / (target − baseline), as a fraction: 0 at the baseline, 1 at
    /// the target, above 1 beyond it, negative when the value moved away from the target.
    /// The formula holds for lower-is-better targets as it stands.
    ///
    /// None when the target equals the baseline: there is no distance to cover, so no
    /// share of it; the [grade](Self::grade) still says whether the level was kept. None
    /// also for a value that is not a number.
    pub fn achievement_rate(&self, value: f64) -> Option<f64> {
        let distance = self.target - self.baseline;
        if distance == 0.0 {
            return None;
        }
        Some((value - self.baseline) / distance).filter(|rate| rate.is_finite())
    }

    /// The value on the straight path in `year`: the baseline up to the baseline year,
    /// the target from the target year on, and in between a share of the distance that
    /// grows by the same amount every year.
    pub fn expected_value(&self, year: FiscalYear) -> f64 {
        if year >= self.target_year {
            self.target
        } else if year <= self.baseline_year {
            self.baseline
        } else {
            let elapsed = f64::from(year.year() - self.baseline_year.year());
            let span = f64::from(self.target_year.year() - self.baseline_year.year());
            self.baseline + (self.target - self.baseline) * elapsed / span
        }
    }

    /// The grade of `value` observed in `year`, checked in this order:
    ///
    /// 1. Not measured: no value (or a value that is not a number).
    /// 2. Achieved: the value reached or passed the target.
    /// 3. Regressed: the value is beyond the baseline, away from the target, by more than
    ///    the tolerance.
    /// 4. On track: the value is at or beyond the expected value, or short of it by no
    ///    more than the tolerance.
    /// 5. Behind: anything else.
    ///
    /// When the target equals the baseline (keep the level), the value is achieved when
    /// it is within the tolerance of the level, and behind otherwise: the plan does not
    /// say which side of the level is better, so no side counts as regressed.
    pub fn grade(&self, year: FiscalYear, value: Option<f64>, tolerance: Tolerance) -> ProgressGrade {
        let Some(value) = value.filter(|value| value.is_finite()) else {
            return ProgressGrade::NotMeasured;
        };
        let allowed = tolerance.amount() + SLACK;
        let sign = match self.aim() {
            Aim::Raise => 1.0,
            Aim::Lower => -1.0,
            Aim::Keep if (value - self.target).abs() <= allowed => return ProgressGrade::Achieved,
            Aim::Keep => return ProgressGrade::Behind,
        };
        // How far the value is past a reference point in the direction of the target.
        let past = |reference: f64| sign * (value - reference);
        if past(self.target) >= -SLACK {
            ProgressGrade::Achieved
        } else if past(self.baseline) < -allowed {
            ProgressGrade::Regressed
        } else if past(self.expected_value(year)) >= -allowed {
            ProgressGrade::OnTrack
        } else {
            ProgressGrade::Behind
        }
    }

    /// The progress in `year`: rate, expected value and grade together.
    pub fn progress(&self, year: FiscalYear, value: Option<f64>, tolerance: Tolerance) -> IndicatorProgress {
        let value = value.filter(|value| value.is_finite());
        IndicatorProgress {
            year,
            value,
            achievement_rate: value.and_then(|value| self.achievement_rate(value)),
            expected_value: self.expected_value(year),
            grade: self.grade(year, value, tolerance),
        }
    }

    /// The change from the observation `from` to the later observation `to`, each a
    /// fiscal year and a value.
    ///
    /// Improved means it moved the way the target lies (up for a higher target, down for
    /// a lower one). For a target equal to the baseline, improved means it came closer to
    /// the level.
    pub fn trend(&self, from: (FiscalYear, f64), to: (FiscalYear, f64)) -> Trend {
        let change = to.1 - from.1;
        let direction = if change.abs() <= SLACK {
            TrendDirection::Unchanged
        } else {
            let improved = match self.aim() {
                Aim::Raise => change > 0.0,
                Aim::Lower => change < 0.0,
                Aim::Keep => (to.1 - self.target).abs() < (from.1 - self.target).abs(),
            };
            if improved { TrendDirection::Improved } else { TrendDirection::Worsened }
        };
        Trend { from_year: from.0, to_year: to.0, change, direction }
    }

    /// The previous plan period's trend: from an earlier observation to the baseline
    /// (for the 3rd plan, FY2015 → FY2020).
    pub fn previous_trend(&self, earlier: (FiscalYear, f64)) -> Trend {
        self.trend(earlier, (self.baseline_year, self.baseline))
    }
}

/// A rate as the percentage people read, rounded to one decimal place as the plan's tables
/// print it: 1/3 is 33.3, −0.25 is −25.0. Halves round away from zero.
pub fn rate_as_percent(rate: f64) -> f64 {
    (rate * 1000.0).round() / 10.0
}
