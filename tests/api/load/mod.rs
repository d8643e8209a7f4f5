//! Load and crash safety (see docs/load.md).
//!
//! A day of work, replayed: writers save drafts (reloading on conflicts), attach PDFs and
//! submit; reviewers work through their queues; committee members read the FY2024
//! evaluation, all at once over HTTP. It prints throughput and latency per operation,
//! then checks the database against every acknowledged change (no lost update, nothing
//! refused visible, every submission frozen once) and the audit chain.
//!
//! The crash test runs the same load against the real binary, kills it with SIGKILL in
//! the middle, starts it again on the same data and checks the same, plus that the
//! outbox still delivers every mail (a mail sent but not yet marked sent when the process
//! died goes out again with the same Message-ID, which is how a receiver drops it).
//!
//! `load::a_day_through_running_servers` (ignored unless asked for) runs the same day
//! against servers someone else started, such as two instances behind a load balancer
//! (`.ci/scale-out.sh`), and checks their database and file store the same way.
//!
//! In CI both run small (`LoadConfig::smoke`). The heavy run is the same test with
//! `NUKUMORI_LOAD_WRITERS=200 NUKUMORI_LOAD_REVIEWERS=20 NUKUMORI_LOAD_COMMITTEE=10
//! NUKUMORI_LOAD_SECONDS=120 cargo nextest run --release -E 'test(load::)' --no-capture`.

mod check;
mod engine;
mod process;

use std::{
    collections::{BTreeMap, BTreeSet},
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, Ordering},
    },
    time::{Duration, Instant},
};

use app::{App, Settings};
use engine::{Client, LoadConfig, Outcome, Population};
use mail_parser::MessageParser;
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};

use crate::{
    harness::{Backend, Options, TestDatabase, TestServer, on_both_backends},
    smtp::SmtpSink,
};

on_both_backends!(a_day_of_work_keeps_every_acknowledged_change, a_killed_server_loses_nothing_acknowledged);

fn describe_run(
    backend: impl std::fmt::Debug,
    server: &str,
    config: &LoadConfig,
    population: &Population,
    outcome: &Outcome,
) {
    let build = if cfg!(debug_assertions) { "debug" } else { "release" };
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    println!("\n=== load on {backend:?} ({server}, {build} build, {cores} cores): {} ===", config.describe());
    println!(
        "preparation: {} accounts created and signed in, FY2025 year-end opened, in {:.1} s",
        population.writers.len() + population.reviewers.len() + population.committee.len(),
        population.elapsed.as_secs_f64()
    );
    let mut seats: BTreeMap<&str, usize> = BTreeMap::new();
    for person in population.writers.iter().chain(&population.reviewers) {
        *seats.entry(person.organization.as_str()).or_default() += 1;
    }
    println!("people per organisation (writers and reviewers): {seats:?}");
    print!("{}", population.stats.table(population.elapsed));
    println!(
        "run: {:.1} s, {} requests, {:.1} requests/s, {} writer iterations found nothing to edit",
        outcome.wall.as_secs_f64(),
        outcome.stats.requests(),
        outcome.stats.requests() as f64 / outcome.wall.as_secs_f64(),
        outcome.stats.idle
    );
    print!("{}", outcome.stats.table(outcome.wall));
    if !outcome.stats.instances.is_empty() {
        println!("answers per instance: {:?}", outcome.stats.instances);
    }
    println!("{}", outcome.ledger.summary());
}

fn acknowledged(outcome: &Outcome, op: &str) -> u64 {
    outcome.stats.ops.get(op).map_or(0, |s| s.ok)
}

/// With `NUKUMORI_LOAD_LOG=warn` (a tracing filter), the in-process server's log is
/// printed, internal causes included.
fn log_if_asked() {
    if let Ok(filter) = std::env::var("NUKUMORI_LOAD_LOG") {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
            .with_test_writer()
            .try_init();
    }
}

