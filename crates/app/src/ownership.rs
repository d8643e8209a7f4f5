//! Who owns each policy direction: assignments one by one, and the whole table as CSV.
//!
//! Assigning a lead to a direction that has one makes the previous lead a co-owner: the
//! plan names exactly one lead, and the change is kept in the history. An owner added
//! while periods are open gets its reports in them at once; an owner removed loses only
//! the reports nobody had started.

use std::collections::{HashMap, HashSet};

use domain::{
    access::{Action, Actor},
    audit::AuditAction,
    ids::{DirectionId, OrganizationId, PeriodId, PlanId},
    ownership::{self, Assignment, ExportRow, OwnerRole, OwnershipChange},
    plan::{Organization, PolicyDirection},
    report::Ownership,
};
use serde_json::json;
use store::WriteTx;

use crate::{App, AppError, InputProblem, audit::record, authorize};

impl App {
    /// The current owners of every direction of a plan (public, like the plan itself).
    pub async fn owners_of_plan(&self, actor: &Actor, plan_id: PlanId) -> Result<Vec<Ownership>, AppError> {
        authorize(actor, &Action::ReadPlan)?;
        Ok(self.db.owners_of_plan(plan_id).await?)
    }

    /// Every assignment a direction ever had (the plan office and coordinators).
    pub async fn ownership_history(
        &self,
        actor: &Actor,
        direction_id: DirectionId,
    ) -> Result<Vec<Ownership>, AppError> {
        authorize(actor, &Action::ViewProgress)?;
        Ok(self.db.ownership_history(direction_id).await?)
    }

    async fn direction(&self, id: DirectionId) -> Result<PolicyDirection, AppError> {
        self.db.direction_by_id(id).await?.ok_or(AppError::NotFound { what: "direction" })
    }

    async fn owning_organization(&self, id: OrganizationId) -> Result<Organization, AppError> {
        let organization = self
            .db
            .organization_by_id(id)
            .await?
            .ok_or(AppError::Invalid(InputProblem::UnknownOrganization))?;
        if !ownership::may_own(organization.kind) {
            return Err(AppError::Invalid(InputProblem::OrganizationCannotOwn));
        }
        Ok(organization)
    }

    /// Assigns an organisation to a direction as lead or co-owner; returns the
    /// direction's owners afterwards.
    pub async fn assign_direction(
        &self,
        actor: &Actor,
        direction_id: DirectionId,
        organization_id: OrganizationId,
        role: OwnerRole,
    ) -> Result<Vec<Ownership>, AppError> {
        authorize(actor, &Action::ManageAssignments)?;
        let direction = self.direction(direction_id).await?;
        self.owning_organization(organization_id).await?;
        let tx = self.db.write().await?;
        tx.lock_plan(direction.plan_id).await?;
        let changed = self.apply_assignment(&tx, actor, &direction, organization_id, role).await?;
        if changed {
            self.create_missing_reports(&tx, direction.plan_id).await?;
        }
        let owners = owners_of(&tx, &direction).await?;
        tx.commit().await?;
        Ok(owners)
    }

    /// Ends an organisation's assignment to a direction; returns the owners afterwards.
    pub async fn unassign_direction(
        &self,
        actor: &Actor,
        direction_id: DirectionId,
        organization_id: OrganizationId,
    ) -> Result<Vec<Ownership>, AppError> {
        authorize(actor, &Action::ManageAssignments)?;
        let direction = self.direction(direction_id).await?;
        let tx = self.db.write().await?;
        tx.lock_plan(direction.plan_id).await?;
        let current = owners_of(&tx, &direction).await?;
        let Some(assignment) = current.iter().find(|o| o.organization_id == organization_id) else {
            return Err(AppError::NotFound { what: "assignment" });
        };
        if assignment.role == OwnerRole::Lead && current.len() > 1 {
            return Err(AppError::Invalid(InputProblem::LeadRequired));
        }
        self.close_assignment(&tx, actor, &direction, assignment).await?;
        let owners = owners_of(&tx, &direction).await?;
        tx.commit().await?;
        Ok(owners)
    }

