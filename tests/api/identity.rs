//! Signing in, sessions, passwords, throttling, accounts and the audit log.

use std::time::{Duration, Instant};

use jsonwebtoken::{EncodingKey, Header};
use serde_json::{Value, json};

use crate::harness::{Backend, DEMO_PASSWORD, JWT_SECRET, Options, TestServer, error_code, on_both_backends};

const LOGIN: &str = "mutation($e: String!, $p: String!) {
  login(email: $e, password: $p) { accessToken refreshToken expiresAt user { email roles organization { code } } }
}";
const REFRESH: &str =
    "mutation($t: String) { refreshSession(refreshToken: $t) { accessToken refreshToken } }";
const ME: &str = "{ me { email displayName roles active language organization { code kind } } }";

async fn login(server: &TestServer, email: &str, password: &str) -> Value {
    server.graphql(LOGIN, json!({ "e": email, "p": password })).await
}

async fn session(server: &TestServer, email: &str) -> (String, String) {
    let body = login(server, email, DEMO_PASSWORD).await;
    let session = &body["data"]["login"];
    assert!(session.is_object(), "login failed: {body}");
    (
        session["accessToken"].as_str().unwrap_or_default().to_owned(),
        session["refreshToken"].as_str().unwrap_or_default().to_owned(),
    )
}

fn forge(claims: Value, secret: &str, algorithm: jsonwebtoken::Algorithm) -> String {
    jsonwebtoken::encode(&Header::new(algorithm), &claims, &EncodingKey::from_secret(secret.as_bytes()))
        .expect("encode")
}

async fn status_and_code(server: &TestServer, token: &str) -> (u16, String) {
    let response = server
        .client()
        .post(server.url("/graphql"))
        .bearer_auth(token)
        .json(&json!({ "query": ME }))
        .send()
        .await
        .expect("sent");
    let status = response.status().as_u16();
    let body: Value = response.json().await.expect("json");
    (status, error_code(&body).to_owned())
}

on_both_backends!(
    demo_accounts_sign_in_and_see_themselves,
    wrong_password_and_unknown_email_answer_alike,
    forged_expired_and_foreign_tokens_are_refused,
    refresh_tokens_rotate_and_a_reused_one_ends_the_family,
    logout_deactivation_and_password_change_end_sessions,
    repeated_failures_are_refused_for_a_while,
    guessing_the_current_password_is_refused_for_a_while,
    the_refresh_cookie_is_http_only_and_strict,
    accounts_are_managed_with_checks_and_audited,
);

async fn demo_accounts_sign_in_and_see_themselves(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;
    let expected = [
        ("office@omitama.example", "PLAN_OFFICE", "plan-office"),
        ("welfare@omitama.example", "DEPARTMENT_STAFF", "welfare"),
        ("welfare-chief@omitama.example", "DEPARTMENT_MANAGER", "welfare"),
        ("bousai@omitama.example", "DEPARTMENT_STAFF", "bousai"),
        ("council@omitama.example", "COUNCIL_COORDINATOR", "council"),
        ("committee@omitama.example", "COMMITTEE_MEMBER", "committee"),
        ("admin@omitama.example", "ADMIN", "johosei"),
    ];
    for (email, role, organization) in expected {
        // Case and spaces in the e-mail do not matter.
        let typed = format!("  {}", email.to_uppercase());
        let body = login(&server, &typed, DEMO_PASSWORD).await;
        let user = &body["data"]["login"]["user"];
        assert_eq!(user["email"], email, "{body}");
        assert_eq!(user["roles"], json!([role]));
        assert_eq!(user["organization"]["code"], organization);
        let token = body["data"]["login"]["accessToken"].as_str().expect("token");
        let me = server.graphql_as(Some(token), ME, json!({}), "ja").await;
        assert_eq!(me["data"]["me"]["email"], email);
        assert_eq!(me["data"]["me"]["active"], true);
    }
    let anonymous = server.data(ME, json!({})).await;
    assert_eq!(anonymous["me"], Value::Null);
    server.stop().await;
}

