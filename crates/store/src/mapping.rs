//! Rows to domain types. A row the domain cannot read (a malformed code, a year out of
//! range, an unknown kind) was changed outside the product and is reported as corrupt
//! rather than guessed at.

use domain::{
    FiscalYear, NodeCode,
    ids::{DirectionId, GoalId, IndicatorId, IndicatorValueId, OrganizationId, PlanId, PolicyId},
    plan::{
        Bilingual, Goal, Indicator, IndicatorUnit, IndicatorValue, Organization, OrganizationKind, Plan,
        Policy, PolicyDirection,
    },
};

use crate::{StoreError, entities};

fn year(value: i32) -> Result<FiscalYear, StoreError> {
    FiscalYear::try_from(value).map_err(|e| StoreError::Corrupt(e.to_string()))
}

fn code(value: &str) -> Result<NodeCode, StoreError> {
    value.parse().map_err(|e: domain::code::CodeError| StoreError::Corrupt(e.to_string()))
}

fn pair(ja: Option<String>, en: Option<String>) -> Option<Bilingual> {
    match (ja, en) {
        (Some(ja), Some(en)) => Some(Bilingual { ja, en }),
        _ => None,
    }
}

pub(crate) fn organization(row: entities::organizations::Model) -> Result<Organization, StoreError> {
    let kind = OrganizationKind::parse(&row.kind)
        .ok_or_else(|| StoreError::Corrupt(format!("organisation kind {:?}", row.kind)))?;
    Ok(Organization {
        id: OrganizationId(row.id),
        code: row.code,
        name: Bilingual { ja: row.name_ja, en: row.name_en },
        kind,
        is_sample: row.is_sample,
    })
}

pub(crate) fn plan(row: entities::plans::Model) -> Result<Plan, StoreError> {
    Ok(Plan {
        id: PlanId(row.id),
        code: row.code,
        name: Bilingual { ja: row.name_ja, en: row.name_en },
        start_fiscal_year: year(row.start_fiscal_year)?,
        end_fiscal_year: year(row.end_fiscal_year)?,
        philosophy: Bilingual { ja: row.philosophy_ja, en: row.philosophy_en },
        slogan: pair(row.slogan_ja, row.slogan_en),
    })
}

pub(crate) fn goal(row: entities::goals::Model) -> Result<Goal, StoreError> {
    Ok(Goal {
        id: GoalId(row.id),
        plan_id: PlanId(row.plan_id),
        code: code(&row.code)?,
        name: Bilingual { ja: row.name_ja, en: row.name_en },
    })
}

pub(crate) fn policy(row: entities::policies::Model) -> Result<Policy, StoreError> {
    Ok(Policy {
        id: PolicyId(row.id),
        plan_id: PlanId(row.plan_id),
        goal_id: GoalId(row.goal_id),
        code: code(&row.code)?,
        name: Bilingual { ja: row.name_ja, en: row.name_en },
    })
}

pub(crate) fn direction(row: entities::policy_directions::Model) -> Result<PolicyDirection, StoreError> {
    Ok(PolicyDirection {
        id: DirectionId(row.id),
        plan_id: PlanId(row.plan_id),
        policy_id: PolicyId(row.policy_id),
        goal_id: GoalId(row.goal_id),
        code: code(&row.code)?,
        name: Bilingual { ja: row.name_ja, en: row.name_en },
        is_new: row.is_new,
    })
}

pub(crate) fn indicator(row: entities::indicators::Model) -> Result<Indicator, StoreError> {
    let unit = IndicatorUnit::parse(&row.unit)
        .ok_or_else(|| StoreError::Corrupt(format!("indicator unit {:?}", row.unit)))?;
    Ok(Indicator {
        id: IndicatorId(row.id),
        plan_id: PlanId(row.plan_id),
        goal_id: row.goal_id.map(GoalId),
        code: row.code,
        name: Bilingual { ja: row.name_ja, en: row.name_en },
        unit,
        unit_label: pair(row.unit_label_ja, row.unit_label_en),
        baseline_value: row.baseline_value,
        baseline_fiscal_year: year(row.baseline_fiscal_year)?,
        target_value: row.target_value,
        target_fiscal_year: year(row.target_fiscal_year)?,
        source: Bilingual { ja: row.source_ja, en: row.source_en },
        source_organization_id: row.source_organization_id.map(OrganizationId),
    })
}

pub(crate) fn indicator_value(row: entities::indicator_values::Model) -> Result<IndicatorValue, StoreError> {
    Ok(IndicatorValue {
        id: IndicatorValueId(row.id),
        indicator_id: IndicatorId(row.indicator_id),
        fiscal_year: year(row.fiscal_year)?,
        value: row.value,
        source: row.source,
        note: row.note,
    })
}

/// Maps every row, failing on the first that cannot be read.
pub(crate) fn all<R, T>(
    rows: Vec<R>,
    map: impl Fn(R) -> Result<T, StoreError>,
) -> Result<Vec<T>, StoreError> {
    rows.into_iter().map(map).collect()
}
