//! The annual evaluation: compiling a year of accepted reports into a proposed rating
//! per direction (the plan office may override it with a reason), rollups per policy,
//! goal and plan with the change from the previous year, indicator progress, the overall
//! assessments (総括), the committee's opinions and the city's responses, and the steps
//! DRAFT → IN_COMMITTEE → FINALIZED (every report of the year locked) → PUBLISHED.

use std::collections::{BTreeMap, HashMap};

use chrono::Utc;
use domain::{
    FiscalYear, Language,
    access::{Action, Actor, Role},
    audit::AuditAction,
    evaluation::{
        DirectionDecision, Evaluation, EvaluationError, EvaluationStatus, EvaluationStep, Opinion,
        OwnerRating, RatingCounts, RatingOverride, YearOverYear, evaluation_step, propose_direction_rating,
    },
    ids::{DirectionId, EvaluationId, IndicatorId, OpinionId, OrganizationId, PlanId, PolicyId},
    notification::Notification,
    ownership::OwnerRole,
    plan::{Goal, Indicator, IndicatorValue, Plan, Policy, PolicyDirection},
    progress::{IndicatorPath, IndicatorProgress, Trend},
    report::{MAX_LONG_TEXT, PeriodKind, Report, ReportStatus, SelfRating},
    review::check_body,
};
use serde_json::json;

use crate::{App, AppError, InputProblem, audit::record, authorize, notify::mails_for};

/// A direction's rating in one year's evaluation.
#[derive(Clone, Debug, PartialEq)]
pub struct DirectionYearRating {
    /// The direction.
    pub direction_id: DirectionId,
    /// The evaluation's fiscal year.
    pub fiscal_year: FiscalYear,
    /// Where that evaluation is (a draft's rating may still change).
    pub status: EvaluationStatus,
    /// The plan office's override if any, else the proposal; `None` when no owner rated.
    pub rating: Option<SelfRating>,
}

/// A missing or not-yet-accepted report behind a direction's rating.
#[derive(Clone, Debug)]
pub struct MissingReport {
    /// The owner that owes it.
    pub organization_id: OrganizationId,
    /// Where its report is (`NOT_STARTED` when there is none).
    pub status: ReportStatus,
}

/// One direction in the evaluation.
#[derive(Clone, Debug)]
pub struct DirectionEvaluation {
    /// The direction.
    pub direction: PolicyDirection,
    /// Proposed from the owners' accepted year-end ratings.
    pub proposed: Option<SelfRating>,
    /// The plan office's override and its reason.
    pub overridden: Option<RatingOverride>,
    /// The accepted year-end reports behind it.
    pub reports: Vec<Report>,
    /// The accepted interim reports of the year, for context.
    pub interim_reports: Vec<Report>,
    /// The owners whose year-end report is missing or not accepted.
    pub missing: Vec<MissingReport>,
    /// The direction's owners now, lead first.
    pub owners: Vec<(OrganizationId, OwnerRole)>,
}

impl DirectionEvaluation {
    /// The rating that counts: the override if any, else the proposal.
    pub fn rating(&self) -> Option<SelfRating> {
        self.overridden.as_ref().map(|o| o.rating).or(self.proposed)
    }
}

/// A policy's rollup.
#[derive(Clone, Debug)]
pub struct PolicyEvaluation {
    /// The policy.
    pub policy: Policy,
    /// Ratings of its directions.
    pub counts: RatingCounts,
}

/// One indicator's progress in the evaluated year.
#[derive(Clone, Debug)]
pub struct IndicatorEvaluation {
    /// The indicator.
    pub indicator: Indicator,
    /// Where it stands.
    pub progress: IndicatorProgress,
    /// The change over the period before the plan (the latest value before the
    /// baseline, to the baseline).
    pub previous_trend: Option<Trend>,
    /// Where the value came from.
    pub source: Option<String>,
}

