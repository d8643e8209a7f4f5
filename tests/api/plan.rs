//! The plan API on the demo data, imports, and the cost of the plan-tree query.

use app::domain::access::Actor;
use serde_json::{Value, json};

use crate::harness::{Backend, Options, TestServer, error_code, on_both_backends};

const OMITAMA: &str = app::demo::OMITAMA_PLAN;

const PLAN_TREE: &str = r#"
query Tree($code: String!) {
  plan(code: $code) {
    id code nameJa nameEn startFiscalYear endFiscalYear philosophyJa philosophyEn
    goals {
      id code nameJa nameEn
      indicators { code }
      policies {
        id code nameJa nameEn
        directions { id code nameJa nameEn isNew policy { code } goal { code } }
      }
    }
    indicators {
      id code nameJa nameEn unit unitLabelJa baselineValue baselineFiscalYear
      targetValue targetFiscalYear source sourceEn
      sourceOrganization { code kind }
      goal { code }
      values { fiscalYear value source note }
    }
  }
}"#;

fn directions(plan: &Value) -> Vec<Value> {
    plan["goals"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|goal| goal["policies"].as_array().cloned().unwrap_or_default())
        .flat_map(|policy| policy["directions"].as_array().cloned().unwrap_or_default())
        .collect()
}

on_both_backends!(
    the_demo_holds_the_seed_plan,
    indicators_carry_the_seed_values,
    the_plan_tree_costs_a_fixed_number_of_statements,
    a_second_import_changes_nothing_and_renames_keep_ids,
    a_refused_import_leaves_the_database_unchanged,
    lookups_answer_with_codes_and_never_leak_internals,
    organizations_are_listed_with_kinds,
);

async fn the_demo_holds_the_seed_plan(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;
    let data = server.data(PLAN_TREE, json!({ "code": "omitama-3" })).await;
    let plan = &data["plan"];
    assert_eq!(plan["nameJa"], "第3次小美玉市地域福祉計画");
    assert_eq!((plan["startFiscalYear"].as_i64(), plan["endFiscalYear"].as_i64()), (Some(2021), Some(2025)));
    assert_eq!(plan["philosophyJa"], "ぬくもりあふれるまちづくり");
    let goals = plan["goals"].as_array().expect("goals");
    assert_eq!(goals.len(), 3);
    let policies: usize = goals.iter().map(|g| g["policies"].as_array().map_or(0, Vec::len)).sum();
    assert_eq!(policies, 9);
    let all = directions(plan);
    assert_eq!(all.len(), 29);
    let new: Vec<&str> =
        all.iter().filter(|d| d["isNew"] == true).filter_map(|d| d["code"].as_str()).collect();
    assert_eq!(new, ["1-3-4", "2-1-2", "2-3-5"]);
    let codes: Vec<&str> = all.iter().filter_map(|d| d["code"].as_str()).collect();
    assert_eq!(codes.first(), Some(&"1-1-1"));
    assert_eq!(codes.last(), Some(&"3-3-3"));
    for direction in &all {
        let code = direction["code"].as_str().unwrap_or_default();
        assert!(code.starts_with(direction["policy"]["code"].as_str().unwrap_or("?")));
        assert!(code.starts_with(direction["goal"]["code"].as_str().unwrap_or("?")));
    }

    // A direction can be fetched on its own.
    let id = all[10]["id"].clone();
    let data = server
        .data("query($id: ID!) { policyDirection(id: $id) { code nameJa isNew } }", json!({ "id": id }))
        .await;
    assert_eq!(data["policyDirection"]["code"], "2-1-2");
    assert_eq!(data["policyDirection"]["isNew"], true);
    server.stop().await;
}

