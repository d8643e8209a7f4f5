//! The heaviest reads, measured side by side: through Nukumori's HTTP and GraphQL API, as
//! the raw SQL those reads need (the floor), and — on PostgreSQL — through PostGraphile
//! over the same tables (the peer).
//!
//! For each engine (SQLite; PostgreSQL when `NUKUMORI_BENCH_POSTGRES_URL` names a server
//! where databases may be created) the benchmark starts the server in-process on a fresh
//! database, loads a synthetic plan 100 times the Omitama seed (2,900 directions with three
//! owners each, 1,000 indicators) with five fiscal years of reports, and times the plan
//! tree, the completion matrix of a period, the review queue, the annual evaluation and the
//! first page of a period's reports:
//!
//! - **API**: one GraphQL request over HTTP (keep-alive), signed in as the plan office,
//!   answer read whole; p50 and p99 one request at a time, then requests per second with
//!   two clients at once.
//! - **floor**: the statements the resolvers execute for the same answer (found in the
//!   store, one by one; see `floor.rs`), run through sea-orm's raw statements on a pool of
//!   the benchmark's own over the same database, every row fetched; timed the same way.
//! - **peer** (PostgreSQL, when `tests/peer` has its packages): PostGraphile v4 with the
//!   equivalent plan-tree and report-list queries.
//!
//! ```sh
//! cargo bench -p server --bench api                          # SQLite only
//! NUKUMORI_BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres \
//!   cargo bench -p server --bench api                        # and PostgreSQL (+ peer)
//! .ci/bench.sh                                               # all of it, peer installed
//! .ci/bench.sh --smoke                                       # small data, debug build, < 60 s
//! ```
//!
//! Settings (environment): `NUKUMORI_BENCH_SMOKE=1` (small data, short windows; also the
//! default when the binary runs without `--bench`, as under `cargo test`),
//! `NUKUMORI_BENCH_ENGINES=sqlite,postgres`, `NUKUMORI_BENCH_PEER=0|1` (off, or required),
//! `NUKUMORI_BENCH_SECONDS` (each latency and throughput window, default 5),
//! `NUKUMORI_BENCH_CLIENTS` (default 2), `NUKUMORI_PEER_WORKERS` (PostGraphile processes,
//! default 2), `NUKUMORI_BENCH_KEEP=1` (keep the PostgreSQL database). A trailing argument
//! keeps only the reads whose name contains it (`cargo bench -p server --bench api -- tree`).

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::print_stdout, clippy::print_stderr)]

mod fixture;
mod floor;
mod measure;
mod peer;
mod reads;

use std::{fmt::Write as _, sync::Arc, time::Duration};

use fixture::{Engine, Fixture};
use measure::{Budget, Op, Stats, ms, rate, ratio, side_by_side};
use reads::Read;

/// The synthetic data set.
#[derive(Clone, Debug)]
pub struct Scale {
    /// Goals, policies per goal, directions per policy, indicators per goal.
    pub plan: (usize, usize, usize, usize),
    /// Fiscal years with an interim and a year-end period, all accepted and evaluated;
    /// the next year gets an interim period in every workflow state and a year-end
    /// period not started.
    pub history: std::ops::RangeInclusive<i32>,
}

struct Settings {
    smoke: bool,
    scale: Scale,
    budget: Budget,
    engines: Vec<Engine>,
    postgres: Option<String>,
    peer: Option<bool>,
    filter: Option<String>,
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

impl Settings {
    fn from_env() -> Self {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let smoke = env("NUKUMORI_BENCH_SMOKE").map_or(!args.iter().any(|a| a == "--bench"), |v| v == "1");
        let filter = args.iter().find(|a| !a.starts_with('-')).cloned();
        let postgres = env("NUKUMORI_BENCH_POSTGRES_URL");
        let engines = match env("NUKUMORI_BENCH_ENGINES") {
            Some(list) => list
                .split(',')
                .map(|e| match e.trim() {
                    "sqlite" => Engine::Sqlite,
                    "postgres" => Engine::Postgres,
                    other => panic!("unknown engine {other:?} in NUKUMORI_BENCH_ENGINES"),
                })
                .collect(),
            None if postgres.is_some() => vec![Engine::Sqlite, Engine::Postgres],
            None => vec![Engine::Sqlite],
        };
        assert!(
            postgres.is_some() || !engines.contains(&Engine::Postgres),
            "PostgreSQL needs NUKUMORI_BENCH_POSTGRES_URL"
        );
        let seconds =
            env("NUKUMORI_BENCH_SECONDS").map(|s| s.parse::<f64>().expect("NUKUMORI_BENCH_SECONDS"));
        let clients = env("NUKUMORI_BENCH_CLIENTS").map_or(2, |c| c.parse().expect("NUKUMORI_BENCH_CLIENTS"));
        let (scale, budget) = if smoke {
            let window = Duration::from_secs_f64(seconds.unwrap_or(0.2));
            (
                Scale { plan: (2, 2, 5, 2), history: 2023..=2024 },
                Budget {
                    window,
                    min_samples: 5,
                    max_window: window * 10,
                    throughput_window: window,
                    clients,
                    warmup: 1,
                },
            )
        } else {
            let window = Duration::from_secs_f64(seconds.unwrap_or(5.0));
            (
                Scale { plan: (10, 10, 29, 100), history: 2021..=2024 },
                Budget {
                    window,
                    min_samples: 100,
                    max_window: window * 12,
                    throughput_window: window,
                    clients,
                    warmup: 3,
                },
            )
        };
        let peer = env("NUKUMORI_BENCH_PEER").map(|v| v == "1");
        Self { smoke, scale, budget, engines, postgres, peer, filter }
    }
}

/// One line of the results.
struct Row {
    read: Read,
    engine: Engine,
    answer: String,
    api_statements: u64,
    floor_statements: usize,
    api: Stats,
    floor: Stats,
}

/// One line of the peer comparison.
struct PeerRow {
    read: Read,
    answer: String,
    ours: Stats,
    theirs: Stats,
}

fn main() {
    let settings = Settings::from_env();
    // Two worker threads: the machine the figures are for has two cores, shared by the
    // server, the clients and the database.
    let runtime =
        tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
    runtime.block_on(run(settings));
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, std::num::NonZero::get);
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load: Vec<&str> = load.split_whitespace().take(3).collect();
    format!("{cores} × {cpu}; load average {}", load.join(" "))
}

