//! Japanese fiscal years (年度) and their era labels (令和N年度).
//!
//! A fiscal year runs from 1 April to 31 March and is named after the calendar year in
//! which it starts: FY2021 is 令和3年度, 1 April 2021 to 31 March 2022. Officials name
//! fiscal years by era, and the first year of an era is 元年 (令和元年度 = FY2019), so
//! every date officials read is shown with its era label.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::i18n::Language;

/// The range of fiscal years the product accepts. Plans of the Heisei era are history
/// worth holding; a year outside this range is a typo.
pub const EARLIEST: i32 = 1989;
/// See [`EARLIEST`].
pub const LATEST: i32 = 2199;

/// A Japanese fiscal year, identified by the calendar year in which it starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "i32", into = "i32")]
pub struct FiscalYear(i32);

/// A year outside the range the product accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("fiscal year {0} is outside {EARLIEST}..={LATEST}")]
pub struct FiscalYearOutOfRange(pub i64);

/// A Japanese era (元号) from which fiscal years are labelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Era {
    /// 平成, the fiscal years 1989 to 2018.
    Heisei,
    /// 令和, from fiscal year 2019 (the era began on 1 May 2019; officials call the
    /// whole of FY2019 令和元年度).
    Reiwa,
}

impl Era {
    fn first_fiscal_year(self) -> i32 {
        match self {
            Self::Heisei => 1989,
            Self::Reiwa => 2019,
        }
    }

    /// The era's name.
    pub fn name(self, language: Language) -> &'static str {
        match (self, language) {
            (Self::Heisei, Language::Ja) => "平成",
            (Self::Reiwa, Language::Ja) => "令和",
            (Self::Heisei, Language::En) => "Heisei",
            (Self::Reiwa, Language::En) => "Reiwa",
        }
    }
}

impl FiscalYear {
    /// The fiscal year that starts in the given calendar year.
    pub fn new(year: i64) -> Result<Self, FiscalYearOutOfRange> {
        match i32::try_from(year) {
            Ok(year) if (EARLIEST..=LATEST).contains(&year) => Ok(Self(year)),
            _ => Err(FiscalYearOutOfRange(year)),
        }
    }

    /// The fiscal year a calendar date falls in: January to March belong to the fiscal
    /// year that started the previous April.
    pub fn containing(date: NaiveDate) -> Result<Self, FiscalYearOutOfRange> {
        let start_year = if date.month() >= 4 { date.year() } else { date.year() - 1 };
        Self::new(i64::from(start_year))
    }

    /// The calendar year in which this fiscal year starts.
    pub fn year(self) -> i32 {
        self.0
    }

    /// 1 April of the starting year.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.0, 4, 1).unwrap_or(NaiveDate::MIN)
    }

    /// 31 March of the following year.
    pub fn last_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.0 + 1, 3, 31).unwrap_or(NaiveDate::MAX)
    }

    /// Whether a date falls inside this fiscal year.
    pub fn contains(self, date: NaiveDate) -> bool {
        (self.first_day()..=self.last_day()).contains(&date)
    }

    /// The era and the year within it (1 for the first year).
    pub fn era(self) -> (Era, i32) {
        let era = if self.0 >= Era::Reiwa.first_fiscal_year() { Era::Reiwa } else { Era::Heisei };
        (era, self.0 - era.first_fiscal_year() + 1)
    }

    /// The label officials use: `令和3年度` in Japanese, `FY2021 (Reiwa 3)` in English.
    pub fn label(self, language: Language) -> String {
        let (era, year_in_era) = self.era();
        match language {
            Language::Ja if year_in_era == 1 => format!("{}元年度", era.name(language)),
            Language::Ja => format!("{}{}年度", era.name(language), year_in_era),
            Language::En => format!("FY{} ({} {})", self.0, era.name(language), year_in_era),
        }
    }
}

impl TryFrom<i32> for FiscalYear {
    type Error = FiscalYearOutOfRange;

    fn try_from(value: i32) -> Result<Self, Self::Error> {
        Self::new(i64::from(value))
    }
}

impl From<FiscalYear> for i32 {
    fn from(value: FiscalYear) -> Self {
        value.0
    }
}

impl fmt::Display for FiscalYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FY{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn fy(year: i64) -> FiscalYear {
        FiscalYear::new(year).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn labels_match_what_officials_write() {
        assert_eq!(fy(2021).label(Language::Ja), "令和3年度");
        assert_eq!(fy(2025).label(Language::Ja), "令和7年度");
        assert_eq!(fy(2019).label(Language::Ja), "令和元年度");
        assert_eq!(fy(2018).label(Language::Ja), "平成30年度");
        assert_eq!(fy(2015).label(Language::Ja), "平成27年度");
        assert_eq!(fy(1989).label(Language::Ja), "平成元年度");
        assert_eq!(fy(2021).label(Language::En), "FY2021 (Reiwa 3)");
    }

    #[test]
    fn the_fiscal_year_turns_on_the_first_of_april() {
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("date"));
        assert_eq!(FiscalYear::containing(date(2022, 3, 31)), Ok(fy(2021)));
        assert_eq!(FiscalYear::containing(date(2022, 4, 1)), Ok(fy(2022)));
        assert_eq!(fy(2021).first_day(), date(2021, 4, 1));
        assert_eq!(fy(2021).last_day(), date(2022, 3, 31));
    }

    #[test]
    fn refuses_years_out_of_range() {
        assert!(FiscalYear::new(1988).is_err());
        assert!(FiscalYear::new(2200).is_err());
        assert!(FiscalYear::new(i64::MAX).is_err());
    }

    proptest! {
        #[test]
        fn every_day_belongs_to_exactly_its_fiscal_year(days in 0i64..60_000) {
            let date = NaiveDate::from_ymd_opt(1989, 4, 1)
                .and_then(|d| d.checked_add_signed(chrono::Duration::days(days)));
            if let Some(date) = date
                && let Ok(year) = FiscalYear::containing(date)
            {
                prop_assert!(year.contains(date));
                let next = FiscalYear::new(i64::from(year.year()) + 1);
                prop_assert!(!next.map(|n| n.contains(date)).unwrap_or(false));
            }
        }
    }
}
