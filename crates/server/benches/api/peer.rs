//! The peer: PostGraphile v4 (`tests/peer/server.js`) over the same PostgreSQL database,
//! asked for the same plan tree and report list as Nukumori.

use std::{
    path::PathBuf,
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use serde_json::{Value, json};

use crate::{fixture::Fixture, reads::Read};

/// The plan tree as PostGraphile names it: the plan by its unique code, each level by its
/// foreign key, the current owners (`unassigned_at IS NULL`) with their organisation, and
/// the plan's indicators with their values. Ordered as Nukumori orders them where SQL can
/// (positions; Nukumori then sorts codes numerically in memory).
pub const TREE: &str = "query($c: String!) { planByCode(code: $c) { goalsByPlanIdList(orderBy: POSITION_ASC) { code policiesByGoalIdList(orderBy: POSITION_ASC) { code policyDirectionsByPolicyIdList(orderBy: POSITION_ASC) { code nameJa isNew directionOwnersByDirectionIdList(condition: { unassignedAt: null }) { organizationByOrganizationId { code } role } } } } indicatorsByPlanIdList(orderBy: POSITION_ASC) { code indicatorValuesByIndicatorIdList(orderBy: FISCAL_YEAR_ASC) { fiscalYear value } } } }";

/// The first 50 reports of a period in id order (Nukumori's order), with direction and
/// organisation.
pub const LIST: &str = "query($p: UUID!) { allReportsList(condition: { periodId: $p }, orderBy: ID_ASC, first: 50) { id status policyDirectionByDirectionId { code nameJa } organizationByOrganizationId { code nameJa } } }";

/// The reads the peer answers too.
pub const READS: [Read; 2] = [Read::PlanTree, Read::ReportList];

/// A running PostGraphile, stopped when dropped.
pub struct Peer {
    child: Child,
    pub url: String,
}

/// Where the peer's package lives.
pub fn directory() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/peer")
}

/// Why the peer cannot run, if it cannot: its packages are installed by `npm ci`.
pub fn unavailable() -> Option<String> {
    let dir = directory();
    if !dir.join("node_modules/postgraphile").is_dir() {
        return Some(format!("run `npm ci` in {} (or use .ci/bench.sh)", dir.display()));
    }
    if Command::new("node").arg("--version").output().is_err() {
        return Some("`node` is not on PATH".into());
    }
    None
}

impl Peer {
    /// Starts PostGraphile over `database_url` and waits until it answers.
    pub async fn start(database_url: &str, client: &reqwest::Client) -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let workers = std::env::var("NUKUMORI_PEER_WORKERS").unwrap_or_else(|_| "2".into());
        let child = Command::new("node")
            .arg("server.js")
            .current_dir(directory())
            .env("DATABASE_URL", database_url)
            .env("PORT", port.to_string())
            .env("NUKUMORI_PEER_WORKERS", &workers)
            .env("NODE_ENV", "production")
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("node starts");
        let peer = Self { child, url: format!("http://127.0.0.1:{port}/graphql") };
        let started = Instant::now();
        loop {
            let answer = client.post(&peer.url).json(&json!({ "query": "{ __typename }" })).send().await;
            if let Ok(answer) = answer
                && answer.status().is_success()
            {
                break;
            }
            assert!(started.elapsed() < Duration::from_secs(120), "PostGraphile did not start");
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        // Every worker introspects on its own; give the others a moment to be ready too.
        for _ in 0..20 {
            let _ = client.post(&peer.url).json(&json!({ "query": "{ __typename }" })).send().await;
        }
        peer
    }

    /// The request body for `read` on the fixture's data.
    pub fn body(read: Read, fixture: &Fixture) -> Value {
        match read {
            Read::PlanTree => json!({ "query": TREE, "variables": { "c": crate::fixture::PLAN } }),
            Read::ReportList => json!({ "query": LIST, "variables": { "p": fixture.list_period } }),
            _ => unreachable!("the peer answers the plan tree and the report list"),
        }
    }

    /// Checks that the peer's answer holds the same data as Nukumori's.
    pub fn check(read: Read, fixture: &Fixture, ours: &Value, theirs: &Value) -> String {
        assert!(theirs["errors"].is_null(), "PostGraphile, {}: {theirs}", read.label());
        match read {
            Read::PlanTree => {
                let directions: Vec<&Value> = theirs["data"]["planByCode"]["goalsByPlanIdList"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .flat_map(|g| g["policiesByGoalIdList"].as_array().into_iter().flatten())
                    .flat_map(|p| p["policyDirectionsByPolicyIdList"].as_array().into_iter().flatten())
                    .collect();
                let owners: usize = directions
                    .iter()
                    .map(|d| d["directionOwnersByDirectionIdList"].as_array().map_or(0, Vec::len))
                    .sum();
                assert_eq!(i64::try_from(directions.len()).ok(), Some(fixture.size.directions));
                assert_eq!(i64::try_from(owners).ok(), Some(fixture.size.owner_pairs));
                let values: usize = theirs["data"]["planByCode"]["indicatorsByPlanIdList"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|i| i["indicatorValuesByIndicatorIdList"].as_array().map_or(0, Vec::len))
                    .sum();
                assert_eq!(i64::try_from(values).ok(), Some(fixture.size.indicator_values));
                format!("{} directions, {owners} owners, {values} values", directions.len())
            }
            Read::ReportList => {
                let ids = |list: &Value| -> Vec<String> {
                    list.as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(|r| r["id"].as_str().map(str::to_owned))
                        .collect()
                };
                let theirs = ids(&theirs["data"]["allReportsList"]);
                let ours = ids(&ours["data"]["reports"]["nodes"]);
                assert_eq!(theirs, ours, "the same 50 reports in the same order");
                format!("{} reports, the same as Nukumori's", theirs.len())
            }
            _ => unreachable!(),
        }
    }
}

impl Drop for Peer {
    fn drop(&mut self) {
        // Closing its standard input stops the primary, which stops its workers.
        drop(self.child.stdin.take());
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
