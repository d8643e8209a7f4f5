//! Ownership, the reporting calendar and status reports, end to end.

use serde_json::{Value, json};

use crate::harness::{Backend, Options, TestServer, error_code, on_both_backends};

const PLAN: &str = "{ plan(code: \"omitama-3\") { id goals { policies { directions { id code owners { organization { code } role } } } } } }";

/// A direction's id, code, and owners as (organisation code, role), lead first.
pub type DirectionOwners = (String, String, Vec<(String, String)>);

pub struct Demo {
    pub plan_id: String,
    pub office: String,
    pub directions: Vec<DirectionOwners>,
}

pub async fn demo(server: &TestServer) -> Demo {
    let data = server.data(PLAN, json!({})).await;
    let plan = &data["plan"];
    let mut directions = Vec::new();
    for goal in plan["goals"].as_array().into_iter().flatten() {
        for policy in goal["policies"].as_array().into_iter().flatten() {
            for direction in policy["directions"].as_array().into_iter().flatten() {
                let owners = direction["owners"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|o| {
                        (
                            o["organization"]["code"].as_str().unwrap_or_default().to_owned(),
                            o["role"].as_str().unwrap_or_default().to_owned(),
                        )
                    })
                    .collect();
                directions.push((
                    direction["id"].as_str().unwrap_or_default().to_owned(),
                    direction["code"].as_str().unwrap_or_default().to_owned(),
                    owners,
                ));
            }
        }
    }
    Demo {
        plan_id: plan["id"].as_str().unwrap_or_default().to_owned(),
        office: server.login("office@omitama.example").await,
        directions,
    }
}

const OPEN: &str = "mutation($plan: ID!, $year: Int!, $kind: PeriodKind!, $opens: NaiveDate!, $due: NaiveDate!) {
  openReportingPeriod(input: { planId: $plan, fiscalYear: $year, kind: $kind, opensOn: $opens, dueOn: $due }) { id labelJa dueOn }
}";

pub async fn open_period(server: &TestServer, demo: &Demo, kind: &str, year: i32, due: &str) -> String {
    let body = server
        .graphql_as(
            Some(&demo.office),
            OPEN,
            json!({ "plan": demo.plan_id, "year": year, "kind": kind, "opens": format!("{year}-04-01"), "due": due }),
            "ja",
        )
        .await;
    body["data"]["openReportingPeriod"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("open period: {body}"))
        .to_owned()
}

const MINE: &str = "{ myReports { id version status overdue organization { code } direction { code } period { labelJa dueOn } } }";
const SAVE: &str = "mutation($id: ID!, $input: ReportInput!, $v: Int!) {
  saveReport(id: $id, input: $input, expectedVersion: $v) { id version status resultsSummary activities { title figures { name actual } } missingForSubmission { field message } }
}";

fn reports_of(body: &Value) -> Vec<Value> {
    body["data"]["myReports"].as_array().cloned().unwrap_or_default()
}

on_both_backends!(
    the_demo_assigns_every_direction_a_lead,
    opening_a_period_creates_one_report_per_direction_and_owner,
    organisations_see_and_change_only_their_own_reports,
    concurrent_saves_give_one_success_and_one_conflict,
    copying_last_periods_text_marks_what_stayed_unchanged,
    ownership_changes_are_kept_as_history_and_reach_open_periods,
    ownership_csv_is_previewed_validated_and_applied_whole,
    the_completion_matrix_costs_a_fixed_number_of_statements,
);

async fn the_demo_assigns_every_direction_a_lead(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;
    let demo = demo(&server).await;
    assert_eq!(demo.directions.len(), 29);
    for (_, code, owners) in &demo.directions {
        assert_eq!(owners.iter().filter(|(_, role)| role == "LEAD").count(), 1, "{code}: {owners:?}");
        assert_eq!(owners[0].1, "LEAD", "the lead comes first");
    }
    let council =
        demo.directions.iter().filter(|(_, _, o)| o.iter().any(|(org, _)| org == "council")).count();
    assert!(council >= 10, "the Council owns directions alongside departments");
    server.stop().await;
}

