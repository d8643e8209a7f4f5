//! The organisation chart: the plan office adds and renames organisations; codes are
//! checked and unique, names bounded in both languages, every change audited.

use serde_json::{Value, json};

use crate::harness::{Backend, Options, TestServer, error_code, on_both_backends};

const CREATE: &str = "mutation($input: CreateOrganizationInput!) {
  createOrganization(input: $input) { id code nameJa nameEn kind isSample }
}";
const RENAME: &str = "mutation($id: ID!, $input: RenameOrganizationInput!) {
  renameOrganization(id: $id, input: $input) { id code nameJa nameEn kind }
}";

fn input(code: &str, name_ja: &str, name_en: &str) -> Value {
    json!({ "input": { "code": code, "nameJa": name_ja, "nameEn": name_en, "kind": "DEPARTMENT" } })
}

on_both_backends!(the_plan_office_adds_and_renames_organizations, bad_organisations_are_refused_by_field);

async fn the_plan_office_adds_and_renames_organizations(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;
    let office = server.login("office@omitama.example").await;

    let created = server
        .graphql_as(Some(&office), CREATE, input(" kenko-zoshin ", " 健康増進課 ", "Health Promotion"), "ja")
        .await;
    let organization = &created["data"]["createOrganization"];
    assert_eq!(organization["code"], "kenko-zoshin", "{created}");
    assert_eq!(organization["nameJa"], "健康増進課");
    assert_eq!(organization["kind"], "DEPARTMENT");
    assert_eq!(organization["isSample"], false);
    let id = organization["id"].as_str().expect("id").to_owned();

    // Everyone sees the chart, the new organisation included.
    let chart = server.data("{ organizations { code nameJa } }", json!({})).await;
    assert!(chart["organizations"].as_array().expect("list").iter().any(|o| o["code"] == "kenko-zoshin"));

    let renamed = server
        .graphql_as(
            Some(&office),
            RENAME,
            json!({ "id": id, "input": { "nameJa": "健康づくり課", "nameEn": "Health Promotion Division" } }),
            "ja",
        )
        .await;
    assert_eq!(renamed["data"]["renameOrganization"]["nameJa"], "健康づくり課", "{renamed}");
    assert_eq!(renamed["data"]["renameOrganization"]["code"], "kenko-zoshin");

    // The new organisation can own a direction and have members.
    let welfare_staff = server
        .graphql_as(
            Some(&office),
            "mutation($org: ID!) { createUser(input: { email: \"kenko@omitama.example\", displayName: \"健康 花子\", organizationId: $org, roles: [DEPARTMENT_STAFF] }) { organization { code } } }",
            json!({ "org": id }),
            "ja",
        )
        .await;
    assert_eq!(
        welfare_staff["data"]["createUser"]["organization"]["code"], "kenko-zoshin",
        "{welfare_staff}"
    );

    let audit = server
        .graphql_as(
            Some(&office),
            "{ auditEvents(first: 20) { nodes { action subjectId details } } }",
            json!({}),
            "ja",
        )
        .await;
    let events: Vec<&Value> = audit["data"]["auditEvents"]["nodes"]
        .as_array()
        .expect("events")
        .iter()
        .filter(|event| event["subjectId"] == id.as_str())
        .collect();
    let actions: Vec<&str> = events.iter().filter_map(|event| event["action"].as_str()).collect();
    assert_eq!(actions, ["organization.renamed", "organization.created"], "{audit}");
    let details: Value = serde_json::from_str(events[0]["details"].as_str().expect("details")).expect("json");
    assert_eq!(details["from"]["nameJa"], "健康増進課");
    assert_eq!(details["to"]["nameJa"], "健康づくり課");
    server.stop().await;
}

async fn bad_organisations_are_refused_by_field(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;
    let office = server.login("office@omitama.example").await;
    let cases = [
        (input("welfare", "二つ目の社会福祉課", "Second"), "code", "このコードは別の組織が使っています。"),
        (input("Kenko Zoshin", "健康増進課", "Health"), "code", "コードは半角英小文字で始め"),
        (input("kenko", "  ", "Health"), "nameJa", "組織名（日本語）を入力してください。"),
        (input("kenko", "健康増進課", ""), "nameEn", "組織名（英語）を入力してください。"),
        (input("kenko", &"課".repeat(101), "Health"), "nameJa", "100文字以内"),
        (input("kenko", "健康\n増進課", "Health"), "nameJa", "制御文字"),
    ];
    for (variables, field, message) in cases {
        let body = server.graphql_as(Some(&office), CREATE, variables.clone(), "ja").await;
        assert_eq!(error_code(&body), "BAD_USER_INPUT", "{variables}: {body}");
        assert_eq!(body["errors"][0]["extensions"]["field"], field, "{body}");
        let text = body["errors"][0]["message"].as_str().unwrap_or_default();
        assert!(text.contains(message), "{text:?} should say {message:?}");
    }
    let english = server.graphql_as(Some(&office), CREATE, input("welfare", "x", "y"), "en").await;
    assert_eq!(english["errors"][0]["message"], "Another organisation already has this code.");

    // Nothing was half-written: the chart has exactly the demo's organisations.
    let chart = server.data("{ organizations { code } }", json!({})).await;
    assert!(!chart["organizations"].as_array().expect("list").iter().any(|o| o["code"] == "kenko"));

    let unknown = server
        .graphql_as(
            Some(&office),
            RENAME,
            json!({ "id": uuid::Uuid::now_v7().to_string(), "input": { "nameJa": "x", "nameEn": "y" } }),
            "ja",
        )
        .await;
    assert_eq!(error_code(&unknown), "NOT_FOUND", "{unknown}");
    server.stop().await;
}
