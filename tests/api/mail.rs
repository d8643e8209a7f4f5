//! Notification mail through a real SMTP server: in the recipient's language, with links
//! into the web app; an outage mid-way loses nothing and duplicates nothing; two
//! instances on one database send each mail once; invitations set a password once.

use std::{
    collections::BTreeSet,
    sync::{Arc, Mutex},
};

use app::{App, Mailer};
use mail_parser::MessageParser;
use serde_json::json;

use crate::{
    harness::{Backend, DEMO_PASSWORD, Options, TestServer, error_code, on_both_backends},
    reports::{demo, open_period},
    review::{first_report, write_complete},
    smtp::SmtpSink,
};

/// A parsed mail: (to, subject, text, html, message id).
struct Mail {
    to: String,
    subject: String,
    text: String,
    html: String,
    message_id: String,
}

fn parse(raw: &str) -> Mail {
    let message = MessageParser::default().parse(raw.as_bytes()).expect("a parsable message");
    let to = message
        .to()
        .and_then(|to| to.first())
        .and_then(|address| address.address())
        .unwrap_or_default()
        .to_owned();
    Mail {
        to,
        subject: message.subject().unwrap_or_default().to_owned(),
        text: message.body_text(0).map(|t| t.into_owned()).unwrap_or_default(),
        html: message.body_html(0).map(|t| t.into_owned()).unwrap_or_default(),
        message_id: message.message_id().unwrap_or_default().to_owned(),
    }
}

fn mailer(app: &App, sink: &SmtpSink, worker: &str) -> Mailer {
    let mut settings = app.settings().mail.clone();
    settings.smtp_url = Some(sink.url());
    Mailer::new(&settings, worker).expect("mailer").with_back_off(chrono::Duration::milliseconds(1))
}

/// Delivers until the outbox has nothing pending (or gives up after many passes).
async fn drain(app: &App, mailer: &Mailer) {
    for _ in 0..200 {
        app.deliver_mail(mailer, 10).await.expect("delivery pass");
        if app.outbox_counts().await.expect("counts").pending == 0 {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    panic!("mail still pending: {:?}", app.outbox_counts().await);
}

fn store() -> Arc<Mutex<Vec<String>>> {
    Arc::new(Mutex::new(Vec::new()))
}

on_both_backends!(
    mails_reach_an_smtp_server_in_each_recipients_language,
    an_smtp_outage_midway_loses_no_mail_and_sends_none_twice,
    two_instances_send_each_mail_once,
    an_invitation_sets_a_password_once,
);

async fn mails_reach_an_smtp_server_in_each_recipients_language(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;
    let demo = demo(&server).await;
    // The welfare manager reads English.
    let users = server.graphql_as(Some(&demo.office), "{ users { id email } }", json!({}), "ja").await;
    let chief = users["data"]["users"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["email"] == "welfare-chief@omitama.example")
        .map(|u| u["id"].clone())
        .unwrap();
    let changed = server
        .graphql_as(
            Some(&demo.office),
            "mutation($id: ID!) { updateUser(id: $id, input: { language: EN }) { id } }",
            json!({ "id": chief }),
            "ja",
        )
        .await;
    assert!(changed.get("errors").is_none(), "{changed}");

    open_period(&server, &demo, "INTERIM", 2025, "2025-10-31").await;
    let staff = server.login("welfare@omitama.example").await;
    let (id, version) = first_report(&server, &staff, "welfare").await;
    let version = write_complete(&server, &staff, &id, version, "訪問を実施した").await;
    let submitted = server
        .graphql_as(
            Some(&staff),
            "mutation($id: ID!, $v: Int!) { submitReport(id: $id, expectedVersion: $v) { status } }",
            json!({ "id": id, "v": version }),
            "ja",
        )
        .await;
    assert_eq!(submitted["data"]["submitReport"]["status"], "AWAITING_MANAGER");

    let sink = SmtpSink::start(0, None, store()).await;
    drain(&server.app, &mailer(&server.app, &sink, "test")).await;
    let mails: Vec<Mail> = sink.messages().iter().map(|raw| parse(raw)).collect();

    // The manager is asked to sign the report off, in English, with a link to it.
    let link = format!("https://nukumori.test/reports/{id}");
    let to_chief: Vec<&Mail> = mails.iter().filter(|m| m.to == "welfare-chief@omitama.example").collect();
    let sign_off = to_chief.iter().find(|m| m.text.contains(&link)).unwrap_or_else(|| {
        panic!(
            "no mail with {link} to the manager: {:?}",
            to_chief.iter().map(|m| &m.subject).collect::<Vec<_>>()
        )
    });
    assert!(sign_off.subject.starts_with("[Nukumori]"), "{}", sign_off.subject);
    assert!(sign_off.html.contains(&link), "the HTML part links too");
    assert!(
        !sign_off.text.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)),
        "English only: {}",
        sign_off.text
    );
    // Staff learn of the period in Japanese.
    let to_staff: Vec<&Mail> = mails.iter().filter(|m| m.to == "welfare@omitama.example").collect();
    assert!(
        to_staff.iter().any(
            |m| m.subject.starts_with("【ぬくもり】") && m.text.contains("https://nukumori.test/reports")
        ),
        "{:?}",
        to_staff.iter().map(|m| &m.subject).collect::<Vec<_>>()
    );
    // Nobody is told about their own action.
    assert!(!to_staff.iter().any(|m| m.text.contains(&link) && m.subject.contains("提出")));
    let counts = server.app.outbox_counts().await.unwrap();
    assert_eq!(counts.sent as usize, mails.len(), "{counts:?}");
    server.stop().await;
}