async fn wrong_password_and_unknown_email_answer_alike(backend: Backend) {
    // No throttling delay in this test: only the work of checking the password counts.
    let server =
        TestServer::start(backend, Options { demo: true, lock_after: Some(100), ..Options::default() }).await;
    // Warm up (the first unknown-account check prepares its dummy hash).
    login(&server, "nobody@omitama.example", "irrelevant-password").await;
    let (mut wrong_time, mut unknown_time) = (Duration::MAX, Duration::MAX);
    let (mut wrong, mut unknown) = (Value::Null, Value::Null);
    // The fastest of several alternating attempts is the work itself, without the noise
    // of other tests running on the same cores.
    for _ in 0..5 {
        let started = Instant::now();
        wrong = login(&server, "office@omitama.example", "not-the-password-1").await;
        wrong_time = wrong_time.min(started.elapsed());
        let started = Instant::now();
        unknown = login(&server, "nobody@omitama.example", "not-the-password-1").await;
        unknown_time = unknown_time.min(started.elapsed());
    }
    assert_eq!(wrong["errors"], unknown["errors"], "the answers must be identical");
    assert_eq!(error_code(&wrong), "UNAUTHENTICATED");
    assert_eq!(wrong["errors"][0]["message"], "メールアドレスまたはパスワードが正しくありません。");
    println!("fastest of 5: wrong password {wrong_time:?}, unknown e-mail {unknown_time:?}");
    // Both do the same Argon2 work; a skipped hash would be several times faster.
    assert!(unknown_time * 2 > wrong_time, "unknown {unknown_time:?} vs wrong {wrong_time:?}");
    assert!(wrong_time * 2 > unknown_time, "unknown {unknown_time:?} vs wrong {wrong_time:?}");
    server.stop().await;
}

async fn forged_expired_and_foreign_tokens_are_refused(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;
    let (token, _) = session(&server, "office@omitama.example").await;
    assert_eq!(status_and_code(&server, &token).await, (200, String::new()));

    let me = server.graphql_as(Some(&token), "{ me { id } }", json!({}), "ja").await;
    let sub = me["data"]["me"]["id"].as_str().expect("id").to_owned();
    let now = chrono::Utc::now().timestamp();
    let claims = |aud: &str, exp: i64| json!({ "iss": "nukumori", "aud": aud, "sub": sub, "exp": exp, "iat": now - 60, "jti": "x", "sep": 0 });
    let hs256 = jsonwebtoken::Algorithm::HS256;
    let cases = [
        ("well-formed control", forge(claims("nukumori-api", now + 600), JWT_SECRET, hs256), true),
        ("expired", forge(claims("nukumori-api", now - 600), JWT_SECRET, hs256), false),
        ("wrong audience", forge(claims("another-app", now + 600), JWT_SECRET, hs256), false),
        (
            "wrong key",
            forge(claims("nukumori-api", now + 600), "another-secret-of-sufficient-length-0123456789", hs256),
            false,
        ),
        (
            "HS512 instead of HS256",
            forge(claims("nukumori-api", now + 600), JWT_SECRET, jsonwebtoken::Algorithm::HS512),
            false,
        ),
        (
            "missing issuer",
            forge(
                json!({ "aud": "nukumori-api", "sub": sub, "exp": now + 600, "iat": now, "jti": "x", "sep": 0 }),
                JWT_SECRET,
                hs256,
            ),
            false,
        ),
    ];
    for (name, forged, accepted) in cases {
        let result = status_and_code(&server, &forged).await;
        if accepted {
            assert_eq!(result, (200, String::new()), "{name}");
        } else {
            assert_eq!(result, (401, "UNAUTHENTICATED".to_owned()), "{name}");
        }
    }

    // alg "none": an unsigned token with valid claims.
    use base64::Engine as _;
    let encode = |value: &Value| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(value.to_string());
    let unsigned = format!(
        "{}.{}.",
        encode(&json!({ "alg": "none", "typ": "JWT" })),
        encode(&claims("nukumori-api", now + 600))
    );
    assert_eq!(status_and_code(&server, &unsigned).await, (401, "UNAUTHENTICATED".to_owned()), "alg none");

    // A tampered payload keeps the old signature.
    let parts: Vec<&str> = token.split('.').collect();
    let mut payload: Value = serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(parts[1]).expect("payload"),
    )
    .expect("json");
    payload["sep"] = json!(7);
    let tampered = format!("{}.{}.{}", parts[0], encode(&payload), parts[2]);
    assert_eq!(status_and_code(&server, &tampered).await, (401, "UNAUTHENTICATED".to_owned()), "tampered");

    for garbage in ["", "Bearer", "not-a-jwt", "a.b.c"] {
        assert_eq!(status_and_code(&server, garbage).await.1, "UNAUTHENTICATED", "{garbage:?}");
    }
    server.stop().await;
}

