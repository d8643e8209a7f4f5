//! The demo installation: the 3rd Omitama plan with sample organisations, loaded into an
//! empty database by `nukumori serve --demo` so that a new user sees a real plan at once.

use domain::access::Actor;

use crate::{App, AppError};

/// The 3rd Omitama City Community Welfare Plan, in the plan-file format.
pub const OMITAMA_PLAN: &str = include_str!("../plans/omitama-3.toml");

/// The code of the demo plan.
pub const OMITAMA_PLAN_CODE: &str = "omitama-3";

impl App {
    /// Loads the demo data if the database holds no plan yet; says whether it did.
    pub async fn load_demo_if_empty(&self) -> Result<bool, AppError> {
        if !self.plans(&Actor::System).await?.is_empty() {
            return Ok(false);
        }
        self.import_plan(&Actor::System, OMITAMA_PLAN).await?;
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_plan_has_the_seeds_shape() -> Result<(), domain::plan_file::PlanFileError> {
        let plan = domain::plan_file::parse(OMITAMA_PLAN)?;
        assert_eq!(plan.plan.code, OMITAMA_PLAN_CODE);
        assert_eq!(plan.goals.len(), 3);
        assert_eq!(plan.policies.len(), 9);
        assert_eq!(plan.directions.len(), 29);
        assert_eq!(plan.directions.iter().filter(|d| d.is_new).count(), 3);
        assert_eq!(plan.indicators.len(), 10);
        let baselines: Vec<f64> = plan.indicators.iter().map(|i| i.baseline_value).collect();
        assert_eq!(
            baselines,
            [85.3, 60.5, 23.6, 33.6, 36.8, 53.8, 8.0, 81.9, 9.0, 41.2]
        );
        let targets: Vec<f64> = plan.indicators.iter().map(|i| i.target_value).collect();
        assert_eq!(
            targets,
            [90.0, 70.0, 30.0, 40.0, 40.0, 60.0, 20.0, 90.0, 12.0, 50.0]
        );
        let previous: Vec<f64> = plan
            .indicators
            .iter()
            .filter_map(|i| {
                i.values
                    .iter()
                    .find(|v| v.fiscal_year.year() == 2015)
                    .map(|v| v.value)
            })
            .collect();
        assert_eq!(
            previous,
            [85.3, 60.1, 26.6, 33.0, 35.6, 54.7, 9.0, 79.2, 8.0, 43.3]
        );
        Ok(())
    }
}