async fn a_day_of_work_keeps_every_acknowledged_change(backend: Backend) {
    log_if_asked();
    let config = LoadConfig::from_env(LoadConfig::smoke());
    let server = TestServer::start(backend, Options { demo_history: true, ..Options::demo() }).await;
    let client = Client::new(&server.base_url);
    let population = engine::prepare(&server.app, &client, &config).await;
    let before = check::snapshot(&server.app).await;

    let outcome = engine::run(&client, &population, &config, Arc::new(AtomicBool::new(false))).await;
    describe_run(backend, "in-process server", &config, &population, &outcome);

    let started = Instant::now();
    let files = server.data_dir().join("files");
    let verdict =
        check::verify(&server.app, &before, &outcome.ledger, check::StoredFiles::Directory(&files)).await;
    println!("{} ({:.1} s)", verdict.describe(), started.elapsed().as_secs_f64());
    assert_eq!(outcome.stats.server_errors(), 0, "5xx answers: {:#?}", outcome.stats.error_samples());
    assert_eq!(outcome.stats.errors(), 0, "failed requests: {:#?}", outcome.stats.error_samples());
    assert!(verdict.problems.is_empty(), "{:#?}", verdict.problems);
    assert!(acknowledged(&outcome, "saveReport") > 0, "the writers saved");
    assert!(acknowledged(&outcome, "annualEvaluation") > 0, "the committee read");
    assert!(
        ["approveReport", "acceptReport", "returnReport"].iter().any(|op| acknowledged(&outcome, op) > 0),
        "the reviewers reviewed"
    );
    server.stop().await;
}

/// The day against servers started by someone else (`.ci/scale-out.sh`):
/// `NUKUMORI_LOAD_URL` is where they answer (a balancer), `NUKUMORI_LOAD_DATABASE_URL`
/// their database and `NUKUMORI_LOAD_FILES_URL` their file store (`s3://…` with the same
/// `AWS_*` variables, or `file:///…`), through which the accounts are made and the
/// checks read. The servers must run the demo with its history and the tests' demo
/// password (`NUKUMORI_DEMO_PASSWORD=kasumigaura-lotus-2041`).
/// `NUKUMORI_LOAD_INSTANCES=N` also asserts that N instances answered (the balancer
/// names them in `X-Nukumori-Instance`).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs running servers: NUKUMORI_LOAD_URL etc. (run by .ci/scale-out.sh)"]
async fn a_day_through_running_servers() {
    let var = |name: &str| std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set"));
    let (url, database_url) = (var("NUKUMORI_LOAD_URL"), var("NUKUMORI_LOAD_DATABASE_URL"));
    let files = server::FileStore::parse(&var("NUKUMORI_LOAD_FILES_URL")).expect("NUKUMORI_LOAD_FILES_URL");
    assert_ne!(files, server::FileStore::DataDir, "NUKUMORI_LOAD_FILES_URL names the servers' store");
    let config = LoadConfig::from_env(LoadConfig::smoke());
    let mut settings = Settings::for_operator().expect("settings");
    settings.files = server::file_store(&files, std::path::Path::new(".")).await.expect("the file store");
    let app = App::open(&database_url, settings).await.expect("the servers' database");
    let client = Client::new(&url);
    let population = engine::prepare(&app, &client, &config).await;
    let before = check::snapshot(&app).await;

    let outcome = engine::run(&client, &population, &config, Arc::new(AtomicBool::new(false))).await;
    describe_run(app.backend(), &format!("running servers at {url}"), &config, &population, &outcome);

    let started = Instant::now();
    let verdict = check::verify(&app, &before, &outcome.ledger, check::StoredFiles::App).await;
    println!("{} ({:.1} s)", verdict.describe(), started.elapsed().as_secs_f64());
    assert_eq!(outcome.stats.server_errors(), 0, "5xx answers: {:#?}", outcome.stats.error_samples());
    assert_eq!(outcome.stats.errors(), 0, "failed requests: {:#?}", outcome.stats.error_samples());
    assert!(verdict.problems.is_empty(), "{:#?}", verdict.problems);
    assert!(acknowledged(&outcome, "saveReport") > 0, "the writers saved");
    assert!(acknowledged(&outcome, "uploadEvidence") > 0, "the writers uploaded");
    if let Ok(expected) = std::env::var("NUKUMORI_LOAD_INSTANCES") {
        let expected: usize = expected.parse().expect("NUKUMORI_LOAD_INSTANCES: a number");
        assert_eq!(
            outcome.stats.instances.len(),
            expected,
            "instances that answered: {:?}",
            outcome.stats.instances
        );
    }
    app.close().await.expect("close");
}

