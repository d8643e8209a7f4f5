//! Latency of the heaviest reads, through HTTP and GraphQL, on SQLite: the plan tree, the
//! completion matrix of a period, the annual evaluation and the review queue, for the
//! Omitama plan (29 directions, 71 owner pairs) and for a synthetic plan 100 times larger
//! (2,900 directions, 8,700 owner pairs), each with five years of accepted reports (two
//! periods a year: 87,000 reports for the large plan).
//!
//! `cargo bench -p server --bench api` (release build; a few minutes the first time).

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::time::Duration;

use app::domain::access::Actor;
use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::{Value, json};

const PASSWORD: &str = "kasumigaura-lotus-2041";

const TREE: &str = "query($c: String!) { plan(code: $c) { goals { code policies { code directions { code nameJa isNew owners { organization { code } role } } } } indicators { code values { fiscalYear value } } } }";
const EVALUATION: &str = "query($p: ID!, $y: Int!) { annualEvaluation(planId: $p, fiscalYear: $y) { status ratingCounts { a b c d unrated } shareAOrB yearOverYear { change } goals { goal { code } ratingCounts { a b c d } shareAOrB policies { ratingCounts { a b } } directions { direction { code nameJa } rating proposedRating overrideReason missingReports { organization { code } status } summaries { selfRating resultsSummary } } indicators { value achievementRate grade } } indicators { indicator { code } value achievementRate expectedValue grade } opinions { body response } } }";
const QUEUE: &str = "{ reviewQueue { report { id status direction { code } organization { code } } waitingDays changedSinceReturn } }";
const MATRIX: &str = "query($p: ID!) { completionMatrix(periodId: $p) { total counts { status count } rows { direction { code nameJa } cells { reportId organization { code nameJa } status } } } }";

struct Fixture {
    runtime: tokio::runtime::Runtime,
    client: reqwest::Client,
    url: String,
    token: String,
    periods: Vec<(String, String)>,
    plans: Vec<(String, String)>,
    _dir: tempfile::TempDir,
}

impl Fixture {
    fn post(&self, query: &str, variables: Value) -> Value {
        self.runtime.block_on(async {
            let mut request =
                self.client.post(&self.url).json(&json!({ "query": query, "variables": variables }));
            if !self.token.is_empty() {
                request = request.bearer_auth(&self.token);
            }
            request.send().await.expect("sent").json().await.expect("json")
        })
    }
}

fn fixture() -> Fixture {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    let dir = tempfile::tempdir().expect("dir");
    let mut config = server::Config::new("127.0.0.1:0".parse().expect("addr"), dir.path().join("data"));
    config.demo = true;
    config.demo_password = Some(PASSWORD.into());
    let (url, app) = runtime.block_on(async {
        let server = server::build(config).await.expect("server");
        let url = format!("http://{}/graphql", server.local_addr().expect("addr"));
        let app = server.app().clone();
        tokio::spawn(server.run_until(std::future::pending()));
        (url, app)
    });
    let client = reqwest::Client::new();
    let mut fixture = Fixture {
        runtime,
        client,
        url,
        token: String::new(),
        periods: Vec::new(),
        plans: Vec::new(),
        _dir: dir,
    };
    let login = fixture.post(
        "mutation($p: String!) { login(email: \"office@omitama.example\", password: $p) { accessToken } }",
        json!({ "p": PASSWORD }),
    );
    fixture.token =
        login["data"]["login"]["accessToken"].as_str().unwrap_or_else(|| panic!("login: {login}")).to_owned();
    fixture.runtime.block_on(async {
        let large = app::demo::synthetic_plan("large", 10, 10, 29, 4);
        let summary = app.import_plan(&Actor::System, &large).await.expect("large plan");
        let owners = app::demo::synthetic_owners(10, 10, 29);
        let large_id = summary.plan_id.expect("id");
        app.apply_ownership_import(&Actor::System, large_id, owners.as_bytes()).await.expect("owners");
        for code in ["omitama-3", "large"] {
            let plan = app.plans(&Actor::System).await.expect("plans").into_iter().find(|p| p.code == code);
            let plan = plan.expect("plan");
            app.load_sample_history(plan.id, 2021..=2024).await.expect("history");
            app.load_sample_queue(plan.id, 2025).await.expect("queue");
        }
    });
    for code in ["omitama-3", "large"] {
        let plan = fixture.post("query($c: String!) { plan(code: $c) { id } }", json!({ "c": code }));
        let plan_id = plan["data"]["plan"]["id"].clone();
        fixture.plans.push((code.to_owned(), plan_id.as_str().expect("id").to_owned()));
        let opened = fixture.post(
            "mutation($p: ID!) { openReportingPeriod(input: { planId: $p, fiscalYear: 2025, kind: YEAR_END, opensOn: \"2026-04-01\", dueOn: \"2026-05-31\" }) { id } }",
            json!({ "p": plan_id }),
        );
        let period = opened["data"]["openReportingPeriod"]["id"].as_str().expect("period").to_owned();
        fixture.periods.push((code.to_owned(), period));
    }
    fixture
}

fn reads(c: &mut Criterion) {
    let fixture = fixture();
    let mut group = c.benchmark_group("api (SQLite)");
    group.sample_size(20).measurement_time(Duration::from_secs(8));
    for (code, label) in [("omitama-3", "29 directions"), ("large", "2,900 directions")] {
        let body = fixture.post(TREE, json!({ "c": code }));
        assert!(body["errors"].is_null(), "{body}");
        group.bench_function(format!("plan tree, {label}"), |b| {
            b.iter(|| fixture.post(TREE, json!({ "c": code })))
        });
    }
    for (code, period) in fixture.periods.clone() {
        let body = fixture.post(MATRIX, json!({ "p": period }));
        let total = body["data"]["completionMatrix"]["total"].as_i64().expect("total");
        let label = if code == "large" { "8,700 reports" } else { "71 reports" };
        assert!(total == 71 || total == 8_700, "{total}");
        group.bench_function(format!("completion matrix, {label}"), |b| {
            b.iter(|| fixture.post(MATRIX, json!({ "p": period })))
        });
    }
    for (code, plan) in fixture.plans.clone() {
        let label = if code == "large" { "2,900 directions" } else { "29 directions" };
        let body = fixture.post(EVALUATION, json!({ "p": plan, "y": 2024 }));
        assert_eq!(body["data"]["annualEvaluation"]["ratingCounts"]["unrated"], 0, "{body}");
        group.bench_function(format!("annual evaluation, {label}"), |b| {
            b.iter(|| fixture.post(EVALUATION, json!({ "p": plan, "y": 2024 })))
        });
        // The first year: no previous evaluation to compare with.
        group.bench_function(format!("annual evaluation (first year), {label}"), |b| {
            b.iter(|| fixture.post(EVALUATION, json!({ "p": plan, "y": 2021 })))
        });
    }
    let queue = fixture.post(QUEUE, json!({}));
    assert!(queue["errors"].is_null(), "{queue}");
    let waiting = queue["data"]["reviewQueue"].as_array().map_or(0, Vec::len);
    group.bench_function(format!("review queue, {waiting} reports waiting (capped at 500)"), |b| {
        b.iter(|| fixture.post(QUEUE, json!({})))
    });
    group.finish();
}

criterion_group!(benches, reads);
criterion_main!(benches);
