//! The load engine: prepares people (accounts created through the app, signed in over
//! HTTP), then runs writers, reviewers and committee members as concurrent tasks against
//! a server's GraphQL endpoint, timing every request and recording every acknowledged
//! change in a ledger that the checks compare with the database afterwards.

use std::{
    collections::BTreeMap,
    fmt::Write as _,
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
    },
    time::{Duration, Instant},
};

use app::{
    App, NewAccount,
    domain::{Language, access::Actor, access::Role},
};
use serde_json::{Value, json};
use tokio::{sync::Semaphore, task::JoinSet};

use crate::{harness::DEMO_PASSWORD, review::complete_report};

/// What to run. Built from defaults and `NUKUMORI_LOAD_*` variables.
#[derive(Clone, Debug)]
pub struct LoadConfig {
    /// Department staff and Council coordinators writing reports.
    pub writers: usize,
    /// The plan office and department managers working through their queues.
    pub reviewers: usize,
    /// Committee members reading the FY2024 evaluation.
    pub committee: usize,
    /// How long the load runs (unless `operations` is set).
    pub duration: Duration,
    /// Iterations per person instead of a duration.
    pub operations: Option<u64>,
    /// The mean pause between two iterations of one person (uniform, 0 to twice this).
    pub think: Duration,
    /// Share of writer iterations that attach a PDF after saving.
    pub upload_share: f64,
    /// Share of writer iterations that submit after saving.
    pub submit_share: f64,
    /// Share of reviews that accept (the rest return, so work keeps coming back).
    pub accept_share: f64,
    /// Seed of the people's choices.
    pub seed: u64,
}

impl LoadConfig {
    /// The CI smoke run: a small office on a short day.
    pub fn smoke() -> Self {
        Self {
            writers: 20,
            reviewers: 4,
            committee: 2,
            duration: Duration::from_secs(6),
            operations: None,
            think: Duration::from_millis(20),
            upload_share: 0.1,
            submit_share: 0.05,
            accept_share: 0.4,
            seed: 2025,
        }
    }

    /// `defaults`, overridden by `NUKUMORI_LOAD_WRITERS`, `_REVIEWERS`, `_COMMITTEE`,
    /// `_SECONDS`, `_OPS` (iterations per person), `_THINK_MS` and `_SEED`.
    pub fn from_env(defaults: Self) -> Self {
        fn var<T: std::str::FromStr>(name: &str) -> Option<T> {
            let value = std::env::var(format!("NUKUMORI_LOAD_{name}")).ok()?;
            Some(
                value
                    .trim()
                    .parse()
                    .unwrap_or_else(|_| panic!("NUKUMORI_LOAD_{name}: not a number: {value}")),
            )
        }
        Self {
            writers: var("WRITERS").unwrap_or(defaults.writers),
            reviewers: var("REVIEWERS").unwrap_or(defaults.reviewers),
            committee: var("COMMITTEE").unwrap_or(defaults.committee),
            duration: var("SECONDS").map_or(defaults.duration, Duration::from_secs_f64),
            operations: var("OPS").or(defaults.operations),
            think: var("THINK_MS").map_or(defaults.think, Duration::from_millis),
            seed: var("SEED").unwrap_or(defaults.seed),
            ..defaults
        }
    }

    pub fn describe(&self) -> String {
        let length = match self.operations {
            Some(operations) => format!("{operations} iterations each"),
            None => format!("{:.0} s", self.duration.as_secs_f64()),
        };
        format!(
            "{} writers, {} reviewers, {} committee members, {length}, think time {} ms (mean)",
            self.writers,
            self.reviewers,
            self.committee,
            self.think.as_millis()
        )
    }
}

/// A small deterministic generator (xorshift64*), so a run can be repeated.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n.max(1) as u64)).unwrap_or(0)
    }

    pub fn chance(&mut self, share: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < share
    }

    pub fn pause(&mut self, mean: Duration) -> Duration {
        let mean = u64::try_from(mean.as_micros()).unwrap_or(u64::MAX);
        if mean == 0 { Duration::ZERO } else { Duration::from_micros(self.next() % (2 * mean)) }
    }
}

// ---------------------------------------------------------------------------------------
// Measurements