async fn opening_a_period_creates_one_report_per_direction_and_owner(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;
    let demo = demo(&server).await;
    let pairs: usize = demo.directions.iter().map(|(_, _, owners)| owners.len()).sum();
    assert_eq!(pairs, 71);
    let period = open_period(&server, &demo, "YEAR_END", 2025, "2026-05-31").await;

    let matrix = server
        .graphql_as(Some(&demo.office), "query($p: ID!) { completionMatrix(periodId: $p) { total counts { status count } rows { direction { code } cells { organization { code } status } } } }", json!({ "p": period }), "ja")
        .await;
    let matrix = &matrix["data"]["completionMatrix"];
    assert_eq!(matrix["total"], 71, "{matrix}");
    assert_eq!(matrix["rows"].as_array().map(Vec::len), Some(29));
    let not_started =
        matrix["counts"].as_array().and_then(|c| c.iter().find(|c| c["status"] == "NOT_STARTED")).cloned();
    assert_eq!(not_started.map(|c| c["count"].clone()), Some(json!(71)));
    for (row, (_, code, owners)) in matrix["rows"].as_array().into_iter().flatten().zip(&demo.directions) {
        assert_eq!(row["direction"]["code"], code.as_str());
        let mut expected: Vec<&str> = owners.iter().map(|(o, _)| o.as_str()).collect();
        expected.sort_unstable();
        let cells: Vec<&str> = row["cells"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|c| c["organization"]["code"].as_str())
            .collect();
        assert_eq!(cells, expected, "{code}: exactly one report per owner");
    }

    // The same period twice is refused and creates nothing.
    let again = server
        .graphql_as(Some(&demo.office), OPEN, json!({ "plan": demo.plan_id, "year": 2025, "kind": "YEAR_END", "opens": "2026-04-01", "due": "2026-05-31" }), "en")
        .await;
    assert_eq!(error_code(&again), "BAD_USER_INPUT");
    // A year outside the plan, or a due date before the opening, is refused with its field.
    let outside = server
        .graphql_as(Some(&demo.office), OPEN, json!({ "plan": demo.plan_id, "year": 2026, "kind": "INTERIM", "opens": "2026-04-01", "due": "2026-10-31" }), "en")
        .await;
    assert_eq!(outside["errors"][0]["extensions"]["field"], "fiscalYear");
    // Only the plan office opens periods.
    let staff = server.login("welfare@omitama.example").await;
    let denied = server
        .graphql_as(Some(&staff), OPEN, json!({ "plan": demo.plan_id, "year": 2025, "kind": "INTERIM", "opens": "2025-04-01", "due": "2025-10-31" }), "en")
        .await;
    assert_eq!(error_code(&denied), "FORBIDDEN");

    // Each owner sees what it owes, with the due date.
    let mine = server.graphql_as(Some(&staff), MINE, json!({}), "ja").await;
    let welfare_pairs =
        demo.directions.iter().filter(|(_, _, o)| o.iter().any(|(org, _)| org == "welfare")).count();
    assert_eq!(reports_of(&mine).len(), welfare_pairs, "{mine}");
    assert!(
        reports_of(&mine)
            .iter()
            .all(|r| r["organization"]["code"] == "welfare" && r["period"]["dueOn"] == "2026-05-31")
    );
    assert_eq!(reports_of(&mine)[0]["period"]["labelJa"], "令和7年度 年度末報告");
    server.stop().await;
}