/// A goal with its rollup.
#[derive(Clone, Debug)]
pub struct GoalEvaluation {
    /// The goal.
    pub goal: Goal,
    /// Ratings of its directions.
    pub counts: RatingCounts,
    /// Against the previous year's evaluation.
    pub year_over_year: YearOverYear,
    /// Per policy.
    pub policies: Vec<PolicyEvaluation>,
    /// Its directions, in plan order.
    pub directions: Vec<DirectionEvaluation>,
    /// The indicators under it.
    pub indicators: Vec<IndicatorEvaluation>,
    /// The plan office's overall assessment (総括).
    pub assessment: Option<String>,
}

/// The whole evaluation as the committee reads it.
#[derive(Clone, Debug)]
pub struct AnnualEvaluation {
    /// The stored evaluation.
    pub evaluation: Evaluation,
    /// The plan.
    pub plan: Plan,
    /// Per goal.
    pub goals: Vec<GoalEvaluation>,
    /// The whole plan's ratings.
    pub counts: RatingCounts,
    /// Against the previous year's evaluation.
    pub year_over_year: YearOverYear,
    /// Every indicator of the plan.
    pub indicators: Vec<IndicatorEvaluation>,
    /// Opinions on this evaluation, then open ones carried over from earlier years.
    pub opinions: Vec<Opinion>,
    /// The overall assessment of the plan (総括).
    pub assessment: Option<String>,
    /// Whether the reader sees the internal parts (reports, missing reports).
    pub internal: bool,
}

fn invalid(error: EvaluationError) -> AppError {
    AppError::Invalid(InputProblem::Evaluation(error))
}

/// The assessment key of the whole plan.
const PLAN_TARGET: &str = "plan";

impl App {
    async fn evaluation_for(&self, id: EvaluationId) -> Result<Evaluation, AppError> {
        self.db.evaluation_by_id(id).await?.ok_or(AppError::NotFound { what: "evaluation" })
    }

    fn may_read_unpublished(actor: &Actor, evaluation: &Evaluation) -> bool {
        if authorize(actor, &Action::ReadEvaluation).is_err() {
            return false;
        }
        // The committee reads an evaluation once it is handed to them.
        let committee_only = actor
            .user()
            .is_some_and(|u| u.has(Role::CommitteeMember) && !u.has(Role::PlanOffice) && !u.has(Role::Admin));
        !(committee_only && evaluation.status == EvaluationStatus::Draft)
    }

    /// Gathers a year of accepted reports into the draft evaluation: a proposed rating
    /// per direction. Compiling again refreshes the proposals and keeps the overrides.
    pub async fn compile_annual_evaluation(
        &self,
        actor: &Actor,
        plan_id: PlanId,
        fiscal_year: FiscalYear,
    ) -> Result<AnnualEvaluation, AppError> {
        authorize(actor, &Action::ManageEvaluation)?;
        let plan = self.db.plan_by_id(plan_id).await?.ok_or(AppError::NotFound { what: "plan" })?;
        if fiscal_year < plan.start_fiscal_year || fiscal_year > plan.end_fiscal_year {
            return Err(AppError::NotFound { what: "fiscal year" });
        }
        if let Some(existing) = self.db.evaluation(plan_id, fiscal_year).await? {
            existing.status.ensure_editable().map_err(invalid)?;
        }
        let directions = self.db.directions_of_plan(plan_id).await?;
        let owners = self.db.owners_of_plan(plan_id).await?;
        let periods = self.db.periods(plan_id, Some(fiscal_year)).await?;
        let year_end: Vec<_> =
            periods.iter().filter(|p| p.kind == PeriodKind::YearEnd).map(|p| p.id).collect();
        let reports = self.db.reports_of_periods(&year_end).await?;
        let proposals: Vec<(DirectionId, Option<SelfRating>)> = directions
            .iter()
            .map(|direction| {
                let ratings: Vec<OwnerRating> = reports
                    .iter()
                    .filter(|r| r.direction_id == direction.id && r.accepted_at.is_some())
                    .filter_map(|r| {
                        let role = owners
                            .iter()
                            .find(|o| {
                                o.direction_id == direction.id && o.organization_id == r.organization_id
                            })
                            .map_or(OwnerRole::CoOwner, |o| o.role);
                        Some(OwnerRating { role, rating: r.content.self_rating? })
                    })
                    .collect();
                (direction.id, propose_direction_rating(&ratings))
            })
            .collect();
        let tx = self.db.write().await?;
        let evaluation = tx.compile_evaluation(plan_id, fiscal_year, actor.user().map(|u| u.user_id)).await?;
        tx.set_proposed_ratings(evaluation.id, &proposals).await?;
        let rated = proposals.iter().filter(|(_, r)| r.is_some()).count();
        tx.append_audit(record(
            actor,
            AuditAction::EvaluationCompiled,
            Some(("evaluation", evaluation.id.to_string())),
            None,
            json!({ "fiscalYear": fiscal_year.year(), "directions": proposals.len(), "rated": rated }),
        ))
        .await?;
        tx.commit().await?;
        self.assemble(actor, evaluation, true).await
    }

