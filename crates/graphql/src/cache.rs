//! The per-request cache of plan data.
//!
//! Every level of a plan (goals, policies, directions, indicators, indicator values) is
//! loaded at most once per request, with one statement, the first time any resolver
//! needs it; all resolvers then read from memory. Every tree table carries its plan's id,
//! so "all policies of this plan" is one indexed query, and the cost of the whole tree is
//! a fixed number of statements whatever the plan's size. This is deterministic, unlike a
//! time-window batch loader, whose batches split when resolving outlasts its delay.
//!
//! A new cache is made for each request, so nothing cached outlives the request or
//! crosses to another user.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

use app::{
    App, AppError, DirectionYearRating,
    domain::{
        access::Actor,
        access::ReportRef,
        ids::{
            DirectionId, GoalId, IndicatorId, OrganizationId, OwnershipId, PeriodId, PlanId, PolicyId,
            ReportId, UserId,
        },
        plan::{Goal, Indicator, IndicatorValue, Organization, Plan, Policy, PolicyDirection},
        report::{EvidenceFile, Ownership, ReportingPeriod},
        user::User,
    },
};
use tokio::sync::OnceCell;

/// One level of a plan: rows by their own id, and grouped under their parent.
#[derive(Debug)]
pub struct Level<Id, Parent, Row> {
    /// In the store's order (code order within each parent).
    pub all: Vec<Row>,
    by_id: HashMap<Id, usize>,
    by_parent: HashMap<Parent, Vec<usize>>,
}

impl<Id: std::hash::Hash + Eq, Parent: std::hash::Hash + Eq, Row: Clone> Level<Id, Parent, Row> {
    fn new(all: Vec<Row>, id: impl Fn(&Row) -> Id, parent: impl Fn(&Row) -> Option<Parent>) -> Self {
        let mut by_id = HashMap::with_capacity(all.len());
        let mut by_parent: HashMap<Parent, Vec<usize>> = HashMap::new();
        for (index, row) in all.iter().enumerate() {
            by_id.insert(id(row), index);
            if let Some(parent) = parent(row) {
                by_parent.entry(parent).or_default().push(index);
            }
        }
        Self { all, by_id, by_parent }
    }

    /// The row with this id.
    pub fn get(&self, id: &Id) -> Option<Row> {
        self.by_id.get(id).and_then(|&index| self.all.get(index)).cloned()
    }

    /// The rows under this parent.
    pub fn children(&self, parent: &Parent) -> Vec<Row> {
        self.by_parent
            .get(parent)
            .map(|indexes| indexes.iter().filter_map(|&i| self.all.get(i)).cloned().collect())
            .unwrap_or_default()
    }
}

type Shared<T> = Arc<OnceCell<Arc<T>>>;

#[derive(Default)]
struct PlanCells {
    plan: OnceCell<Option<Plan>>,
    goals: Shared<Level<GoalId, PlanId, Goal>>,
    policies: Shared<Level<PolicyId, GoalId, Policy>>,
    directions: Shared<Level<DirectionId, PolicyId, PolicyDirection>>,
    indicators: Shared<Level<IndicatorId, GoalId, Indicator>>,
    values: Shared<Level<(IndicatorId, i32), IndicatorId, IndicatorValue>>,
    owners: Shared<Level<OwnershipId, DirectionId, Ownership>>,
    ratings: Shared<Level<(DirectionId, i32), DirectionId, DirectionYearRating>>,
}

/// Plan data for one request, loaded as the request's actor.
pub struct RequestCache {
    app: App,
    actor: Actor,
    plans: Mutex<HashMap<PlanId, Arc<PlanCells>>>,
    organizations: OnceCell<Arc<Level<OrganizationId, (), Organization>>>,
    periods: Mutex<HashMap<PeriodId, ReportingPeriod>>,
    people: Mutex<HashMap<UserId, User>>,
    evidence: Mutex<HashMap<ReportId, Vec<EvidenceFile>>>,
}

/// Errors are shared by every resolver that waited on the same load.
pub type LoadResult<T> = Result<Arc<T>, Arc<AppError>>;

impl RequestCache {
    /// An empty cache acting for `actor`.
    pub fn new(app: App, actor: Actor) -> Self {
        Self {
            app,
            actor,
            plans: Mutex::default(),
            organizations: OnceCell::new(),
            periods: Mutex::default(),
            people: Mutex::default(),
            evidence: Mutex::default(),
        }
    }

    fn cells(&self, plan_id: PlanId) -> Arc<PlanCells> {
        let mut plans = lock(&self.plans);
        Arc::clone(plans.entry(plan_id).or_default())
    }

    /// The plan with this id.
    pub async fn plan(&self, plan_id: PlanId) -> Result<Option<Plan>, Arc<AppError>> {
        let cells = self.cells(plan_id);
        let plan = cells
            .plan
            .get_or_try_init(|| async { self.app.plan_by_id(&self.actor, plan_id).await })
            .await
            .map_err(Arc::new)?;
        Ok(plan.clone())
    }

    /// The goals of a plan.
    pub async fn goals(&self, plan_id: PlanId) -> LoadResult<Level<GoalId, PlanId, Goal>> {
        let cells = self.cells(plan_id);
        load(&cells.goals, async {
            let rows = self.app.goals_of_plan(&self.actor, plan_id).await?;
            Ok(Level::new(rows, |g| g.id, |g| Some(g.plan_id)))
        })
        .await
    }

    /// The policies of a plan.
    pub async fn policies(&self, plan_id: PlanId) -> LoadResult<Level<PolicyId, GoalId, Policy>> {
        let cells = self.cells(plan_id);
        load(&cells.policies, async {
            let rows = self.app.policies_of_plan(&self.actor, plan_id).await?;
            Ok(Level::new(rows, |p| p.id, |p| Some(p.goal_id)))
        })
        .await
    }

