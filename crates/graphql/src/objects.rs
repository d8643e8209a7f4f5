//! The object types of the plan API, each a thin wrapper over a domain type.

use app::domain::plan::{
    Goal, Indicator, IndicatorUnit, IndicatorValue, Organization, OrganizationKind, Plan, Policy,
    PolicyDirection,
};
use async_graphql::{Context, Enum, ID, Object, Result, dataloader::Loader};

use crate::{
    context::RequestContext,
    error::{coded, to_graphql},
    loaders::{
        DirectionsOfPolicy, GoalById, GoalsOfPlan, IndicatorsOfGoal, IndicatorsOfPlan, LoadError,
        OrganizationById, PlanById, PlanLoader, PoliciesOfGoal, PolicyById, ValuesOfIndicator,
    },
};

/// The caller's context, or an internal error if the server forgot to attach it.
pub(crate) fn request<'a>(ctx: &Context<'a>) -> Result<&'a RequestContext> {
    ctx.data::<RequestContext>()
        .map_err(|_| coded(app::ErrorCode::Internal, "request context missing".into()))
}

/// Loads one value through the request's loader.
pub(crate) async fn load_one<K, V>(ctx: &Context<'_>, key: K) -> Result<Option<V>>
where
    K: Send + Sync + std::hash::Hash + Eq + Clone + 'static,
    PlanLoader: Loader<K, Value = V, Error = LoadError>,
    V: Send + Sync + Clone + 'static,
{
    let language = request(ctx)?.language;
    let loader = ctx
        .data::<async_graphql::dataloader::DataLoader<PlanLoader>>()
        .map_err(|_| coded(app::ErrorCode::Internal, "loader missing".into()))?;
    loader
        .load_one(key)
        .await
        .map_err(|error| to_graphql(&error, language))
}

/// Loads a list of children; a parent without children has an empty list.
async fn load_list<K, V>(ctx: &Context<'_>, key: K) -> Result<Vec<V>>
where
    K: Send + Sync + std::hash::Hash + Eq + Clone + 'static,
    PlanLoader: Loader<K, Value = Vec<V>, Error = LoadError>,
    V: Send + Sync + Clone + 'static,
{
    Ok(load_one(ctx, key).await?.unwrap_or_default())
}

/// Loads a parent that must exist.
async fn load_parent<K, V>(ctx: &Context<'_>, key: K) -> Result<V>
where
    K: Send + Sync + std::hash::Hash + Eq + Clone + 'static,
    PlanLoader: Loader<K, Value = V, Error = LoadError>,
    V: Send + Sync + Clone + 'static,
{
    load_one(ctx, key)
        .await?
        .ok_or_else(|| coded(app::ErrorCode::Internal, "parent row missing".into()))
}

/// The role of an organisation in the plan's promotion system.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(name = "OrganizationKind")]
pub enum OrganizationKindValue {
    /// A city department (担当課).
    Department,
    /// The Council of Social Welfare (社会福祉協議会).
    Council,
    /// The plan office (事務局).
    PlanOffice,
    /// The expert committee (推進委員会).
    Committee,
}

impl From<OrganizationKind> for OrganizationKindValue {
    fn from(kind: OrganizationKind) -> Self {
        match kind {
            OrganizationKind::Department => Self::Department,
            OrganizationKind::Council => Self::Council,
            OrganizationKind::PlanOffice => Self::PlanOffice,
            OrganizationKind::Committee => Self::Committee,
        }
    }
}

/// How an indicator is counted.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(name = "IndicatorUnit")]
pub enum IndicatorUnitValue {
    /// A share, 0 to 100.
    Percent,
    /// A number of things.
    Count,
}

impl From<IndicatorUnit> for IndicatorUnitValue {
    fn from(unit: IndicatorUnit) -> Self {
        match unit {
            IndicatorUnit::Percent => Self::Percent,
            IndicatorUnit::Count => Self::Count,
        }
    }
}

/// A plan generation with its period, philosophy and tree.
pub struct PlanObject(pub Plan);

/// 第N次…計画: a plan generation.
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
        Ok(load_list(ctx, GoalsOfPlan(self.0.id))
            .await?
            .into_iter()
            .map(GoalObject)
            .collect())
    }
    /// Every target indicator of the plan, per goal and for the whole plan.
    async fn indicators(&self, ctx: &Context<'_>) -> Result<Vec<IndicatorObject>> {
        Ok(load_list(ctx, IndicatorsOfPlan(self.0.id))
            .await?
            .into_iter()
            .map(IndicatorObject)
            .collect())
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
        Ok(PlanObject(
            load_parent(ctx, PlanById(self.0.plan_id)).await?,
        ))
    }
    /// 基本施策, in code order.
    async fn policies(&self, ctx: &Context<'_>) -> Result<Vec<PolicyObject>> {
        Ok(load_list(ctx, PoliciesOfGoal(self.0.id))
            .await?
            .into_iter()
            .map(PolicyObject)
            .collect())
    }
    /// The target indicators that measure this goal.
    async fn indicators(&self, ctx: &Context<'_>) -> Result<Vec<IndicatorObject>> {
        Ok(load_list(ctx, IndicatorsOfGoal(self.0.id))
            .await?
            .into_iter()
            .map(IndicatorObject)
            .collect())
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
        Ok(GoalObject(
            load_parent(ctx, GoalById(self.0.goal_id)).await?,
        ))
    }
    /// 施策の方向, in code order.
    async fn directions(&self, ctx: &Context<'_>) -> Result<Vec<PolicyDirectionObject>> {
        Ok(load_list(ctx, DirectionsOfPolicy(self.0.id))
            .await?
            .into_iter()
            .map(PolicyDirectionObject)
            .collect())
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
        Ok(PolicyObject(
            load_parent(ctx, PolicyById(self.0.policy_id)).await?,
        ))
    }
    async fn goal(&self, ctx: &Context<'_>) -> Result<GoalObject> {
        Ok(GoalObject(
            load_parent(ctx, GoalById(self.0.goal_id)).await?,
        ))
    }
    async fn plan(&self, ctx: &Context<'_>) -> Result<PlanObject> {
        Ok(PlanObject(
            load_parent(ctx, PlanById(self.0.plan_id)).await?,
        ))
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
        Ok(load_one(ctx, OrganizationById(id))
            .await?
            .map(OrganizationObject))
    }
    /// The goal measured; null for an indicator of the whole plan.
    async fn goal(&self, ctx: &Context<'_>) -> Result<Option<GoalObject>> {
        let Some(id) = self.0.goal_id else {
            return Ok(None);
        };
        Ok(load_one(ctx, GoalById(id)).await?.map(GoalObject))
    }
    /// Observed values, oldest first. A year without a survey has no entry.
    async fn values(&self, ctx: &Context<'_>) -> Result<Vec<IndicatorValueObject>> {
        Ok(load_list(ctx, ValuesOfIndicator(self.0.id))
            .await?
            .into_iter()
            .map(IndicatorValueObject)
            .collect())
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
