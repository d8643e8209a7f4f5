//! Importing a validated plan definition, idempotently.
//!
//! Every element is matched on its stable code: a new code is inserted, a known code
//! whose content differs is updated in place (keeping its id, so reports and assignments
//! that point at it stay valid), and an identical one is left alone, so importing the
//! same file twice writes nothing. Elements the database holds but the file no longer
//! lists are not deleted: reports may point at them. The import is refused instead, and
//! the transaction rolls back, leaving the database as it was.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use domain::{ids::PlanId, plan_file::PlanDefinition};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, QueryFilter,
};
use uuid::Uuid;

use crate::{
    StoreError, WriteTx,
    entities::{goals, indicator_values, indicators, organizations, plans, policies, policy_directions},
};

/// What an import changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// The plan's id, new or existing.
    pub plan_id: Option<PlanId>,
    /// Rows inserted.
    pub created: usize,
    /// Rows whose content changed.
    pub updated: usize,
    /// Rows already as the file describes them.
    pub unchanged: usize,
}

impl ImportSummary {
    fn record(&mut self, change: Change) {
        match change {
            Change::Created => self.created += 1,
            Change::Updated => self.updated += 1,
            Change::Unchanged => self.unchanged += 1,
        }
    }
}

enum Change {
    Created,
    Updated,
    Unchanged,
}

/// Rows that carry creation and modification times, which an import compares around.
trait Stamped {
    fn stamps(&self) -> (DateTime<Utc>, DateTime<Utc>);
    fn set_stamps(&mut self, created: DateTime<Utc>, updated: DateTime<Utc>);
}

macro_rules! stamped {
    ($($module:ident),*) => {$(
        impl Stamped for $module::Model {
            fn stamps(&self) -> (DateTime<Utc>, DateTime<Utc>) {
                (self.created_at, self.updated_at)
            }
            fn set_stamps(&mut self, created: DateTime<Utc>, updated: DateTime<Utc>) {
                self.created_at = created;
                self.updated_at = updated;
            }
        }
    )*};
}

stamped!(organizations, plans, goals, policies, policy_directions, indicators, indicator_values);

/// Inserts `wanted`, or updates `existing` to it when their content differs.
async fn upsert<M, A>(
    txn: &DatabaseTransaction,
    existing: Option<&M>,
    mut wanted: M,
    now: DateTime<Utc>,
) -> Result<Change, StoreError>
where
    M: Stamped + PartialEq + IntoActiveModel<A> + sea_orm::ModelTrait,
    A: ActiveModelTrait<Entity = M::Entity> + Send,
{
    let change = match existing {
        Some(current) => {
            let (created, updated) = current.stamps();
            wanted.set_stamps(created, updated);
            if &wanted == current {
                return Ok(Change::Unchanged);
            }
            wanted.set_stamps(created, now);
            let model = wanted.into_active_model().reset_all();
            <M::Entity as EntityTrait>::update(model).exec_without_returning(txn).await?;
            Change::Updated
        }
        None => {
            wanted.set_stamps(now, now);
            let model = wanted.into_active_model().reset_all();
            <M::Entity as EntityTrait>::insert(model).exec_without_returning(txn).await?;
            Change::Created
        }
    };
    Ok(change)
}

fn by_code<M>(rows: Vec<M>, code: impl Fn(&M) -> String) -> HashMap<String, M> {
    rows.into_iter().map(|row| (code(&row), row)).collect()
}

fn id_of<M>(existing: Option<&M>, id: impl Fn(&M) -> Uuid) -> Uuid {
    existing.map_or_else(Uuid::now_v7, id)
}

