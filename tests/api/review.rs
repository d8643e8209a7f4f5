//! The review workflow end to end: submission through the manager to the reviewers,
//! return with a reason, resubmission with what changed, acceptance; separation of
//! duties; comments; bulk review; and the history of a report.

use serde_json::{Value, json};

use crate::{
    harness::{Backend, Options, TestServer, error_code, on_both_backends},
    reports::{demo, open_period},
};

const MINE: &str = "{ myReports { id version status organization { code } direction { code } } }";
const SAVE: &str = "mutation($id: ID!, $input: ReportInput!, $v: Int!) {
  saveReport(id: $id, input: $input, expectedVersion: $v) { id version status }
}";
const SUBMIT: &str = "mutation($id: ID!, $v: Int!) { submitReport(id: $id, expectedVersion: $v) { id status version submittedAt } }";
const APPROVE: &str = "mutation($id: ID!) { approveReport(id: $id) { id status } }";
const RETURN: &str = "mutation($id: ID!, $r: String!) { returnReport(id: $id, reason: $r) { id status } }";
const ACCEPT: &str =
    "mutation($id: ID!, $c: String) { acceptReport(id: $id, comment: $c) { id status acceptedAt } }";
const QUEUE: &str = "{ reviewQueue { report { id status organization { code } } waitingSince waitingDays changedSinceReturn } }";

pub fn complete_report(summary: &str) -> Value {
    json!({
        "activities": [{ "title": "見守り訪問", "description": "民生委員と協力して訪問", "actor": "JOINT",
                          "figures": [{ "name": "訪問件数", "unit": "件", "planned": 120.0, "actual": 131.0 }] }],
        "resultsSummary": summary,
        "selfRating": "B",
        "nextStep": "CONTINUE",
        "nextStepReason": "継続して実施する",
    })
}

/// The first report of `organization` in the viewer's list, as (id, version).
pub async fn first_report(server: &TestServer, token: &str, organization: &str) -> (String, i64) {
    let body = server.graphql_as(Some(token), MINE, json!({}), "ja").await;
    let report = body["data"]["myReports"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|r| r["organization"]["code"] == organization)
        .unwrap_or_else(|| panic!("no report of {organization}: {body}"))
        .clone();
    (report["id"].as_str().unwrap().to_owned(), report["version"].as_i64().unwrap())
}

/// Saves a complete report and returns its new version.
pub async fn write_complete(server: &TestServer, token: &str, id: &str, version: i64, summary: &str) -> i64 {
    let body = server
        .graphql_as(
            Some(token),
            SAVE,
            json!({ "id": id, "input": complete_report(summary), "v": version }),
            "ja",
        )
        .await;
    body["data"]["saveReport"]["version"].as_i64().unwrap_or_else(|| panic!("save failed: {body}"))
}

async fn call(server: &TestServer, token: &str, query: &str, variables: Value) -> Value {
    server.graphql_as(Some(token), query, variables, "en").await
}

on_both_backends!(
    a_report_travels_from_writer_to_manager_to_reviewer_and_back,
    separation_of_duties_and_refused_steps_change_nothing,
    comments_thread_reply_and_are_retracted_with_a_trace,
    bulk_review_judges_each_report_on_its_own,
    the_review_queue_costs_a_fixed_number_of_statements,
);