/// What became of one request.
#[derive(Clone, Debug)]
pub enum Reply {
    /// `data`.
    Ok(Value),
    /// `CONFLICT`: someone changed it first (expected under load).
    Conflict,
    /// `BAD_USER_INPUT`, `FORBIDDEN` or `NOT_FOUND`: the step no longer applies (someone
    /// else moved the report first); expected under load, nothing was written.
    Refused,
    /// Anything else: a transport error, a non-200 answer, `INTERNAL`. Whether it was
    /// written is unknown.
    Failed,
}

/// One operation's numbers.
#[derive(Clone, Debug, Default)]
pub struct OpStats {
    pub latencies: Vec<Duration>,
    pub ok: u64,
    pub conflicts: u64,
    pub refused: u64,
    pub errors: u64,
    pub server_errors: u64,
    pub samples: Vec<String>,
}

/// Numbers per operation.
#[derive(Clone, Debug, Default)]
pub struct Stats {
    pub ops: BTreeMap<&'static str, OpStats>,
    /// Writer iterations that found nothing left to edit.
    pub idle: u64,
    /// Answers per server instance, when a load balancer names the instance in
    /// [`INSTANCE_HEADER`] (the scale-out drill's haproxy does).
    pub instances: BTreeMap<String, u64>,
}

/// The response header in which a load balancer names the instance that answered.
pub const INSTANCE_HEADER: &str = "x-nukumori-instance";