async fn organisations_see_and_change_only_their_own_reports(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;
    let demo = demo(&server).await;
    open_period(&server, &demo, "INTERIM", 2025, "2025-10-31").await;
    let welfare = server.login("welfare@omitama.example").await;
    let bousai = server.login("bousai@omitama.example").await;
    let welfare_report =
        reports_of(&server.graphql_as(Some(&welfare), MINE, json!({}), "ja").await)[0].clone();
    let id = welfare_report["id"].clone();

    let saved = server
        .graphql_as(
            Some(&welfare),
            SAVE,
            json!({ "id": id, "v": 0, "input": { "resultsSummary": "下書き" } }),
            "ja",
        )
        .await;
    assert_eq!(saved["data"]["saveReport"]["status"], "DRAFT", "{saved}");
    assert_eq!(saved["data"]["saveReport"]["version"], 1);
    let missing: Vec<&str> = saved["data"]["saveReport"]["missingForSubmission"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|m| m["field"].as_str())
        .collect();
    assert_eq!(missing, ["activities", "selfRating", "nextStep"]);

    // Another department neither reads nor changes it: not found, never the data.
    let read = server
        .graphql_as(
            Some(&bousai),
            "query($id: ID!) { report(id: $id) { resultsSummary } }",
            json!({ "id": id }),
            "ja",
        )
        .await;
    assert_eq!(error_code(&read), "NOT_FOUND", "{read}");
    assert!(!read.to_string().contains("下書き"));
    let write = server
        .graphql_as(Some(&bousai), SAVE, json!({ "id": id, "v": 1, "input": { "issues": "x" } }), "ja")
        .await;
    assert_eq!(error_code(&write), "NOT_FOUND");
    // Nor does the plan office see a draft that has not been submitted.
    let office = server
        .graphql_as(
            Some(&demo.office),
            "query($id: ID!) { report(id: $id) { id } }",
            json!({ "id": id }),
            "ja",
        )
        .await;
    assert_eq!(error_code(&office), "NOT_FOUND");

    // Lists show only what one may see.
    let list = "{ reports(first: 200) { nodes { organization { code } status } pageInfo { hasNextPage } } }";
    for (token, organization) in [(&welfare, "welfare"), (&bousai, "bousai")] {
        let body = server.graphql_as(Some(token), list, json!({}), "ja").await;
        let nodes = body["data"]["reports"]["nodes"].as_array().cloned().unwrap_or_default();
        assert!(!nodes.is_empty());
        assert!(nodes.iter().all(|n| n["organization"]["code"] == organization), "{organization}: {body}");
    }
    let office_list = server.graphql_as(Some(&demo.office), list, json!({}), "ja").await;
    assert_eq!(office_list["data"]["reports"]["nodes"], json!([]), "drafts stay in the department");
    let public = server.graphql(list, json!({})).await;
    assert_eq!(error_code(&public), "UNAUTHENTICATED");

    // Bad input is refused with the field named, and changes nothing.
    let long = "あ".repeat(10_001);
    let refused = server
        .graphql_as(Some(&welfare), SAVE, json!({ "id": id, "v": 1, "input": { "issues": long } }), "en")
        .await;
    assert_eq!(error_code(&refused), "BAD_USER_INPUT");
    assert_eq!(refused["errors"][0]["extensions"]["field"], "issues");
    let many: Vec<Value> = (0..51).map(|i| json!({ "title": format!("取組{i}") })).collect();
    let refused = server
        .graphql_as(Some(&welfare), SAVE, json!({ "id": id, "v": 1, "input": { "activities": many } }), "en")
        .await;
    assert_eq!(refused["errors"][0]["extensions"]["field"], "activities", "{refused}");
    let still = server
        .graphql_as(
            Some(&welfare),
            "query($id: ID!) { report(id: $id) { version } }",
            json!({ "id": id }),
            "ja",
        )
        .await;
    assert_eq!(still["data"]["report"]["version"], 1, "refused saves change nothing");
    server.stop().await;
}

