//! The annual evaluation in the API: compile, override, assess, the committee's
//! opinions and the city's responses, finalise, publish; indicator values. The public
//! reads a published evaluation without signing in, without its internal parts.

use app::{
    AnnualEvaluation, DirectionEvaluation, GoalEvaluation, IndicatorEvaluation,
    domain::{
        FiscalYear,
        evaluation::{EvaluationStatus, Opinion, RatingCounts, YearOverYear, rating_rule},
        ids::{DirectionId, EvaluationId, IndicatorId, OpinionId, PlanId},
        progress::{ProgressGrade, TrendDirection},
        report::SelfRating,
    },
};
use async_graphql::{Context, ID, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};

use crate::{
    error::to_graphql,
    objects::{
        GoalObject, IndicatorObject, IndicatorValueObject, OrganizationObject, PlanObject,
        PolicyDirectionObject, PolicyObject,
    },
    reports::{
        ActivityObject, NextStepValue, PersonObject, ReportObject, ReportStatusValue, SelfRatingValue,
    },
    resolve::{app, cache, fail, language, loaded, parse_uuid, request},
};

mirror_enum!(
    /// Where an evaluation is.
    EvaluationStatusValue as "EvaluationStatus", EvaluationStatus {
        /// 作成中.
        Draft,
        /// 委員会審議中.
        InCommittee,
        /// 確定.
        Finalized,
        /// 公表済み.
        Published,
    }
);

mirror_enum!(
    /// How an indicator stands in a year.
    ProgressGradeValue as "ProgressGrade", ProgressGrade {
        /// 達成.
        Achieved,
        /// 順調.
        OnTrack,
        /// 遅れ.
        Behind,
        /// 後退.
        Regressed,
        /// 今年度は未測定 (no survey this year: not zero).
        NotMeasured,
    }
);

mirror_enum!(
    /// Which way a value moved.
    TrendDirectionValue as "TrendDirection", TrendDirection {
        /// 改善.
        Improved,
        /// 悪化.
        Worsened,
        /// 横ばい.
        Unchanged,
    }
);

fn fiscal_year(ctx: &Context<'_>, year: i32) -> Result<FiscalYear> {
    FiscalYear::try_from(year)
        .map_err(|_| to_graphql(&app::AppError::NotFound { what: "fiscal year" }, language(ctx)))
}

/// How many directions got each rating.
#[derive(SimpleObject)]
#[graphql(name = "RatingCounts")]
pub struct RatingCountsObject {
    pub a: u32,
    pub b: u32,
    pub c: u32,
    pub d: u32,
    /// Directions without a rating (no accepted report).
    pub unrated: u32,
    /// Rated directions.
    pub total: u32,
}

impl From<&RatingCounts> for RatingCountsObject {
    fn from(counts: &RatingCounts) -> Self {
        Self {
            a: counts.a,
            b: counts.b,
            c: counts.c,
            d: counts.d,
            unrated: counts.unrated,
            total: counts.total(),
        }
    }
}

/// The share rated A or B against the previous year's evaluation.
#[derive(SimpleObject)]
#[graphql(name = "YearOverYear")]
pub struct YearOverYearObject {
    pub previous_share_a_or_b: Option<f64>,
    pub current_share_a_or_b: Option<f64>,
    /// In fraction points (0.1 = 10 points).
    pub change: Option<f64>,
}

impl From<&YearOverYear> for YearOverYearObject {
    fn from(yoy: &YearOverYear) -> Self {
        Self {
            previous_share_a_or_b: yoy.previous_share,
            current_share_a_or_b: yoy.current_share,
            change: yoy.change,
        }
    }
}

/// An owner whose year-end report is missing or not accepted.
pub struct MissingReportObject(app::MissingReport);

#[Object(name = "MissingReport")]
impl MissingReportObject {
    async fn organization(&self, ctx: &Context<'_>) -> Result<Option<OrganizationObject>> {
        let organizations = loaded(ctx, cache(ctx)?.organizations().await)?;
        Ok(organizations.get(&self.0.organization_id).map(OrganizationObject))
    }
    async fn status(&self) -> ReportStatusValue {
        self.0.status.into()
    }
}

