use proptest::prelude::*;

use super::*;
use crate::{
    NodeCode,
    ids::{DirectionId, PlanId},
    plan::Bilingual,
};

use SelfRating::{A, B, C, D};

fn lead(rating: SelfRating) -> OwnerRating {
    OwnerRating { role: OwnerRole::Lead, rating }
}

fn co(rating: SelfRating) -> OwnerRating {
    OwnerRating { role: OwnerRole::CoOwner, rating }
}

#[test]
fn the_documented_examples() {
    // The table in the module documentation, row by row.
    assert_eq!(propose_direction_rating(&[lead(A)]), Some(A));
    assert_eq!(propose_direction_rating(&[lead(B), co(D)]), Some(B));
    assert_eq!(propose_direction_rating(&[lead(A), co(C), co(C)]), Some(C));
    assert_eq!(propose_direction_rating(&[lead(A), co(B), co(C)]), Some(B));
    assert_eq!(propose_direction_rating(&[lead(B), co(A), co(A), co(D)]), Some(B));
    assert_eq!(propose_direction_rating(&[co(B), co(C)]), Some(C));
}

#[test]
fn no_accepted_report_no_proposal() {
    assert_eq!(propose_direction_rating(&[]), None);
}

#[test]
fn the_order_of_the_reports_does_not_matter() {
    assert_eq!(propose_direction_rating(&[co(C), co(C), lead(A)]), Some(C));
    assert_eq!(propose_direction_rating(&[co(D), lead(B)]), Some(B));
}

#[test]
fn a_single_owner_is_its_own_proposal_whatever_its_role() {
    for rating in SelfRating::ALL {
        assert_eq!(propose_direction_rating(&[lead(rating)]), Some(rating));
        assert_eq!(propose_direction_rating(&[co(rating)]), Some(rating));
    }
}

#[test]
fn ties_go_to_the_worse_rating() {
    assert_eq!(propose_direction_rating(&[co(A), co(D)]), Some(D));
    assert_eq!(propose_direction_rating(&[lead(A), lead(D)]), Some(D));
    assert_eq!(propose_direction_rating(&[co(A), co(B), co(C), co(D)]), Some(C));
    // An even count whose two middle ratings agree needs no rounding.
    assert_eq!(propose_direction_rating(&[co(A), co(B), co(B), co(D)]), Some(B));
}

#[test]
fn the_rule_reads_the_same_in_both_languages() {
    assert!(rating_rule(Language::Ja).contains("主担当課の評価は2件"));
    assert!(rating_rule(Language::En).contains("counts twice"));
}

/// The rule by its definition: the ratings written out with the lead's twice, sorted from
/// A to D, the element at position n / 2.
fn by_definition(ratings: &[OwnerRating]) -> Option<SelfRating> {
    let mut line: Vec<SelfRating> = ratings
        .iter()
        .flat_map(|owner| {
            let copies = if owner.role == OwnerRole::Lead { 2 } else { 1 };
            std::iter::repeat_n(owner.rating, copies)
        })
        .collect();
    line.sort();
    line.get(line.len() / 2).copied()
}

fn owner_rating() -> impl Strategy<Value = OwnerRating> {
    (prop::sample::select(SelfRating::ALL.to_vec()), any::<bool>()).prop_map(|(rating, is_lead)| {
        OwnerRating { role: if is_lead { OwnerRole::Lead } else { OwnerRole::CoOwner }, rating }
    })
}

proptest! {
    #[test]
    fn the_proposal_is_the_lower_median_with_the_lead_twice(ratings in prop::collection::vec(owner_rating(), 0..8)) {
        let proposal = propose_direction_rating(&ratings);
        prop_assert_eq!(proposal, by_definition(&ratings));
        // The proposal lies between the best and the worst rating given.
        if let Some(proposal) = proposal {
            prop_assert!(ratings.iter().any(|owner| owner.rating <= proposal));
            prop_assert!(ratings.iter().any(|owner| owner.rating >= proposal));
        }
    }
}

#[test]
fn an_override_needs_a_reason_and_an_open_evaluation() {
    let replaced = RatingOverride::new(EvaluationStatus::Draft, B, "  委員会の意見を踏まえ見直した。 ");
    assert_eq!(replaced, Ok(RatingOverride { rating: B, reason: "委員会の意見を踏まえ見直した。".into() }));
    assert!(RatingOverride::new(EvaluationStatus::InCommittee, C, "理由").is_ok());
    assert_eq!(
        RatingOverride::new(EvaluationStatus::Draft, B, " \n "),
        Err(EvaluationError::OverrideReasonMissing)
    );
    assert_eq!(
        RatingOverride::new(EvaluationStatus::Draft, B, &"あ".repeat(MAX_LONG_TEXT + 1)),
        Err(EvaluationError::OverrideReasonTooLong { max: MAX_LONG_TEXT })
    );
    assert!(RatingOverride::new(EvaluationStatus::Draft, B, &"あ".repeat(MAX_LONG_TEXT)).is_ok());
    for status in [EvaluationStatus::Finalized, EvaluationStatus::Published] {
        assert_eq!(RatingOverride::new(status, B, "理由"), Err(EvaluationError::NotEditable { status }));
    }
}

