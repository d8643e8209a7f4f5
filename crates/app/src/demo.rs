//! The demo installation: the 3rd Omitama plan with sample organisations, and one
//! account per role, loaded into an empty database by `nukumori serve --demo` so that a
//! new user sees a real plan and can sign in as each kind of person at once.

use domain::{
    Language,
    access::{Actor, Role},
};

use crate::{App, AppError, NewAccount};

/// The 3rd Omitama City Community Welfare Plan, in the plan-file format.
pub const OMITAMA_PLAN: &str = include_str!("../plans/omitama-3.toml");

/// The code of the demo plan.
pub const OMITAMA_PLAN_CODE: &str = "omitama-3";

/// Sample owners for every direction of the demo plan, in the ownership CSV format the
/// plan office uploads (the departments are sample data; the Council is named where the
/// plan gives it a part).
pub const OMITAMA_OWNERS: &str = include_str!("../plans/omitama-3.owners.csv");

/// The demo accounts: e-mail, sample name, organisation code, role.
pub const DEMO_ACCOUNTS: [(&str, &str, &str, Role); 7] = [
    ("office@omitama.example", "佐藤 花子", "plan-office", Role::PlanOffice),
    ("welfare@omitama.example", "鈴木 一郎", "welfare", Role::DepartmentStaff),
    ("welfare-chief@omitama.example", "高橋 恵子", "welfare", Role::DepartmentManager),
    ("bousai@omitama.example", "田中 健", "bousai", Role::DepartmentStaff),
    ("council@omitama.example", "伊藤 美咲", "council", Role::CouncilCoordinator),
    ("committee@omitama.example", "渡辺 誠", "committee", Role::CommitteeMember),
    ("admin@omitama.example", "山本 翔", "johosei", Role::Admin),
];

impl App {
    /// Loads the demo plan if the database holds no plan yet; says whether it did.
    pub async fn load_demo_if_empty(&self) -> Result<bool, AppError> {
        if !self.plans(&Actor::System).await?.is_empty() {
            return Ok(false);
        }
        let summary = self.import_plan(&Actor::System, OMITAMA_PLAN).await?;
        let plan_id = summary.plan_id.ok_or(AppError::NotFound { what: "demo plan" })?;
        self.apply_ownership_import(&Actor::System, plan_id, OMITAMA_OWNERS.as_bytes()).await?;
        Ok(true)
    }

    /// Creates the demo accounts that do not exist yet, all with `password`; returns how
    /// many it created.
    pub async fn load_demo_accounts(&self, password: &str) -> Result<usize, AppError> {
        let mut created = 0;
        for (email, name, organization, role) in DEMO_ACCOUNTS {
            if self.db.credentials_by_email(email).await?.is_some() {
                continue;
            }
            let organization = self
                .organization_by_code(organization)
                .await?
                .ok_or(AppError::NotFound { what: "demo organisation" })?;
            let account = NewAccount {
                email: email.to_owned(),
                display_name: name.to_owned(),
                organization_id: organization.id,
                roles: vec![role],
                language: Language::Ja,
                password: Some(password.to_owned()),
            };
            self.create_user(&Actor::System, account).await?;
            created += 1;
        }
        Ok(created)
    }
}