async fn count(db: &DatabaseConnection, sql: &str) -> i64 {
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql.to_owned()))
        .await
        .expect(sql)
        .expect("a row");
    row.try_get_by_index::<i64>(0).expect("a number")
}

/// A slow link in front of the SMTP sink: every chunk the sink sends back is held for
/// `delay`, as a busy relay would answer; so a mail pass takes long enough for the kill
/// to find the mail worker in the middle of one.
async fn slow_link(target: u16, delay: Duration) -> (u16, tokio::task::JoinHandle<()>) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("port");
    let port = listener.local_addr().expect("address").port();
    let task = tokio::spawn(async move {
        while let Ok((client, _)) = listener.accept().await {
            tokio::spawn(async move {
                let Ok(server) = tokio::net::TcpStream::connect(("127.0.0.1", target)).await else { return };
                let (mut client_read, mut client_write) = client.into_split();
                let (mut server_read, mut server_write) = server.into_split();
                let upstream = async {
                    let _ = tokio::io::copy(&mut client_read, &mut server_write).await;
                    let _ = server_write.shutdown().await;
                };
                let downstream = async {
                    let mut buffer = [0u8; 4096];
                    while let Ok(n) = server_read.read(&mut buffer).await {
                        if n == 0 {
                            break;
                        }
                        tokio::time::sleep(delay).await;
                        if client_write.write_all(&buffer[..n]).await.is_err() {
                            break;
                        }
                    }
                    let _ = client_write.shutdown().await;
                };
                tokio::join!(upstream, downstream);
            });
        }
    });
    (port, task)
}