async fn an_smtp_outage_midway_loses_no_mail_and_sends_none_twice(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;
    let demo = demo(&server).await;
    open_period(&server, &demo, "INTERIM", 2025, "2025-10-31").await;
    let queued = server.app.outbox_counts().await.unwrap().pending;
    assert!(queued >= 4, "the period announcement goes to every writer: {queued}");

    // The server accepts two mails, then goes down.
    let messages = store();
    let sink = SmtpSink::start(0, Some(2), Arc::clone(&messages)).await;
    let port = sink.port;
    let mailer = mailer(&server.app, &sink, "test");
    let first = server.app.deliver_mail(&mailer, 50).await.unwrap();
    assert_eq!(first.sent, 2, "{first:?}");
    assert_eq!(first.failed as u64, queued - 2, "{first:?}");
    assert!(sink.stopped());
    let counts = server.app.outbox_counts().await.unwrap();
    assert_eq!((counts.sent, counts.pending), (2, queued - 2), "nothing lost: {counts:?}");
    drop(sink);

    // It comes back on the same address; the rest arrive, each once.
    let sink = SmtpSink::start(port, None, Arc::clone(&messages)).await;
    drain(&server.app, &mailer).await;
    let ids: Vec<String> = sink.messages().iter().map(|raw| parse(raw).message_id).collect();
    let unique: BTreeSet<&String> = ids.iter().collect();
    assert_eq!(ids.len() as u64, queued, "every mail arrived");
    assert_eq!(unique.len(), ids.len(), "no mail arrived twice");
    server.stop().await;
}

