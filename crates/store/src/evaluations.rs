//! Annual evaluations: the evaluation row with its status (changed compare-and-set), the
//! plan office's decisions per direction, overall assessments, committee opinions, and
//! indicator values recorded for a year.

use chrono::{DateTime, Utc};
use domain::{
    FiscalYear,
    evaluation::{DirectionDecision, Evaluation, EvaluationStatus, Opinion, RatingOverride},
    ids::{DirectionId, EvaluationId, IndicatorId, OpinionId, PeriodId, PlanId, UserId},
    plan::{Indicator, IndicatorValue},
    report::{Report, SelfRating},
};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, sea_query::Expr};
use uuid::Uuid;

use crate::{
    Db, StoreError, WriteTx,
    entities::{
        committee_opinions, evaluation_assessments, evaluation_directions, evaluations, indicator_values,
        indicators, reports,
    },
    mapping,
    reports::report_from,
};

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("{what} {value:?}"))
}

fn year(value: i32) -> Result<FiscalYear, StoreError> {
    FiscalYear::try_from(value).map_err(|_| corrupt("fiscal year", &value.to_string()))
}

fn rating(value: Option<&str>) -> Result<Option<SelfRating>, StoreError> {
    value.map(|r| SelfRating::parse(r).ok_or_else(|| corrupt("rating", r))).transpose()
}

fn evaluation_from(row: evaluations::Model) -> Result<Evaluation, StoreError> {
    Ok(Evaluation {
        id: EvaluationId(row.id),
        plan_id: PlanId(row.plan_id),
        fiscal_year: year(row.fiscal_year)?,
        status: EvaluationStatus::parse(&row.status)
            .ok_or_else(|| corrupt("evaluation status", &row.status))?,
        compiled_at: row.compiled_at,
        finalized_at: row.finalized_at,
        published_at: row.published_at,
    })
}

fn decision_from(row: evaluation_directions::Model) -> Result<DirectionDecision, StoreError> {
    let overridden = match (rating(row.override_rating.as_deref())?, row.override_reason) {
        (Some(rating), Some(reason)) => Some(RatingOverride { rating, reason }),
        _ => None,
    };
    Ok(DirectionDecision {
        direction_id: DirectionId(row.direction_id),
        proposed: rating(row.proposed_rating.as_deref())?,
        overridden,
    })
}

fn opinion_from(row: committee_opinions::Model, fiscal_year: FiscalYear) -> Opinion {
    Opinion {
        id: OpinionId(row.id),
        evaluation_id: EvaluationId(row.evaluation_id),
        fiscal_year,
        target_code: row.target_code,
        body: row.body,
        author_id: UserId(row.author_id),
        created_at: row.created_at,
        response: row.response,
        reflection: row.reflection,
        responded_at: row.responded_at,
    }
}

impl Db {
    /// The evaluation of a plan's fiscal year, if compiled.
    pub async fn evaluation(
        &self,
        plan_id: PlanId,
        fiscal_year: FiscalYear,
    ) -> Result<Option<Evaluation>, StoreError> {
        evaluations::Entity::find()
            .filter(evaluations::Column::PlanId.eq(plan_id.0))
            .filter(evaluations::Column::FiscalYear.eq(fiscal_year.year()))
            .one(&self.conn)
            .await?
            .map(evaluation_from)
            .transpose()
    }

    /// One evaluation.
    pub async fn evaluation_by_id(&self, id: EvaluationId) -> Result<Option<Evaluation>, StoreError> {
        evaluations::Entity::find_by_id(id.0).one(&self.conn).await?.map(evaluation_from).transpose()
    }

    /// Every evaluation of a plan, oldest year first.
    pub async fn evaluations_of_plan(&self, plan_id: PlanId) -> Result<Vec<Evaluation>, StoreError> {
        let rows = evaluations::Entity::find()
            .filter(evaluations::Column::PlanId.eq(plan_id.0))
            .order_by_asc(evaluations::Column::FiscalYear)
            .all(&self.conn)
            .await?;
        rows.into_iter().map(evaluation_from).collect()
    }