fn api_op(fixture: &Fixture, token: &str, body: &serde_json::Value) -> Op {
    let client = fixture.client.clone();
    let url = fixture.graphql_url.clone();
    let auth = format!("Bearer {token}");
    let body = bytes_of(body);
    Arc::new(move || {
        let request = client
            .post(&url)
            .header("content-type", "application/json")
            .header("authorization", &auth)
            .body(body.clone());
        Box::pin(async move {
            let answer = request.send().await.expect("sent");
            assert!(answer.status().is_success(), "{}", answer.status());
            let _ = answer.bytes().await.expect("body");
        })
    })
}

fn peer_op(client: &reqwest::Client, url: &str, body: &serde_json::Value) -> Op {
    let client = client.clone();
    let url = url.to_owned();
    let body = bytes_of(body);
    Arc::new(move || {
        let request = client.post(&url).header("content-type", "application/json").body(body.clone());
        Box::pin(async move {
            let answer = request.send().await.expect("sent");
            assert!(answer.status().is_success(), "{}", answer.status());
            let _ = answer.bytes().await.expect("body");
        })
    })
}

fn bytes_of(body: &serde_json::Value) -> Vec<u8> {
    serde_json::to_vec(body).expect("json")
}

async fn run(settings: Settings) {
    let mode = if settings.smoke { "smoke (small data, short windows)" } else { "full" };
    let profile = if cfg!(debug_assertions) { "debug" } else { "release" };
    eprintln!("nukumori api benchmark: {mode}, {profile} build; {}", machine());
    let wanted = |read: Read| settings.filter.as_deref().is_none_or(|f| read.label().contains(f));
    let peer_wanted = settings.engines.contains(&Engine::Postgres) && settings.peer != Some(false);
    let peer_problem = if peer_wanted { peer::unavailable() } else { None };
    if let Some(problem) = &peer_problem {
        assert!(settings.peer != Some(true), "the PostGraphile peer cannot run: {problem}");
        eprintln!("PostGraphile peer skipped: {problem}");
    }
    let mut rows: Vec<Row> = Vec::new();
    let mut peer_rows: Vec<PeerRow> = Vec::new();
    let mut sizes = Vec::new();
    for &engine in &settings.engines {
        eprintln!("[{}] loading the data set…", engine.label());
        let fixture = Fixture::start(engine, settings.postgres.as_deref(), &settings.scale).await;
        sizes.push((engine, fixture.size));
        let floor_db = fixture.connect().await;
        let floor = Arc::new(floor::Floor::prepare(&fixture, floor_db).await);
        let peer = match fixture.postgres_url() {
            Some(url) if peer_wanted && peer_problem.is_none() => {
                Some(peer::Peer::start(url, &fixture.client).await)
            }
            _ => None,
        };
        for read in Read::ALL.into_iter().filter(|r| wanted(*r)) {
            let token = fixture.login().await;
            let body = read.body(&fixture);
            let before = fixture.app.statements_executed();
            let answer =
                fixture.post(&token, body["query"].as_str().expect("query"), body["variables"].clone()).await;
            let api_statements = fixture.app.statements_executed() - before;
            let described = read.check(&fixture, &answer);
            let floor_statements = floor.run(read).await;
            eprintln!("[{}] {}: {described}", engine.label(), read.label());
            let floor_op: Op = {
                let floor = Arc::clone(&floor);
                Arc::new(move || {
                    let floor = Arc::clone(&floor);
                    Box::pin(async move {
                        floor.run(read).await;
                    })
                })
            };
            let mut ops = vec![api_op(&fixture, &token, &body), floor_op];
            // The peer answers the same question, and must give the same answer.
            let mut peer_answer = None;
            if let Some(peer) = &peer
                && peer::READS.contains(&read)
            {
                let theirs_body = peer::Peer::body(read, &fixture);
                let theirs_answer: serde_json::Value = fixture
                    .client
                    .post(&peer.url)
                    .json(&theirs_body)
                    .send()
                    .await
                    .expect("sent")
                    .json()
                    .await
                    .expect("json");
                peer_answer = Some(peer::Peer::check(read, &fixture, &answer, &theirs_answer));
                ops.push(peer_op(&fixture.client, &peer.url, &theirs_body));
            }
            let stats = side_by_side(&ops, settings.budget).await;
            let (api, floor_stats) = (stats[0], stats[1]);
            eprintln!(
                "[{}] {}: API p50 {} p99 {} {} req/s; floor p50 {} p99 {} {} req/s",
                engine.label(),
                read.label(),
                ms(api.p50),
                ms(api.p99),
                rate(api.rps),
                ms(floor_stats.p50),
                ms(floor_stats.p99),
                rate(floor_stats.rps)
            );
            if let (Some(peer_answer), Some(theirs)) = (peer_answer, stats.get(2).copied()) {
                eprintln!(
                    "[{}] {}: PostGraphile p50 {} p99 {} {} req/s ({peer_answer})",
                    engine.label(),
                    read.label(),
                    ms(theirs.p50),
                    ms(theirs.p99),
                    rate(theirs.rps)
                );
                peer_rows.push(PeerRow { read, answer: peer_answer, ours: api, theirs });
            }
            rows.push(Row {
                read,
                engine,
                answer: described,
                api_statements,
                floor_statements,
                api,
                floor: floor_stats,
            });
        }
        drop(peer);
        floor.close().await;
        fixture.finish().await;
    }
    println!("{}", report(&settings, &sizes, &rows, &peer_rows));
}