async fn two_instances_send_each_mail_once(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;
    let demo = demo(&server).await;
    open_period(&server, &demo, "INTERIM", 2025, "2025-10-31").await;
    open_period(&server, &demo, "YEAR_END", 2025, "2026-05-31").await;
    let queued = server.app.outbox_counts().await.unwrap().pending;

    // A second instance on the same database.
    let mut settings = app::Settings::for_operator().unwrap();
    settings.mail = server.app.settings().mail.clone();
    let other = App::open(server.database_url(), settings).await.unwrap();
    let sink = SmtpSink::start(0, None, store()).await;
    let (a, b) = (mailer(&server.app, &sink, "instance-a"), mailer(&other, &sink, "instance-b"));
    let run = |app: App, mailer: Mailer| async move {
        let mut sent = 0;
        while app.outbox_counts().await.unwrap().pending > 0 {
            sent += app.deliver_mail(&mailer, 2).await.unwrap().sent;
        }
        sent
    };
    let (sent_a, sent_b) = tokio::join!(run(server.app.clone(), a), run(other.clone(), b));
    let ids: Vec<String> = sink.messages().iter().map(|raw| parse(raw).message_id).collect();
    let unique: BTreeSet<&String> = ids.iter().collect();
    assert_eq!(ids.len() as u64, queued, "every mail sent ({sent_a} + {sent_b})");
    assert_eq!(unique.len(), ids.len(), "each mail once");
    assert!(sent_a > 0 && sent_b > 0, "both instances took part: {sent_a} + {sent_b}");
    other.close().await.unwrap();
    server.stop().await;
}

async fn an_invitation_sets_a_password_once(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;
    let demo = demo(&server).await;
    let organizations = server.data("{ organizations { id code } }", json!({})).await;
    let welfare = organizations["organizations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["code"] == "welfare")
        .unwrap()["id"]
        .clone();
    let created = server
        .graphql_as(
            Some(&demo.office),
            r#"mutation($org: ID!) { createUser(input: { email: "new.hire@omitama.example", displayName: "新任 太郎", organizationId: $org, roles: [DEPARTMENT_STAFF] }) { id } }"#,
            json!({ "org": welfare }),
            "ja",
        )
        .await;
    let user = created["data"]["createUser"]["id"].clone();
    let invited = server
        .graphql_as(
            Some(&demo.office),
            "mutation($u: ID!) { inviteUser(userId: $u) { expiresAt } }",
            json!({ "u": user }),
            "ja",
        )
        .await;
    assert!(invited["data"]["inviteUser"]["expiresAt"].is_string(), "{invited}");

    let sink = SmtpSink::start(0, None, store()).await;
    drain(&server.app, &mailer(&server.app, &sink, "test")).await;
    let mail = sink
        .messages()
        .iter()
        .map(|raw| parse(raw))
        .find(|m| m.to == "new.hire@omitama.example")
        .expect("the invitation mail");
    let prefix = "https://nukumori.test/invitations/";
    let start = mail.text.find(prefix).expect("a link") + prefix.len();
    let token: String = mail.text[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    assert!(token.len() >= 20, "{token}");

    let preview = server
        .data("query($t: String!) { invitation(token: $t) { email displayName } }", json!({ "t": token }))
        .await;
    assert_eq!(preview["invitation"]["email"], "new.hire@omitama.example");
    const ACCEPT: &str = "mutation($t: String!, $p: String!) { acceptInvitation(token: $t, password: $p) { accessToken user { email } } }";
    let weak = server.graphql(ACCEPT, json!({ "t": token, "p": "short" })).await;
    assert_eq!(error_code(&weak), "BAD_USER_INPUT", "a weak password is refused and the link still works");
    let accepted = server.graphql(ACCEPT, json!({ "t": token, "p": DEMO_PASSWORD })).await;
    assert_eq!(
        accepted["data"]["acceptInvitation"]["user"]["email"], "new.hire@omitama.example",
        "{accepted}"
    );
    let again = server.graphql(ACCEPT, json!({ "t": token, "p": DEMO_PASSWORD })).await;
    assert_eq!(error_code(&again), "BAD_USER_INPUT", "a link works once");
    let gone =
        server.data("query($t: String!) { invitation(token: $t) { email } }", json!({ "t": token })).await;
    assert!(gone["invitation"].is_null());
    server.login("new.hire@omitama.example").await;
    server.stop().await;
}
