//! The reads measured, as the web app asks for them.

use serde_json::{Value, json};

use crate::fixture::Fixture;

/// The plan tree: goals, policies, directions with their owners, indicators with values.
pub const TREE: &str = "query($c: String!) { plan(code: $c) { goals { code policies { code directions { code nameJa isNew owners { organization { code } role } } } } indicators { code values { fiscalYear value } } } }";
/// Every report of a period: directions × owners × status, with counts.
pub const MATRIX: &str = "query($p: ID!) { completionMatrix(periodId: $p) { total counts { status count } rows { direction { code nameJa } cells { reportId organization { code nameJa } status } } } }";
/// What waits for the plan office (capped at 500 by the server).
pub const QUEUE: &str = "{ reviewQueue { report { id status direction { code } organization { code } } waitingDays changedSinceReturn } }";
/// The year's evaluation with every goal, direction, summary, missing report and indicator.
pub const EVALUATION: &str = "query($p: ID!, $y: Int!) { annualEvaluation(planId: $p, fiscalYear: $y) { status ratingCounts { a b c d unrated } shareAOrB yearOverYear { change } goals { goal { code } ratingCounts { a b c d } shareAOrB policies { ratingCounts { a b } } directions { direction { code nameJa } rating proposedRating overrideReason missingReports { organization { code } status } summaries { selfRating resultsSummary } } indicators { value achievementRate grade } } indicators { indicator { code } value achievementRate expectedValue grade } opinions { body response } } }";
/// The first 50 reports of a period with their direction and organisation.
pub const LIST: &str = "query($p: ID!) { reports(filter: { periodId: $p }, first: 50) { nodes { id status direction { code nameJa } organization { code nameJa } } } }";

/// One of the reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Read {
    PlanTree,
    CompletionMatrix,
    ReviewQueue,
    AnnualEvaluation,
    ReportList,
}

impl Read {
    pub const ALL: [Self; 5] =
        [Self::PlanTree, Self::CompletionMatrix, Self::ReviewQueue, Self::AnnualEvaluation, Self::ReportList];

    pub fn label(self) -> &'static str {
        match self {
            Self::PlanTree => "plan tree",
            Self::CompletionMatrix => "completion matrix",
            Self::ReviewQueue => "review queue",
            Self::AnnualEvaluation => "annual evaluation",
            Self::ReportList => "report list (50)",
        }
    }

    /// The GraphQL request body for this read on the fixture's data.
    pub fn body(self, fixture: &Fixture) -> Value {
        let (query, variables) = match self {
            Self::PlanTree => (TREE, json!({ "c": crate::fixture::PLAN })),
            Self::CompletionMatrix => (MATRIX, json!({ "p": fixture.matrix_period })),
            Self::ReviewQueue => (QUEUE, json!({})),
            Self::AnnualEvaluation => {
                (EVALUATION, json!({ "p": fixture.plan_id, "y": fixture.evaluation_year }))
            }
            Self::ReportList => (LIST, json!({ "p": fixture.list_period })),
        };
        json!({ "query": query, "variables": variables })
    }

    /// Checks an answer against the data set, so a benchmark never times an error; returns
    /// a short description of what came back.
    pub fn check(self, fixture: &Fixture, answer: &Value) -> String {
        assert!(answer["errors"].is_null(), "{}: {answer}", self.label());
        let data = &answer["data"];
        let size = &fixture.size;
        match self {
            Self::PlanTree => {
                let goals = data["plan"]["goals"].as_array().expect("goals");
                let directions: usize = goals
                    .iter()
                    .flat_map(|g| g["policies"].as_array().into_iter().flatten())
                    .map(|p| p["directions"].as_array().map_or(0, Vec::len))
                    .sum();
                let owners: usize = goals
                    .iter()
                    .flat_map(|g| g["policies"].as_array().into_iter().flatten())
                    .flat_map(|p| p["directions"].as_array().into_iter().flatten())
                    .map(|d| d["owners"].as_array().map_or(0, Vec::len))
                    .sum();
                assert_eq!(i64::try_from(directions).ok(), Some(size.directions));
                assert_eq!(i64::try_from(owners).ok(), Some(size.owner_pairs));
                format!("{directions} directions, {owners} owners")
            }
            Self::CompletionMatrix => {
                let total = data["completionMatrix"]["total"].as_i64().expect("total");
                assert_eq!(total, size.owner_pairs);
                format!("{total} reports")
            }
            Self::ReviewQueue => {
                let waiting = data["reviewQueue"].as_array().map_or(0, Vec::len);
                assert!(waiting > 0);
                format!("{waiting} reports")
            }
            Self::AnnualEvaluation => {
                let counts = &data["annualEvaluation"]["ratingCounts"];
                assert_eq!(counts["unrated"], 0, "{counts}");
                let rated: i64 = ["a", "b", "c", "d"].iter().filter_map(|k| counts[k].as_i64()).sum();
                assert_eq!(rated, size.directions);
                format!("{rated} directions rated")
            }
            Self::ReportList => {
                let nodes = data["reports"]["nodes"].as_array().expect("nodes");
                assert_eq!(nodes.len(), 50.min(usize::try_from(size.owner_pairs).unwrap_or(50)));
                format!("{} reports", nodes.len())
            }
        }
    }
}
