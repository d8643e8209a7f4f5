//! Evidence files: upload by the multipart spec, refusals that leave nothing behind,
//! content-addressed storage, and downloads with the report's permission.

use serde_json::{Value, json};

use crate::{
    harness::{Backend, Options, TestServer, error_code, on_both_backends},
    reports::{demo, open_period},
};

const UPLOAD: &str = "mutation($report: ID!, $file: Upload!, $description: String) {
  uploadEvidence(reportId: $report, file: $file, description: $description) { id fileName contentType size sha256 downloadPath }
}";

/// A minimal but real PDF.
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

async fn upload(
    server: &TestServer,
    token: &str,
    report: &Value,
    name: &str,
    bytes: Vec<u8>,
    requested_with: bool,
) -> (u16, Value) {
    let operations =
        json!({ "query": UPLOAD, "variables": { "report": report, "file": null, "description": "議事録" } });
    let part = reqwest::multipart::Part::bytes(bytes)
        .file_name(name.to_owned())
        .mime_str("application/pdf")
        .expect("mime");
    let form = reqwest::multipart::Form::new()
        .text("operations", operations.to_string())
        .text("map", json!({ "0": ["variables.file"] }).to_string())
        .part("0", part);
    let mut request = server.client().post(server.url("/graphql")).bearer_auth(token).multipart(form);
    if requested_with {
        request = request.header("x-requested-with", "nukumori");
    }
    let response = request.send().await.expect("sent");
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

fn stored_files(server: &TestServer) -> usize {
    fn count(dir: &std::path::Path) -> usize {
        std::fs::read_dir(dir).map_or(0, |entries| {
            entries.filter_map(Result::ok).map(|e| if e.path().is_dir() { count(&e.path()) } else { 1 }).sum()
        })
    }
    count(&server.data_dir().join("files"))
}

async fn setup(server: &TestServer) -> (String, Value) {
    let demo = demo(server).await;
    open_period(server, &demo, "INTERIM", 2025, "2025-10-31").await;
    let staff = server.login("welfare@omitama.example").await;
    let mine = server.graphql_as(Some(&staff), "{ myReports { id } }", json!({}), "ja").await;
    (staff, mine["data"]["myReports"][0]["id"].clone())
}

async fn evidence_of(server: &TestServer, token: &str, report: &Value) -> Vec<Value> {
    let body = server
        .graphql_as(
            Some(token),
            "query($id: ID!) { report(id: $id) { evidence { id fileName sha256 } } }",
            json!({ "id": report }),
            "ja",
        )
        .await;
    body["data"]["report"]["evidence"].as_array().cloned().unwrap_or_default()
}

on_both_backends!(evidence_is_stored_once_and_served_only_to_readers, refused_uploads_leave_nothing_behind);

async fn evidence_is_stored_once_and_served_only_to_readers(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;
    let (staff, report) = setup(&server).await;

    let (status, body) =
        upload(&server, &staff, &report, "令和7年度 第1回 推進会議 議事録.pdf", PDF.to_vec(), true).await;
    assert_eq!(status, 200, "{body}");
    let file = body["data"]["uploadEvidence"].clone();
    assert_eq!(file["contentType"], "application/pdf");
    assert_eq!(file["size"], PDF.len());
    assert_eq!(file["fileName"], "令和7年度 第1回 推進会議 議事録.pdf");
    // The same content again is a second attachment but one stored file.
    let (_, again) = upload(&server, &staff, &report, "copy.pdf", PDF.to_vec(), true).await;
    assert_eq!(again["data"]["uploadEvidence"]["sha256"], file["sha256"]);
    assert_eq!(evidence_of(&server, &staff, &report).await.len(), 2);
    assert_eq!(stored_files(&server), 1);

    // Download: the bytes, as an attachment, never sniffed.
    let path = file["downloadPath"].as_str().expect("path");
    let response = server.client().get(server.url(path)).bearer_auth(&staff).send().await.expect("sent");
    assert_eq!(response.status(), 200);
    let headers = response.headers().clone();
    assert_eq!(headers["content-type"], "application/pdf");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    let disposition = headers["content-disposition"].to_str().expect("ascii");
    assert!(
        disposition.starts_with("attachment;") && disposition.contains("filename*=UTF-8''"),
        "{disposition}"
    );
    assert_eq!(response.bytes().await.expect("body").as_ref(), PDF);

    // Another department and the public get nothing.
    let bousai = server.login("bousai@omitama.example").await;
    let denied = server.client().get(server.url(path)).bearer_auth(&bousai).send().await.expect("sent");
    assert_eq!(denied.status(), 404);
    let public = server.client().get(server.url(path)).send().await.expect("sent");
    assert_eq!(public.status(), 401);
    let (_, other) = upload(&server, &bousai, &report, "x.pdf", PDF.to_vec(), true).await;
    assert_eq!(error_code(&other), "NOT_FOUND");

    // Removal while the report is editable.
    let removed = server
        .graphql_as(
            Some(&staff),
            "mutation($id: ID!) { removeEvidence(id: $id) { id } }",
            json!({ "id": file["id"] }),
            "ja",
        )
        .await;
    assert!(removed["errors"].is_null(), "{removed}");
    assert_eq!(evidence_of(&server, &staff, &report).await.len(), 1);
    let gone = server.client().get(server.url(path)).bearer_auth(&staff).send().await.expect("sent");
    assert_eq!(gone.status(), 404);
    server.stop().await;
}

async fn refused_uploads_leave_nothing_behind(backend: Backend) {
    let server =
        TestServer::start(backend, Options { max_upload_bytes: Some(64 * 1024), ..Options::demo() }).await;
    let (staff, report) = setup(&server).await;

    // A Windows executable named like a PDF.
    let mut executable = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00".to_vec();
    executable.extend(std::iter::repeat_n(0u8, 4096));
    let (_, body) = upload(&server, &staff, &report, "report.pdf", executable, true).await;
    assert_eq!(error_code(&body), "BAD_USER_INPUT", "{body}");
    assert_eq!(body["errors"][0]["extensions"]["field"], "file");

    // Over the limit: a little over is refused by the use case, far over is cut off
    // while it streams in, long before it is buffered.
    let mut large = PDF.to_vec();
    large.extend(std::iter::repeat_n(b' ', 100 * 1024));
    let (_, body) = upload(&server, &staff, &report, "large.pdf", large, true).await;
    assert_eq!(error_code(&body), "BAD_USER_INPUT", "{body}");
    assert_eq!(body["errors"][0]["message"], "ファイルが大きすぎます（64KBまで）。");
    let mut huge = PDF.to_vec();
    huge.extend(std::iter::repeat_n(b' ', 3 * 1024 * 1024));
    let operations = json!({ "query": UPLOAD, "variables": { "report": report, "file": null } });
    let form = reqwest::multipart::Form::new()
        .text("operations", operations.to_string())
        .text("map", json!({ "0": ["variables.file"] }).to_string())
        .part("0", reqwest::multipart::Part::bytes(huge).file_name("huge.pdf"));
    let sent = server
        .client()
        .post(server.url("/graphql"))
        .bearer_auth(&staff)
        .header("x-requested-with", "nukumori")
        .multipart(form)
        .send()
        .await;
    // The server answers 413 and stops reading; a client still sending may instead see
    // the connection close under it. Either way nothing past the limit was taken in.
    match sent {
        Ok(response) => assert_eq!(response.status(), 413),
        Err(error) => assert!(error.is_request(), "{error}"),
    }

    // A path for a name.
    let (_, body) = upload(&server, &staff, &report, "../../etc/passwd", PDF.to_vec(), true).await;
    assert_eq!(error_code(&body), "BAD_USER_INPUT", "{body}");

    // A multipart request without X-Requested-With could come from another site's form.
    let (status, body) = upload(&server, &staff, &report, "ok.pdf", PDF.to_vec(), false).await;
    assert_eq!((status, error_code(&body)), (400, "BAD_USER_INPUT"));

    assert_eq!(evidence_of(&server, &staff, &report).await, Vec::<Value>::new(), "no row");
    assert_eq!(stored_files(&server), 0, "no file");
    server.stop().await;
}