/// The published part of an accepted report: what the city reports to residents.
pub struct ReportSummaryObject(app::domain::report::Report);

#[Object(name = "ReportSummary")]
impl ReportSummaryObject {
    async fn organization(&self, ctx: &Context<'_>) -> Result<Option<OrganizationObject>> {
        let organizations = loaded(ctx, cache(ctx)?.organizations().await)?;
        Ok(organizations.get(&self.0.organization_id).map(OrganizationObject))
    }
    async fn activities(&self) -> Vec<ActivityObject> {
        self.0.content.activities.iter().map(Into::into).collect()
    }
    async fn results_summary(&self) -> Option<&str> {
        self.0.content.results_summary.as_deref()
    }
    async fn self_rating(&self) -> Option<SelfRatingValue> {
        self.0.content.self_rating.map(Into::into)
    }
    async fn rating_reason(&self) -> Option<&str> {
        self.0.content.rating_reason.as_deref()
    }
    async fn issues(&self) -> Option<&str> {
        self.0.content.issues.as_deref()
    }
    async fn next_step(&self) -> Option<NextStepValue> {
        self.0.content.next_step.map(Into::into)
    }
    async fn next_step_reason(&self) -> Option<&str> {
        self.0.content.next_step_reason.as_deref()
    }
}

/// One direction in the evaluation.
pub struct DirectionEvaluationObject {
    item: DirectionEvaluation,
    internal: bool,
}

#[Object(name = "DirectionEvaluation")]
impl DirectionEvaluationObject {
    async fn direction(&self) -> PolicyDirectionObject {
        PolicyDirectionObject(self.item.direction.clone())
    }
    /// The rating that counts: the plan office's override, else the proposal.
    async fn rating(&self) -> Option<SelfRatingValue> {
        self.item.rating().map(Into::into)
    }
    /// Proposed from the owners' accepted year-end ratings (see `ratingRule`).
    async fn proposed_rating(&self) -> Option<SelfRatingValue> {
        self.item.proposed.map(Into::into)
    }
    /// Why the plan office changed the proposal.
    async fn override_reason(&self) -> Option<&str> {
        self.item.overridden.as_ref().map(|o| o.reason.as_str())
    }
    /// The accepted year-end reports behind the rating (signed-in readers only).
    async fn reports(&self) -> Vec<ReportObject> {
        if !self.internal {
            return Vec::new();
        }
        self.item.reports.iter().cloned().map(ReportObject).collect()
    }
    /// The year's accepted interim reports, for context (signed-in readers only).
    async fn interim_reports(&self) -> Vec<ReportObject> {
        if !self.internal {
            return Vec::new();
        }
        self.item.interim_reports.iter().cloned().map(ReportObject).collect()
    }
    /// The owners whose year-end report is missing or not accepted (signed-in readers
    /// only): nothing is left out silently.
    async fn missing_reports(&self) -> Vec<MissingReportObject> {
        if !self.internal {
            return Vec::new();
        }
        self.item.missing.iter().cloned().map(MissingReportObject).collect()
    }
    /// The accepted year-end reports as published: content only.
    async fn summaries(&self) -> Vec<ReportSummaryObject> {
        self.item.reports.iter().cloned().map(ReportSummaryObject).collect()
    }
}

/// A policy's rollup.
pub struct PolicyEvaluationObject(app::PolicyEvaluation);

#[Object(name = "PolicyEvaluation")]
impl PolicyEvaluationObject {
    async fn policy(&self) -> PolicyObject {
        PolicyObject(self.0.policy.clone())
    }
    async fn rating_counts(&self) -> RatingCountsObject {
        (&self.0.counts).into()
    }
    async fn share_a_or_b(&self) -> Option<f64> {
        self.0.counts.share_a_or_b()
    }
}

/// One indicator's progress.
pub struct IndicatorEvaluationObject(IndicatorEvaluation);