async fn the_review_queue_costs_a_fixed_number_of_statements(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;
    let demo = demo(&server).await;
    let plan = app::domain::ids::PlanId(uuid::Uuid::parse_str(&demo.plan_id).unwrap());
    let query = "{ reviewQueue { report { id status version direction { code nameJa } organization { code nameJa } period { labelJa dueOn } updatedBy { displayName } } waitingSince waitingDays changedSinceReturn } }";
    let small = server.app.load_sample_queue(plan, 2024).await.unwrap();
    let before = server.statements();
    let body = call(&server, &demo.office, query, json!({})).await;
    let few = server.statements() - before;
    assert_eq!(body["data"]["reviewQueue"].as_array().map(Vec::len), Some(small), "{body}");

    // A plan 40 times larger, with 600 reports waiting.
    let large = app::demo::synthetic_plan("large", 10, 10, 12, 1);
    let summary = server.app.import_plan(&app::domain::access::Actor::System, &large).await.unwrap();
    let large_id = summary.plan_id.unwrap();
    let owners = app::demo::synthetic_owners(10, 10, 12);
    server
        .app
        .apply_ownership_import(&app::domain::access::Actor::System, large_id, owners.as_bytes())
        .await
        .unwrap();
    let waiting = server.app.load_sample_queue(large_id, 2025).await.unwrap();
    assert!(waiting > 500, "{waiting}");
    let before = server.statements();
    let body = call(&server, &demo.office, query, json!({})).await;
    let many = server.statements() - before;
    assert_eq!(
        body["data"]["reviewQueue"].as_array().map(Vec::len),
        Some(500),
        "the queue shows the 500 longest-waiting"
    );
    println!("review queue ({backend:?}): {few} statements for {small} reports, {many} for 500");
    // The same, but for the second plan's directions: one statement per plan in the
    // queue, never one per report.
    assert_eq!(many, few + 1);
    server.stop().await;
}

async fn a_report_travels_from_writer_to_manager_to_reviewer_and_back(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;
    let demo = demo(&server).await;
    open_period(&server, &demo, "INTERIM", 2025, "2025-10-31").await;
    let staff = server.login("welfare@omitama.example").await;
    let manager = server.login("welfare-chief@omitama.example").await;
    let council = server.login("council@omitama.example").await;

    let (id, version) = first_report(&server, &staff, "welfare").await;
    // An empty report cannot be submitted; the error lists what is missing.
    let empty = call(&server, &staff, SUBMIT, json!({ "id": id, "v": version })).await;
    assert_eq!(error_code(&empty), "BAD_USER_INPUT", "{empty}");
    let version = write_complete(&server, &staff, &id, version, "訪問を実施した").await;
    // A stale version is a conflict.
    let stale = call(&server, &staff, SUBMIT, json!({ "id": id, "v": version - 1 })).await;
    assert_eq!(error_code(&stale), "CONFLICT", "{stale}");

    // Welfare has a manager: staff's submission waits for the manager's sign-off.
    let submitted = call(&server, &staff, SUBMIT, json!({ "id": id, "v": version })).await;
    assert_eq!(submitted["data"]["submitReport"]["status"], "AWAITING_MANAGER", "{submitted}");
    // The writer can no longer edit it.
    let edit =
        call(&server, &staff, SAVE, json!({ "id": id, "input": { "issues": "x" }, "v": version })).await;
    assert_eq!(error_code(&edit), "BAD_USER_INPUT", "{edit}");
    // Staff cannot approve their own submission; the manager can.
    let by_staff = call(&server, &staff, APPROVE, json!({ "id": id })).await;
    assert_eq!(error_code(&by_staff), "FORBIDDEN", "{by_staff}");
    let queue = call(&server, &manager, QUEUE, json!({})).await;
    assert!(
        queue["data"]["reviewQueue"].as_array().unwrap().iter().any(|i| i["report"]["id"] == id.as_str()),
        "{queue}"
    );
    let approved = call(&server, &manager, APPROVE, json!({ "id": id })).await;
    assert_eq!(approved["data"]["approveReport"]["status"], "SUBMITTED", "{approved}");

    // The Council's coordinator reviews departments' reports: it is in their queue.
    let queue = call(&server, &council, QUEUE, json!({})).await;
    let item = queue["data"]["reviewQueue"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["report"]["id"] == id.as_str())
        .cloned()
        .unwrap_or_else(|| panic!("not in the Council's queue: {queue}"));
    assert_eq!(item["changedSinceReturn"], Value::Null, "a first submission has nothing to compare");
    assert_eq!(item["waitingDays"], 0);

    // A return needs a reason.
    let blank = call(&server, &council, RETURN, json!({ "id": id, "r": "  " })).await;
    assert_eq!(error_code(&blank), "BAD_USER_INPUT", "{blank}");
    let returned =
        call(&server, &council, RETURN, json!({ "id": id, "r": "訪問件数の根拠資料を添付してください" }))
            .await;
    assert_eq!(returned["data"]["returnReport"]["status"], "RETURNED", "{returned}");

    // The writer revises and resubmits; this time the manager submits it directly.
    let (_, version) = first_report(&server, &manager, "welfare").await;
    let version = write_complete(&server, &manager, &id, version, "訪問を実施し、記録を添付した").await;
    let again = call(&server, &manager, SUBMIT, json!({ "id": id, "v": version })).await;
    assert_eq!(
        again["data"]["submitReport"]["status"], "SUBMITTED",
        "the manager's submission needs no sign-off: {again}"
    );

    // The reviewer sees what changed since the returned revision.
    let queue = call(&server, &demo.office, QUEUE, json!({})).await;
    let item = queue["data"]["reviewQueue"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["report"]["id"] == id.as_str())
        .cloned()
        .unwrap();
    assert_eq!(item["changedSinceReturn"], json!(["RESULTS_SUMMARY"]), "{item}");

    let accepted = call(&server, &demo.office, ACCEPT, json!({ "id": id, "c": "確認しました" })).await;
    assert_eq!(accepted["data"]["acceptReport"]["status"], "ACCEPTED", "{accepted}");
    assert!(accepted["data"]["acceptReport"]["acceptedAt"].is_string());

    // History, revisions and the comment threads opened by the reason and the note.
    let report = call(
        &server,
        &staff,
        "query($id: ID!) { report(id: $id) { status history { action actorLabel details } revisions { number resultsSummary } comments { body author { displayName } } availableActions } }",
        json!({ "id": id }),
    )
    .await;
    let report = &report["data"]["report"];
    let actions: Vec<&str> =
        report["history"].as_array().unwrap().iter().filter_map(|e| e["action"].as_str()).collect();
    assert_eq!(
        actions,
        [
            "report.saved",
            "report.submitted",
            "report.approved",
            "report.returned",
            "report.saved",
            "report.submitted",
            "report.accepted"
        ],
        "{report}"
    );
    let returned_event = &report["history"][3];
    assert_eq!(returned_event["actorLabel"], "council@omitama.example");
    assert!(returned_event["details"].as_str().unwrap().contains("根拠資料"), "the reason is in the history");
    assert_eq!(report["revisions"].as_array().map(Vec::len), Some(2));
    assert_eq!(report["revisions"][0]["resultsSummary"], "訪問を実施した", "revisions are frozen");
    let bodies: Vec<&str> =
        report["comments"].as_array().unwrap().iter().filter_map(|c| c["body"].as_str()).collect();
    assert_eq!(bodies, ["訪問件数の根拠資料を添付してください", "確認しました"]);
    assert_eq!(report["availableActions"], json!([]), "nothing left to do for the writer");

    // Mails were queued: to the manager, to the reviewers, back to the writers.
    let counts = server.app.outbox_counts().await.unwrap();
    assert!(counts.pending > 0, "{counts:?}");
    server.stop().await;
}

