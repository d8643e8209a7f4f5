//! The annual evaluation end to end: it counts exactly what was accepted, lists what is
//! missing, measures the indicators by the plan's arithmetic, keeps the plan office's
//! overrides, and once finalised lets nothing change; the public reads it once published.

use std::collections::BTreeMap;

use app::domain::{
    evaluation::{OwnerRating, propose_direction_rating},
    ownership::OwnerRole,
    report::SelfRating,
};
use serde_json::{Value, json};

use crate::{
    harness::{Backend, Options, TestServer, error_code, on_both_backends},
    reports::{Demo, demo, open_period},
    review::complete_report,
};

const MINE: &str =
    "{ myReports { id version status period { kind } organization { code } direction { code } } }";
const SAVE: &str = "mutation($id: ID!, $input: ReportInput!, $v: Int!) { saveReport(id: $id, input: $input, expectedVersion: $v) { version } }";
const SUBMIT: &str = "mutation($id: ID!, $v: Int!) { submitReport(id: $id, expectedVersion: $v) { status } }";
const ACCEPT: &str = "mutation($id: ID!) { acceptReport(id: $id) { status } }";
const EVALUATION: &str = "query($p: ID!, $y: Int!) { annualEvaluation(planId: $p, fiscalYear: $y) {
  id status ratingCounts { a b c d unrated }
  goals { goal { code } ratingCounts { a b c d unrated } shareAOrB
          directions { direction { id code } rating proposedRating overrideReason reports { id } missingReports { organization { code } status } summaries { selfRating } } }
  indicators { indicator { code } value achievementRate expectedValue grade gradeLabel }
  opinions { id targetCode body author { displayName } response reflection }
} }";

async fn as_(server: &TestServer, token: &str, query: &str, variables: Value) -> Value {
    server.graphql_as(Some(token), query, variables, "en").await
}

/// Writes, submits and gets accepted every year-end report of `organization`, rated
/// `rating`; returns how many.
async fn report_year_end(
    server: &TestServer,
    writer: &str,
    reviewer: &str,
    organization: &str,
    rating: &str,
) -> usize {
    let mine = as_(server, writer, MINE, json!({})).await;
    let reports: Vec<Value> = mine["data"]["myReports"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["organization"]["code"] == organization && r["period"]["kind"] == "YEAR_END")
        .cloned()
        .collect();
    for report in &reports {
        let mut input = complete_report("【テスト】実施した");
        input["selfRating"] = json!(rating);
        input["ratingReason"] = json!("理由");
        let saved =
            as_(server, writer, SAVE, json!({ "id": report["id"], "input": input, "v": report["version"] }))
                .await;
        let version = saved["data"]["saveReport"]["version"].clone();
        let submitted = as_(server, writer, SUBMIT, json!({ "id": report["id"], "v": version })).await;
        assert_eq!(submitted["data"]["submitReport"]["status"], "SUBMITTED", "{submitted}");
        let accepted = as_(server, reviewer, ACCEPT, json!({ "id": report["id"] })).await;
        assert_eq!(accepted["data"]["acceptReport"]["status"], "ACCEPTED", "{accepted}");
    }
    reports.len()
}