#[Object(name = "IndicatorEvaluation")]
impl IndicatorEvaluationObject {
    async fn indicator(&self) -> IndicatorObject {
        IndicatorObject(self.0.indicator.clone())
    }
    /// The value of the evaluated year; null when it was not measured (not zero).
    async fn value(&self) -> Option<f64> {
        self.0.progress.value
    }
    /// (value − baseline) / (target − baseline): 0.333 means 33.3 %; negative when the
    /// value moved away from the target; null when not measured.
    async fn achievement_rate(&self) -> Option<f64> {
        self.0.progress.achievement_rate
    }
    /// Where a straight path from the baseline to the target would be this year.
    async fn expected_value(&self) -> f64 {
        self.0.progress.expected_value
    }
    async fn grade(&self) -> ProgressGradeValue {
        self.0.progress.grade.into()
    }
    /// The grade in the reader's language (「今年度は未測定」 rather than zero).
    async fn grade_label(&self, ctx: &Context<'_>) -> &'static str {
        self.0.progress.grade.label(language(ctx))
    }
    /// The change before the plan: the latest value before the baseline year to the
    /// baseline (the previous period's trend).
    async fn previous_trend(&self) -> Option<TrendObject> {
        self.0.previous_trend.as_ref().map(|t| TrendObject {
            from_year: t.from_year.year(),
            to_year: t.to_year.year(),
            change: t.change,
            direction: t.direction.into(),
        })
    }
    /// Where the value comes from.
    async fn source(&self) -> Option<&str> {
        self.0.source.as_deref()
    }
}

/// A change of an indicator between two years.
#[derive(SimpleObject)]
#[graphql(name = "Trend")]
pub struct TrendObject {
    pub from_year: i32,
    pub to_year: i32,
    pub change: f64,
    pub direction: TrendDirectionValue,
}

/// A goal in the evaluation.
pub struct GoalEvaluationObject {
    item: GoalEvaluation,
    internal: bool,
}

#[Object(name = "GoalEvaluation")]
impl GoalEvaluationObject {
    async fn goal(&self) -> GoalObject {
        GoalObject(self.item.goal.clone())
    }
    async fn rating_counts(&self) -> RatingCountsObject {
        (&self.item.counts).into()
    }
    /// The share of rated directions rated A or B.
    async fn share_a_or_b(&self) -> Option<f64> {
        self.item.counts.share_a_or_b()
    }
    async fn year_over_year(&self) -> YearOverYearObject {
        (&self.item.year_over_year).into()
    }
    async fn policies(&self) -> Vec<PolicyEvaluationObject> {
        self.item.policies.iter().cloned().map(PolicyEvaluationObject).collect()
    }
    async fn directions(&self) -> Vec<DirectionEvaluationObject> {
        self.item
            .directions
            .iter()
            .cloned()
            .map(|item| DirectionEvaluationObject { item, internal: self.internal })
            .collect()
    }
    async fn indicators(&self) -> Vec<IndicatorEvaluationObject> {
        self.item.indicators.iter().cloned().map(IndicatorEvaluationObject).collect()
    }
    /// The plan office's overall assessment of the goal (総括).
    async fn assessment(&self) -> Option<&str> {
        self.item.assessment.as_deref()
    }
}

/// A committee member's opinion (委員意見) and the city's answer (市の考え方).
pub struct OpinionObject {
    opinion: Opinion,
    internal: bool,
}

#[Object(name = "CommitteeOpinion")]
impl OpinionObject {
    async fn id(&self) -> ID {
        ID(self.opinion.id.to_string())
    }
    /// The fiscal year of the evaluation it was given on (earlier for one carried over).
    async fn fiscal_year(&self) -> i32 {
        self.opinion.fiscal_year.year()
    }
    /// A goal, policy or direction code; null for the whole plan.
    async fn target_code(&self) -> Option<&str> {
        self.opinion.target_code.as_deref()
    }
    async fn body(&self) -> &str {
        &self.opinion.body
    }
    /// The member (signed-in readers only; the public version does not name members).
    async fn author(&self, ctx: &Context<'_>) -> Result<Option<PersonObject>> {
        if !self.internal {
            return Ok(None);
        }
        crate::review::person(ctx, Some(self.opinion.author_id)).await
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.opinion.created_at
    }
    /// 市の考え方.
    async fn response(&self) -> Option<&str> {
        self.opinion.response.as_deref()
    }
    /// 反映状況.
    async fn reflection(&self) -> Option<&str> {
        self.opinion.reflection.as_deref()
    }
    async fn responded_at(&self) -> Option<DateTime<Utc>> {
        self.opinion.responded_at
    }
}

/// The annual evaluation of a plan's fiscal year.
pub struct AnnualEvaluationObject(pub AnnualEvaluation);

#[Object(name = "AnnualEvaluation")]
impl AnnualEvaluationObject {
    async fn id(&self) -> ID {
        ID(self.0.evaluation.id.to_string())
    }
    async fn fiscal_year(&self) -> i32 {
        self.0.evaluation.fiscal_year.year()
    }
    /// `2025年度（令和7年度）` / `FY2025`.
    async fn fiscal_year_label(&self, ctx: &Context<'_>) -> String {
        self.0.evaluation.fiscal_year.label(language(ctx))
    }
    async fn status(&self) -> EvaluationStatusValue {
        self.0.evaluation.status.into()
    }
    async fn plan(&self) -> PlanObject {
        PlanObject(self.0.plan.clone())
    }
    async fn compiled_at(&self) -> DateTime<Utc> {
        self.0.evaluation.compiled_at
    }
    async fn finalized_at(&self) -> Option<DateTime<Utc>> {
        self.0.evaluation.finalized_at
    }
    async fn published_at(&self) -> Option<DateTime<Utc>> {
        self.0.evaluation.published_at
    }
    /// The whole plan's ratings.
    async fn rating_counts(&self) -> RatingCountsObject {
        (&self.0.counts).into()
    }
    async fn share_a_or_b(&self) -> Option<f64> {
        self.0.counts.share_a_or_b()
    }
    async fn year_over_year(&self) -> YearOverYearObject {
        (&self.0.year_over_year).into()
    }
    async fn goals(&self) -> Vec<GoalEvaluationObject> {
        self.0
            .goals
            .iter()
            .cloned()
            .map(|item| GoalEvaluationObject { item, internal: self.0.internal })
            .collect()
    }
    /// Every indicator of the plan with its progress in the year.
    async fn indicators(&self) -> Vec<IndicatorEvaluationObject> {
        self.0.indicators.iter().cloned().map(IndicatorEvaluationObject).collect()
    }
    /// Opinions on this evaluation, then open ones carried over from earlier years.
    async fn opinions(&self) -> Vec<OpinionObject> {
        self.0
            .opinions
            .iter()
            .cloned()
            .map(|opinion| OpinionObject { opinion, internal: self.0.internal })
            .collect()
    }
    /// The plan office's overall assessment of the plan (総括).
    async fn assessment(&self) -> Option<&str> {
        self.0.assessment.as_deref()
    }
    /// How a direction's rating is proposed, in the reader's language.
    async fn rating_rule(&self, ctx: &Context<'_>) -> &'static str {
        rating_rule(language(ctx))
    }
}

/// An evaluation in a list.
#[derive(SimpleObject)]
#[graphql(name = "EvaluationSummary")]
pub struct EvaluationSummaryObject {
    pub id: ID,
    pub fiscal_year: i32,
    pub status: EvaluationStatusValue,
}

fn plan_id(ctx: &Context<'_>, id: &ID) -> Result<PlanId> {
    Ok(PlanId(parse_uuid(ctx, id)?))
}

fn evaluation_id(ctx: &Context<'_>, id: &ID) -> Result<EvaluationId> {
    Ok(EvaluationId(parse_uuid(ctx, id)?))
}

/// Evaluation queries.
#[derive(Default)]
pub struct EvaluationQuery;

#[Object]
impl EvaluationQuery {
    /// The evaluation of a plan's fiscal year; null when there is none the caller may
    /// read. The public reads a published one without signing in.
    async fn annual_evaluation(
        &self,
        ctx: &Context<'_>,
        plan_id: ID,
        fiscal_year: i32,
    ) -> Result<Option<AnnualEvaluationObject>> {
        let request = request(ctx)?;
        let evaluation = app(ctx)?
            .annual_evaluation(
                &request.actor,
                self::plan_id(ctx, &plan_id)?,
                self::fiscal_year(ctx, fiscal_year)?,
            )
            .await
            .map_err(fail(ctx))?;
        Ok(evaluation.map(AnnualEvaluationObject))
    }