async fn concurrent_saves_give_one_success_and_one_conflict(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;
    let demo = demo(&server).await;
    open_period(&server, &demo, "INTERIM", 2025, "2025-10-31").await;
    let staff = server.login("welfare@omitama.example").await;
    let manager = server.login("welfare-chief@omitama.example").await;
    let id = reports_of(&server.graphql_as(Some(&staff), MINE, json!({}), "ja").await)[0]["id"].clone();

    let first = server.graphql_as(
        Some(&staff),
        SAVE,
        json!({ "id": id, "v": 0, "input": { "resultsSummary": "職員の文章" } }),
        "ja",
    );
    let second = server.graphql_as(
        Some(&manager),
        SAVE,
        json!({ "id": id, "v": 0, "input": { "resultsSummary": "課長の文章" } }),
        "ja",
    );
    let (first, second) = tokio::join!(first, second);
    let outcomes = [&first, &second];
    let succeeded: Vec<&&Value> = outcomes.iter().filter(|b| b["errors"].is_null()).collect();
    let conflicted: Vec<&&Value> = outcomes.iter().filter(|b| error_code(b) == "CONFLICT").collect();
    assert_eq!((succeeded.len(), conflicted.len()), (1, 1), "{first}\n{second}");
    assert_eq!(conflicted[0]["errors"][0]["extensions"]["currentVersion"], 1);
    let kept = succeeded[0]["data"]["saveReport"]["resultsSummary"].clone();

    let now = server
        .graphql_as(
            Some(&staff),
            "query($id: ID!) { report(id: $id) { version resultsSummary } }",
            json!({ "id": id }),
            "ja",
        )
        .await;
    assert_eq!(now["data"]["report"]["version"], 1);
    assert_eq!(now["data"]["report"]["resultsSummary"], kept, "the winner's text, untouched by the loser");
    server.stop().await;
}

async fn copying_last_periods_text_marks_what_stayed_unchanged(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;
    let demo = demo(&server).await;
    open_period(&server, &demo, "INTERIM", 2025, "2025-10-31").await;
    let staff = server.login("bousai@omitama.example").await;
    let interim = reports_of(&server.graphql_as(Some(&staff), MINE, json!({}), "ja").await)[0].clone();
    let content = json!({
        "activities": [{ "title": "地区防災訓練", "description": "12地区で実施", "actor": "JOINT", "figures": [{ "name": "参加者数", "unit": "人", "planned": 800, "actual": 912 }] }],
        "resultsSummary": "参加者が前年を上回った。", "selfRating": "B", "issues": "若年層の参加", "nextStep": "CONTINUE"
    });
    let saved = server
        .graphql_as(Some(&staff), SAVE, json!({ "id": interim["id"], "v": 0, "input": content }), "ja")
        .await;
    assert!(saved["errors"].is_null(), "{saved}");

    open_period(&server, &demo, "YEAR_END", 2025, "2026-05-31").await;
    let owed = reports_of(&server.graphql_as(Some(&staff), MINE, json!({}), "ja").await);
    let year_end = owed
        .iter()
        .find(|r| {
            r["direction"]["code"] == interim["direction"]["code"]
                && r["period"]["labelJa"] == "令和7年度 年度末報告"
        })
        .cloned()
        .expect("year-end report");
    let copy = "mutation($id: ID!, $v: Int!) { copyPreviousReport(id: $id, expectedVersion: $v) { version copiedFromId resultsSummary unchangedSinceCopy } }";
    let copied = server.graphql_as(Some(&staff), copy, json!({ "id": year_end["id"], "v": 0 }), "ja").await;
    let report = &copied["data"]["copyPreviousReport"];
    assert_eq!(report["copiedFromId"], interim["id"], "{copied}");
    assert_eq!(report["resultsSummary"], "参加者が前年を上回った。");
    assert_eq!(
        report["unchangedSinceCopy"],
        json!(["ACTIVITIES", "RESULTS_SUMMARY", "SELF_RATING", "ISSUES", "NEXT_STEP"])
    );

    let edited = server
        .graphql_as(
            Some(&staff),
            SAVE,
            json!({ "id": year_end["id"], "v": 1, "input": { "resultsSummary": "年度末の実績" } }),
            "ja",
        )
        .await;
    assert!(edited["errors"].is_null(), "{edited}");
    let after = server
        .graphql_as(
            Some(&staff),
            "query($id: ID!) { report(id: $id) { unchangedSinceCopy } }",
            json!({ "id": year_end["id"] }),
            "ja",
        )
        .await;
    assert_eq!(
        after["data"]["report"]["unchangedSinceCopy"],
        json!(["ACTIVITIES", "SELF_RATING", "ISSUES", "NEXT_STEP"])
    );

    // The first period has nothing earlier to copy from.
    let nothing = server.graphql_as(Some(&staff), copy, json!({ "id": interim["id"], "v": 1 }), "en").await;
    assert_eq!(error_code(&nothing), "BAD_USER_INPUT");
    server.stop().await;
}

