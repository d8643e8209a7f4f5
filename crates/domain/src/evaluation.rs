//! The annual evaluation (年度評価): the rule that proposes a rating for each policy
//! direction from its owners' ratings, the rollups of ratings per policy, per goal and
//! for the whole plan with their change from the previous evaluation, and the
//! evaluation's own course from draft to publication.
//!
//! # How a direction's rating is proposed
//!
//! The proposal is taken from the self-ratings (A to D) in the owners' accepted year-end
//! reports for the direction:
//!
//! 1. The lead owner's (主担当課) rating counts twice, because the lead answers for the
//!    direction; every other owner's rating counts once.
//! 2. The counted ratings are lined up from best (A) to worst (D), and the one in the
//!    middle is proposed.
//! 3. When there is an even number of them and the two in the middle differ, the worse of
//!    the two is proposed: the evaluation claims no more than the reports support.
//! 4. Without an accepted report, no rating is proposed.
//!
//! The plan office may replace the proposal with another rating, giving a reason; the
//! proposal and the replacement are both kept.
//!
//! | lead | other owners | counted, in line | proposed |
//! |---|---|---|---|
//! | A | none | A A | A |
//! | B | D | B B D | B |
//! | A | C, C | A A C C | C |
//! | A | B, C | A A B C | B |
//! | B | A, A, D | A A B B D | B |
//! | no accepted report | B, C | B C | C |
//!
//! The middle rating rather than an average: one report far from the others cannot drag
//! the rating with it, and no points or thresholds need explaining. With one other owner
//! the lead's rating stands, as it should for the owner that answers for the direction.
//! [`rating_rule`] gives the same text to show beside a proposal.
//!
//! # The evaluation's course
//!
//! ```text
//! DRAFT → IN_COMMITTEE → FINALIZED → PUBLISHED
//! ```
//!
//! The plan office compiles and adjusts the evaluation while it is a draft and while the
//! committee reviews it; committee members give their opinions (委員意見) only during the
//! review. A finalised evaluation no longer changes, and publication makes it public.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{
    i18n::{Language, Localized},
    ids::{GoalId, PolicyId},
    ownership::OwnerRole,
    plan::PolicyDirection,
    report::{MAX_LONG_TEXT, SelfRating},
};

#[cfg(test)]
mod tests;

/// One owner's rating of a direction: the self-rating of its accepted year-end report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OwnerRating {
    /// Whether the owner is the direction's lead or a co-owner.
    pub role: OwnerRole,
    /// The owner's self-rating.
    pub rating: SelfRating,
}

impl OwnerRating {
    /// How many times the rating counts in the proposal.
    fn weight(self) -> usize {
        match self.role {
            OwnerRole::Lead => 2,
            OwnerRole::CoOwner => 1,
        }
    }
}

/// The proposed rating of a direction from its owners' ratings, by the rule in the
/// [module documentation](self): the middle of the ratings lined up from A to D, the
/// lead's counted twice, the worse of the two middle ones when their number is even.
/// None when there is no rating.
pub fn propose_direction_rating(ratings: &[OwnerRating]) -> Option<SelfRating> {
    let counted: usize = ratings.iter().map(|owner| owner.weight()).sum();
    if counted == 0 {
        return None;
    }
    // Counting from the best, the rating at position counted / 2 (from zero) is the
    // middle one for an odd count and the worse of the two middle ones for an even count.
    let middle = counted / 2;
    let mut seen = 0;
    SelfRating::ALL.into_iter().find(|rating| {
        seen +=
            ratings.iter().filter(|owner| owner.rating == *rating).map(|owner| owner.weight()).sum::<usize>();
        seen > middle
    })
}

