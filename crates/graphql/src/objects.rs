//! The object types of the plan API, each a thin wrapper over a domain type. Related
//! rows come from the request's [`RequestCache`], never from a query per object.

use app::domain::plan::{
    Goal, Indicator, IndicatorUnit, IndicatorValue, Organization, OrganizationKind, Plan, Policy,
    PolicyDirection,
};
use async_graphql::{Context, ID, Object, Result};

use crate::{
    error::coded,
    resolve::{cache, loaded},
};

/// A parent row that must exist (a foreign key guarantees it).
fn present<T>(row: Option<T>) -> Result<T> {
    row.ok_or_else(|| coded(app::ErrorCode::Internal, "parent row missing".into()))
}

mirror_enum!(
    /// The role of an organisation in the plan's promotion system.
    OrganizationKindValue as "OrganizationKind", OrganizationKind {
        /// A city department (担当課).
        Department,
        /// The Council of Social Welfare (社会福祉協議会).
        Council,
        /// The plan office (事務局).
        PlanOffice,
        /// The expert committee (推進委員会).
        Committee,
    }
);

mirror_enum!(
    /// How an indicator is counted.
    IndicatorUnitValue as "IndicatorUnit", IndicatorUnit {
        /// A share, 0 to 100.
        Percent,
        /// A number of things.
        Count,
    }
);

/// 第N次…計画: a plan generation.
pub struct PlanObject(pub Plan);

#[Object(name = "Plan")]
impl PlanObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// Stable key, such as `omitama-3`.
    async fn code(&self) -> &str {
        &self.0.code
    }
    async fn name_ja(&self) -> &str {
        &self.0.name.ja
    }
    async fn name_en(&self) -> &str {
        &self.0.name.en
    }
    /// First fiscal year (年度) of the plan period.
    async fn start_fiscal_year(&self) -> i32 {
        self.0.start_fiscal_year.year()
    }
    /// Last fiscal year of the plan period.
    async fn end_fiscal_year(&self) -> i32 {
        self.0.end_fiscal_year.year()
    }
    /// 基本理念.
    async fn philosophy_ja(&self) -> &str {
        &self.0.philosophy.ja
    }
    async fn philosophy_en(&self) -> &str {
        &self.0.philosophy.en
    }
    async fn slogan_ja(&self) -> Option<&str> {
        self.0.slogan.as_ref().map(|s| s.ja.as_str())
    }
    async fn slogan_en(&self) -> Option<&str> {
        self.0.slogan.as_ref().map(|s| s.en.as_str())
    }
    /// 基本目標, in code order.
    async fn goals(&self, ctx: &Context<'_>) -> Result<Vec<GoalObject>> {
        let goals = loaded(ctx, cache(ctx)?.goals(self.0.id).await)?;
        Ok(goals.all.iter().cloned().map(GoalObject).collect())
    }
    /// Every target indicator of the plan, per goal and for the whole plan.
    async fn indicators(&self, ctx: &Context<'_>) -> Result<Vec<IndicatorObject>> {
        let indicators = loaded(ctx, cache(ctx)?.indicators(self.0.id).await)?;
        Ok(indicators.all.iter().cloned().map(IndicatorObject).collect())
    }
}

/// 基本目標: a basic goal.
pub struct GoalObject(pub Goal);

#[Object(name = "Goal")]
impl GoalObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// `1`.
    async fn code(&self) -> String {
        self.0.code.to_string()
    }
    async fn name_ja(&self) -> &str {
        &self.0.name.ja
    }
    async fn name_en(&self) -> &str {
        &self.0.name.en
    }
    async fn plan(&self, ctx: &Context<'_>) -> Result<PlanObject> {
        Ok(PlanObject(present(loaded(ctx, cache(ctx)?.plan(self.0.plan_id).await)?)?))
    }
    /// 基本施策, in code order.
    async fn policies(&self, ctx: &Context<'_>) -> Result<Vec<PolicyObject>> {
        let policies = loaded(ctx, cache(ctx)?.policies(self.0.plan_id).await)?;
        Ok(policies.children(&self.0.id).into_iter().map(PolicyObject).collect())
    }
    /// The target indicators that measure this goal.
    async fn indicators(&self, ctx: &Context<'_>) -> Result<Vec<IndicatorObject>> {
        let indicators = loaded(ctx, cache(ctx)?.indicators(self.0.plan_id).await)?;
        Ok(indicators.children(&self.0.id).into_iter().map(IndicatorObject).collect())
    }
}