async fn refresh_tokens_rotate_and_a_reused_one_ends_the_family(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;
    let (_, first) = session(&server, "welfare@omitama.example").await;
    let rotated = server.data(REFRESH, json!({ "t": first })).await;
    let second = rotated["refreshSession"]["refreshToken"].as_str().expect("token").to_owned();
    let access = rotated["refreshSession"]["accessToken"].as_str().expect("token").to_owned();
    assert_ne!(first, second);
    assert_eq!(status_and_code(&server, &access).await.0, 200);

    // The first token, presented again: refused, and the whole family ends.
    let reused = server.graphql(REFRESH, json!({ "t": first })).await;
    assert_eq!(error_code(&reused), "UNAUTHENTICATED");
    let after = server.graphql(REFRESH, json!({ "t": second })).await;
    assert_eq!(error_code(&after), "UNAUTHENTICATED", "the family is revoked");

    // Another sign-in is another family, unaffected.
    let (_, other) = session(&server, "welfare@omitama.example").await;
    assert!(server.graphql(REFRESH, json!({ "t": other })).await["errors"].is_null());

    let garbage = server.graphql(REFRESH, json!({ "t": "not-a-token" })).await;
    assert_eq!(error_code(&garbage), "UNAUTHENTICATED");

    let office = server.login("office@omitama.example").await;
    let events = server
        .graphql_as(
            Some(&office),
            "{ auditEvents(filter: { action: \"session.refresh_reused\" }) { nodes { actorLabel } } }",
            json!({}),
            "en",
        )
        .await;
    assert_eq!(events["data"]["auditEvents"]["nodes"][0]["actorLabel"], "welfare@omitama.example");
    server.stop().await;
}

async fn logout_deactivation_and_password_change_end_sessions(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;

    // Logout revokes the refresh token.
    let (access, refresh) = session(&server, "bousai@omitama.example").await;
    let out = server
        .graphql_as(
            Some(&access),
            "mutation($t: String) { logout(refreshToken: $t) }",
            json!({ "t": refresh }),
            "ja",
        )
        .await;
    assert_eq!(out["data"]["logout"], true);
    assert_eq!(error_code(&server.graphql(REFRESH, json!({ "t": refresh })).await), "UNAUTHENTICATED");

    // A password change ends every other session at once and returns a new one.
    let (old_access, old_refresh) = session(&server, "council@omitama.example").await;
    let changed = server
        .graphql_as(
            Some(&old_access),
            "mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { accessToken } }",
            json!({ "c": DEMO_PASSWORD, "n": "tsukuba-mountain-view-88" }),
            "ja",
        )
        .await;
    let new_access =
        changed["data"]["changePassword"]["accessToken"].as_str().expect("new session").to_owned();
    assert_eq!(status_and_code(&server, &old_access).await, (401, "UNAUTHENTICATED".to_owned()));
    assert_eq!(error_code(&server.graphql(REFRESH, json!({ "t": old_refresh })).await), "UNAUTHENTICATED");
    assert_eq!(status_and_code(&server, &new_access).await.0, 200);
    assert_eq!(
        error_code(&login(&server, "council@omitama.example", DEMO_PASSWORD).await),
        "UNAUTHENTICATED"
    );
    assert!(login(&server, "council@omitama.example", "tsukuba-mountain-view-88").await["errors"].is_null());

    // A weak or wrong password is refused with the field named.
    let weak = server
        .graphql_as(
            Some(&new_access),
            "mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { accessToken } }",
            json!({ "c": "tsukuba-mountain-view-88", "n": "password1234" }),
            "en",
        )
        .await;
    assert_eq!(error_code(&weak), "BAD_USER_INPUT");
    assert_eq!(weak["errors"][0]["extensions"]["field"], "newPassword");
    assert_eq!(
        weak["errors"][0]["message"],
        "This password is too common. Choose one that is harder to guess."
    );

    // Deactivation ends the sessions of the deactivated, immediately.
    let (staff_access, staff_refresh) = session(&server, "welfare@omitama.example").await;
    let me = server.graphql_as(Some(&staff_access), "{ me { id } }", json!({}), "ja").await;
    let staff_id = me["data"]["me"]["id"].clone();
    let office = server.login("office@omitama.example").await;
    let deactivated = server
        .graphql_as(
            Some(&office),
            "mutation($id: ID!) { deactivateUser(id: $id) { active } }",
            json!({ "id": staff_id }),
            "ja",
        )
        .await;
    assert_eq!(deactivated["data"]["deactivateUser"]["active"], false, "{deactivated}");
    assert_eq!(status_and_code(&server, &staff_access).await, (401, "UNAUTHENTICATED".to_owned()));
    assert_eq!(error_code(&server.graphql(REFRESH, json!({ "t": staff_refresh })).await), "UNAUTHENTICATED");
    assert_eq!(
        error_code(&login(&server, "welfare@omitama.example", DEMO_PASSWORD).await),
        "UNAUTHENTICATED"
    );
    server.stop().await;
}