/// The nearest-rank percentile of sorted latencies.
fn percentile(sorted: &[Duration], share: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = (share * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

impl Stats {
    fn record(
        &mut self,
        op: &'static str,
        elapsed: Duration,
        reply: &Reply,
        detail: impl FnOnce() -> String,
    ) {
        let stats = self.ops.entry(op).or_default();
        stats.latencies.push(elapsed);
        match reply {
            Reply::Ok(_) => stats.ok += 1,
            Reply::Conflict => stats.conflicts += 1,
            Reply::Refused => stats.refused += 1,
            Reply::Failed => {
                stats.errors += 1;
                let detail = detail();
                if detail.starts_with("HTTP 5") {
                    stats.server_errors += 1;
                }
                if stats.samples.len() < 5 {
                    stats.samples.push(detail);
                }
            }
        }
    }

    pub fn merge(&mut self, other: Self) {
        for (op, theirs) in other.ops {
            let mine = self.ops.entry(op).or_default();
            mine.latencies.extend(theirs.latencies);
            mine.ok += theirs.ok;
            mine.conflicts += theirs.conflicts;
            mine.refused += theirs.refused;
            mine.errors += theirs.errors;
            mine.server_errors += theirs.server_errors;
            mine.samples.extend(theirs.samples.into_iter().take(5usize.saturating_sub(mine.samples.len())));
        }
        self.idle += other.idle;
        for (instance, answers) in other.instances {
            *self.instances.entry(instance).or_default() += answers;
        }
    }

    pub fn requests(&self) -> u64 {
        self.ops.values().map(|s| s.latencies.len() as u64).sum()
    }

    pub fn errors(&self) -> u64 {
        self.ops.values().map(|s| s.errors).sum()
    }

    pub fn server_errors(&self) -> u64 {
        self.ops.values().map(|s| s.server_errors).sum()
    }

    /// Error samples, for a failure message.
    pub fn error_samples(&self) -> Vec<String> {
        self.ops.iter().flat_map(|(op, s)| s.samples.iter().map(move |d| format!("{op}: {d}"))).collect()
    }

    /// The table: count, outcomes, throughput over `wall`, latency percentiles.
    pub fn table(&self, wall: Duration) -> String {
        let mut out = String::new();
        let seconds = wall.as_secs_f64().max(f64::EPSILON);
        let _ = writeln!(
            out,
            "| operation        |  count |     ok | conflict | refused | errors |  ops/s | p50 ms | p95 ms | p99 ms | max ms |"
        );
        let _ = writeln!(
            out,
            "|------------------|-------:|-------:|---------:|--------:|-------:|-------:|-------:|-------:|-------:|-------:|"
        );
        let mut all = Vec::new();
        for (op, stats) in &self.ops {
            let mut sorted = stats.latencies.clone();
            sorted.sort_unstable();
            all.extend_from_slice(&sorted);
            let _ = writeln!(
                out,
                "| {op:<16} | {:>6} | {:>6} | {:>8} | {:>7} | {:>6} | {:>6.1} | {:>6.1} | {:>6.1} | {:>6.1} | {:>6.1} |",
                sorted.len(),
                stats.ok,
                stats.conflicts,
                stats.refused,
                stats.errors,
                sorted.len() as f64 / seconds,
                ms(percentile(&sorted, 0.50)),
                ms(percentile(&sorted, 0.95)),
                ms(percentile(&sorted, 0.99)),
                ms(sorted.last().copied().unwrap_or_default()),
            );
        }
        all.sort_unstable();
        let _ = writeln!(
            out,
            "| **all**          | {:>6} | {:>6} | {:>8} | {:>7} | {:>6} | {:>6.1} | {:>6.1} | {:>6.1} | {:>6.1} | {:>6.1} |",
            all.len(),
            self.ops.values().map(|s| s.ok).sum::<u64>(),
            self.ops.values().map(|s| s.conflicts).sum::<u64>(),
            self.ops.values().map(|s| s.refused).sum::<u64>(),
            self.errors(),
            all.len() as f64 / seconds,
            ms(percentile(&all, 0.50)),
            ms(percentile(&all, 0.95)),
            ms(percentile(&all, 0.99)),
            ms(all.last().copied().unwrap_or_default()),
        );
        out
    }
}

// ---------------------------------------------------------------------------------------
// What the load did, for the checks

/// The fate of a request that writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fate<T> {
    /// Acknowledged, with what the server answered.
    Acked(T),
    /// Refused (conflict, no longer editable): must have changed nothing.
    Refused,
    /// No answer (the server died, or answered an error): may or may not have happened.
    InDoubt,
}

/// A save: the report, the unique marker its text carries, and its fate (the new version).
#[derive(Clone, Debug)]
pub struct SaveRecord {
    pub report: String,
    pub marker: String,
    pub fate: Fate<i64>,
}

/// A workflow step (`submit`, `approve`, `accept`, `return`).
#[derive(Clone, Debug)]
pub struct StepRecord {
    pub report: String,
    pub action: &'static str,
    pub fate: Fate<String>,
}

/// An upload and, if acknowledged, the evidence id.
#[derive(Clone, Debug)]
pub struct UploadRecord {
    pub report: String,
    pub fate: Fate<String>,
}

/// Every change the load attempted, with its fate.
#[derive(Clone, Debug, Default)]
pub struct Ledger {
    pub saves: Vec<SaveRecord>,
    pub steps: Vec<StepRecord>,
    pub uploads: Vec<UploadRecord>,
}

impl Ledger {
    fn merge(&mut self, other: Self) {
        self.saves.extend(other.saves);
        self.steps.extend(other.steps);
        self.uploads.extend(other.uploads);
    }

    /// (acknowledged, refused, in doubt) of a kind of record.
    pub fn tally<T>(fates: impl Iterator<Item = Fate<T>>) -> (usize, usize, usize) {
        fates.fold((0, 0, 0), |(a, r, d), fate| match fate {
            Fate::Acked(_) => (a + 1, r, d),
            Fate::Refused => (a, r + 1, d),
            Fate::InDoubt => (a, r, d + 1),
        })
    }

    pub fn summary(&self) -> String {
        let saves = Self::tally(self.saves.iter().map(|s| s.fate.clone()));
        let steps = Self::tally(self.steps.iter().map(|s| s.fate.clone()));
        let uploads = Self::tally(self.uploads.iter().map(|s| s.fate.clone()));
        format!(
            "ledger: saves {} acknowledged / {} refused / {} in doubt; workflow steps {} / {} / {}; \
             uploads {} / {} / {}",
            saves.0, saves.1, saves.2, steps.0, steps.1, steps.2, uploads.0, uploads.1, uploads.2
        )
    }
}

/// The text a save writes: a unique marker inside a plausible sentence.
pub fn summary_with(marker: &str) -> String {
    format!("【負荷試験】{marker} 見守り訪問を実施し、訪問記録を更新した。")
}

/// The marker inside a text written by [`summary_with`].
pub fn marker_of(text: &str) -> Option<&str> {
    let start = text.find("LOAD-")?;
    text[start..].split_whitespace().next()
}

// ---------------------------------------------------------------------------------------
// The client

const MY_REPORTS: &str =
    "{ myReports { id version status overdue period { fiscalYear kind dueOn } direction { code } } }";
const EDITOR: &str = "query($id: ID!) { report(id: $id) { id version status resultsSummary selfRating
  activities { title figures { name actual } } evidence { id fileName } comments { body }
  availableActions missingForSubmission { field } } }";