/// 基本施策: a basic policy.
pub struct PolicyObject(pub Policy);

#[Object(name = "Policy")]
impl PolicyObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// `1-2`.
    async fn code(&self) -> String {
        self.0.code.to_string()
    }
    async fn name_ja(&self) -> &str {
        &self.0.name.ja
    }
    async fn name_en(&self) -> &str {
        &self.0.name.en
    }
    async fn goal(&self, ctx: &Context<'_>) -> Result<GoalObject> {
        let goals = loaded(ctx, cache(ctx)?.goals(self.0.plan_id).await)?;
        Ok(GoalObject(present(goals.get(&self.0.goal_id))?))
    }
    /// 施策の方向, in code order.
    async fn directions(&self, ctx: &Context<'_>) -> Result<Vec<PolicyDirectionObject>> {
        let directions = loaded(ctx, cache(ctx)?.directions(self.0.plan_id).await)?;
        Ok(directions.children(&self.0.id).into_iter().map(PolicyDirectionObject).collect())
    }
}

/// 施策の方向: a policy direction, the unit that owners report on.
pub struct PolicyDirectionObject(pub PolicyDirection);

#[Object(name = "PolicyDirection")]
impl PolicyDirectionObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// `1-2-3`.
    async fn code(&self) -> String {
        self.0.code.to_string()
    }
    async fn name_ja(&self) -> &str {
        &self.0.name.ja
    }
    async fn name_en(&self) -> &str {
        &self.0.name.en
    }
    /// A new measure of this plan generation (新規施策).
    async fn is_new(&self) -> bool {
        self.0.is_new
    }
    async fn policy(&self, ctx: &Context<'_>) -> Result<PolicyObject> {
        let policies = loaded(ctx, cache(ctx)?.policies(self.0.plan_id).await)?;
        Ok(PolicyObject(present(policies.get(&self.0.policy_id))?))
    }
    async fn goal(&self, ctx: &Context<'_>) -> Result<GoalObject> {
        let goals = loaded(ctx, cache(ctx)?.goals(self.0.plan_id).await)?;
        Ok(GoalObject(present(goals.get(&self.0.goal_id))?))
    }
    async fn plan(&self, ctx: &Context<'_>) -> Result<PlanObject> {
        Ok(PlanObject(present(loaded(ctx, cache(ctx)?.plan(self.0.plan_id).await)?)?))
    }
    /// The organisations that own it now: the lead (主担当課) first, then co-owners.
    async fn owners(&self, ctx: &Context<'_>) -> Result<Vec<crate::reports::OwnershipObject>> {
        crate::reports::owners_of(ctx, &self.0).await
    }
    /// Every assignment it ever had, with who and when (plan office and coordinators).
    async fn ownership_history(&self, ctx: &Context<'_>) -> Result<Vec<crate::reports::OwnershipObject>> {
        crate::reports::history_of(ctx, self.0.id).await
    }
    /// Its rating in each year's evaluation the caller may read (published ones for the
    /// public), oldest year first.
    async fn ratings(&self, ctx: &Context<'_>) -> Result<Vec<crate::evaluation::DirectionRatingObject>> {
        let ratings = loaded(ctx, cache(ctx)?.ratings(self.0.plan_id).await)?;
        Ok(ratings.children(&self.0.id).into_iter().map(crate::evaluation::DirectionRatingObject).collect())
    }
}