    /// The evaluations of a plan the caller may read, oldest first.
    async fn annual_evaluations(
        &self,
        ctx: &Context<'_>,
        plan_id: ID,
    ) -> Result<Vec<EvaluationSummaryObject>> {
        let request = request(ctx)?;
        let list = app(ctx)?
            .annual_evaluations(&request.actor, self::plan_id(ctx, &plan_id)?)
            .await
            .map_err(fail(ctx))?;
        Ok(list
            .into_iter()
            .map(|e| EvaluationSummaryObject {
                id: ID(e.id.to_string()),
                fiscal_year: e.fiscal_year.year(),
                status: e.status.into(),
            })
            .collect())
    }
}

/// Evaluation changes.
#[derive(Default)]
pub struct EvaluationMutation;

#[Object]
impl EvaluationMutation {
    /// Gathers the year's accepted reports into the draft evaluation (plan office):
    /// a proposed rating per direction and every missing report listed. Compiling
    /// again refreshes the draft and keeps the plan office's overrides.
    async fn compile_annual_evaluation(
        &self,
        ctx: &Context<'_>,
        plan_id: ID,
        fiscal_year: i32,
    ) -> Result<AnnualEvaluationObject> {
        let request = request(ctx)?;
        let evaluation = app(ctx)?
            .compile_annual_evaluation(
                &request.actor,
                self::plan_id(ctx, &plan_id)?,
                self::fiscal_year(ctx, fiscal_year)?,
            )
            .await
            .map_err(fail(ctx))?;
        Ok(AnnualEvaluationObject(evaluation))
    }