    /// Applies one assignment inside a transaction; says whether anything changed.
    async fn apply_assignment(
        &self,
        tx: &WriteTx,
        actor: &Actor,
        direction: &PolicyDirection,
        organization_id: OrganizationId,
        role: OwnerRole,
    ) -> Result<bool, AppError> {
        let by = actor.user().map(|u| u.user_id);
        let current = owners_of(tx, direction).await?;
        let existing = current.iter().find(|o| o.organization_id == organization_id);
        if existing.is_some_and(|o| o.role == role) {
            return Ok(false);
        }
        // A direction with owners has exactly one lead: the lead becomes a co-owner only
        // when another organisation takes the lead (which demotes it below).
        if existing.is_some_and(|o| o.role == OwnerRole::Lead) && role == OwnerRole::CoOwner {
            return Err(AppError::Invalid(InputProblem::LeadRequired));
        }
        if role == OwnerRole::Lead
            && let Some(lead) =
                current.iter().find(|o| o.role == OwnerRole::Lead && o.organization_id != organization_id)
        {
            tx.close_ownership(lead.id, by).await?;
            tx.open_ownership(direction.id, lead.organization_id, OwnerRole::CoOwner, by).await?;
        }
        if let Some(existing) = existing {
            tx.close_ownership(existing.id, by).await?;
        }
        tx.open_ownership(direction.id, organization_id, role, by).await?;
        let details = json!({
            "direction": direction.code.to_string(),
            "organization": organization_id,
            "role": role.as_str(),
            "previousRole": existing.map(|o| o.role.as_str()),
        });
        let subject = Some(("direction", direction.id.to_string()));
        tx.append_audit(record(actor, AuditAction::OwnerAssigned, subject, Some(organization_id), details))
            .await?;
        Ok(true)
    }

    async fn close_assignment(
        &self,
        tx: &WriteTx,
        actor: &Actor,
        direction: &PolicyDirection,
        assignment: &Ownership,
    ) -> Result<(), AppError> {
        tx.close_ownership(assignment.id, actor.user().map(|u| u.user_id)).await?;
        let removed = tx.delete_unstarted_reports(direction.id, assignment.organization_id).await?;
        let details = json!({
            "direction": direction.code.to_string(),
            "role": assignment.role.as_str(),
            "unstartedReportsRemoved": removed,
        });
        let subject = Some(("direction", direction.id.to_string()));
        let organization = Some(assignment.organization_id);
        tx.append_audit(record(actor, AuditAction::OwnerUnassigned, subject, organization, details)).await?;
        Ok(())
    }

    /// Creates the reports that current owners lack in the plan's open periods: those
    /// with no locked report, that is, whose fiscal year is not finalised.
    pub(crate) async fn create_missing_reports(
        &self,
        tx: &WriteTx,
        plan_id: PlanId,
    ) -> Result<u64, AppError> {
        let periods: Vec<PeriodId> = tx.open_periods(plan_id).await?;
        let owners = tx.owners_of_plan(plan_id).await?;
        let triples: Vec<_> = periods
            .iter()
            .flat_map(|period| owners.iter().map(move |o| (*period, o.direction_id, o.organization_id)))
            .collect();
        Ok(tx.create_reports(&triples).await?)
    }

    /// The whole assignment table of a plan as CSV (UTF-8 with BOM, Japanese headers).
    pub async fn export_ownership_csv(&self, actor: &Actor, plan_id: PlanId) -> Result<String, AppError> {
        authorize(actor, &Action::ViewProgress)?;
        let directions = self.db.directions_of_plan(plan_id).await?;
        let organizations: HashMap<OrganizationId, Organization> =
            self.db.organizations().await?.into_iter().map(|o| (o.id, o)).collect();
        let owners = self.db.owners_of_plan(plan_id).await?;
        let mut rows = Vec::new();
        for direction in &directions {
            let mut of_direction: Vec<&Ownership> =
                owners.iter().filter(|o| o.direction_id == direction.id).collect();
            of_direction.sort_by_key(|o| (o.role != OwnerRole::Lead, o.assigned_at));
            for owner in of_direction {
                let Some(organization) = organizations.get(&owner.organization_id) else { continue };
                rows.push(ExportRow {
                    direction: direction.code.clone(),
                    direction_name: direction.name.ja.clone(),
                    organization: organization.code.clone(),
                    organization_name: organization.name.ja.clone(),
                    role: owner.role,
                });
            }
        }
        Ok(ownership::write_csv(&rows))
    }

    /// What importing this table would change, or every problem in it with its line.
    pub async fn preview_ownership_import(
        &self,
        actor: &Actor,
        plan_id: PlanId,
        csv: &[u8],
    ) -> Result<Vec<OwnershipChange>, AppError> {
        authorize(actor, &Action::ManageAssignments)?;
        let (changes, _, _) = self.planned_import(plan_id, csv).await?;
        Ok(changes)
    }