/// The rule of [`propose_direction_rating`] in words, to show beside a proposal.
pub fn rating_rule(language: Language) -> &'static str {
    match language {
        Language::Ja => {
            "施策の方向の評価案は、担当課等の受理済みの年度末報告の自己評価（A〜D）から求めます。\
             主担当課の評価は2件として、その他の担当課等の評価は1件として数えます。\
             数えた評価を良い順（A→D）に並べ、中央の評価を評価案とします。\
             件数が偶数で中央の2件が異なるときは、低いほうの評価とします。\
             受理済みの報告がないときは評価案を示しません。\
             事務局は理由を付して評価案を変更できます。"
        }
        Language::En => {
            "A policy direction's proposed rating comes from the self-ratings (A to D) in its owners' \
             accepted year-end reports. The lead owner's rating counts twice; every other owner's counts \
             once. The counted ratings are lined up from best (A) to worst (D), and the one in the middle \
             is proposed. When there is an even number of them and the two in the middle differ, the worse \
             one is proposed. Without an accepted report, no rating is proposed. The plan office may change \
             the proposal, giving a reason."
        }
    }
}

/// The plan office's replacement of a proposed rating.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingOverride {
    /// The rating the plan office decided on.
    pub rating: SelfRating,
    /// Why it differs from the proposal, as the committee will read it.
    pub reason: String,
}

impl RatingOverride {
    /// A replacement rating, if the evaluation may still change and the reason says
    /// something. The reason is kept without surrounding blanks.
    pub fn new(status: EvaluationStatus, rating: SelfRating, reason: &str) -> Result<Self, EvaluationError> {
        status.ensure_editable()?;
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(EvaluationError::OverrideReasonMissing);
        }
        if reason.chars().count() > MAX_LONG_TEXT {
            return Err(EvaluationError::OverrideReasonTooLong { max: MAX_LONG_TEXT });
        }
        Ok(Self { rating, reason: reason.to_owned() })
    }
}

/// A direction's rating in the evaluation: the proposal and the plan office's
/// replacement, if any.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectionRating {
    /// What the rule proposed from the owners' ratings.
    pub proposed: Option<SelfRating>,
    /// The plan office's replacement.
    pub overridden: Option<RatingOverride>,
}

impl DirectionRating {
    /// The rating that counts: the replacement if there is one, else the proposal.
    pub fn effective(&self) -> Option<SelfRating> {
        self.overridden.as_ref().map(|replacement| replacement.rating).or(self.proposed)
    }
}

/// How many directions carry each rating, and how many carry none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingCounts {
    /// Rated A (達成).
    pub a: u32,
    /// Rated B (概ね達成).
    pub b: u32,
    /// Rated C (やや遅れ).
    pub c: u32,
    /// Rated D (遅れ).
    pub d: u32,
    /// Without a rating (no accepted year-end report). Kept apart so that a share taken
    /// over few rated directions shows how few they are; not part of [`Self::total`].
    pub unrated: u32,
}

impl RatingCounts {
    /// Counts one rating.
    pub fn add(&mut self, rating: SelfRating) {
        let count = match rating {
            SelfRating::A => &mut self.a,
            SelfRating::B => &mut self.b,
            SelfRating::C => &mut self.c,
            SelfRating::D => &mut self.d,
        };
        *count = count.saturating_add(1);
    }

    /// Counts one direction's rating, or its lack of one.
    pub fn add_direction(&mut self, rating: Option<SelfRating>) {
        match rating {
            Some(rating) => self.add(rating),
            None => self.unrated = self.unrated.saturating_add(1),
        }
    }

    /// How many carry `rating`.
    pub fn get(&self, rating: SelfRating) -> u32 {
        match rating {
            SelfRating::A => self.a,
            SelfRating::B => self.b,
            SelfRating::C => self.c,
            SelfRating::D => self.d,
        }
    }

    /// How many are rated.
    pub fn total(&self) -> u32 {
        self.a.saturating_add(self.b).saturating_add(self.c).saturating_add(self.d)
    }

    /// The share of rated directions rated A or B, as a fraction (0.75 is 75 %); none when
    /// nothing is rated.
    pub fn share_a_or_b(&self) -> Option<f64> {
        let total = self.total();
        (total > 0).then(|| f64::from(self.a.saturating_add(self.b)) / f64::from(total))
    }