async fn repeated_failures_are_refused_for_a_while(backend: Backend) {
    let server =
        TestServer::start(backend, Options { demo: true, lock_after: Some(3), ..Options::default() }).await;
    for _ in 0..3 {
        let body = login(&server, "committee@omitama.example", "wrong-password-123").await;
        assert_eq!(error_code(&body), "UNAUTHENTICATED");
    }
    // Now even the right password is refused, with a translated message.
    let refused = login(&server, "committee@omitama.example", DEMO_PASSWORD).await;
    assert_eq!(error_code(&refused), "RATE_LIMITED", "{refused}");
    assert!(refused["errors"][0]["message"].as_str().unwrap_or_default().contains("分後"));

    // Other people at the same address are not shut out by one person's failures (behind
    // a proxy the whole city shares an address); the address locks only much later.
    let other = login(&server, "office@omitama.example", DEMO_PASSWORD).await;
    assert!(other["errors"].is_null(), "{other}");
    for attempt in 0..12 {
        login(&server, &format!("guess{attempt}@omitama.example"), "wrong-password-123").await;
    }
    let address = login(&server, "office@omitama.example", DEMO_PASSWORD).await;
    assert_eq!(error_code(&address), "RATE_LIMITED", "15 failures from one address: {address}");

    // Every step is in the audit log (read as the operator: this address is locked out).
    let filter = app::domain::audit::AuditFilter::default();
    let (events, _) = server
        .app
        .audit_events(&app::domain::access::Actor::System, &filter, 50, None)
        .await
        .expect("events");
    let actions: Vec<&str> = events.iter().map(|e| e.record.action.as_str()).collect();
    assert_eq!(actions.iter().filter(|a| **a == "login.failed").count(), 15, "{actions:?}");
    assert!(actions.contains(&"login.locked_out"));
    assert!(actions.contains(&"login.refused_while_locked"));
    server.stop().await;
}

async fn the_refresh_cookie_is_http_only_and_strict(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;
    let response = server
        .client()
        .post(server.url("/graphql"))
        .json(&json!({ "query": LOGIN, "variables": { "e": "office@omitama.example", "p": DEMO_PASSWORD } }))
        .send()
        .await
        .expect("sent");
    let cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("nukumori_refresh="))
        .expect("refresh cookie")
        .to_owned();
    for attribute in ["HttpOnly", "Secure", "SameSite=Strict", "Path=/graphql"] {
        assert!(cookie.contains(attribute), "{cookie}");
    }
    let value = cookie.split(';').next().expect("pair").to_owned();

    // The browser refreshes with the cookie alone.
    let refreshed = server
        .client()
        .post(server.url("/graphql"))
        .header("cookie", &value)
        .json(&json!({ "query": "mutation { refreshSession { accessToken } }" }))
        .send()
        .await
        .expect("sent");
    let body: Value = refreshed.json().await.expect("json");
    assert!(body["data"]["refreshSession"]["accessToken"].is_string(), "{body}");
    server.stop().await;
}