async fn ownership_changes_are_kept_as_history_and_reach_open_periods(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;
    let demo = demo(&server).await;
    open_period(&server, &demo, "INTERIM", 2025, "2025-10-31").await;
    let organizations = server.data("{ organizations { id code } }", json!({})).await;
    let org = |code: &str| {
        organizations["organizations"]
            .as_array()
            .and_then(|l| l.iter().find(|o| o["code"] == code))
            .map(|o| o["id"].clone())
            .expect("org")
    };
    // 2-2-3 has only 社会福祉課 (welfare) as lead.
    let (direction, _, owners) =
        demo.directions.iter().find(|(_, code, _)| code == "2-2-3").cloned().expect("2-2-3");
    assert_eq!(owners, [("welfare".to_owned(), "LEAD".to_owned())]);

    let assign = "mutation($d: ID!, $o: ID!, $r: OwnerRole!) { assignDirection(directionId: $d, organizationId: $o, role: $r) { owners { organization { code } role } } }";
    let result = server
        .graphql_as(
            Some(&demo.office),
            assign,
            json!({ "d": direction, "o": org("health"), "r": "LEAD" }),
            "ja",
        )
        .await;
    assert_eq!(
        result["data"]["assignDirection"]["owners"],
        json!([{ "organization": { "code": "health" }, "role": "LEAD" }, { "organization": { "code": "welfare" }, "role": "CO_OWNER" }]),
        "{result}"
    );
    // The new owner owes a report in the open period at once.
    let health = server.login("office@omitama.example").await;
    let matrix = server
        .graphql_as(
            Some(&health),
            "query($p: String) { reports(first: 1, after: $p) { nodes { id } } }",
            json!({ "p": null }),
            "ja",
        )
        .await;
    assert!(matrix["errors"].is_null());
    let history = "query($d: ID!) { policyDirection(id: $d) { ownershipHistory { organization { code } role unassignedAt } } }";
    let body = server.graphql_as(Some(&demo.office), history, json!({ "d": direction }), "ja").await;
    let entries = body["data"]["policyDirection"]["ownershipHistory"].as_array().cloned().unwrap_or_default();
    assert_eq!(entries.len(), 3, "welfare as lead (ended), health as lead, welfare as co-owner: {body}");
    assert!(entries[0]["unassignedAt"].is_string());

    // A lead cannot step down, or leave, while co-owners would be left without one.
    let step_down = server
        .graphql_as(
            Some(&demo.office),
            assign,
            json!({ "d": direction, "o": org("health"), "r": "CO_OWNER" }),
            "en",
        )
        .await;
    assert_eq!(error_code(&step_down), "BAD_USER_INPUT", "{step_down}");
    let unassign_lead =
        "mutation($d: ID!, $o: ID!) { unassignDirection(directionId: $d, organizationId: $o) { id } }";
    let leave = server
        .graphql_as(Some(&demo.office), unassign_lead, json!({ "d": direction, "o": org("health") }), "en")
        .await;
    assert_eq!(leave["errors"][0]["extensions"]["field"], "organizationId", "{leave}");

    // Unassigning removes the reports nobody started.
    let unassign = "mutation($d: ID!, $o: ID!) { unassignDirection(directionId: $d, organizationId: $o) { owners { organization { code } } } }";
    let result = server
        .graphql_as(Some(&demo.office), unassign, json!({ "d": direction, "o": org("welfare") }), "ja")
        .await;
    assert_eq!(
        result["data"]["unassignDirection"]["owners"],
        json!([{ "organization": { "code": "health" } }]),
        "{result}"
    );
    // The plan office cannot be made an owner, and staff cannot assign.
    let refused = server
        .graphql_as(
            Some(&demo.office),
            assign,
            json!({ "d": direction, "o": org("plan-office"), "r": "CO_OWNER" }),
            "en",
        )
        .await;
    assert_eq!(refused["errors"][0]["extensions"]["field"], "organizationId");
    let staff = server.login("welfare@omitama.example").await;
    let denied = server
        .graphql_as(
            Some(&staff),
            assign,
            json!({ "d": direction, "o": org("welfare"), "r": "CO_OWNER" }),
            "en",
        )
        .await;
    assert_eq!(error_code(&denied), "FORBIDDEN");
    server.stop().await;
}