impl WriteTx {
    /// Imports a plan definition; see the module documentation for the rules.
    pub async fn import_plan(&self, definition: &PlanDefinition) -> Result<ImportSummary, StoreError> {
        let txn = &self.txn;
        let now = Utc::now();
        let mut summary = ImportSummary::default();
        let mut missing = Vec::new();

        let codes: Vec<&str> = definition.organizations.iter().map(|o| o.code.as_str()).collect();
        let known =
            organizations::Entity::find().filter(organizations::Column::Code.is_in(codes)).all(txn).await?;
        let mut organization_ids = HashMap::new();
        let known = by_code(known, |row| row.code.clone());
        for organization in &definition.organizations {
            let existing = known.get(&organization.code);
            let id = id_of(existing, |row| row.id);
            organization_ids.insert(organization.code.clone(), id);
            let wanted = organizations::Model {
                id,
                code: organization.code.clone(),
                kind: organization.kind.as_str().to_owned(),
                name_ja: organization.name.ja.clone(),
                name_en: organization.name.en.clone(),
                is_sample: organization.is_sample,
                created_at: now,
                updated_at: now,
            };
            summary.record(upsert(txn, existing, wanted, now).await?);
        }

        let header = &definition.plan;
        let existing_plan =
            plans::Entity::find().filter(plans::Column::Code.eq(header.code.as_str())).one(txn).await?;
        let plan_id = id_of(existing_plan.as_ref(), |row| row.id);
        let wanted = plans::Model {
            id: plan_id,
            code: header.code.clone(),
            name_ja: header.name.ja.clone(),
            name_en: header.name.en.clone(),
            start_fiscal_year: header.start_fiscal_year.year(),
            end_fiscal_year: header.end_fiscal_year.year(),
            philosophy_ja: header.philosophy.ja.clone(),
            philosophy_en: header.philosophy.en.clone(),
            slogan_ja: header.slogan.as_ref().map(|s| s.ja.clone()),
            slogan_en: header.slogan.as_ref().map(|s| s.en.clone()),
            created_at: now,
            updated_at: now,
        };
        summary.record(upsert(txn, existing_plan.as_ref(), wanted, now).await?);
        summary.plan_id = Some(PlanId(plan_id));

        let rows = goals::Entity::find().filter(goals::Column::PlanId.eq(plan_id)).all(txn).await?;
        let mut known = by_code(rows, |row| row.code.clone());
        let mut goal_ids = HashMap::new();
        for goal in &definition.goals {
            let code = goal.code.to_string();
            let existing = known.remove(&code);
            let id = id_of(existing.as_ref(), |row| row.id);
            goal_ids.insert(code.clone(), id);
            let wanted = goals::Model {
                id,
                plan_id,
                code,
                position: i32::from(goal.code.position()),
                name_ja: goal.name.ja.clone(),
                name_en: goal.name.en.clone(),
                created_at: now,
                updated_at: now,
            };
            summary.record(upsert(txn, existing.as_ref(), wanted, now).await?);
        }
        missing.extend(known.into_keys().map(|code| format!("goal {code}")));

        let rows = policies::Entity::find().filter(policies::Column::PlanId.eq(plan_id)).all(txn).await?;
        let mut known = by_code(rows, |row| row.code.clone());
        let mut policy_ids = HashMap::new();
        for policy in &definition.policies {
            let code = policy.code.to_string();
            let goal_id = parent_id(&goal_ids, &policy.code)?;
            let existing = known.remove(&code);
            let id = id_of(existing.as_ref(), |row| row.id);
            policy_ids.insert(code.clone(), (id, goal_id));
            let wanted = policies::Model {
                id,
                plan_id,
                goal_id,
                code,
                position: i32::from(policy.code.position()),
                name_ja: policy.name.ja.clone(),
                name_en: policy.name.en.clone(),
                created_at: now,
                updated_at: now,
            };
            summary.record(upsert(txn, existing.as_ref(), wanted, now).await?);
        }
        missing.extend(known.into_keys().map(|code| format!("policy {code}")));

        let rows = policy_directions::Entity::find()
            .filter(policy_directions::Column::PlanId.eq(plan_id))
            .all(txn)
            .await?;
        let mut known = by_code(rows, |row| row.code.clone());
        for direction in &definition.directions {
            let code = direction.code.to_string();
            let (policy_id, goal_id) = parent_id(&policy_ids, &direction.code)?;
            let existing = known.remove(&code);
            let wanted = policy_directions::Model {
                id: id_of(existing.as_ref(), |row| row.id),
                plan_id,
                policy_id,
                goal_id,
                code,
                position: i32::from(direction.code.position()),
                name_ja: direction.name.ja.clone(),
                name_en: direction.name.en.clone(),
                is_new: direction.is_new,
                created_at: now,
                updated_at: now,
            };
            summary.record(upsert(txn, existing.as_ref(), wanted, now).await?);
        }
        missing.extend(known.into_keys().map(|code| format!("direction {code}")));

        let rows = indicators::Entity::find().filter(indicators::Column::PlanId.eq(plan_id)).all(txn).await?;
        let mut known = by_code(rows, |row| row.code.clone());
        let mut indicator_ids = Vec::new();
        for (position, indicator) in definition.indicators.iter().enumerate() {
            let existing = known.remove(&indicator.code);
            let id = id_of(existing.as_ref(), |row| row.id);
            let goal_id = match &indicator.goal {
                Some(goal) => Some(
                    *goal_ids
                        .get(&goal.to_string())
                        .ok_or_else(|| StoreError::Corrupt(format!("goal {goal} not imported")))?,
                ),
                None => None,
            };
            let source_organization_id = match &indicator.source_organization {
                Some(code) => Some(
                    *organization_ids
                        .get(code)
                        .ok_or_else(|| StoreError::Corrupt(format!("organisation {code} not imported")))?,
                ),
                None => None,
            };
            let wanted = indicators::Model {
                id,
                plan_id,
                goal_id,
                code: indicator.code.clone(),
                position: i32::try_from(position).unwrap_or(i32::MAX),
                name_ja: indicator.name.ja.clone(),
                name_en: indicator.name.en.clone(),
                unit: indicator.unit.as_str().to_owned(),
                unit_label_ja: indicator.unit_label.as_ref().map(|l| l.ja.clone()),
                unit_label_en: indicator.unit_label.as_ref().map(|l| l.en.clone()),
                baseline_value: indicator.baseline_value,
                baseline_fiscal_year: indicator.baseline_fiscal_year.year(),
                target_value: indicator.target_value,
                target_fiscal_year: indicator.target_fiscal_year.year(),
                source_ja: indicator.source.ja.clone(),
                source_en: indicator.source.en.clone(),
                source_organization_id,
                created_at: now,
                updated_at: now,
            };
            summary.record(upsert(txn, existing.as_ref(), wanted, now).await?);
            indicator_ids.push((id, indicator));
        }
        missing.extend(known.into_keys().map(|code| format!("indicator {code}")));

        if !missing.is_empty() {
            missing.sort();
            return Err(StoreError::MissingFromImport(missing));
        }

        // Values recorded in the product after the import are kept: only the years the
        // file lists are written.
        let rows = indicator_values::Entity::find()
            .filter(indicator_values::Column::IndicatorId.is_in(indicator_ids.iter().map(|(id, _)| *id)))
            .all(txn)
            .await?;
        let known: HashMap<(Uuid, i32), indicator_values::Model> =
            rows.into_iter().map(|row| ((row.indicator_id, row.fiscal_year), row)).collect();
        for (indicator_id, indicator) in &indicator_ids {
            for value in &indicator.values {
                let existing = known.get(&(*indicator_id, value.fiscal_year.year()));
                let wanted = indicator_values::Model {
                    id: id_of(existing, |row| row.id),
                    indicator_id: *indicator_id,
                    fiscal_year: value.fiscal_year.year(),
                    value: value.value,
                    source: value.source.clone(),
                    note: value.note.clone(),
                    created_at: now,
                    updated_at: now,
                };
                summary.record(upsert(txn, existing, wanted, now).await?);
            }
        }
        Ok(summary)
    }
}

/// The id of a node's parent, which validation guarantees was imported before it.
fn parent_id<T: Copy>(ids: &HashMap<String, T>, code: &domain::NodeCode) -> Result<T, StoreError> {
    let parent = code.parent().map(|p| p.to_string()).unwrap_or_default();
    ids.get(&parent).copied().ok_or_else(|| StoreError::Corrupt(format!("parent of {code} not imported")))
}