    /// The evaluation of a plan's year: the public may read a published one; the plan
    /// office, the owners and (once it is in committee) the committee read it earlier.
    pub async fn annual_evaluation(
        &self,
        actor: &Actor,
        plan_id: PlanId,
        fiscal_year: FiscalYear,
    ) -> Result<Option<AnnualEvaluation>, AppError> {
        let Some(evaluation) = self.db.evaluation(plan_id, fiscal_year).await? else { return Ok(None) };
        let internal = Self::may_read_unpublished(actor, &evaluation);
        if !internal && evaluation.status != EvaluationStatus::Published {
            return Ok(None);
        }
        self.assemble(actor, evaluation, internal).await.map(Some)
    }

    /// The evaluations of a plan the actor may read, oldest first.
    pub async fn annual_evaluations(
        &self,
        actor: &Actor,
        plan_id: PlanId,
    ) -> Result<Vec<Evaluation>, AppError> {
        Ok(self
            .db
            .evaluations_of_plan(plan_id)
            .await?
            .into_iter()
            .filter(|e| e.status == EvaluationStatus::Published || Self::may_read_unpublished(actor, e))
            .collect())
    }

    /// Every direction's rating in each evaluation of the plan the actor may read
    /// (published ones for the public), oldest year first: two statements whatever the
    /// plan's size.
    pub async fn direction_ratings(
        &self,
        actor: &Actor,
        plan_id: PlanId,
    ) -> Result<Vec<DirectionYearRating>, AppError> {
        let evaluations = self.annual_evaluations(actor, plan_id).await?;
        if evaluations.is_empty() {
            return Ok(Vec::new());
        }
        let by_id: HashMap<EvaluationId, &Evaluation> = evaluations.iter().map(|e| (e.id, e)).collect();
        let ids: Vec<EvaluationId> = evaluations.iter().map(|e| e.id).collect();
        let mut ratings: Vec<DirectionYearRating> = self
            .db
            .direction_decisions(&ids)
            .await?
            .into_iter()
            .filter_map(|(evaluation_id, decision)| {
                let evaluation = by_id.get(&evaluation_id)?;
                Some(DirectionYearRating {
                    direction_id: decision.direction_id,
                    fiscal_year: evaluation.fiscal_year,
                    status: evaluation.status,
                    rating: decision.overridden.map(|o| o.rating).or(decision.proposed),
                })
            })
            .collect();
        ratings.sort_by_key(|r| r.fiscal_year);
        Ok(ratings)
    }