const SAVE: &str = "mutation($id: ID!, $input: ReportInput!, $v: Int!) {
  saveReport(id: $id, input: $input, expectedVersion: $v) { id version status } }";
const UPLOAD: &str = "mutation($report: ID!, $file: Upload!, $description: String) {
  uploadEvidence(reportId: $report, file: $file, description: $description) { id sha256 } }";
const SUBMIT: &str =
    "mutation($id: ID!, $v: Int!) { submitReport(id: $id, expectedVersion: $v) { id status version } }";
const QUEUE: &str = "{ reviewQueue { report { id status organization { code } } waitingSince waitingDays changedSinceReturn } }";
const REVIEW: &str =
    "query($id: ID!) { report(id: $id) { id version status resultsSummary selfRating ratingReason
  activities { title description figures { name unit planned actual } } evidence { id fileName size }
  revisions { number resultsSummary } comments { body author { displayName } } history { action }
  availableActions } }";
const APPROVE: &str = "mutation($id: ID!) { approveReport(id: $id) { id status } }";
const RETURN: &str = "mutation($id: ID!, $r: String!) { returnReport(id: $id, reason: $r) { id status } }";
const ACCEPT: &str = "mutation($id: ID!, $c: String) { acceptReport(id: $id, comment: $c) { id status } }";
const EVALUATION: &str = "query($p: ID!, $y: Int!) { annualEvaluation(planId: $p, fiscalYear: $y) {
  id status ratingCounts { a b c d unrated }
  goals { goal { code } ratingCounts { a b c d unrated } shareAOrB
          directions { direction { id code } rating proposedRating overrideReason reports { id } missingReports { organization { code } status } summaries { selfRating } } }
  indicators { indicator { code } value achievementRate expectedValue grade gradeLabel }
  opinions { id targetCode body author { displayName } response reflection }
} }";

/// An HTTP client of one server, shared by every simulated person (browsers keep their
/// connections open too).
#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    base_url: String,
}

impl Client {
    pub fn new(base_url: &str) -> Self {
        let http = reqwest::Client::builder().timeout(Duration::from_secs(120)).build().expect("client");
        Self { http, base_url: base_url.trim_end_matches('/').to_owned() }
    }

    async fn classify(
        stats: &mut Stats,
        response: Result<reqwest::Response, reqwest::Error>,
    ) -> (Reply, String) {
        let response = match response {
            Ok(response) => response,
            Err(error) => return (Reply::Failed, format!("transport: {error}")),
        };
        if let Some(instance) = response.headers().get(INSTANCE_HEADER).and_then(|v| v.to_str().ok()) {
            *stats.instances.entry(instance.to_owned()).or_default() += 1;
        }
        let status = response.status().as_u16();
        let body: Value = match response.json().await {
            Ok(body) => body,
            Err(error) => return (Reply::Failed, format!("HTTP {status}: unreadable body: {error}")),
        };
        if status != 200 {
            return (Reply::Failed, format!("HTTP {status}: {body}"));
        }
        match body["errors"][0]["extensions"]["code"].as_str() {
            None if body.get("errors").is_none() => (Reply::Ok(body["data"].clone()), String::new()),
            Some("CONFLICT") => (Reply::Conflict, String::new()),
            Some("BAD_USER_INPUT" | "FORBIDDEN" | "NOT_FOUND") => (Reply::Refused, String::new()),
            _ => (Reply::Failed, format!("GraphQL error: {body}")),
        }
    }

    /// Posts an operation and records how it went under `op`.
    pub async fn call(
        &self,
        stats: &mut Stats,
        op: &'static str,
        token: Option<&str>,
        query: &str,
        variables: Value,
    ) -> Reply {
        let mut request = self
            .http
            .post(format!("{}/graphql", self.base_url))
            .header("accept-language", "ja")
            .json(&json!({ "query": query, "variables": variables }));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let started = Instant::now();
        let (reply, detail) = Self::classify(stats, request.send().await).await;
        stats.record(op, started.elapsed(), &reply, || detail);
        reply
    }