    /// The decisions per direction of some evaluations.
    pub async fn direction_decisions(
        &self,
        evaluation_ids: &[EvaluationId],
    ) -> Result<Vec<(EvaluationId, DirectionDecision)>, StoreError> {
        let rows = evaluation_directions::Entity::find()
            .filter(evaluation_directions::Column::EvaluationId.is_in(evaluation_ids.iter().map(|e| e.0)))
            .all(&self.conn)
            .await?;
        rows.into_iter().map(|row| Ok((EvaluationId(row.evaluation_id), decision_from(row)?))).collect()
    }

    /// The overall assessments of an evaluation: (`plan` or a goal code, text).
    pub async fn assessments(
        &self,
        evaluation_id: EvaluationId,
    ) -> Result<Vec<(String, String)>, StoreError> {
        let rows = evaluation_assessments::Entity::find()
            .filter(evaluation_assessments::Column::EvaluationId.eq(evaluation_id.0))
            .all(&self.conn)
            .await?;
        Ok(rows.into_iter().map(|row| (row.target, row.body)).collect())
    }

    /// Every committee opinion on a plan's evaluations, oldest first.
    pub async fn opinions_of_plan(&self, plan_id: PlanId) -> Result<Vec<Opinion>, StoreError> {
        let evaluations = self.evaluations_of_plan(plan_id).await?;
        let rows = committee_opinions::Entity::find()
            .filter(committee_opinions::Column::EvaluationId.is_in(evaluations.iter().map(|e| e.id.0)))
            .order_by_asc(committee_opinions::Column::CreatedAt)
            .order_by_asc(committee_opinions::Column::Id)
            .all(&self.conn)
            .await?;
        Ok(rows
            .into_iter()
            .filter_map(|row| {
                let evaluation = evaluations.iter().find(|e| e.id.0 == row.evaluation_id)?;
                Some(opinion_from(row, evaluation.fiscal_year))
            })
            .collect())
    }

    /// One opinion, with the evaluation it was given on.
    pub async fn opinion(&self, id: OpinionId) -> Result<Option<(Opinion, Evaluation)>, StoreError> {
        let Some(row) = committee_opinions::Entity::find_by_id(id.0).one(&self.conn).await? else {
            return Ok(None);
        };
        let Some(evaluation) = self.evaluation_by_id(EvaluationId(row.evaluation_id)).await? else {
            return Ok(None);
        };
        Ok(Some((opinion_from(row, evaluation.fiscal_year), evaluation)))
    }

    /// Every report of the given periods.
    pub async fn reports_of_periods(&self, period_ids: &[PeriodId]) -> Result<Vec<Report>, StoreError> {
        if period_ids.is_empty() {
            return Ok(Vec::new());
        }
        let rows = reports::Entity::find()
            .filter(reports::Column::PeriodId.is_in(period_ids.iter().map(|p| p.0)))
            .order_by_asc(reports::Column::Id)
            .all(&self.conn)
            .await?;
        rows.into_iter().map(report_from).collect()
    }

    /// One indicator.
    pub async fn indicator_by_id(&self, id: IndicatorId) -> Result<Option<Indicator>, StoreError> {
        indicators::Entity::find_by_id(id.0).one(&self.conn).await?.map(mapping::indicator).transpose()
    }
}

impl WriteTx {
    /// The evaluation of a plan's year, created in `DRAFT` if there is none; its compile
    /// time moves to now.
    pub async fn compile_evaluation(
        &self,
        plan_id: PlanId,
        fiscal_year: FiscalYear,
        by: Option<UserId>,
    ) -> Result<Evaluation, StoreError> {
        let now = Utc::now();
        let existing = evaluations::Entity::find()
            .filter(evaluations::Column::PlanId.eq(plan_id.0))
            .filter(evaluations::Column::FiscalYear.eq(fiscal_year.year()))
            .one(&self.txn)
            .await?;
        let id = match existing {
            Some(row) => {
                evaluations::Entity::update_many()
                    .col_expr(evaluations::Column::CompiledAt, Expr::value(now))
                    .col_expr(evaluations::Column::CompiledBy, Expr::value(by.map(|u| u.0)))
                    .filter(evaluations::Column::Id.eq(row.id))
                    .exec(&self.txn)
                    .await?;
                row.id
            }
            None => {
                let id = Uuid::now_v7();
                evaluations::Entity::insert(evaluations::ActiveModel {
                    id: Set(id),
                    plan_id: Set(plan_id.0),
                    fiscal_year: Set(fiscal_year.year()),
                    status: Set(EvaluationStatus::Draft.as_str().to_owned()),
                    compiled_at: Set(now),
                    compiled_by: Set(by.map(|u| u.0)),
                    not_reported: Set(None),
                    finalized_at: Set(None),
                    published_at: Set(None),
                    created_at: Set(now),
                })
                .exec_without_returning(&self.txn)
                .await?;
                id
            }
        };
        evaluations::Entity::find_by_id(id)
            .one(&self.txn)
            .await?
            .ok_or(StoreError::NotFound)
            .and_then(evaluation_from)
    }