    async fn assemble(
        &self,
        _actor: &Actor,
        evaluation: Evaluation,
        internal: bool,
    ) -> Result<AnnualEvaluation, AppError> {
        let plan_id = evaluation.plan_id;
        let year = evaluation.fiscal_year;
        let plan = self.db.plan_by_id(plan_id).await?.ok_or(AppError::NotFound { what: "plan" })?;
        let goals = self.db.goals_of_plan(plan_id).await?;
        let policies = self.db.policies_of_plan(plan_id).await?;
        let directions = self.db.directions_of_plan(plan_id).await?;
        let owners = self.db.owners_of_plan(plan_id).await?;
        let periods = self.db.periods(plan_id, Some(year)).await?;
        let reports = self.db.reports_of_periods(&periods.iter().map(|p| p.id).collect::<Vec<_>>()).await?;
        let indicators = self.db.indicators_of_plan(plan_id).await?;
        let values = self.db.indicator_values_of_plan(plan_id).await?;
        let previous = match FiscalYear::try_from(year.year() - 1) {
            Ok(previous_year) => self.db.evaluation(plan_id, previous_year).await?,
            Err(_) => None,
        };
        let mut ids = vec![evaluation.id];
        ids.extend(previous.as_ref().map(|p| p.id));
        let decisions = self.db.direction_decisions(&ids).await?;
        let assessments: HashMap<String, String> =
            self.db.assessments(evaluation.id).await?.into_iter().collect();
        let opinions = self.db.opinions_of_plan(plan_id).await?;

        let year_end: Vec<_> =
            periods.iter().filter(|p| p.kind == PeriodKind::YearEnd).map(|p| p.id).collect();
        let decision_of = |evaluation: EvaluationId, direction: DirectionId| -> Option<&DirectionDecision> {
            decisions.iter().find(|(e, d)| *e == evaluation && d.direction_id == direction).map(|(_, d)| d)
        };
        let effective = |d: Option<&DirectionDecision>| {
            d.and_then(|d| d.overridden.as_ref().map(|o| o.rating).or(d.proposed))
        };

        let indicator_evaluation = |indicator: &Indicator| {
            let path = IndicatorPath::from_indicator(indicator);
            let value = values.iter().find(|v| v.indicator_id == indicator.id && v.fiscal_year == year);
            let earlier: Option<&IndicatorValue> = values
                .iter()
                .filter(|v| v.indicator_id == indicator.id && v.fiscal_year < indicator.baseline_fiscal_year)
                .max_by_key(|v| v.fiscal_year);
            IndicatorEvaluation {
                indicator: indicator.clone(),
                progress: path.progress(year, value.map(|v| v.value), self.settings.indicator_tolerance),
                previous_trend: earlier.map(|e| path.previous_trend((e.fiscal_year, e.value))),
                source: value.and_then(|v| v.source.clone()),
            }
        };

        let mut plan_counts = RatingCounts::default();
        let mut previous_plan_counts = RatingCounts::default();
        let mut goal_evaluations = Vec::new();
        for goal in &goals {
            let mut counts = RatingCounts::default();
            let mut previous_counts = RatingCounts::default();
            let mut policy_counts: BTreeMap<PolicyId, RatingCounts> = BTreeMap::new();
            let mut direction_evaluations = Vec::new();
            for direction in directions.iter().filter(|d| d.goal_id == goal.id) {
                let decision = decision_of(evaluation.id, direction.id);
                let of_direction: Vec<&Report> =
                    reports.iter().filter(|r| r.direction_id == direction.id).collect();
                let accepted = |r: &&&Report| r.accepted_at.is_some();
                let mut missing: Vec<MissingReport> = of_direction
                    .iter()
                    .filter(|r| year_end.contains(&r.period_id) && r.accepted_at.is_none())
                    .map(|r| MissingReport { organization_id: r.organization_id, status: r.status })
                    .collect();
                // An owner without any year-end report (no period opened yet) owes one too.
                for owner in owners.iter().filter(|o| o.direction_id == direction.id) {
                    let has = of_direction.iter().any(|r| {
                        year_end.contains(&r.period_id) && r.organization_id == owner.organization_id
                    });
                    if !has {
                        missing.push(MissingReport {
                            organization_id: owner.organization_id,
                            status: ReportStatus::NotStarted,
                        });
                    }
                }
                let item = DirectionEvaluation {
                    direction: direction.clone(),
                    proposed: decision.and_then(|d| d.proposed),
                    overridden: decision.and_then(|d| d.overridden.clone()),
                    reports: of_direction
                        .iter()
                        .filter(|r| year_end.contains(&r.period_id))
                        .filter(accepted)
                        .map(|r| (*r).clone())
                        .collect(),
                    interim_reports: of_direction
                        .iter()
                        .filter(|r| !year_end.contains(&r.period_id))
                        .filter(accepted)
                        .map(|r| (*r).clone())
                        .collect(),
                    missing,
                    owners: {
                        let mut list: Vec<(OrganizationId, OwnerRole)> = owners
                            .iter()
                            .filter(|o| o.direction_id == direction.id)
                            .map(|o| (o.organization_id, o.role))
                            .collect();
                        list.sort_by_key(|(_, role)| *role != OwnerRole::Lead);
                        list
                    },
                };
                counts.add_direction(item.rating());
                policy_counts.entry(direction.policy_id).or_default().add_direction(item.rating());
                if let Some(previous) = &previous {
                    previous_counts.add_direction(effective(decision_of(previous.id, direction.id)));
                }
                direction_evaluations.push(item);
            }
            plan_counts.merge(&counts);
            previous_plan_counts.merge(&previous_counts);
            goal_evaluations.push(GoalEvaluation {
                goal: goal.clone(),
                year_over_year: YearOverYear::between(&previous_counts, &counts),
                counts,
                policies: policies
                    .iter()
                    .filter(|p| p.goal_id == goal.id)
                    .map(|p| PolicyEvaluation {
                        policy: p.clone(),
                        counts: policy_counts.get(&p.id).cloned().unwrap_or_default(),
                    })
                    .collect(),
                directions: direction_evaluations,
                indicators: indicators
                    .iter()
                    .filter(|i| i.goal_id == Some(goal.id))
                    .map(indicator_evaluation)
                    .collect(),
                assessment: assessments.get(&goal.code.to_string()).cloned(),
            });
        }
        // Opinions given on this evaluation, and those of earlier years still open.
        let opinions = opinions
            .into_iter()
            .filter(|o| o.evaluation_id == evaluation.id || (o.fiscal_year < year && o.is_open()))
            .collect();
        Ok(AnnualEvaluation {
            year_over_year: YearOverYear::between(&previous_plan_counts, &plan_counts),
            counts: plan_counts,
            indicators: indicators.iter().map(indicator_evaluation).collect(),
            goals: goal_evaluations,
            opinions,
            assessment: assessments.get(PLAN_TARGET).cloned(),
            plan,
            evaluation,
            internal,
        })
    }