async fn separation_of_duties_and_refused_steps_change_nothing(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;
    let demo = demo(&server).await;
    open_period(&server, &demo, "INTERIM", 2025, "2025-10-31").await;
    let council = server.login("council@omitama.example").await;
    let bousai = server.login("bousai@omitama.example").await;
    let committee = server.login("committee@omitama.example").await;

    // The Council has no manager: its coordinator's submission goes straight to review.
    let (id, version) = first_report(&server, &council, "council").await;
    let version = write_complete(&server, &council, &id, version, "サロン活動を支援した").await;
    let submitted = call(&server, &council, SUBMIT, json!({ "id": id, "v": version })).await;
    assert_eq!(submitted["data"]["submitReport"]["status"], "SUBMITTED", "{submitted}");
    // Nobody accepts their own organisation's report.
    let own = call(&server, &council, ACCEPT, json!({ "id": id })).await;
    assert_eq!(error_code(&own), "FORBIDDEN", "{own}");
    // Departments and the committee do not review.
    for token in [&bousai, &committee] {
        let refused = call(&server, token, ACCEPT, json!({ "id": id })).await;
        assert!(matches!(error_code(&refused), "FORBIDDEN" | "NOT_FOUND"), "{refused}");
    }
    // The Council's reports are not in the Council's queue; they are in the office's.
    let queue = call(&server, &council, QUEUE, json!({})).await;
    assert!(
        !queue["data"]["reviewQueue"].as_array().unwrap().iter().any(|i| i["report"]["id"] == id.as_str())
    );
    let queue = call(&server, &demo.office, QUEUE, json!({})).await;
    assert!(
        queue["data"]["reviewQueue"].as_array().unwrap().iter().any(|i| i["report"]["id"] == id.as_str())
    );
    // Departments have no queue at all.
    let none = call(&server, &bousai, QUEUE, json!({})).await;
    assert_eq!(error_code(&none), "FORBIDDEN", "{none}");

    // A step the status does not allow fails with BAD_USER_INPUT and changes nothing.
    let (draft, _) = first_report(&server, &bousai, "bousai").await;
    let early = call(&server, &demo.office, ACCEPT, json!({ "id": draft })).await;
    assert!(matches!(error_code(&early), "BAD_USER_INPUT" | "NOT_FOUND"), "{early}");
    let approve = call(&server, &demo.office, APPROVE, json!({ "id": id })).await;
    assert_eq!(error_code(&approve), "BAD_USER_INPUT", "{approve}");
    let accepted = call(&server, &demo.office, ACCEPT, json!({ "id": id })).await;
    assert_eq!(accepted["data"]["acceptReport"]["status"], "ACCEPTED", "{accepted}");
    let twice = call(&server, &demo.office, ACCEPT, json!({ "id": id })).await;
    assert_eq!(error_code(&twice), "BAD_USER_INPUT", "{twice}");
    let back = call(&server, &demo.office, RETURN, json!({ "id": id, "r": "やり直し" })).await;
    assert_eq!(error_code(&back), "BAD_USER_INPUT", "{back}");
    let status = call(
        &server,
        &demo.office,
        "query($id: ID!) { report(id: $id) { status history { action } } }",
        json!({ "id": id }),
    )
    .await;
    assert_eq!(status["data"]["report"]["status"], "ACCEPTED");
    assert_eq!(status["data"]["report"]["history"].as_array().map(Vec::len), Some(3), "{status}");
    // The public may do none of it.
    let public = server.graphql(SUBMIT, json!({ "id": id, "v": 1 })).await;
    assert_eq!(error_code(&public), "UNAUTHENTICATED", "{public}");
    server.stop().await;
}

