//! The plan as data: a plan generation with its basic goals (基本目標), basic policies
//! (基本施策), policy directions (施策の方向) and target indicators (目標値), and the
//! organisations that own and evaluate it.

use serde::{Deserialize, Serialize};

use crate::{
    NodeCode,
    fiscal::FiscalYear,
    i18n::Language,
    ids::{DirectionId, GoalId, IndicatorId, IndicatorValueId, OrganizationId, PlanId, PolicyId},
};

/// A text that exists in Japanese and in English. Japanese is the primary label.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bilingual {
    /// 日本語.
    pub ja: String,
    /// English.
    pub en: String,
}

impl Bilingual {
    /// Both texts.
    pub fn new(ja: impl Into<String>, en: impl Into<String>) -> Self {
        Self { ja: ja.into(), en: en.into() }
    }

    /// The text in the given language.
    pub fn get(&self, language: Language) -> &str {
        match language {
            Language::Ja => &self.ja,
            Language::En => &self.en,
        }
    }
}

/// What an organisation is in the plan's promotion system (推進体制).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrganizationKind {
    /// A city department or division (担当課) that owns directions and reports.
    Department,
    /// The Council of Social Welfare (社会福祉協議会), a separate corporation that owns
    /// directions and reviews departments' reports.
    Council,
    /// The plan office (事務局) that runs the plan.
    PlanOffice,
    /// The expert committee (地域福祉計画推進委員会).
    Committee,
}

impl OrganizationKind {
    /// Every kind, in display order.
    pub const ALL: [Self; 4] = [Self::Department, Self::Council, Self::PlanOffice, Self::Committee];

    /// The stable name used in files and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Department => "department",
            Self::Council => "council",
            Self::PlanOffice => "plan_office",
            Self::Committee => "committee",
        }
    }

    /// The inverse of [`Self::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == text)
    }
}

/// A department, the Council, the plan office or the committee.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Organization {
    /// Identity.
    pub id: OrganizationId,
    /// Stable human key, unique in the installation (`bousai`).
    pub code: String,
    /// Name.
    pub name: Bilingual,
    /// Role in the promotion system.
    pub kind: OrganizationKind,
    /// Sample data shipped for the demo, not taken from the city's documents.
    pub is_sample: bool,
}

/// A plan generation (第3次 …計画) with its period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// Identity.
    pub id: PlanId,
    /// Stable human key, unique in the installation (`omitama-3`).
    pub code: String,
    /// Title.
    pub name: Bilingual,
    /// First fiscal year of the plan period.
    pub start_fiscal_year: FiscalYear,
    /// Last fiscal year of the plan period.
    pub end_fiscal_year: FiscalYear,
    /// Basic philosophy (基本理念).
    pub philosophy: Bilingual,
    /// Slogan (キャッチフレーズ), if the plan has one.
    pub slogan: Option<Bilingual>,
}

/// A basic goal (基本目標).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Goal {
    /// Identity.
    pub id: GoalId,
    /// The plan it belongs to.
    pub plan_id: PlanId,
    /// `1`.
    pub code: NodeCode,
    /// Name.
    pub name: Bilingual,
}

/// A basic policy (基本施策).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Policy {
    /// Identity.
    pub id: PolicyId,
    /// The plan it belongs to.
    pub plan_id: PlanId,
    /// The goal above it.
    pub goal_id: GoalId,
    /// `1-2`.
    pub code: NodeCode,
    /// Name.
    pub name: Bilingual,
}

/// A policy direction (施策の方向): the unit that owners report on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PolicyDirection {
    /// Identity.
    pub id: DirectionId,
    /// The plan it belongs to.
    pub plan_id: PlanId,
    /// The policy above it.
    pub policy_id: PolicyId,
    /// The goal above the policy.
    pub goal_id: GoalId,
    /// `1-2-3`.
    pub code: NodeCode,
    /// Name.
    pub name: Bilingual,
    /// A new measure of this plan generation (新規施策).
    pub is_new: bool,
}

/// How an indicator's values are counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorUnit {
    /// A share of respondents or of coverage, 0 to 100.
    Percent,
    /// A number of things (organisations, people, events).
    Count,
}

impl IndicatorUnit {
    /// The stable name used in files and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Percent => "percent",
            Self::Count => "count",
        }
    }

    /// The inverse of [`Self::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        [Self::Percent, Self::Count].into_iter().find(|unit| unit.as_str() == text)
    }

    /// Whether a value is possible for this unit at all.
    pub fn admits(self, value: f64) -> bool {
        value.is_finite()
            && match self {
                Self::Percent => (0.0..=100.0).contains(&value),
                Self::Count => value >= 0.0,
            }
    }
}

/// A target indicator (目標値) with its baseline and target.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    /// Identity.
    pub id: IndicatorId,
    /// The plan it belongs to.
    pub plan_id: PlanId,
    /// The goal it measures; none for an indicator of the whole plan.
    pub goal_id: Option<GoalId>,
    /// Stable human key, unique in the plan (`I1`).
    pub code: String,
    /// What is measured.
    pub name: Bilingual,
    /// Percent or count.
    pub unit: IndicatorUnit,
    /// The counted thing for counts (組織 / organisations).
    pub unit_label: Option<Bilingual>,
    /// The value the plan starts from (現状値).
    pub baseline_value: f64,
    /// The fiscal year of the baseline.
    pub baseline_fiscal_year: FiscalYear,
    /// The value the plan aims for (目標値).
    pub target_value: f64,
    /// The fiscal year by which the target should be reached.
    pub target_fiscal_year: FiscalYear,
    /// Where the values come from (出典): a survey or a division.
    pub source: Bilingual,
    /// The organisation that reports the values, when it is one of ours.
    pub source_organization_id: Option<OrganizationId>,
}

/// One observed value of an indicator for one fiscal year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndicatorValue {
    /// Identity.
    pub id: IndicatorValueId,
    /// The indicator.
    pub indicator_id: IndicatorId,
    /// The fiscal year the value describes.
    pub fiscal_year: FiscalYear,
    /// The value, in the indicator's unit.
    pub value: f64,
    /// Where this value comes from (e.g. the survey of that year).
    pub source: Option<String>,
    /// A remark.
    pub note: Option<String>,
}

/// Checks a stable key of plans and organisations: lowercase letters, digits and `-`,
/// starting with a letter or digit, at most 64 characters.
pub fn is_valid_slug(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 64
        && !text.starts_with('-')
        && text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Checks an indicator code: letters, digits, `-` and `_`, at most 32 characters.
pub fn is_valid_indicator_code(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 32
        && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(is_valid_slug("omitama-3"));
        assert!(is_valid_slug("bousai"));
        for bad in ["", "-x", "Omitama", "a b", "a/b", "防災"] {
            assert!(!is_valid_slug(bad), "{bad:?}");
        }
    }

    #[test]
    fn units_admit_plausible_values() {
        assert!(IndicatorUnit::Percent.admits(85.3));
        assert!(!IndicatorUnit::Percent.admits(100.1));
        assert!(!IndicatorUnit::Percent.admits(f64::NAN));
        assert!(IndicatorUnit::Count.admits(12.0));
        assert!(!IndicatorUnit::Count.admits(-1.0));
        assert!(!IndicatorUnit::Count.admits(f64::INFINITY));
    }
}
