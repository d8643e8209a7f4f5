//! HTTP behaviour around GraphQL: health, readiness, content types, GET.

use serde_json::json;

use crate::harness::{Backend, Options, TestServer, error_code, on_both_backends};

on_both_backends!(
    health_and_readiness_answer,
    graphql_refuses_cross_site_shapes,
    abusive_queries_are_refused_before_the_database
);

async fn health_and_readiness_answer(backend: Backend) {
    let server = TestServer::start(backend, Options::default()).await;
    let health = server.client().get(server.url("/healthz")).send().await.expect("healthz");
    assert_eq!(health.status(), 200);
    // Security headers on every answer; HSTS because the public address is https.
    let headers = health.headers();
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["referrer-policy"], "strict-origin-when-cross-origin");
    assert_eq!(headers["x-frame-options"], "DENY");
    assert!(headers["strict-transport-security"].to_str().unwrap().starts_with("max-age="));
    // CORS stays closed: no allowance for another origin.
    let preflight = server
        .client()
        .request(reqwest::Method::OPTIONS, server.url("/graphql"))
        .header("origin", "https://evil.example")
        .header("access-control-request-method", "POST")
        .send()
        .await
        .expect("preflight");
    assert!(preflight.headers().get("access-control-allow-origin").is_none());
    let ready = server.client().get(server.url("/readyz")).send().await.expect("readyz");
    assert_eq!(ready.status(), 200);
    let graphiql = server.client().get(server.url("/graphql")).send().await.expect("graphiql");
    assert_eq!(graphiql.status(), 200);
    assert!(graphiql.text().await.expect("html").contains("graphiql"));
    server.stop().await;
}

async fn graphql_refuses_cross_site_shapes(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;
    let client = server.client();
    let body = json!({ "query": "{ plans { code } }" }).to_string();

    // A text/plain body is what a cross-site form can send without a preflight.
    let response = client
        .post(server.url("/graphql"))
        .header("content-type", "text/plain")
        .body(body.clone())
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), 415);
    let refused: serde_json::Value = response.json().await.expect("json");
    assert_eq!(error_code(&refused), "BAD_USER_INPUT");

    // A batch of operations is not accepted.
    let response = client
        .post(server.url("/graphql"))
        .header("content-type", "application/json")
        .body(format!("[{body},{body}]"))
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), 400);

    // Queries may use GET; a mutation may not.
    let response = client
        .get(server.url("/graphql"))
        .query(&[("query", "{ plans { code } }")])
        .send()
        .await
        .expect("sent");
    let answer: serde_json::Value = response.json().await.expect("json");
    assert_eq!(answer["data"]["plans"][0]["code"], "omitama-3");
    let response = client
        .get(server.url("/graphql"))
        .query(&[("query", "mutation { anything }")])
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), 405);
    server.stop().await;
}

async fn abusive_queries_are_refused_before_the_database(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;
    let nested = "{ plans { goals { policies { directions { policy { goal { policies { directions { policy { goal { policies { directions { code } } } } } } } } } } } } }";
    let aliased =
        format!("{{ {} }}", (0..31).map(|i| format!("a{i}: plans {{ code }}")).collect::<Vec<_>>().join(" "));
    // Every field written counts, even the same one again.
    let costly = format!("{{ plans {{ {} }} }}", "code ".repeat(5_001));
    let cases = [
        (nested.to_owned(), "問い合わせの入れ子が深すぎます"),
        (aliased, "別名（エイリアス）が多すぎます（31個。上限は30個）。"),
        (costly, "問い合わせが複雑すぎます（コスト5002。上限は5000）。"),
    ];
    for (query, message) in cases {
        let before = server.statements();
        let body = server.graphql(&query, json!({})).await;
        assert_eq!(error_code(&body), "QUERY_TOO_COMPLEX", "{body}");
        assert!(body["errors"][0]["message"].as_str().unwrap_or_default().contains(message), "{body}");
        assert_eq!(body["data"], serde_json::Value::Null);
        assert_eq!(server.statements(), before, "refused before touching the database");
    }
    let english = server.graphql_in(nested, json!({}), "en").await;
    assert_eq!(english["errors"][0]["message"], "The query is nested too deeply (13 levels; at most 12).");

    // Any other malformed query still leaves with a code.
    for query in ["{ plans { nonsense } }", "{ plans { code }", "query($x: Int!) { plans { code } }"] {
        let body = server.graphql(query, json!({})).await;
        assert_eq!(error_code(&body), "BAD_USER_INPUT", "{query}: {body}");
    }
    server.stop().await;
}
