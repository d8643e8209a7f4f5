//! The domain's arithmetic on one item and over a plan 100 times the Omitama seed (10 goals
//! × 10 policies × 29 directions = 2,900 directions with three owners each, 1,000
//! indicators with five years of values): indicator progress and grades, the direction
//! rating rule, and the rollups of an annual evaluation.
//!
//! `cargo bench -p domain --bench arithmetic` (release; about a minute).
//! `cargo test -p domain --bench arithmetic` runs each benchmark once, as a smoke test.

#![allow(clippy::expect_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use domain::{
    FiscalYear, NodeCode,
    evaluation::{OwnerRating, RatingCounts, Rollup, YearOverYear, propose_direction_rating},
    ids::{DirectionId, GoalId, PlanId, PolicyId},
    ownership::OwnerRole,
    plan::{Bilingual, PolicyDirection},
    progress::{IndicatorPath, Tolerance},
    report::SelfRating,
};

const GOALS: usize = 10;
const POLICIES: usize = 10;
const DIRECTIONS: usize = 29;
const INDICATORS: usize = 1_000;
const YEARS: std::ops::RangeInclusive<i32> = 2021..=2025;

fn year(y: i32) -> FiscalYear {
    FiscalYear::try_from(y).expect("fiscal year")
}

/// A deterministic spread of ratings, as a large city's owners would give them.
fn rating(seed: usize) -> SelfRating {
    SelfRating::ALL[(seed * 7 + seed / 3) % 4]
}

/// The 2,900 directions and, for each, its three owners' ratings (the lead first).
fn plan() -> Vec<(PolicyDirection, Vec<OwnerRating>)> {
    let plan_id = PlanId::generate();
    let mut directions = Vec::with_capacity(GOALS * POLICIES * DIRECTIONS);
    for g in 1..=GOALS {
        let goal_id = GoalId::generate();
        for p in 1..=POLICIES {
            let policy_id = PolicyId::generate();
            for d in 1..=DIRECTIONS {
                let code: NodeCode = format!("{g}-{p}-{d}").parse().expect("code");
                let direction = PolicyDirection {
                    id: DirectionId::generate(),
                    plan_id,
                    policy_id,
                    goal_id,
                    code,
                    name: Bilingual::new(format!("方向{g}-{p}-{d}"), format!("Direction {g}-{p}-{d}")),
                    is_new: d % 3 == 0,
                };
                let seed = directions.len();
                let owners = vec![
                    OwnerRating { role: OwnerRole::Lead, rating: rating(seed) },
                    OwnerRating { role: OwnerRole::CoOwner, rating: rating(seed + 1) },
                    OwnerRating { role: OwnerRole::CoOwner, rating: rating(seed + 2) },
                ];
                directions.push((direction, owners));
            }
        }
    }
    directions
}

/// 1,000 indicator paths (raise, lower and keep) with a value for each year.
fn indicators() -> Vec<(IndicatorPath, Vec<(FiscalYear, f64)>)> {
    (0..INDICATORS)
        .map(|i| {
            let baseline = 20.0 + (i % 50) as f64;
            let target = match i % 5 {
                0 => baseline,
                1 | 2 => baseline - 5.0,
                _ => baseline + 10.0,
            };
            let path = IndicatorPath { baseline_year: year(2020), baseline, target_year: year(2025), target };
            let values =
                YEARS.map(|y| (year(y), baseline + f64::from(y - 2020) * ((i % 7) as f64 - 2.0))).collect();
            (path, values)
        })
        .collect()
}

fn progress(c: &mut Criterion) {
    let mut group = c.benchmark_group("indicator progress");
    // Omitama's indicator 1: school-district organisations, 9 (FY2020) → 12 (FY2025).
    let path =
        IndicatorPath { baseline_year: year(2020), baseline: 9.0, target_year: year(2025), target: 12.0 };
    let tolerance = Tolerance::new(1.0).expect("tolerance");
    group.bench_function("one value: rate, expected value, grade", |b| {
        b.iter(|| black_box(&path).progress(black_box(year(2023)), black_box(Some(10.0)), tolerance))
    });
    let all = indicators();
    group.bench_function("1,000 indicators × 5 years", |b| {
        b.iter(|| {
            let mut achieved = 0_usize;
            for (path, values) in &all {
                for (y, value) in values {
                    let progress = path.progress(*y, Some(*value), tolerance);
                    achieved += usize::from(progress.grade == domain::progress::ProgressGrade::Achieved);
                }
            }
            black_box(achieved)
        })
    });
    group.finish();
}

fn ratings(c: &mut Criterion) {
    let plan = plan();
    let mut group = c.benchmark_group("direction ratings");
    let three = &plan[0].1;
    group.bench_function("propose_direction_rating, lead and two co-owners", |b| {
        b.iter(|| propose_direction_rating(black_box(three)))
    });
    group.bench_function("propose_direction_rating, 2,900 directions", |b| {
        b.iter(|| {
            plan.iter().map(|(_, owners)| propose_direction_rating(owners)).filter(Option::is_some).count()
        })
    });
    let proposed: Vec<(&PolicyDirection, Option<SelfRating>)> =
        plan.iter().map(|(direction, owners)| (direction, propose_direction_rating(owners))).collect();
    group.bench_function("rollup (plan, goals, policies), 2,900 directions", |b| {
        b.iter(|| black_box(proposed.iter().map(|(d, r)| (*d, *r)).collect::<Rollup>()))
    });
    let previous: RatingCounts = proposed.iter().filter_map(|(_, r)| r.map(|_| SelfRating::B)).collect();
    let all = indicators();
    group.bench_function("an evaluation's arithmetic: 2,900 proposals, rollups, 1,000 indicators", |b| {
        b.iter(|| {
            let rollup: Rollup = plan
                .iter()
                .map(|(direction, owners)| (direction, propose_direction_rating(owners)))
                .collect();
            let change = YearOverYear::between(&previous, &rollup.plan);
            let graded = all
                .iter()
                .filter_map(|(path, values)| {
                    values.last().map(|(y, v)| path.progress(*y, Some(*v), Tolerance::NONE))
                })
                .count();
            black_box((rollup, change, graded))
        })
    });
    group.finish();
}

criterion_group!(benches, progress, ratings);
criterion_main!(benches);