#[test]
fn the_override_wins_over_the_proposal() {
    let mut rating = DirectionRating { proposed: Some(C), overridden: None };
    assert_eq!(rating.effective(), Some(C));
    rating.overridden = Some(RatingOverride { rating: B, reason: "理由".into() });
    assert_eq!(rating.effective(), Some(B));
    let unreported = DirectionRating {
        proposed: None,
        overridden: Some(RatingOverride { rating: D, reason: "未報告".into() }),
    };
    assert_eq!(unreported.effective(), Some(D));
    assert_eq!(DirectionRating::default().effective(), None);
}

#[test]
fn counts_totals_and_the_share_rated_a_or_b() {
    let mut counts: RatingCounts = [A, B, B, C].into_iter().collect();
    assert_eq!((counts.a, counts.b, counts.c, counts.d), (1, 2, 1, 0));
    assert_eq!(counts.total(), 4);
    assert_eq!(counts.share_a_or_b(), Some(0.75));
    counts.add(D);
    counts.add_direction(None);
    assert_eq!(counts.get(D), 1);
    assert_eq!(counts.unrated, 1);
    // The unrated direction stays out of the total and the share.
    assert_eq!(counts.total(), 5);
    assert_eq!(counts.share_a_or_b(), Some(0.6));
    for rating in SelfRating::ALL {
        let single: RatingCounts = [rating].into_iter().collect();
        assert_eq!(single.get(rating), 1);
        assert_eq!(single.total(), 1);
    }
}

#[test]
fn nothing_rated_has_no_share() {
    assert_eq!(RatingCounts::default().share_a_or_b(), None);
    let mut unrated = RatingCounts::default();
    unrated.add_direction(None);
    assert_eq!(unrated.total(), 0);
    assert_eq!(unrated.share_a_or_b(), None);
}

#[test]
fn merging_adds_every_count() {
    let mut left = RatingCounts { a: 1, b: 2, c: 3, d: 4, unrated: 5 };
    left.merge(&RatingCounts { a: 10, b: 20, c: 30, d: 40, unrated: 50 });
    assert_eq!(left, RatingCounts { a: 11, b: 22, c: 33, d: 44, unrated: 55 });
    let mut full = RatingCounts { a: u32::MAX, ..RatingCounts::default() };
    full.add(A);
    full.merge(&RatingCounts { b: 1, ..RatingCounts::default() });
    assert_eq!(full.a, u32::MAX);
    assert_eq!(full.total(), u32::MAX);
}

fn direction(code: &str, goal: GoalId, policy: PolicyId) -> PolicyDirection {
    PolicyDirection {
        id: DirectionId::generate(),
        plan_id: PlanId::generate(),
        policy_id: policy,
        goal_id: goal,
        code: code.parse::<NodeCode>().unwrap_or_else(|e| panic!("{e}")),
        name: Bilingual::new(code, code),
        is_new: false,
    }
}

#[test]
fn rollups_per_policy_per_goal_and_for_the_plan() {
    let (goal_1, goal_2) = (GoalId::generate(), GoalId::generate());
    let (policy_1_1, policy_1_2, policy_2_1) =
        (PolicyId::generate(), PolicyId::generate(), PolicyId::generate());
    let directions = [
        (direction("1-1-1", goal_1, policy_1_1), Some(A)),
        (direction("1-1-2", goal_1, policy_1_1), Some(C)),
        (direction("1-2-1", goal_1, policy_1_2), Some(B)),
        (direction("1-2-2", goal_1, policy_1_2), None),
        (direction("2-1-1", goal_2, policy_2_1), Some(D)),
    ];
    let rollup: Rollup = directions.iter().map(|(direction, rating)| (direction, *rating)).collect();
    assert_eq!(rollup.plan, RatingCounts { a: 1, b: 1, c: 1, d: 1, unrated: 1 });
    assert_eq!(rollup.plan.share_a_or_b(), Some(0.5));
    assert_eq!(rollup.goals[&goal_1], RatingCounts { a: 1, b: 1, c: 1, d: 0, unrated: 1 });
    assert_eq!(rollup.goals[&goal_2], RatingCounts { d: 1, ..RatingCounts::default() });
    assert_eq!(rollup.policies[&policy_1_1], RatingCounts { a: 1, c: 1, ..RatingCounts::default() });
    assert_eq!(rollup.policies[&policy_1_2], RatingCounts { b: 1, unrated: 1, ..RatingCounts::default() });
    assert_eq!(rollup.policies[&policy_2_1].share_a_or_b(), Some(0.0));
    // The goals' counts merge into the plan's.
    let mut merged = RatingCounts::default();
    rollup.goals.values().for_each(|counts| merged.merge(counts));
    assert_eq!(merged, rollup.plan);
}