async fn indicators_carry_the_seed_values(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;
    let data = server.data(PLAN_TREE, json!({ "code": "omitama-3" })).await;
    let indicators = data["plan"]["indicators"].as_array().expect("indicators");
    // (code, goal, FY2015, FY2020 = baseline, FY2025 target) from the seed.
    let seed: [(&str, Option<&str>, f64, f64, f64); 10] = [
        ("I1", Some("1"), 85.3, 85.3, 90.0),
        ("I2", Some("1"), 60.1, 60.5, 70.0),
        ("I3", Some("1"), 26.6, 23.6, 30.0),
        ("I4", Some("2"), 33.0, 33.6, 40.0),
        ("I5", Some("2"), 35.6, 36.8, 40.0),
        ("I6", Some("2"), 54.7, 53.8, 60.0),
        ("I7", Some("3"), 9.0, 8.0, 20.0),
        ("I8", Some("3"), 79.2, 81.9, 90.0),
        ("I9", Some("3"), 8.0, 9.0, 12.0),
        ("I10", None, 43.3, 41.2, 50.0),
    ];
    assert_eq!(indicators.len(), seed.len());
    for (indicator, (code, goal, previous, baseline, target)) in indicators.iter().zip(seed) {
        assert_eq!(indicator["code"], code);
        assert_eq!(indicator["goal"]["code"].as_str(), goal, "{code}");
        assert_eq!(indicator["baselineValue"].as_f64(), Some(baseline), "{code}");
        assert_eq!(indicator["baselineFiscalYear"].as_i64(), Some(2020), "{code}");
        assert_eq!(indicator["targetValue"].as_f64(), Some(target), "{code}");
        assert_eq!(indicator["targetFiscalYear"].as_i64(), Some(2025), "{code}");
        let values: Vec<(i64, f64)> = indicator["values"]
            .as_array()
            .expect("values")
            .iter()
            .map(|v| (v["fiscalYear"].as_i64().unwrap_or(0), v["value"].as_f64().unwrap_or(f64::NAN)))
            .collect();
        assert_eq!(values, [(2015, previous), (2020, baseline)], "{code}");
    }
    assert_eq!(indicators[8]["unit"], "COUNT");
    assert_eq!(indicators[8]["unitLabelJa"], "組織");
    assert_eq!(indicators[7]["sourceOrganization"]["code"], "bousai");
    assert_eq!(indicators[0]["unit"], "PERCENT");
    assert_eq!(indicators[0]["source"], "アンケート調査");
    // Goal-level indicator lists agree with the plan-level list.
    let per_goal: Vec<usize> = data["plan"]["goals"]
        .as_array()
        .expect("goals")
        .iter()
        .map(|g| g["indicators"].as_array().map_or(0, Vec::len))
        .collect();
    assert_eq!(per_goal, [3, 3, 3]);
    server.stop().await;
}

async fn statements_for_tree(server: &TestServer, code: &str) -> (u64, usize) {
    let before = server.statements();
    let data = server.data(PLAN_TREE, json!({ "code": code })).await;
    let count = directions(&data["plan"]).len();
    (server.statements() - before, count)
}

async fn the_plan_tree_costs_a_fixed_number_of_statements(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;
    let (seed_statements, seed_directions) = statements_for_tree(&server, "omitama-3").await;
    assert_eq!(seed_directions, 29);

    let large = app::demo::synthetic_plan("large", 10, 10, 30, 4);
    server.app.import_plan(&Actor::System, &large).await.expect("synthetic plan imports");
    let (large_statements, large_directions) = statements_for_tree(&server, "large").await;
    assert_eq!(large_directions, 3_000);

    println!(
        "plan tree ({backend:?}): {seed_statements} statements for {seed_directions} directions, \
         {large_statements} for {large_directions}"
    );
    assert_eq!(seed_statements, large_statements, "statements must not grow with the plan");
    assert!(seed_statements <= 10, "the full tree took {seed_statements} statements");
    server.stop().await;
}

async fn a_second_import_changes_nothing_and_renames_keep_ids(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;
    let before = server.data(PLAN_TREE, json!({ "code": "omitama-3" })).await;

    let again = server.app.import_plan(&Actor::System, OMITAMA).await.expect("re-import");
    assert_eq!((again.created, again.updated), (0, 0));
    assert_eq!(again.unchanged, 15 + 1 + 3 + 9 + 29 + 10 + 20);
    assert_eq!(server.data(PLAN_TREE, json!({ "code": "omitama-3" })).await, before);

    let renamed = OMITAMA
        .replace("見守り体制の充実", "見守り体制の充実と強化")
        .replace("value = 9, note", "value = 10, note");
    let summary = server.app.import_plan(&Actor::System, &renamed).await.expect("edited import");
    // The direction, the value of FY2020, and I9 whose baseline is that value.
    assert_eq!((summary.created, summary.updated), (0, 3));
    let after = server.data(PLAN_TREE, json!({ "code": "omitama-3" })).await;
    let old = directions(&before["plan"]);
    let new = directions(&after["plan"]);
    assert_eq!(
        old.iter().map(|d| &d["id"]).collect::<Vec<_>>(),
        new.iter().map(|d| &d["id"]).collect::<Vec<_>>()
    );
    assert_eq!(new[28]["nameJa"], "見守り体制の充実と強化");
    assert_eq!(after["plan"]["indicators"][8]["baselineValue"].as_f64(), Some(10.0));
    server.stop().await;
}