/// How long the crash test lets the load run before it kills the server.
fn crash_after() -> Duration {
    std::env::var("NUKUMORI_LOAD_CRASH_AFTER_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .map_or(Duration::from_secs(6), Duration::from_secs_f64)
}

async fn a_killed_server_loses_nothing_acknowledged(backend: Backend) {
    let mut config = LoadConfig::from_env(LoadConfig::smoke());
    // The kill ends the load.
    config.duration = Duration::from_secs(3600);
    config.operations = None;
    let database = TestDatabase::create(backend).await;
    let data_dir = database.dir().join("data");
    let messages = Arc::new(Mutex::new(Vec::new()));
    let sink = SmtpSink::start(0, None, Arc::clone(&messages)).await;
    let (relay, relay_task) = slow_link(sink.port, Duration::from_millis(20)).await;
    let smtp_url = format!("smtp://127.0.0.1:{relay}?tls=none");
    let mut server =
        process::ServerProcess::start(&database.url, &data_dir, &smtp_url, database.dir().join("first.log"))
            .await;
    // The test's own connection to the same database, to prepare and to check.
    let app = App::open(&database.url, Settings::for_operator().expect("settings")).await.expect("database");
    let client = Client::new(&server.base_url);
    let population = engine::prepare(&app, &client, &config).await;
    let before = check::snapshot(&app).await;

    let stop = Arc::new(AtomicBool::new(false));
    let load = {
        let (client, population, config, stop) =
            (client.clone(), population.clone(), config.clone(), Arc::clone(&stop));
        tokio::spawn(async move { engine::run(&client, &population, &config, stop).await })
    };
    tokio::time::sleep(crash_after()).await;
    stop.store(true, Ordering::SeqCst);
    server.kill();
    let outcome = load.await.expect("the load");
    describe_run(backend, "nukumori serve, killed with SIGKILL mid-load", &config, &population, &outcome);
    assert!(acknowledged(&outcome, "saveReport") > 0, "saves were acknowledged before the kill");

    let db = sea_orm::Database::connect(&database.url).await.expect("connect");
    if backend == Backend::Sqlite {
        let row = db
            .query_one_raw(Statement::from_string(db.get_database_backend(), "PRAGMA integrity_check"))
            .await
            .expect("integrity check")
            .expect("a row");
        assert_eq!(row.try_get_by_index::<String>(0).expect("text"), "ok", "the SQLite file is intact");
    }
    // Mails the dead worker had claimed but not marked sent: they wait for its lease (two
    // minutes) to run out. By default the test moves that clock on; with
    // NUKUMORI_LOAD_WAIT_FOR_LEASES=1 it waits for real.
    let leased =
        count(&db, "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND claimed_until IS NOT NULL").await;
    let delivered_before = messages.lock().expect("messages").len();
    let wait_for_leases = std::env::var("NUKUMORI_LOAD_WAIT_FOR_LEASES").is_ok_and(|v| v == "1");
    if !wait_for_leases {
        db.execute_unprepared(
            "UPDATE outbox SET claimed_until = NULL WHERE sent_at IS NULL AND claimed_until IS NOT NULL",
        )
        .await
        .expect("expire leases");
    }

    let restarted = Instant::now();
    let server =
        process::ServerProcess::start(&database.url, &data_dir, &smtp_url, database.dir().join("second.log"))
            .await;
    println!("restarted on the same data in {:.1} s", restarted.elapsed().as_secs_f64());
    let files = data_dir.join("files");
    let verdict = check::verify(&app, &before, &outcome.ledger, check::StoredFiles::Directory(&files)).await;
    println!("{}", verdict.describe());
    assert!(verdict.problems.is_empty(), "{:#?}", verdict.problems);

    // The operator's check agrees.
    let audit = std::process::Command::new(env!("CARGO_BIN_EXE_nukumori"))
        .args(["audit", "verify", "--data-dir"])
        .arg(&data_dir)
        .env("DATABASE_URL", &database.url)
        .env("LANG", "en_US.UTF-8")
        .env("NUKUMORI_LOG", "warn")
        .output()
        .expect("nukumori audit verify");
    let said = String::from_utf8_lossy(&audit.stderr);
    assert!(audit.status.success() && said.contains("intact"), "{said}");
    println!("nukumori audit verify: {}", said.trim());

    // The outbox drains: every mail reaches the SMTP server, duplicates only of mails
    // the killed worker had in hand, and with the same Message-ID.
    let patience = if wait_for_leases { Duration::from_secs(240) } else { Duration::from_secs(60) };
    let draining = Instant::now();
    let counts = loop {
        let counts = app.outbox_counts().await.expect("outbox");
        if counts.pending == 0 {
            break counts;
        }
        assert!(draining.elapsed() < patience, "mail still pending after the restart: {counts:?}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert_eq!(counts.failed, 0, "{counts:?}");
    let rows = db
        .query_all_raw(Statement::from_string(db.get_database_backend(), "SELECT id FROM outbox"))
        .await
        .expect("outbox ids");
    let outbox: BTreeSet<String> =
        rows.iter().map(|row| row.try_get_by_index::<uuid::Uuid>(0).expect("uuid").to_string()).collect();
    let raw = messages.lock().expect("messages").clone();
    let mut arrivals: BTreeMap<String, usize> = BTreeMap::new();
    for message in &raw {
        let parsed = MessageParser::default().parse(message.as_bytes()).expect("a parsable mail");
        let id = parsed.message_id().unwrap_or_default();
        *arrivals.entry(id.trim_end_matches("@nukumori").to_owned()).or_default() += 1;
    }
    let duplicates = raw.len() - arrivals.len();
    println!(
        "mail: {} outbox rows; {} delivered before the kill, {} mails held by the killed worker ({}), \
         {} delivered in all, {} distinct Message-IDs, {duplicates} delivered twice (same Message-ID) \
         — drained {:.1} s after the restart",
        outbox.len(),
        delivered_before,
        leased,
        if wait_for_leases { "waited for their lease" } else { "lease fast-forwarded" },
        raw.len(),
        arrivals.len(),
        draining.elapsed().as_secs_f64()
    );
    let arrived: BTreeSet<String> = arrivals.keys().cloned().collect();
    assert_eq!(arrived, outbox, "every outbox row arrived, as itself");
    assert!(
        i64::try_from(duplicates).unwrap_or(i64::MAX) <= leased,
        "only mails in the killed worker's hands may arrive twice: {duplicates} > {leased}"
    );
    db.close().await.expect("close");
    app.close().await.expect("close");
    drop(server);
    relay_task.abort();
    drop(sink);
}