#[test]
fn year_over_year_compares_the_share_rated_a_or_b() {
    let previous = RatingCounts { a: 2, b: 4, c: 3, d: 1, unrated: 0 };
    let current = RatingCounts { a: 3, b: 5, c: 2, d: 0, unrated: 2 };
    let change = YearOverYear::between(&previous, &current);
    assert_eq!(change.previous_share, Some(0.6));
    assert_eq!(change.current_share, Some(0.8));
    let points = change.change.unwrap_or_else(|| panic!("a change"));
    assert!((points - 0.2).abs() < 1e-12, "{points}");

    // The first evaluation of a plan has nothing to compare with.
    let first = YearOverYear::between(&RatingCounts::default(), &current);
    assert_eq!((first.previous_share, first.current_share, first.change), (None, Some(0.8), None));
    let unrated = YearOverYear::between(&previous, &RatingCounts::default());
    assert_eq!((unrated.current_share, unrated.change), (None, None));
}

#[test]
fn statuses_have_stable_names_and_labels() {
    let names: Vec<_> = EvaluationStatus::ALL.iter().map(|status| status.as_str()).collect();
    assert_eq!(names, ["DRAFT", "IN_COMMITTEE", "FINALIZED", "PUBLISHED"]);
    let ja: Vec<_> = EvaluationStatus::ALL.iter().map(|status| status.label(Language::Ja)).collect();
    assert_eq!(ja, ["作成中", "委員会審議中", "確定", "公表済み"]);
    for status in EvaluationStatus::ALL {
        assert_eq!(EvaluationStatus::parse(status.as_str()), Some(status));
        assert!(!status.label(Language::En).is_empty());
    }
    assert_eq!(EvaluationStatus::parse("draft"), None);
    for step in EvaluationStep::ALL {
        assert_eq!(EvaluationStep::parse(step.as_str()), Some(step));
    }
}

#[test]
fn every_status_and_step() {
    use EvaluationStatus::{Draft, Finalized, InCommittee, Published};
    use EvaluationStep::{Finalize, Publish, StartCommittee};
    // (from, step, outcome) for every status and every step.
    let table = [
        (Draft, StartCommittee, Some(InCommittee)),
        (Draft, Finalize, None),
        (Draft, Publish, None),
        (InCommittee, StartCommittee, None),
        (InCommittee, Finalize, Some(Finalized)),
        (InCommittee, Publish, None),
        (Finalized, StartCommittee, None),
        (Finalized, Finalize, None),
        (Finalized, Publish, Some(Published)),
        (Published, StartCommittee, None),
        (Published, Finalize, None),
        (Published, Publish, None),
    ];
    assert_eq!(table.len(), EvaluationStatus::ALL.len() * EvaluationStep::ALL.len());
    for (from, step, outcome) in table {
        let expected = outcome.ok_or(EvaluationError::StepNotAllowed { from, step });
        assert_eq!(evaluation_step(from, step), expected, "{from:?} {step:?}");
    }
}

#[test]
fn editing_and_opinions_by_status() {
    use EvaluationStatus::{Draft, Finalized, InCommittee, Published};
    // (status, editable, accepts opinions).
    for (status, editable, opinions) in [
        (Draft, true, false),
        (InCommittee, true, true),
        (Finalized, false, false),
        (Published, false, false),
    ] {
        assert_eq!(status.is_editable(), editable, "{status:?}");
        assert_eq!(status.accepts_opinions(), opinions, "{status:?}");
        assert_eq!(status.ensure_editable().is_ok(), editable);
        assert_eq!(status.ensure_accepts_opinions().is_ok(), opinions);
    }
    assert_eq!(Draft.ensure_accepts_opinions(), Err(EvaluationError::ClosedToOpinions { status: Draft }));
    assert_eq!(Published.ensure_editable(), Err(EvaluationError::NotEditable { status: Published }));
}

#[test]
fn refusals_read_well_in_both_languages() {
    let publish_draft =
        EvaluationError::StepNotAllowed { from: EvaluationStatus::Draft, step: EvaluationStep::Publish };
    assert_eq!(
        publish_draft.localized(Language::Ja),
        "公表できるのは確定した年度評価だけです（この評価は「作成中」です）。"
    );
    assert_eq!(
        publish_draft.localized(Language::En),
        "Only a finalised evaluation can be published (its status is Draft)."
    );
    let finalised = EvaluationError::NotEditable { status: EvaluationStatus::Finalized };
    assert_eq!(finalised.localized(Language::Ja), "「確定」の年度評価は変更できません。");
    assert_eq!(
        finalised.localized(Language::En),
        "An evaluation that is finalised can no longer be changed."
    );

    // Every refusal has a message in both languages.
    let mut errors = vec![
        EvaluationError::OverrideReasonMissing,
        EvaluationError::OverrideReasonTooLong { max: MAX_LONG_TEXT },
    ];
    for status in EvaluationStatus::ALL {
        errors.push(EvaluationError::NotEditable { status });
        errors.push(EvaluationError::ClosedToOpinions { status });
        for step in EvaluationStep::ALL {
            errors.push(EvaluationError::StepNotAllowed { from: status, step });
        }
    }
    for error in errors {
        for language in [Language::Ja, Language::En] {
            assert!(!error.localized(language).is_empty(), "{error:?} {language:?}");
        }
    }
}