    /// Applies an ownership table in one transaction, if it has no problems.
    pub async fn apply_ownership_import(
        &self,
        actor: &Actor,
        plan_id: PlanId,
        csv: &[u8],
    ) -> Result<Vec<OwnershipChange>, AppError> {
        authorize(actor, &Action::ManageAssignments)?;
        let by = actor.user().map(|u| u.user_id);
        let tx = self.db.write().await?;
        // Under the plan's lock, the table is compared with what is committed now, so no
        // concurrent change is lost.
        tx.lock_plan(plan_id).await?;
        let (changes, directions, organizations) = self.planned_import(plan_id, csv).await?;
        // The table is applied as a whole: close every assignment that ends or changes
        // role, then open every new one, in batches; the one-lead rule holds before and
        // after, and no statement sees it half-way.
        let current = tx.owners_of_plan(plan_id).await?;
        let mut closing = Vec::new();
        let mut opening = Vec::new();
        let mut removed = Vec::new();
        for change in &changes {
            let (code, organization_code) = match change {
                OwnershipChange::Add { direction, organization, .. }
                | OwnershipChange::ChangeRole { direction, organization, .. }
                | OwnershipChange::Remove { direction, organization, .. } => (direction, organization),
            };
            let direction = directions.get(code).ok_or(AppError::NotFound { what: "direction" })?;
            let organization =
                *organizations.get(organization_code).ok_or(AppError::NotFound { what: "organisation" })?;
            let existing =
                current.iter().find(|o| o.direction_id == direction.id && o.organization_id == organization);
            match change {
                OwnershipChange::Remove { .. } => {
                    closing.extend(existing.map(|o| o.id));
                    removed.push((direction.id, organization));
                }
                OwnershipChange::ChangeRole { to, .. } => {
                    closing.extend(existing.map(|o| o.id));
                    opening.push((direction.id, organization, *to));
                }
                OwnershipChange::Add { role, .. } => opening.push((direction.id, organization, *role)),
            }
        }
        tx.close_ownerships(&closing, by).await?;
        tx.open_ownerships(&opening, by).await?;
        for (direction, organization) in removed {
            tx.delete_unstarted_reports(direction, organization).await?;
        }
        self.create_missing_reports(&tx, plan_id).await?;
        if !changes.is_empty() {
            let listed: Vec<String> = changes.iter().map(describe).collect();
            let details = json!({ "changes": listed.len(), "list": listed });
            let subject = Some(("plan", plan_id.to_string()));
            tx.append_audit(record(actor, AuditAction::OwnershipImported, subject, None, details)).await?;
        }
        tx.commit().await?;
        Ok(changes)
    }

    #[allow(clippy::type_complexity)]
    async fn planned_import(
        &self,
        plan_id: PlanId,
        csv: &[u8],
    ) -> Result<
        (Vec<OwnershipChange>, HashMap<domain::NodeCode, PolicyDirection>, HashMap<String, OrganizationId>),
        AppError,
    > {
        let rows =
            ownership::parse_csv_bytes(csv).map_err(|p| AppError::Invalid(InputProblem::OwnershipCsv(p)))?;
        let directions: HashMap<domain::NodeCode, PolicyDirection> =
            self.db.directions_of_plan(plan_id).await?.into_iter().map(|d| (d.code.clone(), d)).collect();
        if directions.is_empty() {
            return Err(AppError::NotFound { what: "plan" });
        }
        let organizations = self.db.organizations().await?;
        let kinds = organizations.iter().map(|o| (o.code.clone(), o.kind)).collect();
        let codes: HashMap<OrganizationId, String> =
            organizations.iter().map(|o| (o.id, o.code.clone())).collect();
        let current: Vec<Assignment> = self
            .db
            .owners_of_plan(plan_id)
            .await?
            .into_iter()
            .filter_map(|o| {
                let direction = directions.values().find(|d| d.id == o.direction_id)?;
                Some(Assignment {
                    direction: direction.code.clone(),
                    organization: codes.get(&o.organization_id)?.clone(),
                    role: o.role,
                })
            })
            .collect();
        let known: HashSet<domain::NodeCode> = directions.keys().cloned().collect();
        let changes = ownership::plan_changes(&current, &rows, &known, &kinds)
            .map_err(|p| AppError::Invalid(InputProblem::OwnershipCsv(p)))?;
        let ids = organizations.into_iter().map(|o| (o.code, o.id)).collect();
        Ok((changes, directions, ids))
    }
}

/// One line of the import's audit record: `+ 1-2-3 welfare LEAD`.
fn describe(change: &OwnershipChange) -> String {
    match change {
        OwnershipChange::Add { direction, organization, role } => {
            format!("+ {direction} {organization} {}", role.as_str())
        }
        OwnershipChange::ChangeRole { direction, organization, from, to } => {
            format!("~ {direction} {organization} {} -> {}", from.as_str(), to.as_str())
        }
        OwnershipChange::Remove { direction, organization, role } => {
            format!("- {direction} {organization} {}", role.as_str())
        }
    }
}

async fn owners_of(tx: &WriteTx, direction: &PolicyDirection) -> Result<Vec<Ownership>, AppError> {
    Ok(tx
        .owners_of_plan(direction.plan_id)
        .await?
        .into_iter()
        .filter(|o| o.direction_id == direction.id)
        .collect())
}