    /// Stores the proposed rating of every direction, keeping the plan office's
    /// overrides.
    pub async fn set_proposed_ratings(
        &self,
        evaluation_id: EvaluationId,
        proposals: &[(DirectionId, Option<SelfRating>)],
    ) -> Result<(), StoreError> {
        let existing: std::collections::HashSet<Uuid> = evaluation_directions::Entity::find()
            .filter(evaluation_directions::Column::EvaluationId.eq(evaluation_id.0))
            .all(&self.txn)
            .await?
            .into_iter()
            .map(|row| row.direction_id)
            .collect();
        let mut new = Vec::new();
        for (direction, proposed) in proposals {
            let proposed = proposed.map(|r| r.as_str().to_owned());
            if existing.contains(&direction.0) {
                evaluation_directions::Entity::update_many()
                    .col_expr(evaluation_directions::Column::ProposedRating, Expr::value(proposed))
                    .filter(evaluation_directions::Column::EvaluationId.eq(evaluation_id.0))
                    .filter(evaluation_directions::Column::DirectionId.eq(direction.0))
                    .exec(&self.txn)
                    .await?;
            } else {
                new.push(evaluation_directions::ActiveModel {
                    evaluation_id: Set(evaluation_id.0),
                    direction_id: Set(direction.0),
                    proposed_rating: Set(proposed),
                    override_rating: Set(None),
                    override_reason: Set(None),
                    overridden_by: Set(None),
                    overridden_at: Set(None),
                });
            }
        }
        if !new.is_empty() {
            evaluation_directions::Entity::insert_many(new).exec_without_returning(&self.txn).await?;
        }
        Ok(())
    }

    /// Sets (or, with `None`, removes) the plan office's rating for a direction.
    pub async fn set_override(
        &self,
        evaluation_id: EvaluationId,
        direction_id: DirectionId,
        decision: Option<&RatingOverride>,
        by: Option<UserId>,
    ) -> Result<bool, StoreError> {
        let result = evaluation_directions::Entity::update_many()
            .col_expr(
                evaluation_directions::Column::OverrideRating,
                Expr::value(decision.map(|d| d.rating.as_str().to_owned())),
            )
            .col_expr(
                evaluation_directions::Column::OverrideReason,
                Expr::value(decision.map(|d| d.reason.clone())),
            )
            .col_expr(evaluation_directions::Column::OverriddenBy, Expr::value(by.map(|u| u.0)))
            .col_expr(evaluation_directions::Column::OverriddenAt, Expr::value(Some(Utc::now())))
            .filter(evaluation_directions::Column::EvaluationId.eq(evaluation_id.0))
            .filter(evaluation_directions::Column::DirectionId.eq(direction_id.0))
            .exec(&self.txn)
            .await?;
        Ok(result.rows_affected == 1)
    }

    /// Writes the overall assessment for `target` (`plan` or a goal code).
    pub async fn set_assessment(
        &self,
        evaluation_id: EvaluationId,
        target: &str,
        body: &str,
        by: Option<UserId>,
    ) -> Result<(), StoreError> {
        evaluation_assessments::Entity::delete_many()
            .filter(evaluation_assessments::Column::EvaluationId.eq(evaluation_id.0))
            .filter(evaluation_assessments::Column::Target.eq(target))
            .exec(&self.txn)
            .await?;
        if body.trim().is_empty() {
            return Ok(());
        }
        evaluation_assessments::Entity::insert(evaluation_assessments::ActiveModel {
            evaluation_id: Set(evaluation_id.0),
            target: Set(target.to_owned()),
            body: Set(body.to_owned()),
            updated_at: Set(Utc::now()),
            updated_by: Set(by.map(|u| u.0)),
        })
        .exec_without_returning(&self.txn)
        .await?;
        Ok(())
    }