    /// Replaces (or, with no rating, restores) the proposed rating of a direction, with
    /// a reason (the plan office, while the evaluation is open).
    pub async fn override_direction_rating(
        &self,
        actor: &Actor,
        evaluation_id: EvaluationId,
        direction_id: DirectionId,
        rating: SelfRating,
        reason: &str,
    ) -> Result<AnnualEvaluation, AppError> {
        authorize(actor, &Action::ManageEvaluation)?;
        let evaluation = self.evaluation_for(evaluation_id).await?;
        let decision = RatingOverride::new(evaluation.status, rating, reason).map_err(invalid)?;
        let tx = self.db.write().await?;
        if !tx
            .set_override(evaluation_id, direction_id, Some(&decision), actor.user().map(|u| u.user_id))
            .await?
        {
            return Err(AppError::NotFound { what: "direction" });
        }
        tx.append_audit(record(
            actor,
            AuditAction::RatingOverridden,
            Some(("evaluation", evaluation_id.to_string())),
            None,
            json!({ "direction": direction_id, "rating": rating.as_str(), "reason": decision.reason }),
        ))
        .await?;
        tx.commit().await?;
        self.assemble(actor, evaluation, true).await
    }

    /// Writes the overall assessment (総括) of the plan (`goal_code` none) or of a goal.
    pub async fn write_assessment(
        &self,
        actor: &Actor,
        evaluation_id: EvaluationId,
        goal_code: Option<&str>,
        body: &str,
    ) -> Result<AnnualEvaluation, AppError> {
        authorize(actor, &Action::ManageEvaluation)?;
        let evaluation = self.evaluation_for(evaluation_id).await?;
        evaluation.status.ensure_editable().map_err(invalid)?;
        if body.chars().count() > MAX_LONG_TEXT {
            return Err(invalid(EvaluationError::OverrideReasonTooLong { max: MAX_LONG_TEXT }));
        }
        let target = match goal_code {
            None => PLAN_TARGET.to_owned(),
            Some(code) => {
                let goals = self.db.goals_of_plan(evaluation.plan_id).await?;
                goals
                    .iter()
                    .find(|g| g.code.to_string() == code.trim())
                    .map(|g| g.code.to_string())
                    .ok_or(AppError::NotFound { what: "goal" })?
            }
        };
        let tx = self.db.write().await?;
        tx.set_assessment(evaluation_id, &target, body.trim(), actor.user().map(|u| u.user_id)).await?;
        tx.append_audit(record(
            actor,
            AuditAction::AssessmentWritten,
            Some(("evaluation", evaluation_id.to_string())),
            None,
            json!({ "target": target }),
        ))
        .await?;
        tx.commit().await?;
        self.assemble(actor, evaluation, true).await
    }