    /// Adds another set of counts to this one.
    pub fn merge(&mut self, other: &Self) {
        self.a = self.a.saturating_add(other.a);
        self.b = self.b.saturating_add(other.b);
        self.c = self.c.saturating_add(other.c);
        self.d = self.d.saturating_add(other.d);
        self.unrated = self.unrated.saturating_add(other.unrated);
    }
}

impl FromIterator<SelfRating> for RatingCounts {
    fn from_iter<I: IntoIterator<Item = SelfRating>>(ratings: I) -> Self {
        let mut counts = Self::default();
        ratings.into_iter().for_each(|rating| counts.add(rating));
        counts
    }
}

/// The directions' ratings counted per policy, per goal and for the whole plan.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rollup {
    /// Every direction of the plan.
    pub plan: RatingCounts,
    /// The directions under each goal.
    pub goals: BTreeMap<GoalId, RatingCounts>,
    /// The directions under each policy.
    pub policies: BTreeMap<PolicyId, RatingCounts>,
}

impl Rollup {
    /// Counts one direction's rating (or its lack of one) in its policy, its goal and the
    /// plan.
    pub fn add(&mut self, direction: &PolicyDirection, rating: Option<SelfRating>) {
        self.plan.add_direction(rating);
        self.goals.entry(direction.goal_id).or_default().add_direction(rating);
        self.policies.entry(direction.policy_id).or_default().add_direction(rating);
    }
}

impl<'a> FromIterator<(&'a PolicyDirection, Option<SelfRating>)> for Rollup {
    fn from_iter<I: IntoIterator<Item = (&'a PolicyDirection, Option<SelfRating>)>>(directions: I) -> Self {
        let mut rollup = Self::default();
        directions.into_iter().for_each(|(direction, rating)| rollup.add(direction, rating));
        rollup
    }
}

/// The share rated A or B in this evaluation against the previous one.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct YearOverYear {
    /// The previous evaluation's share, as a fraction; none when nothing was rated (or
    /// there was no previous evaluation).
    pub previous_share: Option<f64>,
    /// This evaluation's share, as a fraction.
    pub current_share: Option<f64>,
    /// Current minus previous, as a fraction (0.05 is 5 percentage points up); none when
    /// either share is missing.
    pub change: Option<f64>,
}

impl YearOverYear {
    /// The comparison of two evaluations' counts. For the first evaluation of a plan, pass
    /// empty counts as the previous ones.
    pub fn between(previous: &RatingCounts, current: &RatingCounts) -> Self {
        let previous_share = previous.share_a_or_b();
        let current_share = current.share_a_or_b();
        let change = previous_share.zip(current_share).map(|(previous, current)| current - previous);
        Self { previous_share, current_share, change }
    }
}

/// Where an annual evaluation is on its course.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EvaluationStatus {
    /// The plan office compiles it.
    Draft,
    /// The committee reviews it and gives opinions.
    InCommittee,
    /// Settled; it no longer changes.
    Finalized,
    /// Published to residents.
    Published,
}

impl EvaluationStatus {
    /// Every status, in order.
    pub const ALL: [Self; 4] = [Self::Draft, Self::InCommittee, Self::Finalized, Self::Published];