async fn comments_thread_reply_and_are_retracted_with_a_trace(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;
    let demo = demo(&server).await;
    open_period(&server, &demo, "INTERIM", 2025, "2025-10-31").await;
    let council = server.login("council@omitama.example").await;
    let bousai = server.login("bousai@omitama.example").await;
    let (id, version) = first_report(&server, &council, "council").await;
    write_complete(&server, &council, &id, version, "サロン活動を支援した").await;

    const ADD: &str = "mutation($r: ID!, $b: String!, $f: ReportField, $a: Int, $p: ID) {
      addComment(reportId: $r, body: $b, field: $f, activityIndex: $a, parentId: $p) { id field activityIndex body parentId author { displayName } }
    }";
    let first = call(&server, &council, ADD, json!({ "r": id, "b": "件数の出典は？", "a": 0 })).await;
    let first = &first["data"]["addComment"];
    assert_eq!(first["field"], "ACTIVITIES", "an activity comment is anchored to the activities: {first}");
    assert_eq!(first["activityIndex"], 0);
    let first_id = first["id"].as_str().unwrap().to_owned();
    // No such activity; an empty body.
    let bad = call(&server, &council, ADD, json!({ "r": id, "b": "x", "a": 5 })).await;
    assert_eq!(error_code(&bad), "BAD_USER_INPUT");
    let empty = call(&server, &council, ADD, json!({ "r": id, "b": " " })).await;
    assert_eq!(error_code(&empty), "BAD_USER_INPUT");
    // Another department cannot see, so cannot comment on, a draft of the Council.
    let outsider = call(&server, &bousai, ADD, json!({ "r": id, "b": "見えるはずがない" })).await;
    assert_eq!(error_code(&outsider), "NOT_FOUND", "{outsider}");

    // The author edits until someone replies.
    const EDIT: &str = "mutation($id: ID!, $b: String!) { editComment(id: $id, body: $b) { body editedAt } }";
    let edited = call(&server, &council, EDIT, json!({ "id": first_id, "b": "訪問件数の出典は？" })).await;
    assert_eq!(edited["data"]["editComment"]["body"], "訪問件数の出典は？", "{edited}");
    let reply = call(&server, &demo.office, ADD, json!({ "r": id, "b": "台帳です", "p": first_id })).await;
    // The office cannot read a draft either.
    assert_eq!(error_code(&reply), "NOT_FOUND", "{reply}");
    let reply = call(&server, &council, ADD, json!({ "r": id, "b": "台帳から集計", "p": first_id })).await;
    assert_eq!(reply["data"]["addComment"]["parentId"], first_id.as_str(), "{reply}");
    let locked = call(&server, &council, EDIT, json!({ "id": first_id, "b": "変更" })).await;
    assert_eq!(error_code(&locked), "BAD_USER_INPUT", "{locked}");
    assert!(locked["errors"][0]["message"].as_str().unwrap().contains("replies"));

    // Retraction keeps the trace, clears the text.
    let retracted = call(
        &server,
        &council,
        "mutation($id: ID!) { retractComment(id: $id) { body retractedAt } }",
        json!({ "id": first_id }),
    )
    .await;
    assert_eq!(retracted["data"]["retractComment"]["body"], "", "{retracted}");
    assert!(retracted["data"]["retractComment"]["retractedAt"].is_string());
    let resolved = call(
        &server,
        &council,
        "mutation($id: ID!) { resolveComment(id: $id) { resolvedAt resolvedBy { displayName } } }",
        json!({ "id": first_id }),
    )
    .await;
    assert_eq!(resolved["data"]["resolveComment"]["resolvedBy"]["displayName"], "伊藤 美咲", "{resolved}");

    let comments = call(
        &server,
        &council,
        "query($id: ID!) { report(id: $id) { comments { body retractedAt } history { action } } }",
        json!({ "id": id }),
    )
    .await;
    assert_eq!(comments["data"]["report"]["comments"].as_array().map(Vec::len), Some(2));
    let actions: Vec<&str> = comments["data"]["report"]["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    for action in ["comment.added", "comment.edited", "comment.retracted", "comment.resolved"] {
        assert!(actions.contains(&action), "{action} missing from {actions:?}");
    }
    server.stop().await;
}