async fn indicator_ids(server: &TestServer) -> BTreeMap<String, String> {
    let body = server.data("{ plan(code: \"omitama-3\") { indicators { id code } } }", json!({})).await;
    body["plan"]["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["code"].as_str().unwrap().to_owned(), i["id"].as_str().unwrap().to_owned()))
        .collect()
}

/// A year-end period with the Council's reports (rated A, accepted by the office) and
/// the welfare department's (rated C, signed by the manager, accepted by the Council).
async fn accepted_year(server: &TestServer) -> Demo {
    let demo = demo(server).await;
    open_period(server, &demo, "YEAR_END", 2025, "2026-05-31").await;
    let council = server.login("council@omitama.example").await;
    let chief = server.login("welfare-chief@omitama.example").await;
    assert!(report_year_end(server, &council, &demo.office, "council", "A").await > 0);
    assert!(report_year_end(server, &chief, &council, "welfare", "C").await > 0);
    demo
}

on_both_backends!(
    the_evaluation_counts_what_was_accepted_and_lists_what_is_missing,
    the_committee_opines_and_finalisation_freezes_the_year,
);

async fn the_evaluation_counts_what_was_accepted_and_lists_what_is_missing(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;
    let demo = accepted_year(&server).await;
    let indicators = indicator_ids(&server).await;
    for (code, value) in [("I9", 10.0), ("I3", 22.0)] {
        let recorded = as_(&server, &demo.office, "mutation($i: ID!, $v: Float!) { recordIndicatorValue(indicatorId: $i, fiscalYear: 2025, value: $v, source: \"市民意識調査\") { value } }", json!({ "i": indicators[code], "v": value })).await;
        assert!(recorded.get("errors").is_none(), "{recorded}");
    }
    // Nobody but the office compiles.
    let council = server.login("council@omitama.example").await;
    let refused = as_(
        &server,
        &council,
        "mutation($p: ID!) { compileAnnualEvaluation(planId: $p, fiscalYear: 2025) { id } }",
        json!({ "p": demo.plan_id }),
    )
    .await;
    assert_eq!(error_code(&refused), "FORBIDDEN");
    let compiled = as_(
        &server,
        &demo.office,
        "mutation($p: ID!) { compileAnnualEvaluation(planId: $p, fiscalYear: 2025) { id status } }",
        json!({ "p": demo.plan_id }),
    )
    .await;
    assert_eq!(compiled["data"]["compileAnnualEvaluation"]["status"], "DRAFT", "{compiled}");
    let evaluation_id = compiled["data"]["compileAnnualEvaluation"]["id"].clone();

    let before = server.statements();
    let body = as_(&server, &demo.office, EVALUATION, json!({ "p": demo.plan_id, "y": 2025 })).await;
    let statements = server.statements() - before;
    let evaluation = &body["data"]["annualEvaluation"];
    assert!(body.get("errors").is_none(), "{body}");

    // The counts equal those computed from the accepted reports by the documented rule.
    let mut expected_per_goal: BTreeMap<String, [u32; 5]> = BTreeMap::new();
    for (_, code, owners) in &demo.directions {
        let ratings: Vec<OwnerRating> = owners
            .iter()
            .filter_map(|(organization, role)| {
                let rating = match organization.as_str() {
                    "council" => SelfRating::A,
                    "welfare" => SelfRating::C,
                    _ => return None,
                };
                let role = if role == "LEAD" { OwnerRole::Lead } else { OwnerRole::CoOwner };
                Some(OwnerRating { role, rating })
            })
            .collect();
        let goal = code.split('-').next().unwrap().to_owned();
        let counts = expected_per_goal.entry(goal).or_default();
        let slot = match propose_direction_rating(&ratings) {
            Some(SelfRating::A) => 0,
            Some(SelfRating::B) => 1,
            Some(SelfRating::C) => 2,
            Some(SelfRating::D) => 3,
            None => 4,
        };
        counts[slot] += 1;
    }
    for goal in evaluation["goals"].as_array().unwrap() {
        let code = goal["goal"]["code"].as_str().unwrap();
        let c = &goal["ratingCounts"];
        let actual =
            [c["a"].as_u64(), c["b"].as_u64(), c["c"].as_u64(), c["d"].as_u64(), c["unrated"].as_u64()]
                .map(|n| u32::try_from(n.unwrap()).unwrap());
        assert_eq!(actual, expected_per_goal[code], "goal {code}: {goal}");
        for direction in goal["directions"].as_array().unwrap() {
            // Every owner other than the two who reported is listed as missing.
            let code = direction["direction"]["code"].as_str().unwrap();
            let (_, _, owners) = demo.directions.iter().find(|(_, c, _)| c == code).unwrap();
            let reported = owners.iter().filter(|(o, _)| o == "council" || o == "welfare").count();
            assert_eq!(direction["reports"].as_array().unwrap().len(), reported, "{direction}");
            assert_eq!(
                direction["missingReports"].as_array().unwrap().len(),
                owners.len() - reported,
                "{direction}"
            );
            assert!(
                direction["missingReports"].as_array().unwrap().iter().all(|m| m["status"] == "NOT_STARTED")
            );
        }
    }
    // Indicators: 9 (baseline 9, target 12) at 10 is 33.3 %; 3 (23.6 → 30.0) at 22.0 is
    // −25.0 % and regressed; the rest were not measured this year, not zero.
    let indicators_of = |code: &str| {
        evaluation["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["indicator"]["code"] == code)
            .cloned()
            .unwrap()
    };
    let nine = indicators_of("I9");
    assert!((nine["achievementRate"].as_f64().unwrap() - 1.0 / 3.0).abs() < 1e-9, "{nine}");
    assert_eq!(nine["expectedValue"], 12.0);
    assert_eq!(nine["grade"], "BEHIND");
    let three = indicators_of("I3");
    assert!((three["achievementRate"].as_f64().unwrap() + 0.25).abs() < 1e-9, "{three}");
    assert_eq!(three["grade"], "REGRESSED");
    let one = indicators_of("I1");
    assert_eq!(one["value"], Value::Null);
    assert_eq!(one["achievementRate"], Value::Null);
    assert_eq!(one["grade"], "NOT_MEASURED");
    assert_eq!(one["gradeLabel"], "Not measured this year");
    println!("annual evaluation ({backend:?}): {statements} statements");
    assert!(statements <= 20, "the evaluation costs {statements} statements");

    // An override needs a reason, and compiling again keeps it.
    let direction = &evaluation["goals"][0]["directions"][0];
    const OVERRIDE: &str = "mutation($e: ID!, $d: ID!, $r: String!) { overrideDirectionRating(evaluationId: $e, directionId: $d, rating: D, reason: $r) { id } }";
    let blank = as_(
        &server,
        &demo.office,
        OVERRIDE,
        json!({ "e": evaluation_id, "d": direction["direction"]["id"], "r": " " }),
    )
    .await;
    assert_eq!(error_code(&blank), "BAD_USER_INPUT");
    let overridden = as_(
        &server,
        &demo.office,
        OVERRIDE,
        json!({ "e": evaluation_id, "d": direction["direction"]["id"], "r": "一部地区で未実施" }),
    )
    .await;
    assert!(overridden.get("errors").is_none(), "{overridden}");
    as_(
        &server,
        &demo.office,
        "mutation($p: ID!) { compileAnnualEvaluation(planId: $p, fiscalYear: 2025) { id } }",
        json!({ "p": demo.plan_id }),
    )
    .await;
    let again = as_(&server, &demo.office, EVALUATION, json!({ "p": demo.plan_id, "y": 2025 })).await;
    let kept = &again["data"]["annualEvaluation"]["goals"][0]["directions"][0];
    assert_eq!(kept["rating"], "D");
    assert_eq!(kept["proposedRating"], direction["proposedRating"]);
    assert_eq!(kept["overrideReason"], "一部地区で未実施");
    server.stop().await;
}

async fn the_committee_opines_and_finalisation_freezes_the_year(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;
    let demo = accepted_year(&server).await;
    let committee = server.login("committee@omitama.example").await;
    let staff = server.login("bousai@omitama.example").await;
    let compiled = as_(
        &server,
        &demo.office,
        "mutation($p: ID!) { compileAnnualEvaluation(planId: $p, fiscalYear: 2025) { id } }",
        json!({ "p": demo.plan_id }),
    )
    .await;
    let id = compiled["data"]["compileAnnualEvaluation"]["id"].clone();

    // The committee reads it once it is handed over, not before.
    let early = as_(&server, &committee, EVALUATION, json!({ "p": demo.plan_id, "y": 2025 })).await;
    assert!(early["data"]["annualEvaluation"].is_null(), "{early}");
    let opinion_too_early = as_(
        &server,
        &committee,
        "mutation($e: ID!) { addCommitteeOpinion(evaluationId: $e, body: \"早い\") { id } }",
        json!({ "e": id }),
    )
    .await;
    assert_eq!(error_code(&opinion_too_early), "BAD_USER_INPUT");
    let started = as_(
        &server,
        &demo.office,
        "mutation($e: ID!) { startCommitteeReview(evaluationId: $e) { status } }",
        json!({ "e": id }),
    )
    .await;
    assert_eq!(started["data"]["startCommitteeReview"]["status"], "IN_COMMITTEE", "{started}");
    let read = as_(&server, &committee, EVALUATION, json!({ "p": demo.plan_id, "y": 2025 })).await;
    assert_eq!(read["data"]["annualEvaluation"]["status"], "IN_COMMITTEE");
    // Members read the accepted reports behind it, but change neither ratings nor reports.
    let report_id = read["data"]["annualEvaluation"]["goals"][0]["directions"][0]["reports"][0]["id"].clone();
    let report = as_(
        &server,
        &committee,
        "query($id: ID!) { report(id: $id) { status resultsSummary } }",
        json!({ "id": report_id }),
    )
    .await;
    assert_eq!(report["data"]["report"]["status"], "ACCEPTED", "{report}");
    let direction = read["data"]["annualEvaluation"]["goals"][0]["directions"][0]["direction"]["id"].clone();
    let override_attempt = as_(&server, &committee, "mutation($e: ID!, $d: ID!) { overrideDirectionRating(evaluationId: $e, directionId: $d, rating: A, reason: \"良い\") { id } }", json!({ "e": id, "d": direction })).await;
    assert_eq!(error_code(&override_attempt), "FORBIDDEN");
    let edit_attempt = as_(
        &server,
        &committee,
        "mutation($id: ID!) { saveReport(id: $id, input: { issues: \"x\" }, expectedVersion: 1) { id } }",
        json!({ "id": report_id }),
    )
    .await;
    assert!(
        matches!(error_code(&edit_attempt), "FORBIDDEN" | "BAD_USER_INPUT" | "NOT_FOUND"),
        "{edit_attempt}"
    );

    // Opinions on the plan and on a goal; an unknown target is refused.
    const OPINION: &str = "mutation($e: ID!, $t: String, $b: String!) { addCommitteeOpinion(evaluationId: $e, targetCode: $t, body: $b) { id targetCode } }";
    let plan_opinion =
        as_(&server, &committee, OPINION, json!({ "e": id, "t": null, "b": "全体として着実" })).await;
    let goal_opinion =
        as_(&server, &committee, OPINION, json!({ "e": id, "t": "2", "b": "担い手の育成を" })).await;
    assert_eq!(goal_opinion["data"]["addCommitteeOpinion"]["targetCode"], "2", "{goal_opinion}");
    let unknown = as_(&server, &committee, OPINION, json!({ "e": id, "t": "9-9-9", "b": "?" })).await;
    assert_eq!(error_code(&unknown), "NOT_FOUND");
    let by_staff = as_(&server, &staff, OPINION, json!({ "e": id, "t": null, "b": "x" })).await;
    assert_eq!(error_code(&by_staff), "FORBIDDEN");
    let answered = as_(&server, &demo.office, "mutation($o: ID!) { respondToOpinion(opinionId: $o, response: \"周知を強めます\", reflection: \"次年度計画に反映\") { response reflection } }", json!({ "o": plan_opinion["data"]["addCommitteeOpinion"]["id"] })).await;
    assert_eq!(answered["data"]["respondToOpinion"]["reflection"], "次年度計画に反映", "{answered}");

    // Not public before publication.
    let public = server.graphql(EVALUATION, json!({ "p": demo.plan_id, "y": 2025 })).await;
    assert!(public["data"]["annualEvaluation"].is_null(), "{public}");

    let finalized = as_(
        &server,
        &demo.office,
        "mutation($e: ID!) { finalizeAnnualEvaluation(evaluationId: $e) { status } }",
        json!({ "e": id }),
    )
    .await;
    assert_eq!(finalized["data"]["finalizeAnnualEvaluation"]["status"], "FINALIZED", "{finalized}");
    // Every report of the year is locked, the unsubmitted ones too, and nothing changes.
    let bousai_reports = as_(&server, &staff, MINE, json!({})).await;
    let locked: Vec<&Value> = bousai_reports["data"]["myReports"].as_array().unwrap().iter().collect();
    let mine =
        as_(&server, &staff, "{ reports(first: 200) { nodes { id status version } } }", json!({})).await;
    let nodes = mine["data"]["reports"]["nodes"].as_array().unwrap();
    assert!(!nodes.is_empty());
    assert!(nodes.iter().all(|r| r["status"] == "LOCKED"), "{mine}");
    let _ = locked;
    let frozen = &nodes[0];
    let save = as_(
        &server,
        &staff,
        SAVE,
        json!({ "id": frozen["id"], "input": complete_report("遅れて提出"), "v": frozen["version"] }),
    )
    .await;
    assert_eq!(error_code(&save), "BAD_USER_INPUT", "{save}");
    let submit = as_(&server, &staff, SUBMIT, json!({ "id": frozen["id"], "v": frozen["version"] })).await;
    assert_eq!(error_code(&submit), "BAD_USER_INPUT", "{submit}");
    let accept = as_(&server, &demo.office, ACCEPT, json!({ "id": report_id })).await;
    assert_eq!(error_code(&accept), "BAD_USER_INPUT", "{accept}");
    let comment = as_(
        &server,
        &demo.office,
        "mutation($id: ID!) { addComment(reportId: $id, body: \"後から\") { id } }",
        json!({ "id": report_id }),
    )
    .await;
    assert_eq!(error_code(&comment), "FORBIDDEN", "{comment}");
    let late_override = as_(&server, &demo.office, "mutation($e: ID!, $d: ID!) { overrideDirectionRating(evaluationId: $e, directionId: $d, rating: A, reason: \"後から\") { id } }", json!({ "e": id, "d": direction })).await;
    assert_eq!(error_code(&late_override), "BAD_USER_INPUT", "{late_override}");
    let indicators = indicator_ids(&server).await;
    let late_value = as_(&server, &demo.office, "mutation($i: ID!) { recordIndicatorValue(indicatorId: $i, fiscalYear: 2025, value: 50.0) { value } }", json!({ "i": indicators["I1"] })).await;
    assert_eq!(error_code(&late_value), "BAD_USER_INPUT", "{late_value}");
    let history = as_(
        &server,
        &staff,
        "query($id: ID!) { report(id: $id) { history { action details } } }",
        json!({ "id": frozen["id"] }),
    )
    .await;
    let last = history["data"]["report"]["history"].as_array().unwrap().last().cloned().unwrap();
    assert_eq!(last["action"], "report.locked");
    assert!(
        last["details"].as_str().unwrap().contains("\"reported\":false"),
        "never submitted is recorded: {last}"
    );

    // Published: the public reads it without internal parts.
    let published = as_(
        &server,
        &demo.office,
        "mutation($e: ID!) { publishAnnualEvaluation(evaluationId: $e) { status } }",
        json!({ "e": id }),
    )
    .await;
    assert_eq!(published["data"]["publishAnnualEvaluation"]["status"], "PUBLISHED");
    let public = server.graphql(EVALUATION, json!({ "p": demo.plan_id, "y": 2025 })).await;
    let public = &public["data"]["annualEvaluation"];
    assert_eq!(public["status"], "PUBLISHED", "{public}");
    let first = &public["goals"][0]["directions"][0];
    assert_eq!(first["reports"], json!([]), "no internal reports");
    assert_eq!(first["missingReports"], json!([]));
    assert!(!first["summaries"].as_array().unwrap().is_empty(), "the published content is there");
    assert!(
        public["opinions"].as_array().unwrap().iter().all(|o| o["author"].is_null()),
        "members are not named"
    );
    assert_eq!(public["opinions"].as_array().unwrap().len(), 2);
    server.stop().await;
}

on_both_backends!(
    the_demo_history_tells_four_years_and_a_live_queue,
    exports_follow_the_evaluations_permission
);

async fn exports_follow_the_evaluations_permission(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;
    let demo = accepted_year(&server).await;
    let compiled = as_(
        &server,
        &demo.office,
        "mutation($p: ID!) { compileAnnualEvaluation(planId: $p, fiscalYear: 2025) { id } }",
        json!({ "p": demo.plan_id }),
    )
    .await;
    let id = compiled["data"]["compileAnnualEvaluation"]["id"].as_str().unwrap().to_owned();
    let get = |path: String, token: Option<String>| {
        let mut request = server.client().get(server.url(&path));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        async move { request.send().await.unwrap() }
    };
    // A draft is not for the public.
    let public = get(format!("/exports/evaluations/{id}.xlsx"), None).await;
    assert_eq!(public.status(), 401);
    let staff = server.login("bousai@omitama.example").await;
    for (path, magic, content_type) in [
        (format!("/exports/evaluations/{id}.xlsx"), b"PK".as_slice(), "spreadsheetml"),
        (format!("/exports/evaluations/{id}.pdf"), b"%PDF".as_slice(), "application/pdf"),
        (format!("/exports/evaluations/{id}.csv?table=goals"), "\u{feff}".as_bytes(), "text/csv"),
        (format!("/exports/evaluations/{id}.csv?table=opinions"), "\u{feff}".as_bytes(), "text/csv"),
    ] {
        let response = get(path.clone(), Some(demo.office.clone())).await;
        assert_eq!(response.status(), 200, "{path}");
        assert!(response.headers()["content-type"].to_str().unwrap().contains(content_type), "{path}");
        let disposition = response.headers()["content-disposition"].to_str().unwrap().to_owned();
        assert!(disposition.contains("attachment"), "{disposition}");
        let bytes = response.bytes().await.unwrap();
        assert!(bytes.starts_with(magic), "{path}: {:?}", &bytes[..8.min(bytes.len())]);
        // Owners read it too; a bad table or format is not found.
        assert_eq!(get(path, Some(staff.clone())).await.status(), 200);
    }
    assert_eq!(
        get(format!("/exports/evaluations/{id}.csv?table=secrets"), Some(demo.office.clone())).await.status(),
        404
    );
    assert_eq!(get(format!("/exports/evaluations/{id}.exe"), Some(demo.office.clone())).await.status(), 404);
    let committee = server.login("committee@omitama.example").await;
    assert_eq!(
        get(format!("/exports/evaluations/{id}.xlsx"), Some(committee)).await.status(),
        404,
        "not before it is handed over"
    );
    server.stop().await;
}

async fn the_demo_history_tells_four_years_and_a_live_queue(backend: Backend) {
    let server = TestServer::start(backend, Options { demo_history: true, ..Options::demo() }).await;
    let demo = demo(&server).await;
    let list = server
        .data(
            "query($p: ID!) { annualEvaluations(planId: $p) { fiscalYear status } }",
            json!({ "p": demo.plan_id }),
        )
        .await;
    assert_eq!(
        list["annualEvaluations"],
        json!([2021, 2022, 2023, 2024].map(|y| json!({ "fiscalYear": y, "status": "PUBLISHED" })))
    );
    let latest = server.data(EVALUATION, json!({ "p": demo.plan_id, "y": 2024 })).await;
    let latest = &latest["annualEvaluation"];
    assert_eq!(latest["ratingCounts"]["unrated"], 0, "every direction rated: {}", latest["ratingCounts"]);
    assert!(
        latest["opinions"].as_array().unwrap().iter().any(|o| o["response"].is_null()),
        "an open opinion carries over"
    );
    // This year's interim reports are in every state; the office has a queue.
    let periods = as_(
        &server,
        &demo.office,
        "query($p: ID!) { reportingPeriods(planId: $p, fiscalYear: 2025) { id kind } }",
        json!({ "p": demo.plan_id }),
    )
    .await;
    let periods = periods["data"]["reportingPeriods"].as_array().unwrap().clone();
    assert_eq!(periods.len(), 1, "the year-end period is left for the office to open");
    let matrix = as_(
        &server,
        &demo.office,
        "query($p: ID!) { completionMatrix(periodId: $p) { counts { status count } } }",
        json!({ "p": periods[0]["id"] }),
    )
    .await;
    for count in matrix["data"]["completionMatrix"]["counts"].as_array().unwrap() {
        if count["status"] != "LOCKED" {
            assert!(count["count"].as_u64().unwrap() > 0, "no report {}: {matrix}", count["status"]);
        }
    }
    let queue = as_(&server, &demo.office, "{ reviewQueue { report { id } } }", json!({})).await;
    assert!(!queue["data"]["reviewQueue"].as_array().unwrap().is_empty());
    server.stop().await;
}