    /// Replaces a direction's proposed rating, with the reason the committee will read
    /// (plan office, before finalisation).
    async fn override_direction_rating(
        &self,
        ctx: &Context<'_>,
        evaluation_id: ID,
        direction_id: ID,
        rating: SelfRatingValue,
        reason: String,
    ) -> Result<AnnualEvaluationObject> {
        let request = request(ctx)?;
        let evaluation = app(ctx)?
            .override_direction_rating(
                &request.actor,
                self::evaluation_id(ctx, &evaluation_id)?,
                DirectionId(parse_uuid(ctx, &direction_id)?),
                SelfRating::from(rating),
                &reason,
            )
            .await
            .map_err(fail(ctx))?;
        Ok(AnnualEvaluationObject(evaluation))
    }

    /// Writes the overall assessment (総括) of the plan (`goalCode` null) or of a goal
    /// (plan office, before finalisation). An empty body removes it.
    async fn write_overall_assessment(
        &self,
        ctx: &Context<'_>,
        evaluation_id: ID,
        goal_code: Option<String>,
        body: String,
    ) -> Result<AnnualEvaluationObject> {
        let request = request(ctx)?;
        let evaluation = app(ctx)?
            .write_assessment(
                &request.actor,
                self::evaluation_id(ctx, &evaluation_id)?,
                goal_code.as_deref(),
                &body,
            )
            .await
            .map_err(fail(ctx))?;
        Ok(AnnualEvaluationObject(evaluation))
    }

    /// Hands the evaluation to the expert committee (plan office); members are notified
    /// and can read every accepted report behind it.
    async fn start_committee_review(
        &self,
        ctx: &Context<'_>,
        evaluation_id: ID,
    ) -> Result<AnnualEvaluationObject> {
        let request = request(ctx)?;
        let evaluation = app(ctx)?
            .start_committee_review(&request.actor, self::evaluation_id(ctx, &evaluation_id)?)
            .await
            .map_err(fail(ctx))?;
        Ok(AnnualEvaluationObject(evaluation))
    }