async fn ownership_csv_is_previewed_validated_and_applied_whole(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;
    let demo = demo(&server).await;
    let exported = server
        .graphql_as(
            Some(&demo.office),
            "query($p: ID!) { ownershipCsv(planId: $p) }",
            json!({ "p": demo.plan_id }),
            "ja",
        )
        .await;
    let csv = exported["data"]["ownershipCsv"].as_str().expect("csv").to_owned();
    assert!(csv.starts_with('\u{feff}'), "UTF-8 with BOM for Excel");
    assert!(csv.lines().next().unwrap_or_default().contains("施策の方向コード"));
    assert_eq!(csv.lines().count(), 72, "a header and 71 assignments");

    let preview = "mutation($p: ID!, $csv: String!) { previewOwnershipImport(planId: $p, csv: $csv) { valid changes { kind directionCode organizationCode role } problems { line message } } }";
    let same =
        server.graphql_as(Some(&demo.office), preview, json!({ "p": demo.plan_id, "csv": csv }), "ja").await;
    assert_eq!(same["data"]["previewOwnershipImport"]["valid"], true, "{same}");
    assert_eq!(same["data"]["previewOwnershipImport"]["changes"], json!([]));

    // Broken rows are reported with their lines; nothing is applied. A row that cannot be
    // read is reported first; the table is checked against the plan once it reads.
    let unreadable = format!("{csv}1-1-1,x,welfare,x,責任者\r\n");
    let checked = server
        .graphql_as(Some(&demo.office), preview, json!({ "p": demo.plan_id, "csv": unreadable }), "ja")
        .await;
    let problems = checked["data"]["previewOwnershipImport"]["problems"].clone();
    assert_eq!(problems[0]["line"], 73, "{checked}");
    assert!(problems[0]["message"].as_str().unwrap_or_default().contains("責任者"));
    let broken = format!("{csv}9-9-9,x,bousai,x,関係課\r\n1-1-1,x,committee,x,関係課\r\n");
    let checked = server
        .graphql_as(Some(&demo.office), preview, json!({ "p": demo.plan_id, "csv": broken }), "ja")
        .await;
    let problems =
        checked["data"]["previewOwnershipImport"]["problems"].as_array().cloned().unwrap_or_default();
    let lines: Vec<i64> = problems.iter().filter_map(|p| p["line"].as_i64()).collect();
    assert_eq!(lines, [73, 74], "{checked}");
    let apply = "mutation($p: ID!, $csv: String!) { applyOwnershipImport(planId: $p, csv: $csv) { kind } }";
    let refused =
        server.graphql_as(Some(&demo.office), apply, json!({ "p": demo.plan_id, "csv": broken }), "ja").await;
    assert_eq!(error_code(&refused), "BAD_USER_INPUT");
    assert_eq!(
        server
            .graphql_as(
                Some(&demo.office),
                "query($p: ID!) { ownershipCsv(planId: $p) }",
                json!({ "p": demo.plan_id }),
                "ja"
            )
            .await["data"]["ownershipCsv"],
        csv.as_str()
    );

    // A valid edit: bousai becomes lead of 3-3-3 (elderly, the lead, becomes co-owner by
    // the file), and kyodo leaves 3-2-3.
    let edited = csv
        .replace(
            "3-3-3,見守り体制の充実,elderly,介護福祉課,主担当",
            "3-3-3,見守り体制の充実,elderly,介護福祉課,関係課",
        )
        .replace("3-2-3,地域で取り組む防犯体制づくり,kyodo,市民協働課,関係課\r\n", "")
        + "3-3-3,見守り体制の充実,bousai,防災管理課,主担当\r\n";
    let preview_edit = server
        .graphql_as(Some(&demo.office), preview, json!({ "p": demo.plan_id, "csv": edited }), "ja")
        .await;
    let kinds: Vec<String> = preview_edit["data"]["previewOwnershipImport"]["changes"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|c| {
            format!(
                "{} {} {}",
                c["kind"].as_str().unwrap_or_default(),
                c["directionCode"].as_str().unwrap_or_default(),
                c["organizationCode"].as_str().unwrap_or_default()
            )
        })
        .collect();
    assert_eq!(
        kinds,
        ["REMOVE 3-2-3 kyodo", "ADD 3-3-3 bousai", "CHANGE_ROLE 3-3-3 elderly"],
        "{preview_edit}"
    );
    let applied =
        server.graphql_as(Some(&demo.office), apply, json!({ "p": demo.plan_id, "csv": edited }), "ja").await;
    assert!(applied["errors"].is_null(), "{applied}");
    let after = demo_owners(&server, "3-3-3").await;
    assert_eq!(after[0], ("bousai".to_owned(), "LEAD".to_owned()));
    let staff = server.login("welfare@omitama.example").await;
    let denied =
        server.graphql_as(Some(&staff), preview, json!({ "p": demo.plan_id, "csv": csv }), "en").await;
    assert_eq!(error_code(&denied), "FORBIDDEN");
    server.stop().await;
}