/// 目標値: a target indicator with its baseline, target and observed values.
pub struct IndicatorObject(pub Indicator);

#[Object(name = "Indicator")]
impl IndicatorObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// Stable key within the plan, such as `I1`.
    async fn code(&self) -> &str {
        &self.0.code
    }
    async fn name_ja(&self) -> &str {
        &self.0.name.ja
    }
    async fn name_en(&self) -> &str {
        &self.0.name.en
    }
    async fn unit(&self) -> IndicatorUnitValue {
        self.0.unit.into()
    }
    /// What a count counts (組織), for counts.
    async fn unit_label_ja(&self) -> Option<&str> {
        self.0.unit_label.as_ref().map(|l| l.ja.as_str())
    }
    async fn unit_label_en(&self) -> Option<&str> {
        self.0.unit_label.as_ref().map(|l| l.en.as_str())
    }
    /// The value the plan starts from (現状値).
    async fn baseline_value(&self) -> f64 {
        self.0.baseline_value
    }
    async fn baseline_fiscal_year(&self) -> i32 {
        self.0.baseline_fiscal_year.year()
    }
    /// 目標値.
    async fn target_value(&self) -> f64 {
        self.0.target_value
    }
    async fn target_fiscal_year(&self) -> i32 {
        self.0.target_fiscal_year.year()
    }
    /// Where the values come from (出典), in Japanese.
    async fn source(&self) -> &str {
        &self.0.source.ja
    }
    /// Where the values come from, in English.
    async fn source_en(&self) -> &str {
        &self.0.source.en
    }
    /// The organisation that reports the values, when it is one of ours.
    async fn source_organization(&self, ctx: &Context<'_>) -> Result<Option<OrganizationObject>> {
        let Some(id) = self.0.source_organization_id else {
            return Ok(None);
        };
        let organizations = loaded(ctx, cache(ctx)?.organizations().await)?;
        Ok(organizations.get(&id).map(OrganizationObject))
    }
    /// The goal measured; null for an indicator of the whole plan.
    async fn goal(&self, ctx: &Context<'_>) -> Result<Option<GoalObject>> {
        let Some(id) = self.0.goal_id else {
            return Ok(None);
        };
        let goals = loaded(ctx, cache(ctx)?.goals(self.0.plan_id).await)?;
        Ok(goals.get(&id).map(GoalObject))
    }
    /// Observed values, oldest first. A year without a survey has no entry.
    async fn values(&self, ctx: &Context<'_>) -> Result<Vec<IndicatorValueObject>> {
        let values = loaded(ctx, cache(ctx)?.values(self.0.plan_id).await)?;
        Ok(values.children(&self.0.id).into_iter().map(IndicatorValueObject).collect())
    }
}

/// One observed value of an indicator.
pub struct IndicatorValueObject(pub IndicatorValue);

#[Object(name = "IndicatorValue")]
impl IndicatorValueObject {
    /// The fiscal year observed.
    async fn fiscal_year(&self) -> i32 {
        self.0.fiscal_year.year()
    }
    async fn value(&self) -> f64 {
        self.0.value
    }
    async fn source(&self) -> Option<&str> {
        self.0.source.as_deref()
    }
    async fn note(&self) -> Option<&str> {
        self.0.note.as_deref()
    }
}

/// A department, the Council of Social Welfare, the plan office or the committee.
pub struct OrganizationObject(pub Organization);

#[Object(name = "Organization")]
impl OrganizationObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// Stable key, such as `bousai`.
    async fn code(&self) -> &str {
        &self.0.code
    }
    async fn name_ja(&self) -> &str {
        &self.0.name.ja
    }
    async fn name_en(&self) -> &str {
        &self.0.name.en
    }
    async fn kind(&self) -> OrganizationKindValue {
        self.0.kind.into()
    }
    /// Sample data shipped for the demo, not the city's own.
    async fn is_sample(&self) -> bool {
        self.0.is_sample
    }
}