    async fn step_evaluation(
        &self,
        actor: &Actor,
        evaluation_id: EvaluationId,
        step: EvaluationStep,
    ) -> Result<AnnualEvaluation, AppError> {
        authorize(actor, &Action::ManageEvaluation)?;
        let evaluation = self.evaluation_for(evaluation_id).await?;
        let to = evaluation_step(evaluation.status, step).map_err(invalid)?;
        // Pool reads first: the transaction must not wait for a second connection.
        let periods = self.db.periods(evaluation.plan_id, Some(evaluation.fiscal_year)).await?;
        let plan =
            self.db.plan_by_id(evaluation.plan_id).await?.ok_or(AppError::NotFound { what: "plan" })?;
        let tx = self.db.write().await?;
        let mut details = json!({ "from": evaluation.status.as_str(), "to": to.as_str() });
        let mut not_reported = None;
        let mut mails = Vec::new();
        match step {
            EvaluationStep::Finalize => {
                // Every report of the year's periods is locked, accepted or not; those
                // never accepted are recorded as not reported.
                let period_ids: Vec<_> = periods.iter().map(|p| p.id).collect();
                let before = tx.lock_reports(&period_ids).await?;
                let missing: Vec<_> = before
                    .iter()
                    .filter(|r| r.accepted_at.is_none())
                    .map(|r| json!({ "report": r.id, "organization": r.organization_id, "direction": r.direction_id, "status": r.status.as_str() }))
                    .collect();
                for report in &before {
                    tx.append_audit(record(
                        actor,
                        AuditAction::ReportLocked,
                        Some(("report", report.id.to_string())),
                        Some(report.organization_id),
                        json!({ "from": report.status.as_str(), "to": "LOCKED", "evaluation": evaluation_id, "reported": report.accepted_at.is_some() }),
                    ))
                    .await?;
                }
                details["locked"] = json!(before.len());
                details["notReported"] = json!(missing.len());
                not_reported = Some(serde_json::Value::Array(missing).to_string());
            }
            EvaluationStep::StartCommittee => {
                let members = tx.active_users_with_roles(None, &[Role::CommitteeMember]).await?;
                mails = mails_for(&members, None, |language: Language| Notification::EvaluationReady {
                    plan_name: plan.name.get(language).to_owned(),
                    plan_code: plan.code.clone(),
                    fiscal_year: evaluation.fiscal_year,
                })?;
            }
            EvaluationStep::Publish => {}
        }
        if !tx.set_evaluation_status(evaluation_id, evaluation.status, to, not_reported).await? {
            return Err(AppError::Conflict("evaluation moved".into()));
        }
        let action = match step {
            EvaluationStep::StartCommittee => AuditAction::CommitteeReviewStarted,
            EvaluationStep::Finalize => AuditAction::EvaluationFinalized,
            EvaluationStep::Publish => AuditAction::EvaluationPublished,
        };
        tx.append_audit(record(
            actor,
            action,
            Some(("evaluation", evaluation_id.to_string())),
            None,
            details,
        ))
        .await?;
        tx.enqueue_mail(mails).await?;
        tx.commit().await?;
        let evaluation = self.evaluation_for(evaluation_id).await?;
        self.assemble(actor, evaluation, true).await
    }

    /// Hands the evaluation to the committee; its members are notified.
    pub async fn start_committee_review(
        &self,
        actor: &Actor,
        id: EvaluationId,
    ) -> Result<AnnualEvaluation, AppError> {
        self.step_evaluation(actor, id, EvaluationStep::StartCommittee).await
    }