async fn a_refused_import_leaves_the_database_unchanged(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;
    let before = server.data(PLAN_TREE, json!({ "code": "omitama-3" })).await;

    // Invalid file: refused before the database is touched, with the place named.
    let broken = OMITAMA.replacen("code = \"1-1-2\"", "code = \"1-1-1\"", 1);
    let error = server.app.import_plan(&Actor::System, &broken).await.expect_err("duplicate code");
    assert_eq!(error.code(), app::ErrorCode::BadUserInput);
    let line = broken.lines().position(|l| l.contains("code = \"1-1-1\"")).map(|i| i + 2);
    let message = app::domain::i18n::Localized::localized(&error, app::domain::Language::En);
    assert!(message.contains("duplicate direction code `1-1-1`"), "{message}");
    assert!(message.contains(&format!("first defined on line {}", line.unwrap_or(0) - 1)), "{message}");

    // Valid file, but it drops a direction and renames another: the rename must not
    // survive the refusal, because the whole import is one transaction.
    let dropping = OMITAMA
        .replace("学校や地域における福祉教育の充実", "改名")
        .replace("[[directions]]\ncode = \"3-3-3\"", "[[unused]]\ncode = \"3-3-3\"");
    let dropping = dropping.split("[[unused]]").next().unwrap_or_default().to_owned()
        + &OMITAMA[OMITAMA.find("# Target indicators").unwrap_or(0)..];
    let error = server.app.import_plan(&Actor::System, &dropping).await.expect_err("drops 3-3-3");
    assert!(
        matches!(&error, app::AppError::ImportWouldRemove(codes) if codes == &["direction 3-3-3"]),
        "{error:?}"
    );
    assert_eq!(server.data(PLAN_TREE, json!({ "code": "omitama-3" })).await, before);

    // The public API cannot import.
    let body = server.graphql("mutation { importPlan(source: \"\") { created } }", json!({})).await;
    assert!(body["errors"].is_array());
    server.stop().await;
}

async fn lookups_answer_with_codes_and_never_leak_internals(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;
    let body = server.graphql_in(r#"{ plan(code: "nope") { code } }"#, json!({}), "en").await;
    assert_eq!(error_code(&body), "NOT_FOUND");
    assert_eq!(body["errors"][0]["message"], "Not found.");
    let body = server.graphql(r#"{ plan(code: "nope") { code } }"#, json!({})).await;
    assert_eq!(body["errors"][0]["message"], "見つかりません。");

    let body = server
        .graphql(
            "query($id: ID!) { policyDirection(id: $id) { code } }",
            json!({ "id": "1; DROP TABLE plans" }),
        )
        .await;
    assert_eq!(error_code(&body), "BAD_USER_INPUT");
    let body = server
        .graphql(
            "query($id: ID!) { policyDirection(id: $id) { code } }",
            json!({ "id": uuid::Uuid::now_v7().to_string() }),
        )
        .await;
    assert_eq!(error_code(&body), "NOT_FOUND");

    let text = body.to_string().to_lowercase();
    for leak in ["select", "sqlx", "sea_orm", "panicked", "database"] {
        assert!(!text.contains(leak), "{leak} leaked: {text}");
    }
    server.stop().await;
}

async fn organizations_are_listed_with_kinds(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;
    let data = server.data("{ organizations { code nameJa nameEn kind isSample } }", json!({})).await;
    let organizations = data["organizations"].as_array().expect("organizations");
    let find = |code: &str| organizations.iter().find(|o| o["code"] == code).cloned().unwrap_or_default();
    assert_eq!(find("bousai")["nameJa"], "防災管理課");
    assert_eq!(find("bousai")["isSample"], false);
    assert_eq!(find("council")["kind"], "COUNCIL");
    assert_eq!(find("plan-office")["kind"], "PLAN_OFFICE");
    assert_eq!(find("committee")["kind"], "COMMITTEE");
    assert_eq!(find("welfare")["isSample"], true);
    server.stop().await;
}