    /// Moves an evaluation on if it is still in `from`; whether it moved.
    pub async fn set_evaluation_status(
        &self,
        id: EvaluationId,
        from: EvaluationStatus,
        to: EvaluationStatus,
        not_reported: Option<String>,
    ) -> Result<bool, StoreError> {
        let now = Utc::now();
        let mut update = evaluations::Entity::update_many()
            .col_expr(evaluations::Column::Status, Expr::value(to.as_str()))
            .filter(evaluations::Column::Id.eq(id.0))
            .filter(evaluations::Column::Status.eq(from.as_str()));
        match to {
            EvaluationStatus::Finalized => {
                update = update
                    .col_expr(evaluations::Column::FinalizedAt, Expr::value(Some(now)))
                    .col_expr(evaluations::Column::NotReported, Expr::value(not_reported));
            }
            EvaluationStatus::Published => {
                update = update.col_expr(evaluations::Column::PublishedAt, Expr::value(Some(now)));
            }
            _ => {}
        }
        Ok(update.exec(&self.txn).await?.rows_affected == 1)
    }

    /// Adds a committee opinion.
    pub async fn insert_opinion(&self, opinion: &Opinion) -> Result<(), StoreError> {
        committee_opinions::Entity::insert(committee_opinions::ActiveModel {
            id: Set(opinion.id.0),
            evaluation_id: Set(opinion.evaluation_id.0),
            target_code: Set(opinion.target_code.clone()),
            body: Set(opinion.body.clone()),
            author_id: Set(opinion.author_id.0),
            created_at: Set(opinion.created_at),
            response: Set(None),
            reflection: Set(None),
            responded_at: Set(None),
            responded_by: Set(None),
        })
        .exec_without_returning(&self.txn)
        .await?;
        Ok(())
    }

    /// Records the city's response to an opinion.
    pub async fn respond_to_opinion(
        &self,
        id: OpinionId,
        response: &str,
        reflection: &str,
        by: Option<UserId>,
    ) -> Result<bool, StoreError> {
        let result = committee_opinions::Entity::update_many()
            .col_expr(committee_opinions::Column::Response, Expr::value(Some(response.to_owned())))
            .col_expr(committee_opinions::Column::Reflection, Expr::value(Some(reflection.to_owned())))
            .col_expr(committee_opinions::Column::RespondedAt, Expr::value(Some(Utc::now())))
            .col_expr(committee_opinions::Column::RespondedBy, Expr::value(by.map(|u| u.0)))
            .filter(committee_opinions::Column::Id.eq(id.0))
            .exec(&self.txn)
            .await?;
        Ok(result.rows_affected == 1)
    }

    /// Records (or replaces) an indicator's value for a fiscal year.
    pub async fn record_indicator_value(
        &self,
        indicator_id: IndicatorId,
        fiscal_year: FiscalYear,
        value: f64,
        source: Option<String>,
        note: Option<String>,
    ) -> Result<IndicatorValue, StoreError> {
        let now: DateTime<Utc> = Utc::now();
        let existing = indicator_values::Entity::find()
            .filter(indicator_values::Column::IndicatorId.eq(indicator_id.0))
            .filter(indicator_values::Column::FiscalYear.eq(fiscal_year.year()))
            .one(&self.txn)
            .await?;
        let id = match existing {
            Some(row) => {
                indicator_values::Entity::update_many()
                    .col_expr(indicator_values::Column::Value, Expr::value(value))
                    .col_expr(indicator_values::Column::Source, Expr::value(source))
                    .col_expr(indicator_values::Column::Note, Expr::value(note))
                    .col_expr(indicator_values::Column::UpdatedAt, Expr::value(now))
                    .filter(indicator_values::Column::Id.eq(row.id))
                    .exec(&self.txn)
                    .await?;
                row.id
            }
            None => {
                let id = Uuid::now_v7();
                indicator_values::Entity::insert(indicator_values::ActiveModel {
                    id: Set(id),
                    indicator_id: Set(indicator_id.0),
                    fiscal_year: Set(fiscal_year.year()),
                    value: Set(value),
                    source: Set(source),
                    note: Set(note),
                    created_at: Set(now),
                    updated_at: Set(now),
                })
                .exec_without_returning(&self.txn)
                .await?;
                id
            }
        };
        let row =
            indicator_values::Entity::find_by_id(id).one(&self.txn).await?.ok_or(StoreError::NotFound)?;
        mapping::indicator_value(row)
    }
}