async fn demo_owners(server: &TestServer, code: &str) -> Vec<(String, String)> {
    demo(server)
        .await
        .directions
        .into_iter()
        .find(|(_, c, _)| c == code)
        .map(|(_, _, o)| o)
        .unwrap_or_default()
}

async fn the_completion_matrix_costs_a_fixed_number_of_statements(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;
    let demo = demo(&server).await;
    let period = open_period(&server, &demo, "YEAR_END", 2025, "2026-05-31").await;
    let query = "query($p: ID!) { completionMatrix(periodId: $p) { total counts { status count } rows { direction { code nameJa } cells { reportId organization { code nameJa } status } } } }";
    let before = server.statements();
    let body = server.graphql_as(Some(&demo.office), query, json!({ "p": period }), "ja").await;
    let seed = server.statements() - before;
    assert_eq!(body["data"]["completionMatrix"]["total"], 71);

    // A plan 100 times larger: 2,900 directions, each with a lead and two co-owners.
    let large = app::demo::synthetic_plan("large", 10, 10, 29, 1);
    server.app.import_plan(&app::domain::access::Actor::System, &large).await.expect("large plan");
    let plan = server.data("{ plan(code: \"large\") { id } }", json!({})).await;
    let csv = app::demo::synthetic_owners(10, 10, 29);
    let plan_id = plan["plan"]["id"].as_str().expect("id").to_owned();
    let apply = "mutation($p: ID!, $csv: String!) { applyOwnershipImport(planId: $p, csv: $csv) { kind } }";
    let applied =
        server.graphql_as(Some(&demo.office), apply, json!({ "p": plan_id, "csv": csv }), "ja").await;
    assert!(applied["errors"].is_null(), "{}", applied["errors"]);
    let large_demo = Demo { plan_id, office: demo.office.clone(), directions: Vec::new() };
    let large_period = open_period(&server, &large_demo, "YEAR_END", 2025, "2026-05-31").await;
    let before = server.statements();
    let body = server.graphql_as(Some(&demo.office), query, json!({ "p": large_period }), "ja").await;
    let large_statements = server.statements() - before;
    assert_eq!(body["data"]["completionMatrix"]["total"], 8_700);
    println!(
        "completion matrix ({backend:?}): {seed} statements for 71 reports, {large_statements} for 8,700"
    );
    assert_eq!(seed, large_statements);
    server.stop().await;
}