fn report(
    settings: &Settings,
    sizes: &[(Engine, fixture::Size)],
    rows: &[Row],
    peer_rows: &[PeerRow],
) -> String {
    let mut out = String::new();
    let b = settings.budget;
    let _ = writeln!(
        out,
        "\n## Nukumori API benchmark ({}, {} build)\n\nMachine: {}\n",
        if settings.smoke { "smoke" } else { "full" },
        if cfg!(debug_assertions) { "debug" } else { "release" },
        machine()
    );
    for (engine, s) in sizes {
        let _ = writeln!(
            out,
            "Data set ({}): {} goals, {} policies, {} directions, {} owner pairs, {} indicators with {} values; \
             {} periods over {} fiscal years, {} reports ({} revisions, {} waiting for review).",
            engine.label(),
            s.goals,
            s.policies,
            s.directions,
            s.owner_pairs,
            s.indicators,
            s.indicator_values,
            s.periods,
            s.fiscal_years,
            s.reports,
            s.revisions,
            s.waiting
        );
    }
    let _ = writeln!(
        out,
        "\nAPI, floor and peer of a read measured side by side (in turn). Latency: one request at a time, \
         at least {} requests each and {:.1?} per operation (at most {:.0?}); throughput: {} clients, \
         {:.1?} per operation in five slices.\n",
        b.min_samples, b.window, b.max_window, b.clients, b.throughput_window
    );
    let _ = writeln!(
        out,
        "| read | engine | answer | API p50 | API p99 | API req/s | floor p50 | floor p99 | floor req/s | API ÷ floor (p50) | floor ÷ API (req/s) | statements API / floor | samples API / floor |"
    );
    let _ = writeln!(out, "|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
    for r in rows {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} / {} | {} / {} |",
            r.read.label(),
            r.engine.label(),
            r.answer,
            ms(r.api.p50),
            ms(r.api.p99),
            rate(r.api.rps),
            ms(r.floor.p50),
            ms(r.floor.p99),
            rate(r.floor.rps),
            ratio(r.api.p50.as_secs_f64(), r.floor.p50.as_secs_f64()),
            ratio(r.floor.rps, r.api.rps),
            r.api_statements,
            r.floor_statements,
            r.api.samples,
            r.floor.samples
        );
    }
    if !peer_rows.is_empty() {
        let _ = writeln!(
            out,
            "\nPostGraphile v4 over the same PostgreSQL database (no authentication, no permission checks):\n"
        );
        let _ = writeln!(
            out,
            "| read | PostGraphile answer | Nukumori p50 | p99 | req/s | PostGraphile p50 | p99 | req/s | Nukumori ÷ PostGraphile (p50) | PostGraphile ÷ Nukumori (req/s) |"
        );
        let _ = writeln!(out, "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|");
        for r in peer_rows {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                r.read.label(),
                r.answer,
                ms(r.ours.p50),
                ms(r.ours.p99),
                rate(r.ours.rps),
                ms(r.theirs.p50),
                ms(r.theirs.p99),
                rate(r.theirs.rps),
                ratio(r.ours.p50.as_secs_f64(), r.theirs.p50.as_secs_f64()),
                ratio(r.theirs.rps, r.ours.rps)
            );
        }
    }
    out
}