    /// Attaches a small, unique PDF to a report (the GraphQL multipart request spec).
    pub async fn upload(&self, stats: &mut Stats, token: &str, report: &str, marker: &str) -> Reply {
        let pdf = format!(
            "%PDF-1.4\n% {marker}\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n\
             2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
        );
        let operations = json!({ "query": UPLOAD, "variables": { "report": report, "file": null, "description": "訪問記録" } });
        let part = reqwest::multipart::Part::bytes(pdf.into_bytes())
            .file_name(format!("訪問記録 {marker}.pdf"))
            .mime_str("application/pdf")
            .expect("mime");
        let form = reqwest::multipart::Form::new()
            .text("operations", operations.to_string())
            .text("map", json!({ "0": ["variables.file"] }).to_string())
            .part("0", part);
        let request = self
            .http
            .post(format!("{}/graphql", self.base_url))
            .bearer_auth(token)
            .header("x-requested-with", "nukumori")
            .multipart(form);
        let started = Instant::now();
        let (reply, detail) = Self::classify(stats, request.send().await).await;
        stats.record("uploadEvidence", started.elapsed(), &reply, || detail);
        reply
    }
}

// ---------------------------------------------------------------------------------------
// Preparation

/// A signed-in person.
#[derive(Clone, Debug)]
pub struct Person {
    pub organization: String,
    pub token: String,
}

/// Everyone, signed in, and what the preparation cost.
#[derive(Clone, Debug)]
pub struct Population {
    pub plan_id: String,
    pub writers: Vec<Person>,
    pub reviewers: Vec<Person>,
    pub committee: Vec<Person>,
    /// Sign-ins and the period opening.
    pub stats: Stats,
    pub elapsed: Duration,
}

const PLAN: &str = "{ plan(code: \"omitama-3\") { id goals { policies { directions { code owners { organization { code } } } } } } }";
const OPEN: &str = "mutation($plan: ID!) { openReportingPeriod(input: { planId: $plan, fiscalYear: 2025, kind: YEAR_END, opensOn: \"2026-04-01\", dueOn: \"2026-05-31\" }) { id } }";
const LOGIN: &str = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }";

async fn login(client: &Client, stats: &mut Stats, email: &str) -> String {
    match client.call(stats, "login", None, LOGIN, json!({ "e": email, "p": DEMO_PASSWORD })).await {
        Reply::Ok(data) => data["login"]["accessToken"].as_str().expect("token").to_owned(),
        other => panic!("{email} cannot sign in: {other:?} {:?}", stats.error_samples()),
    }
}