    /// A committee member's opinion on the whole plan (`targetCode` null), a goal, a
    /// policy or a direction, while the evaluation is in committee.
    async fn add_committee_opinion(
        &self,
        ctx: &Context<'_>,
        evaluation_id: ID,
        target_code: Option<String>,
        body: String,
    ) -> Result<OpinionObject> {
        let request = request(ctx)?;
        let opinion = app(ctx)?
            .add_committee_opinion(
                &request.actor,
                self::evaluation_id(ctx, &evaluation_id)?,
                target_code.as_deref(),
                &body,
            )
            .await
            .map_err(fail(ctx))?;
        Ok(OpinionObject { opinion, internal: true })
    }

    /// The city's response to an opinion (市の考え方) and how it will be reflected
    /// (反映状況); plan office. An opinion without a response carries over to the next
    /// year's evaluation.
    async fn respond_to_opinion(
        &self,
        ctx: &Context<'_>,
        opinion_id: ID,
        response: String,
        reflection: String,
    ) -> Result<OpinionObject> {
        let request = request(ctx)?;
        let opinion = app(ctx)?
            .respond_to_opinion(
                &request.actor,
                OpinionId(parse_uuid(ctx, &opinion_id)?),
                &response,
                &reflection,
            )
            .await
            .map_err(fail(ctx))?;
        Ok(OpinionObject { opinion, internal: true })
    }

    /// Finalises the evaluation (plan office): it no longer changes, and every report
    /// of the year is locked; reports never accepted are recorded as not reported.
    async fn finalize_annual_evaluation(
        &self,
        ctx: &Context<'_>,
        evaluation_id: ID,
    ) -> Result<AnnualEvaluationObject> {
        let request = request(ctx)?;
        let evaluation = app(ctx)?
            .finalize_annual_evaluation(&request.actor, self::evaluation_id(ctx, &evaluation_id)?)
            .await
            .map_err(fail(ctx))?;
        Ok(AnnualEvaluationObject(evaluation))
    }

    /// Publishes a finalised evaluation (plan office): readable without signing in,
    /// without internal parts.
    async fn publish_annual_evaluation(
        &self,
        ctx: &Context<'_>,
        evaluation_id: ID,
    ) -> Result<AnnualEvaluationObject> {
        let request = request(ctx)?;
        let evaluation = app(ctx)?
            .publish_annual_evaluation(&request.actor, self::evaluation_id(ctx, &evaluation_id)?)
            .await
            .map_err(fail(ctx))?;
        Ok(AnnualEvaluationObject(evaluation))
    }

    /// Records an indicator's value for a fiscal year (plan office, or the organisation
    /// named as the indicator's source). A year without a survey simply has no value.
    async fn record_indicator_value(
        &self,
        ctx: &Context<'_>,
        indicator_id: ID,
        fiscal_year: i32,
        value: f64,
        source: Option<String>,
        note: Option<String>,
    ) -> Result<IndicatorValueObject> {
        let request = request(ctx)?;
        let recorded = app(ctx)?
            .record_indicator_value(
                &request.actor,
                IndicatorId(parse_uuid(ctx, &indicator_id)?),
                self::fiscal_year(ctx, fiscal_year)?,
                value,
                source,
                note,
            )
            .await
            .map_err(fail(ctx))?;
        Ok(IndicatorValueObject(recorded))
    }
}

/// A direction's rating in one year's evaluation.
pub struct DirectionRatingObject(pub app::DirectionYearRating);

#[Object(name = "DirectionRating")]
impl DirectionRatingObject {
    /// The evaluation's fiscal year.
    async fn fiscal_year(&self) -> i32 {
        self.0.fiscal_year.year()
    }
    /// Where that evaluation is: a draft's rating may still change.
    async fn evaluation_status(&self) -> EvaluationStatusValue {
        self.0.status.into()
    }
    /// The plan office's override if any, else the rating proposed from the owners'
    /// reports; null when no owner rated.
    async fn rating(&self) -> Option<crate::reports::SelfRatingValue> {
        self.0.rating.map(Into::into)
    }
}