    /// The stable name used in the database and the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "DRAFT",
            Self::InCommittee => "IN_COMMITTEE",
            Self::Finalized => "FINALIZED",
            Self::Published => "PUBLISHED",
        }
    }

    /// The inverse of [`Self::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.as_str() == text)
    }

    /// The label people read.
    pub fn label(self, language: Language) -> &'static str {
        match (self, language) {
            (Self::Draft, Language::Ja) => "作成中",
            (Self::InCommittee, Language::Ja) => "委員会審議中",
            (Self::Finalized, Language::Ja) => "確定",
            (Self::Published, Language::Ja) => "公表済み",
            (Self::Draft, Language::En) => "Draft",
            (Self::InCommittee, Language::En) => "In committee",
            (Self::Finalized, Language::En) => "Finalised",
            (Self::Published, Language::En) => "Published",
        }
    }

    /// Whether the plan office may compile the evaluation again or change its ratings:
    /// while it is a draft and while the committee reviews it, since the committee's
    /// opinions may lead to changes.
    pub fn is_editable(self) -> bool {
        matches!(self, Self::Draft | Self::InCommittee)
    }

    /// Whether committee members may give opinions: only during the review.
    pub fn accepts_opinions(self) -> bool {
        self == Self::InCommittee
    }

    /// [`Self::is_editable`], as the refusal to show when it is not.
    pub fn ensure_editable(self) -> Result<(), EvaluationError> {
        if self.is_editable() { Ok(()) } else { Err(EvaluationError::NotEditable { status: self }) }
    }

    /// [`Self::accepts_opinions`], as the refusal to show when it does not.
    pub fn ensure_accepts_opinions(self) -> Result<(), EvaluationError> {
        if self.accepts_opinions() { Ok(()) } else { Err(EvaluationError::ClosedToOpinions { status: self }) }
    }
}

/// A step of the evaluation's course.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EvaluationStep {
    /// The plan office hands the draft to the committee.
    StartCommittee,
    /// The plan office settles the evaluation after the review.
    Finalize,
    /// The plan office publishes the settled evaluation.
    Publish,
}

impl EvaluationStep {
    /// Every step, in order.
    pub const ALL: [Self; 3] = [Self::StartCommittee, Self::Finalize, Self::Publish];

    /// The stable name used in the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::StartCommittee => "START_COMMITTEE",
            Self::Finalize => "FINALIZE",
            Self::Publish => "PUBLISH",
        }
    }

    /// The inverse of [`Self::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|step| step.as_str() == text)
    }
}

/// Every allowed step: from which status, by which step, to which status.
pub const STEPS: [(EvaluationStatus, EvaluationStep, EvaluationStatus); 3] = [
    (EvaluationStatus::Draft, EvaluationStep::StartCommittee, EvaluationStatus::InCommittee),
    (EvaluationStatus::InCommittee, EvaluationStep::Finalize, EvaluationStatus::Finalized),
    (EvaluationStatus::Finalized, EvaluationStep::Publish, EvaluationStatus::Published),
];

/// The status after taking `step` from `from`, or why the step cannot be taken.
pub fn evaluation_step(
    from: EvaluationStatus,
    step: EvaluationStep,
) -> Result<EvaluationStatus, EvaluationError> {
    STEPS
        .iter()
        .find(|(source, allowed, _)| *source == from && *allowed == step)
        .map(|(_, _, destination)| *destination)
        .ok_or(EvaluationError::StepNotAllowed { from, step })
}

/// Why something cannot be done to an evaluation (`BAD_USER_INPUT`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EvaluationError {
    /// The step does not lead anywhere from the evaluation's status.
    StepNotAllowed {
        /// The status it is in.
        from: EvaluationStatus,
        /// The step asked for.
        step: EvaluationStep,
    },
    /// The evaluation is finalised or published and no longer changes.
    NotEditable {
        /// The status it is in.
        status: EvaluationStatus,
    },
    /// The committee is not reviewing the evaluation, so opinions are not taken.
    ClosedToOpinions {
        /// The status it is in.
        status: EvaluationStatus,
    },
    /// A replaced rating needs a reason.
    OverrideReasonMissing,
    /// The reason is longer than allowed.
    OverrideReasonTooLong {
        /// The most characters allowed.
        max: usize,
    },
}