/// Creates the accounts through the app (as the system), spread over the owning
/// organisations in proportion to what they own, signs everyone in, and opens the FY2025
/// year-end period (so every owner has a report to write, and every writer a mail).
pub async fn prepare(app: &App, client: &Client, config: &LoadConfig) -> Population {
    let started = Instant::now();
    let mut stats = Stats::default();
    let office = login(client, &mut stats, "office@omitama.example").await;
    let Reply::Ok(plan) = client.call(&mut stats, "plan", Some(&office), PLAN, json!({})).await else {
        panic!("the demo plan: {:?}", stats.error_samples());
    };
    let plan_id = plan["plan"]["id"].as_str().expect("plan id").to_owned();
    let mut owned: BTreeMap<String, usize> = BTreeMap::new();
    for goal in plan["plan"]["goals"].as_array().expect("goals") {
        for policy in goal["policies"].as_array().expect("policies") {
            for direction in policy["directions"].as_array().expect("directions") {
                for owner in direction["owners"].as_array().expect("owners") {
                    let code = owner["organization"]["code"].as_str().expect("code");
                    *owned.entry(code.to_owned()).or_default() += 1;
                }
            }
        }
    }
    // Round-robin over the owners, each as many times as it owns directions: the first
    // writers cover every owner, and the larger owners get more.
    let mut by_size: Vec<(String, usize)> = owned.into_iter().collect();
    by_size.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut seats = Vec::new();
    for round in 0..by_size.first().map_or(0, |o| o.1) {
        seats.extend(by_size.iter().filter(|(_, n)| *n > round).map(|(code, _)| code.clone()));
    }
    let departments: Vec<String> =
        by_size.iter().map(|(c, _)| c.clone()).filter(|c| c != "council").collect();

    let mut accounts = Vec::new();
    for i in 0..config.writers {
        let organization = seats[i % seats.len()].clone();
        let role = if organization == "council" { Role::CouncilCoordinator } else { Role::DepartmentStaff };
        accounts.push(("writer", format!("load-writer-{i:03}@omitama.example"), organization, role));
    }
    // Mostly the plan office; every fourth a department manager, who signs off staff's
    // submissions (the largest departments first).
    for i in 0..config.reviewers {
        let (organization, role) = if i % 4 == 3 {
            (departments[(i / 4) % departments.len()].clone(), Role::DepartmentManager)
        } else {
            ("plan-office".to_owned(), Role::PlanOffice)
        };
        accounts.push(("reviewer", format!("load-reviewer-{i:03}@omitama.example"), organization, role));
    }
    for i in 0..config.committee {
        accounts.push((
            "committee",
            format!("load-committee-{i:03}@omitama.example"),
            "committee".to_owned(),
            Role::CommitteeMember,
        ));
    }

    let mut organization_ids = BTreeMap::new();
    for (_, _, code, _) in &accounts {
        if !organization_ids.contains_key(code) {
            let organization = app.organization_by_code(code).await.expect("organisation").expect(code);
            organization_ids.insert(code.clone(), organization.id);
        }
    }
    // Password hashing is deliberately expensive (and memory-hungry): a few at a time.
    let permits = Arc::new(Semaphore::new(4));
    let mut tasks = JoinSet::new();
    for (index, (kind, email, organization, role)) in accounts.into_iter().enumerate() {
        let (app, client, permits) = (app.clone(), client.clone(), Arc::clone(&permits));
        let organization_id = organization_ids[&organization];
        tasks.spawn(async move {
            let _permit = permits.acquire_owned().await.expect("semaphore");
            let account = NewAccount {
                email: email.clone(),
                display_name: format!("負荷 {index:03}"),
                organization_id,
                roles: vec![role],
                language: Language::Ja,
                password: Some(DEMO_PASSWORD.to_owned()),
            };
            app.create_user(&Actor::System, account).await.unwrap_or_else(|e| panic!("{email}: {e:?}"));
            let mut stats = Stats::default();
            let token = login(&client, &mut stats, &email).await;
            (index, kind, Person { organization, token }, stats)
        });
    }
    let mut people: Vec<(usize, &str, Person)> = Vec::new();
    while let Some(joined) = tasks.join_next().await {
        let (index, kind, person, their_stats) = joined.expect("account task");
        stats.merge(their_stats);
        people.push((index, kind, person));
    }
    // The day starts with the period: every writer is told by mail.
    let opened =
        client.call(&mut stats, "openReportingPeriod", Some(&office), OPEN, json!({ "plan": plan_id })).await;
    assert!(matches!(opened, Reply::Ok(_)), "the FY2025 year-end period opens: {:?}", stats.error_samples());
    people.sort_by_key(|(index, _, _)| *index);
    let pick = |wanted: &str| -> Vec<Person> {
        people.iter().filter(|(_, kind, _)| *kind == wanted).map(|(_, _, p)| p.clone()).collect()
    };
    Population {
        plan_id,
        writers: pick("writer"),
        reviewers: pick("reviewer"),
        committee: pick("committee"),
        stats,
        elapsed: started.elapsed(),
    }
}

// ---------------------------------------------------------------------------------------
// The day

/// What a run measured and did.
pub struct Outcome {
    pub stats: Stats,
    pub ledger: Ledger,
    pub wall: Duration,
}

/// When a person stops: at the deadline, after their iterations, or when told to.
#[derive(Clone)]
struct Until {
    deadline: Option<Instant>,
    operations: Option<u64>,
    stop: Arc<AtomicBool>,
}

impl Until {
    fn reached(&self, done: u64) -> bool {
        self.stop.load(Ordering::SeqCst)
            || self.deadline.is_some_and(|d| Instant::now() >= d)
            || self.operations.is_some_and(|n| done >= n)
    }
}

/// Runs everyone at once until the configured end or until `stop` is set; returns when
/// every person has finished their current request.
pub async fn run(
    client: &Client,
    population: &Population,
    config: &LoadConfig,
    stop: Arc<AtomicBool>,
) -> Outcome {
    let started = Instant::now();
    let until = Until {
        deadline: config.operations.is_none().then(|| started + config.duration),
        operations: config.operations,
        stop,
    };
    let mut tasks: JoinSet<(Stats, Ledger)> = JoinSet::new();
    for (i, person) in population.writers.iter().enumerate() {
        let rng = Rng::new(config.seed ^ (1000 + i as u64));
        tasks.spawn(writer(client.clone(), person.clone(), i, config.clone(), until.clone(), rng));
    }
    for (i, person) in population.reviewers.iter().enumerate() {
        let rng = Rng::new(config.seed ^ (2000 + i as u64));
        tasks.spawn(reviewer(client.clone(), person.clone(), config.clone(), until.clone(), rng));
    }
    for (i, person) in population.committee.iter().enumerate() {
        let rng = Rng::new(config.seed ^ (3000 + i as u64));
        let plan = population.plan_id.clone();
        tasks.spawn(committee(client.clone(), person.clone(), plan, config.clone(), until.clone(), rng));
    }
    let mut stats = Stats::default();
    let mut ledger = Ledger::default();
    while let Some(joined) = tasks.join_next().await {
        let (their_stats, their_ledger) = joined.expect("a simulated person panicked");
        stats.merge(their_stats);
        ledger.merge(their_ledger);
    }
    Outcome { stats, ledger, wall: started.elapsed() }
}

