//! Hostile input in every kind of text field: very long strings, control characters,
//! SQL and HTML fragments (stored exactly as given and returned as data, never
//! interpreted), dates out of range, and file names that are not UTF-8.

use serde_json::json;

use crate::{
    harness::{Backend, Options, TestServer, error_code, on_both_backends},
    reports::{demo, open_period},
    review::first_report,
};

const FRAGMENTS: [&str; 4] = [
    "'; DROP TABLE reports; --",
    "<script>alert('x')</script><img src=x onerror=alert(1)>",
    "Robert'); DELETE FROM users WHERE ('1'='1",
    "{{7*7}} ${7*7} %s %n \\\\ \\u0000",
];

on_both_backends!(hostile_text_is_stored_as_given_or_refused_with_its_field);

async fn hostile_text_is_stored_as_given_or_refused_with_its_field(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;
    let demo = demo(&server).await;
    open_period(&server, &demo, "INTERIM", 2025, "2025-10-31").await;
    let staff = server.login("welfare@omitama.example").await;
    let (id, mut version) = first_report(&server, &staff, "welfare").await;
    const SAVE: &str = "mutation($id: ID!, $input: ReportInput!, $v: Int!) { saveReport(id: $id, input: $input, expectedVersion: $v) { version resultsSummary issues activities { title } } }";

    // SQL and HTML fragments are data: stored exactly, returned exactly.
    for fragment in FRAGMENTS {
        let input =
            json!({ "resultsSummary": fragment, "issues": fragment, "activities": [{ "title": fragment }] });
        let saved = server
            .graphql_as(Some(&staff), SAVE, json!({ "id": id, "input": input, "v": version }), "en")
            .await;
        let report = &saved["data"]["saveReport"];
        assert_eq!(report["resultsSummary"], fragment, "{saved}");
        assert_eq!(report["issues"], fragment);
        assert_eq!(report["activities"][0]["title"], fragment);
        version = report["version"].as_i64().unwrap();
    }
    let comment = server
        .graphql_as(
            Some(&staff),
            "mutation($r: ID!, $b: String!) { addComment(reportId: $r, body: $b) { body } }",
            json!({ "r": id, "b": FRAGMENTS[1] }),
            "en",
        )
        .await;
    assert_eq!(comment["data"]["addComment"]["body"], FRAGMENTS[1], "{comment}");
    // The tables are all still there.
    let plans = server.data("{ plans { code } }", json!({})).await;
    assert_eq!(plans["plans"].as_array().map(Vec::len), Some(1));

    // Too long, or with control characters: refused, naming the field, nothing saved.
    let huge = "あ".repeat(10_001);
    for (input, field) in [
        (json!({ "resultsSummary": huge }), "resultsSummary"),
        (json!({ "activities": [{ "title": "x".repeat(201) }] }), "activities[0].title"),
        (json!({ "issues": "bell\u{7}" }), "issues"),
    ] {
        let refused = server
            .graphql_as(Some(&staff), SAVE, json!({ "id": id, "input": input, "v": version }), "ja")
            .await;
        assert_eq!(error_code(&refused), "BAD_USER_INPUT", "{refused}");
        assert_eq!(refused["errors"][0]["extensions"]["field"], field, "{refused}");
    }
    for body in ["nul\u{0}here", &"x".repeat(4_001)] {
        let refused = server
            .graphql_as(
                Some(&staff),
                "mutation($r: ID!, $b: String!) { addComment(reportId: $r, body: $b) { id } }",
                json!({ "r": id, "b": body }),
                "en",
            )
            .await;
        assert_eq!(error_code(&refused), "BAD_USER_INPUT", "{refused}");
    }
    // A megabyte of text in one field is stopped before it reaches the use case.
    let megabyte = "x".repeat(1_100_000);
    let too_big = server.client().post(server.url("/graphql")).bearer_auth(&staff).json(&json!({ "query": SAVE, "variables": { "id": id, "input": { "issues": megabyte }, "v": version } })).send().await.unwrap();
    assert_eq!(too_big.status(), 413);

    // Dates out of range, and text that is not a date.
    const OPEN: &str = "mutation($p: ID!, $o: NaiveDate!, $d: NaiveDate!) { openReportingPeriod(input: { planId: $p, fiscalYear: 2025, kind: YEAR_END, opensOn: $o, dueOn: $d }) { id } }";
    for (opens, due) in [("0001-01-01", "9999-12-31"), ("2026-04-01", "2026-02-30"), ("昨日", "明日")] {
        let refused = server
            .graphql_as(Some(&demo.office), OPEN, json!({ "p": demo.plan_id, "o": opens, "d": due }), "en")
            .await;
        assert!(refused["errors"].is_array(), "{refused}");
        assert!(refused["data"].is_null() || refused["data"]["openReportingPeriod"].is_null());
    }
    let year = server
        .graphql_as(
            Some(&demo.office),
            "mutation($p: ID!) { compileAnnualEvaluation(planId: $p, fiscalYear: 99999) { id } }",
            json!({ "p": demo.plan_id }),
            "en",
        )
        .await;
    assert!(matches!(error_code(&year), "NOT_FOUND" | "BAD_USER_INPUT"), "{year}");

    // A file name that is not UTF-8 is refused, and nothing is stored.
    let operations = json!({ "query": "mutation($r: ID!, $f: Upload!) { uploadEvidence(reportId: $r, file: $f) { id } }", "variables": { "r": id, "f": null } });
    let mut body = Vec::new();
    let boundary = "nukumoriboundary";
    for (name, value) in
        [("operations", operations.to_string()), ("map", json!({ "0": ["variables.f"] }).to_string())]
    {
        body.extend(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                .as_bytes(),
        );
    }
    body.extend(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"0\"; filename=\"").as_bytes(),
    );
    body.extend([0xff, 0xfe, b'.', b'p', b'd', b'f']);
    body.extend(b"\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n");
    body.extend(format!("--{boundary}--\r\n").as_bytes());
    let response = server
        .client()
        .post(server.url("/graphql"))
        .bearer_auth(&staff)
        .header("x-requested-with", "nukumori")
        .header("content-type", format!("multipart/form-data; boundary={boundary}"))
        .body(body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let answer: serde_json::Value = response.json().await.unwrap_or_default();
    assert!(status == 400 || answer["errors"].is_array(), "{status} {answer}");
    let evidence = server
        .graphql_as(
            Some(&staff),
            "query($id: ID!) { report(id: $id) { evidence { id } } }",
            json!({ "id": id }),
            "en",
        )
        .await;
    assert_eq!(evidence["data"]["report"]["evidence"], json!([]));
    server.stop().await;
}