    /// Finalises the evaluation: it can no longer change, and every report of the year
    /// is locked (those never accepted are recorded as not reported).
    pub async fn finalize_annual_evaluation(
        &self,
        actor: &Actor,
        id: EvaluationId,
    ) -> Result<AnnualEvaluation, AppError> {
        self.step_evaluation(actor, id, EvaluationStep::Finalize).await
    }

    /// Publishes a finalised evaluation: the public may read it without signing in.
    pub async fn publish_annual_evaluation(
        &self,
        actor: &Actor,
        id: EvaluationId,
    ) -> Result<AnnualEvaluation, AppError> {
        self.step_evaluation(actor, id, EvaluationStep::Publish).await
    }

    /// A committee member's opinion on the plan (`target_code` none), a goal, a policy
    /// or a direction, while the evaluation is in committee.
    pub async fn add_committee_opinion(
        &self,
        actor: &Actor,
        evaluation_id: EvaluationId,
        target_code: Option<&str>,
        body: &str,
    ) -> Result<Opinion, AppError> {
        authorize(actor, &Action::GiveCommitteeOpinion)?;
        let user = actor.user().ok_or(AppError::Unauthenticated)?;
        let evaluation = self.evaluation_for(evaluation_id).await?;
        evaluation.status.ensure_accepts_opinions().map_err(invalid)?;
        let body = check_body(body).map_err(|p| AppError::Invalid(InputProblem::Comment(p)))?;
        let target_code = match target_code.map(str::trim).filter(|c| !c.is_empty()) {
            None => None,
            Some(code) => {
                let known = self
                    .db
                    .goals_of_plan(evaluation.plan_id)
                    .await?
                    .iter()
                    .any(|g| g.code.to_string() == code)
                    || self
                        .db
                        .policies_of_plan(evaluation.plan_id)
                        .await?
                        .iter()
                        .any(|p| p.code.to_string() == code)
                    || self
                        .db
                        .directions_of_plan(evaluation.plan_id)
                        .await?
                        .iter()
                        .any(|d| d.code.to_string() == code);
                if !known {
                    return Err(AppError::NotFound { what: "plan element" });
                }
                Some(code.to_owned())
            }
        };
        let opinion = Opinion {
            id: OpinionId::generate(),
            evaluation_id,
            fiscal_year: evaluation.fiscal_year,
            target_code,
            body,
            author_id: user.user_id,
            created_at: Utc::now(),
            response: None,
            reflection: None,
            responded_at: None,
        };
        let tx = self.db.write().await?;
        tx.insert_opinion(&opinion).await?;
        tx.append_audit(record(
            actor,
            AuditAction::OpinionAdded,
            Some(("evaluation", evaluation_id.to_string())),
            Some(user.organization_id),
            json!({ "opinion": opinion.id, "target": opinion.target_code }),
        ))
        .await?;
        tx.commit().await?;
        Ok(opinion)
    }

    /// The city's response to an opinion (市の考え方) and how it will be reflected
    /// (反映状況); the plan office, until the evaluation is published (an open opinion
    /// carried over may be answered in a later year).
    pub async fn respond_to_opinion(
        &self,
        actor: &Actor,
        opinion_id: OpinionId,
        response: &str,
        reflection: &str,
    ) -> Result<Opinion, AppError> {
        authorize(actor, &Action::ManageEvaluation)?;
        let (opinion, evaluation) =
            self.db.opinion(opinion_id).await?.ok_or(AppError::NotFound { what: "opinion" })?;
        if evaluation.status == EvaluationStatus::Published && !opinion.is_open() {
            return Err(invalid(EvaluationError::NotEditable { status: evaluation.status }));
        }
        let response = check_body(response).map_err(|p| AppError::Invalid(InputProblem::Comment(p)))?;
        let reflection = reflection.trim();
        let tx = self.db.write().await?;
        tx.respond_to_opinion(opinion_id, &response, reflection, actor.user().map(|u| u.user_id)).await?;
        tx.append_audit(record(
            actor,
            AuditAction::OpinionAnswered,
            Some(("evaluation", evaluation.id.to_string())),
            None,
            json!({ "opinion": opinion_id }),
        ))
        .await?;
        tx.commit().await?;
        let (opinion, _) =
            self.db.opinion(opinion_id).await?.ok_or(AppError::NotFound { what: "opinion" })?;
        Ok(opinion)
    }