    /// The directions of a plan.
    pub async fn directions(
        &self,
        plan_id: PlanId,
    ) -> LoadResult<Level<DirectionId, PolicyId, PolicyDirection>> {
        let cells = self.cells(plan_id);
        load(&cells.directions, async {
            let rows = self.app.directions_of_plan(&self.actor, plan_id).await?;
            Ok(Level::new(rows, |d| d.id, |d| Some(d.policy_id)))
        })
        .await
    }

    /// The indicators of a plan, grouped by goal.
    pub async fn indicators(&self, plan_id: PlanId) -> LoadResult<Level<IndicatorId, GoalId, Indicator>> {
        let cells = self.cells(plan_id);
        load(&cells.indicators, async {
            let rows = self.app.indicators_of_plan(&self.actor, plan_id).await?;
            Ok(Level::new(rows, |i| i.id, |i| i.goal_id))
        })
        .await
    }

    /// The observed values of a plan's indicators, grouped by indicator.
    pub async fn values(
        &self,
        plan_id: PlanId,
    ) -> LoadResult<Level<(IndicatorId, i32), IndicatorId, IndicatorValue>> {
        let cells = self.cells(plan_id);
        load(&cells.values, async {
            let rows = self.app.indicator_values_of_plan(&self.actor, plan_id).await?;
            Ok(Level::new(rows, |v| (v.indicator_id, v.fiscal_year.year()), |v| Some(v.indicator_id)))
        })
        .await
    }

    /// The current owners of a plan's directions, grouped by direction.
    pub async fn owners(&self, plan_id: PlanId) -> LoadResult<Level<OwnershipId, DirectionId, Ownership>> {
        let cells = self.cells(plan_id);
        load(&cells.owners, async {
            let rows = self.app.owners_of_plan(&self.actor, plan_id).await?;
            Ok(Level::new(rows, |o| o.id, |o| Some(o.direction_id)))
        })
        .await
    }

    /// The directions' ratings in the evaluations the actor may read, grouped by direction.
    pub async fn ratings(
        &self,
        plan_id: PlanId,
    ) -> LoadResult<Level<(DirectionId, i32), DirectionId, DirectionYearRating>> {
        let cells = self.cells(plan_id);
        load(&cells.ratings, async {
            let rows = self.app.direction_ratings(&self.actor, plan_id).await?;
            Ok(Level::new(rows, |r| (r.direction_id, r.fiscal_year.year()), |r| Some(r.direction_id)))
        })
        .await
    }

    /// Reporting periods by id: those not yet cached are loaded in one statement. A list
    /// resolver calls this once with every id of its page before its items ask one by one.
    pub async fn periods(
        &self,
        ids: &[PeriodId],
    ) -> Result<HashMap<PeriodId, ReportingPeriod>, Arc<AppError>> {
        let missing: Vec<PeriodId> = {
            let known = lock(&self.periods);
            ids.iter().filter(|id| !known.contains_key(id)).copied().collect()
        };
        if !missing.is_empty() {
            let loaded = self.app.periods_by_ids(&self.actor, &missing).await.map_err(Arc::new)?;
            lock(&self.periods).extend(loaded.into_iter().map(|p| (p.id, p)));
        }
        let known = lock(&self.periods);
        Ok(ids.iter().filter_map(|id| known.get(id).map(|p| (*id, p.clone()))).collect())
    }

    /// People by id, for "saved by" and "uploaded by": names only, loaded like periods.
    pub async fn people(&self, ids: &[UserId]) -> Result<HashMap<UserId, User>, Arc<AppError>> {
        let missing: Vec<UserId> = {
            let known = lock(&self.people);
            ids.iter().filter(|id| !known.contains_key(id)).copied().collect()
        };
        if !missing.is_empty() {
            let loaded = self.app.people_by_ids(&self.actor, &missing).await.map_err(Arc::new)?;
            lock(&self.people).extend(loaded.into_iter().map(|u| (u.id, u)));
        }
        let known = lock(&self.people);
        Ok(ids.iter().filter_map(|id| known.get(id).map(|u| (*id, u.clone()))).collect())
    }

    /// The evidence of reports, loaded like periods.
    pub async fn evidence(
        &self,
        reports: &[(ReportId, ReportRef)],
    ) -> Result<HashMap<ReportId, Vec<EvidenceFile>>, Arc<AppError>> {
        let missing: Vec<(ReportId, ReportRef)> = {
            let known = lock(&self.evidence);
            reports.iter().filter(|(id, _)| !known.contains_key(id)).copied().collect()
        };
        if !missing.is_empty() {
            let loaded = self.app.evidence_of_reports(&self.actor, &missing).await.map_err(Arc::new)?;
            let mut known = lock(&self.evidence);
            for (id, _) in &missing {
                known.insert(*id, Vec::new());
            }
            for file in loaded {
                known.entry(file.report_id).or_default().push(file);
            }
        }
        let known = lock(&self.evidence);
        Ok(reports.iter().filter_map(|(id, _)| known.get(id).map(|e| (*id, e.clone()))).collect())
    }

    /// Every organisation (a short list, loaded whole).
    pub async fn organizations(&self) -> LoadResult<Level<OrganizationId, (), Organization>> {
        load(&self.organizations, async {
            let rows = self.app.organizations(&self.actor).await?;
            Ok(Level::new(rows, |o| o.id, |_| Some(())))
        })
        .await
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

async fn load<T>(
    cell: &OnceCell<Arc<T>>,
    init: impl std::future::Future<Output = Result<T, AppError>>,
) -> LoadResult<T> {
    cell.get_or_try_init(|| async { init.await.map(Arc::new) }).await.cloned().map_err(Arc::new)
}