fn editable(status: &str) -> bool {
    matches!(status, "NOT_STARTED" | "DRAFT" | "RETURNED")
}

/// A writer: looks at what the organisation owes, opens a report, saves it (reloading
/// on a conflict), sometimes attaches a PDF, sometimes submits.
async fn writer(
    client: Client,
    me: Person,
    index: usize,
    config: LoadConfig,
    until: Until,
    mut rng: Rng,
) -> (Stats, Ledger) {
    let mut stats = Stats::default();
    let mut ledger = Ledger::default();
    let token = Some(me.token.as_str());
    let mut owed: Vec<(String, String)> = Vec::new();
    let mut saves = 0u64;
    let mut done = 0u64;
    while !until.reached(done) {
        done += 1;
        if (owed.is_empty() || rng.chance(0.3))
            && let Reply::Ok(data) = client.call(&mut stats, "myReports", token, MY_REPORTS, json!({})).await
        {
            owed = data["myReports"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|r| {
                    (
                        r["id"].as_str().unwrap_or_default().to_owned(),
                        r["status"].as_str().unwrap_or_default().to_owned(),
                    )
                })
                .collect();
        }
        let candidates: Vec<&String> = owed.iter().filter(|(_, s)| editable(s)).map(|(id, _)| id).collect();
        if candidates.is_empty() {
            stats.idle += 1;
            owed.clear();
            tokio::time::sleep(rng.pause(config.think).max(Duration::from_millis(50))).await;
            continue;
        }
        let id = candidates[rng.below(candidates.len())].clone();
        let Reply::Ok(data) = client.call(&mut stats, "report", token, EDITOR, json!({ "id": id })).await
        else {
            continue;
        };
        let mut version = data["report"]["version"].as_i64().unwrap_or_default();
        let mut status = data["report"]["status"].as_str().unwrap_or_default().to_owned();
        let mut saved = None;
        for _attempt in 0..4 {
            if !editable(&status) || until.stop.load(Ordering::SeqCst) {
                break;
            }
            saves += 1;
            let marker = format!("LOAD-w{index:03}-{saves:05}");
            let mut input = complete_report(&summary_with(&marker));
            input["issues"] = json!(format!("課題 {}", rng.below(1000)));
            let reply = client
                .call(
                    &mut stats,
                    "saveReport",
                    token,
                    SAVE,
                    json!({ "id": id, "input": input, "v": version }),
                )
                .await;
            let fate = match &reply {
                Reply::Ok(data) => Fate::Acked(data["saveReport"]["version"].as_i64().expect("version")),
                Reply::Conflict | Reply::Refused => Fate::Refused,
                Reply::Failed => Fate::InDoubt,
            };
            ledger.saves.push(SaveRecord { report: id.clone(), marker, fate: fate.clone() });
            match (fate, reply) {
                (Fate::Acked(new_version), _) => {
                    saved = Some(new_version);
                    break;
                }
                (_, Reply::Conflict) => {
                    // Someone saved first: reload and write again on top of theirs.
                    let Reply::Ok(data) =
                        client.call(&mut stats, "report", token, EDITOR, json!({ "id": id })).await
                    else {
                        break;
                    };
                    version = data["report"]["version"].as_i64().unwrap_or_default();
                    status = data["report"]["status"].as_str().unwrap_or_default().to_owned();
                }
                _ => break,
            }
        }
        if let Some(version) = saved {
            if rng.chance(config.upload_share) && !until.stop.load(Ordering::SeqCst) {
                let marker = format!("LOAD-w{index:03}-{saves:05}");
                let reply = client.upload(&mut stats, &me.token, &id, &marker).await;
                let fate = match reply {
                    Reply::Ok(data) => {
                        Fate::Acked(data["uploadEvidence"]["id"].as_str().expect("id").to_owned())
                    }
                    Reply::Conflict | Reply::Refused => Fate::Refused,
                    Reply::Failed => Fate::InDoubt,
                };
                ledger.uploads.push(UploadRecord { report: id.clone(), fate });
            }
            if rng.chance(config.submit_share) && !until.stop.load(Ordering::SeqCst) {
                let reply = client
                    .call(&mut stats, "submitReport", token, SUBMIT, json!({ "id": id, "v": version }))
                    .await;
                ledger.steps.push(StepRecord {
                    report: id.clone(),
                    action: "submit",
                    fate: step_fate(&reply, "submitReport"),
                });
            }
        }
        tokio::time::sleep(rng.pause(config.think)).await;
    }
    (stats, ledger)
}