    /// Records an indicator's value for a fiscal year (the plan office, or the
    /// organisation the indicator names as its source). A year whose evaluation is
    /// finalised no longer changes.
    pub async fn record_indicator_value(
        &self,
        actor: &Actor,
        indicator_id: IndicatorId,
        fiscal_year: FiscalYear,
        value: f64,
        source: Option<String>,
        note: Option<String>,
    ) -> Result<IndicatorValue, AppError> {
        let indicator =
            self.db.indicator_by_id(indicator_id).await?.ok_or(AppError::NotFound { what: "indicator" })?;
        authorize(
            actor,
            &Action::RecordIndicatorValue { source_organization: indicator.source_organization_id },
        )?;
        if !value.is_finite() {
            return Err(AppError::Invalid(InputProblem::IndicatorValue));
        }
        if let Some(evaluation) = self.db.evaluation(indicator.plan_id, fiscal_year).await? {
            evaluation.status.ensure_editable().map_err(invalid)?;
        }
        let clean = |text: Option<String>| text.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty());
        let tx = self.db.write().await?;
        let recorded =
            tx.record_indicator_value(indicator_id, fiscal_year, value, clean(source), clean(note)).await?;
        tx.append_audit(record(
            actor,
            AuditAction::IndicatorValueRecorded,
            Some(("indicator", indicator_id.to_string())),
            indicator.source_organization_id,
            json!({ "fiscalYear": fiscal_year.year(), "value": value }),
        ))
        .await?;
        tx.commit().await?;
        Ok(recorded)
    }
}

/// A file format the evaluation exports to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// An Excel workbook.
    Xlsx,
    /// A printable A4 PDF.
    Pdf,
    /// One table as CSV.
    Csv(crate::export::CsvTable),
}

/// An exported evaluation, ready to download.
#[derive(Clone, Debug)]
pub struct ExportedFile {
    /// The content.
    pub bytes: Vec<u8>,
    /// The name to save it under.
    pub file_name: String,
    /// Its media type.
    pub content_type: &'static str,
}

impl App {
    /// The evaluation as a file, with the same permission as reading it: the public
    /// gets the published version without internal parts.
    pub async fn export_evaluation(
        &self,
        actor: &Actor,
        id: EvaluationId,
        format: ExportFormat,
        language: Language,
    ) -> Result<ExportedFile, AppError> {
        let evaluation = self.evaluation_for(id).await?;
        let internal = Self::may_read_unpublished(actor, &evaluation);
        if !internal && evaluation.status != EvaluationStatus::Published {
            return Err(AppError::NotFound { what: "evaluation" });
        }
        let evaluation = self.assemble(actor, evaluation, internal).await?;
        let organizations = self.db.organizations().await?.into_iter().map(|o| (o.id, o)).collect();
        let context = crate::export::ExportContext { organizations, language, internal };
        let stem = match language {
            Language::Ja => {
                format!("{}_{}年度評価", evaluation.plan.code, evaluation.evaluation.fiscal_year.year())
            }
            Language::En => {
                format!("{}_evaluation_FY{}", evaluation.plan.code, evaluation.evaluation.fiscal_year.year())
            }
        };
        // Rendering is CPU work; keep it off the async workers.
        tokio::task::spawn_blocking(move || {
            let (bytes, extension, content_type) = match format {
                ExportFormat::Xlsx => (
                    crate::export::evaluation_xlsx(&evaluation, &context)?,
                    "xlsx".to_owned(),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ),
                ExportFormat::Pdf => (
                    crate::export::evaluation_pdf(&evaluation, &context)?,
                    "pdf".to_owned(),
                    "application/pdf",
                ),
                ExportFormat::Csv(table) => (
                    crate::export::evaluation_csv(&evaluation, &context, table)?,
                    format!("{}.csv", table.as_str()),
                    "text/csv; charset=utf-8",
                ),
            };
            Ok(ExportedFile {
                bytes,
                file_name: format!("{stem}.{extension}").replace(".directions.csv", "_directions.csv"),
                content_type,
            })
        })
        .await
        .map_err(|e| AppError::internal(e.to_string()))?
    }
}