async fn accounts_are_managed_with_checks_and_audited(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;
    let office = server.login("office@omitama.example").await;
    let organizations = server.data("{ organizations { id code } }", json!({})).await;
    let welfare = organizations["organizations"]
        .as_array()
        .and_then(|list| list.iter().find(|o| o["code"] == "welfare"))
        .map(|o| o["id"].clone())
        .expect("welfare");
    let create = "mutation($input: CreateUserInput!) { createUser(input: $input) { id email roles active } }";
    let input = |email: &str, password: &str, roles: Value| json!({ "input": { "email": email, "displayName": "新人 職員", "organizationId": welfare, "roles": roles, "password": password } });

    let created = server
        .graphql_as(
            Some(&office),
            create,
            input("New.Staff@Omitama.example", "hinuma-river-walk-7", json!(["DEPARTMENT_STAFF"])),
            "ja",
        )
        .await;
    assert_eq!(created["data"]["createUser"]["email"], "new.staff@omitama.example", "{created}");
    let new_id = created["data"]["createUser"]["id"].clone();

    let problems = [
        (input("new.staff@omitama.example", "hinuma-river-walk-7", json!(["DEPARTMENT_STAFF"])), "email"),
        (input("not-an-email", "hinuma-river-walk-7", json!(["DEPARTMENT_STAFF"])), "email"),
        (input("a@omitama.example", "short", json!(["DEPARTMENT_STAFF"])), "newPassword"),
        (input("b@omitama.example", "hinuma-river-walk-7", json!([])), "roles"),
    ];
    for (variables, field) in problems {
        let body = server.graphql_as(Some(&office), create, variables, "ja").await;
        assert_eq!(error_code(&body), "BAD_USER_INPUT", "{body}");
        assert_eq!(body["errors"][0]["extensions"]["field"], field);
    }
    // The plan office cannot create an administrator.
    let escalation = server
        .graphql_as(
            Some(&office),
            create,
            input("c@omitama.example", "hinuma-river-walk-7", json!(["ADMIN"])),
            "ja",
        )
        .await;
    assert_eq!(error_code(&escalation), "FORBIDDEN");

    let update = "mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { roles displayName } }";
    let promoted = server
        .graphql_as(
            Some(&office),
            update,
            json!({ "id": new_id, "input": { "roles": ["DEPARTMENT_MANAGER"], "displayName": "新人 課長" } }),
            "ja",
        )
        .await;
    assert_eq!(promoted["data"]["updateUser"]["roles"], json!(["DEPARTMENT_MANAGER"]), "{promoted}");

    let log = server
        .graphql_as(Some(&office), "{ auditEvents(first: 10) { nodes { action actorLabel subjectId details } pageInfo { hasNextPage endCursor } } }", json!({}), "ja")
        .await;
    let nodes = log["data"]["auditEvents"]["nodes"].as_array().expect("nodes").clone();
    let actions: Vec<&str> = nodes.iter().filter_map(|n| n["action"].as_str()).collect();
    assert_eq!(&actions[..3], ["user.updated", "user.roles_changed", "user.created"], "{actions:?}");
    assert_eq!(nodes[1]["details"], r#"{"from":["DEPARTMENT_STAFF"],"to":["DEPARTMENT_MANAGER"]}"#);
    assert_eq!(nodes[1]["actorLabel"], "office@omitama.example");

    // Pages follow each other without overlap.
    let cursor = log["data"]["auditEvents"]["pageInfo"]["endCursor"].clone();
    let next = server
        .graphql_as(
            Some(&office),
            "query($a: String) { auditEvents(first: 10, after: $a) { nodes { action } } }",
            json!({ "a": cursor }),
            "ja",
        )
        .await;
    assert!(next["data"]["auditEvents"]["nodes"].as_array().is_some_and(|n| !n.is_empty()), "{next}");
    server.stop().await;
}

async fn guessing_the_current_password_is_refused_for_a_while(backend: Backend) {
    let server =
        TestServer::start(backend, Options { demo: true, lock_after: Some(3), ..Options::default() }).await;
    let token = server.login("committee@omitama.example").await;
    let change = "mutation($c: String!) { changePassword(currentPassword: $c, newPassword: \"kasumi-lotus-lantern-77\") { expiresAt } }";
    for _ in 0..3 {
        let body = server.graphql_as(Some(&token), change, json!({ "c": "not-my-password" }), "ja").await;
        assert_eq!(error_code(&body), "BAD_USER_INPUT", "{body}");
        assert_eq!(body["errors"][0]["extensions"]["field"], "currentPassword");
    }
    // Now even the right current password is refused for a while.
    let body = server.graphql_as(Some(&token), change, json!({ "c": DEMO_PASSWORD }), "ja").await;
    assert_eq!(error_code(&body), "RATE_LIMITED", "{body}");
    // Signing in is not locked by it: the owner of the account is not shut out.
    let session = login(&server, "committee@omitama.example", DEMO_PASSWORD).await;
    assert!(session["data"]["login"]["accessToken"].is_string(), "{session}");
    server.stop().await;
}