fn step_fate(reply: &Reply, field: &str) -> Fate<String> {
    match reply {
        Reply::Ok(data) => Fate::Acked(data[field]["status"].as_str().unwrap_or_default().to_owned()),
        Reply::Conflict | Reply::Refused => Fate::Refused,
        Reply::Failed => Fate::InDoubt,
    }
}

/// A reviewer: takes a report from the queue (longest waiting first, with some spread),
/// reads it whole, and signs it off, accepts or returns it.
async fn reviewer(
    client: Client,
    me: Person,
    config: LoadConfig,
    until: Until,
    mut rng: Rng,
) -> (Stats, Ledger) {
    let mut stats = Stats::default();
    let mut ledger = Ledger::default();
    let token = Some(me.token.as_str());
    let mut done = 0u64;
    while !until.reached(done) {
        done += 1;
        let Reply::Ok(queue) = client.call(&mut stats, "reviewQueue", token, QUEUE, json!({})).await else {
            continue;
        };
        let items = queue["reviewQueue"].as_array().cloned().unwrap_or_default();
        if items.is_empty() {
            tokio::time::sleep(rng.pause(config.think).max(Duration::from_millis(50))).await;
            continue;
        }
        let item = &items[rng.below(items.len().min(10))];
        let id = item["report"]["id"].as_str().unwrap_or_default().to_owned();
        let Reply::Ok(data) =
            client.call(&mut stats, "report (review)", token, REVIEW, json!({ "id": id })).await
        else {
            continue;
        };
        let actions: Vec<&str> = data["report"]["availableActions"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        if until.stop.load(Ordering::SeqCst) {
            break;
        }
        let (action, field, reply) = if actions.contains(&"APPROVE") && rng.chance(0.8) {
            let reply = client.call(&mut stats, "approveReport", token, APPROVE, json!({ "id": id })).await;
            ("approve", "approveReport", reply)
        } else if actions.contains(&"ACCEPT") && rng.chance(config.accept_share) {
            let variables = json!({ "id": id, "c": "確認しました" });
            (
                "accept",
                "acceptReport",
                client.call(&mut stats, "acceptReport", token, ACCEPT, variables).await,
            )
        } else if actions.contains(&"RETURN") {
            let variables = json!({ "id": id, "r": "訪問件数の根拠資料を添付してください" });
            (
                "return",
                "returnReport",
                client.call(&mut stats, "returnReport", token, RETURN, variables).await,
            )
        } else {
            // Someone else took it meanwhile.
            continue;
        };
        ledger.steps.push(StepRecord { report: id, action, fate: step_fate(&reply, field) });
        tokio::time::sleep(rng.pause(config.think)).await;
    }
    (stats, ledger)
}

/// A committee member: reads the whole FY2024 evaluation, again and again.
async fn committee(
    client: Client,
    me: Person,
    plan: String,
    config: LoadConfig,
    until: Until,
    mut rng: Rng,
) -> (Stats, Ledger) {
    let mut stats = Stats::default();
    let token = Some(me.token.as_str());
    let mut done = 0u64;
    while !until.reached(done) {
        done += 1;
        let reply = client
            .call(&mut stats, "annualEvaluation", token, EVALUATION, json!({ "p": plan, "y": 2024 }))
            .await;
        if let Reply::Ok(data) = &reply {
            assert!(data["annualEvaluation"]["goals"].is_array(), "the committee reads FY2024: {data}");
        }
        tokio::time::sleep(rng.pause(config.think)).await;
    }
    (stats, Ledger::default())
}