async fn bulk_review_judges_each_report_on_its_own(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;
    let demo = demo(&server).await;
    open_period(&server, &demo, "INTERIM", 2025, "2025-10-31").await;
    let council = server.login("council@omitama.example").await;
    let body = server.graphql_as(Some(&council), MINE, json!({}), "ja").await;
    let reports: Vec<(String, i64)> = body["data"]["myReports"]
        .as_array()
        .unwrap()
        .iter()
        .take(3)
        .map(|r| (r["id"].as_str().unwrap().to_owned(), r["version"].as_i64().unwrap()))
        .collect();
    for (id, version) in &reports[..2] {
        let version = write_complete(&server, &council, id, *version, "実施").await;
        let submitted = call(&server, &council, SUBMIT, json!({ "id": id, "v": version })).await;
        assert_eq!(submitted["data"]["submitReport"]["status"], "SUBMITTED");
    }
    const BULK: &str = "mutation($ids: [ID!]!) { bulkAcceptReports(ids: $ids) { reportId succeeded code message report { status } } }";
    let ids: Vec<&str> = reports.iter().map(|(id, _)| id.as_str()).collect();
    // Only the plan office uses bulk actions.
    let refused = call(&server, &council, BULK, json!({ "ids": ids })).await;
    assert_eq!(error_code(&refused), "FORBIDDEN");
    let outcome = call(&server, &demo.office, BULK, json!({ "ids": ids })).await;
    let outcome =
        outcome["data"]["bulkAcceptReports"].as_array().cloned().unwrap_or_else(|| panic!("{outcome}"));
    assert_eq!(outcome.len(), 3);
    assert_eq!(outcome[0]["succeeded"], true);
    assert_eq!(outcome[1]["report"]["status"], "ACCEPTED");
    assert_eq!(outcome[2]["succeeded"], false, "a draft is not accepted: {:?}", outcome[2]);
    assert!(matches!(outcome[2]["code"].as_str(), Some("NOT_FOUND" | "BAD_USER_INPUT")));
    assert!(outcome[2]["message"].as_str().is_some_and(|m| !m.is_empty()));
    server.stop().await;
}