/// A synthetic plan for tests and benchmarks: a plan of `goals` x `policies` x `directions` with `indicators` indicators per goal,
/// each with five observed values.
pub fn synthetic_plan(
    code: &str,
    goals: usize,
    policies: usize,
    directions: usize,
    indicators: usize,
) -> String {
    let mut text = format!(
        "format_version = 1\n[plan]\ncode = \"{code}\"\nname_ja = \"合成計画\"\nname_en = \"Synthetic plan\"\n\
         start_fiscal_year = 2021\nend_fiscal_year = 2025\nphilosophy_ja = \"理念\"\nphilosophy_en = \"Philosophy\"\n\
         [[organizations]]\ncode = \"synthetic-dept\"\nkind = \"department\"\nname_ja = \"合成課\"\nname_en = \"Synthetic Division\"\nsample = true\n"
    );
    for g in 1..=goals {
        text += &format!("[[goals]]\ncode = \"{g}\"\nname_ja = \"目標{g}\"\nname_en = \"Goal {g}\"\n");
        for p in 1..=policies {
            text += &format!(
                "[[policies]]\ncode = \"{g}-{p}\"\nname_ja = \"施策{g}-{p}\"\nname_en = \"Policy {g}-{p}\"\n"
            );
            for d in 1..=directions {
                text += &format!(
                    "[[directions]]\ncode = \"{g}-{p}-{d}\"\nname_ja = \"方向{g}-{p}-{d}\"\nname_en = \"Direction {g}-{p}-{d}\"\nnew = {}\n",
                    d % 3 == 0
                );
            }
        }
        for i in 1..=indicators {
            text += &format!(
                "[[indicators]]\ncode = \"G{g}I{i}\"\ngoal = \"{g}\"\nname_ja = \"指標{g}-{i}\"\nname_en = \"Indicator {g}-{i}\"\n\
                 unit = \"percent\"\nbaseline_fiscal_year = 2020\ntarget_value = 60.0\ntarget_fiscal_year = 2025\n\
                 source_ja = \"調査\"\nsource_en = \"Survey\"\nsource_organization = \"synthetic-dept\"\nvalues = [\n"
            );
            for year in 2020..=2024 {
                text += &format!("  {{ fiscal_year = {year}, value = {}.5 }},\n", 40 + year - 2020);
            }
            text += "]\n";
        }
    }
    text
}

/// The ownership table of a [`synthetic_plan`]: every direction led by 社会福祉課 with
/// the Council and 防災管理課 as co-owners (organisations of the Omitama demo).
pub fn synthetic_owners(goals: usize, policies: usize, directions: usize) -> String {
    let mut csv = String::from("施策の方向コード,役割,組織コード\n");
    for g in 1..=goals {
        for p in 1..=policies {
            for d in 1..=directions {
                let code = format!("{g}-{p}-{d}");
                csv += &format!("{code},主担当,welfare\n{code},関係課,council\n{code},関係課,bousai\n");
            }
        }
    }
    csv
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
        assert_eq!(baselines, [85.3, 60.5, 23.6, 33.6, 36.8, 53.8, 8.0, 81.9, 9.0, 41.2]);
        let targets: Vec<f64> = plan.indicators.iter().map(|i| i.target_value).collect();
        assert_eq!(targets, [90.0, 70.0, 30.0, 40.0, 40.0, 60.0, 20.0, 90.0, 12.0, 50.0]);
        let previous: Vec<f64> = plan
            .indicators
            .iter()
            .filter_map(|i| i.values.iter().find(|v| v.fiscal_year.year() == 2015).map(|v| v.value))
            .collect();
        assert_eq!(previous, [85.3, 60.1, 26.6, 33.0, 35.6, 54.7, 9.0, 79.2, 8.0, 43.3]);
        for (_, _, organization, _) in DEMO_ACCOUNTS {
            assert!(plan.organizations.iter().any(|o| o.code == organization), "{organization}");
        }
        let owners = domain::ownership::parse_csv(OMITAMA_OWNERS).unwrap_or_else(|p| panic!("{p:?}"));
        let directions = plan.directions.iter().map(|d| d.code.clone()).collect();
        let kinds = plan.organizations.iter().map(|o| (o.code.clone(), o.kind)).collect();
        let changes = domain::ownership::plan_changes(&[], &owners, &directions, &kinds)
            .unwrap_or_else(|p| panic!("{p:?}"));
        assert_eq!(changes.len(), 71);
        let led: std::collections::HashSet<_> = owners
            .iter()
            .filter(|row| row.assignment.role == domain::ownership::OwnerRole::Lead)
            .map(|row| row.assignment.direction.clone())
            .collect();
        assert_eq!(led.len(), 29, "every direction has a lead");
        Ok(())
    }
}