impl Localized for EvaluationError {
    fn localized(&self, language: Language) -> String {
        match (self, language) {
            (Self::StepNotAllowed { from, step }, Language::Ja) => {
                let now = from.label(language);
                match step {
                    EvaluationStep::StartCommittee => {
                        format!(
                            "委員会の審議に付せるのは作成中の年度評価だけです（この評価は「{now}」です）。"
                        )
                    }
                    EvaluationStep::Finalize => {
                        format!("確定できるのは委員会審議中の年度評価だけです（この評価は「{now}」です）。")
                    }
                    EvaluationStep::Publish => {
                        format!("公表できるのは確定した年度評価だけです（この評価は「{now}」です）。")
                    }
                }
            }
            (Self::StepNotAllowed { from, step }, Language::En) => {
                let now = from.label(language);
                match step {
                    EvaluationStep::StartCommittee => {
                        format!("Only a draft evaluation can go to the committee (its status is {now}).")
                    }
                    EvaluationStep::Finalize => {
                        format!("Only an evaluation in committee can be finalised (its status is {now}).")
                    }
                    EvaluationStep::Publish => {
                        format!("Only a finalised evaluation can be published (its status is {now}).")
                    }
                }
            }
            (Self::NotEditable { status }, Language::Ja) => {
                format!("「{}」の年度評価は変更できません。", status.label(language))
            }
            (Self::NotEditable { status }, Language::En) => {
                format!(
                    "An evaluation that is {} can no longer be changed.",
                    status.label(language).to_lowercase()
                )
            }
            (Self::ClosedToOpinions { status }, Language::Ja) => format!(
                "委員意見を受け付けるのは委員会審議中の年度評価だけです（この評価は「{}」です）。",
                status.label(language)
            ),
            (Self::ClosedToOpinions { status }, Language::En) => format!(
                "Opinions are taken only while the committee reviews the evaluation (its status is {}).",
                status.label(language)
            ),
            (Self::OverrideReasonMissing, Language::Ja) => {
                "評価案を変更する理由を入力してください。".to_owned()
            }
            (Self::OverrideReasonMissing, Language::En) => {
                "Give the reason for changing the proposed rating.".to_owned()
            }
            (Self::OverrideReasonTooLong { max }, Language::Ja) => {
                format!("変更の理由は{max}文字以内で入力してください。")
            }
            (Self::OverrideReasonTooLong { max }, Language::En) => {
                format!("The reason may be at most {max} characters long.")
            }
        }
    }
}

/// One plan's evaluation of one fiscal year, as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    /// Identity.
    pub id: crate::ids::EvaluationId,
    /// The plan.
    pub plan_id: crate::ids::PlanId,
    /// The fiscal year evaluated.
    pub fiscal_year: crate::FiscalYear,
    /// Where it is.
    pub status: EvaluationStatus,
    /// When it was last compiled.
    pub compiled_at: chrono::DateTime<chrono::Utc>,
    /// Finalised (reports locked) at.
    pub finalized_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Made public at.
    pub published_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// What the plan office decided for one direction in one evaluation.
#[derive(Clone, Debug, PartialEq)]
pub struct DirectionDecision {
    /// The direction.
    pub direction_id: crate::ids::DirectionId,
    /// The rating proposed from the owners' ratings when last compiled.
    pub proposed: Option<SelfRating>,
    /// The plan office's override, with its reason.
    pub overridden: Option<RatingOverride>,
}

/// An expert committee member's opinion (委員意見) and the city's answer (市の考え方).
#[derive(Clone, Debug, PartialEq)]
pub struct Opinion {
    /// Identity.
    pub id: crate::ids::OpinionId,
    /// The evaluation it was given on.
    pub evaluation_id: crate::ids::EvaluationId,
    /// The fiscal year of that evaluation.
    pub fiscal_year: crate::FiscalYear,
    /// A goal, policy or direction code; `None` for the whole plan.
    pub target_code: Option<String>,
    /// The opinion.
    pub body: String,
    /// The member.
    pub author_id: crate::ids::UserId,
    /// When.
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// The city's response (市の考え方).
    pub response: Option<String>,
    /// How it will be reflected (反映状況).
    pub reflection: Option<String>,
    /// When the city answered.
    pub responded_at: Option<chrono::DateTime<chrono::Utc>>,
}

impl Opinion {
    /// An opinion stays open, and carries over into later evaluations, until the city
    /// has answered it.
    pub fn is_open(&self) -> bool {
        self.response.is_none()
    }
}
