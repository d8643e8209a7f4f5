//! One server per engine over one database filled with the benchmark's data set.
//!
//! The database is the server's own: a SQLite file in a temporary directory, or a
//! PostgreSQL database created for the run on the server `NUKUMORI_BENCH_POSTGRES_URL`
//! names and dropped at the end (also when the run fails, unless `NUKUMORI_BENCH_KEEP=1`).

use std::time::Instant;

use app::domain::access::Actor;
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use serde_json::{Value, json};
use tokio::sync::oneshot;

use crate::Scale;

/// The password of every demo account in the benchmark.
pub const PASSWORD: &str = "kasumigaura-lotus-2041";
/// The synthetic plan's code.
pub const PLAN: &str = "large";

/// Which engine a fixture runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    pub fn label(self) -> &'static str {
        match self {
            Self::Sqlite => "SQLite",
            Self::Postgres => "PostgreSQL",
        }
    }
}

/// How big the data set is, counted in the database after loading.
#[derive(Clone, Copy, Debug, Default)]
pub struct Size {
    pub goals: i64,
    pub policies: i64,
    pub directions: i64,
    pub owner_pairs: i64,
    pub indicators: i64,
    pub indicator_values: i64,
    pub periods: i64,
    pub reports: i64,
    pub fiscal_years: i64,
    pub revisions: i64,
    pub waiting: i64,
}

/// A running server over a filled database, and what the reads need to name.
pub struct Fixture {
    pub engine: Engine,
    pub graphql_url: String,
    pub database_url: String,
    pub client: reqwest::Client,
    pub app: app::App,
    pub plan_id: String,
    /// The FY2025 interim period: reports in every state (the completion matrix).
    pub matrix_period: String,
    /// The FY2024 year-end period: every report accepted (the report list).
    pub list_period: String,
    /// The year of the annual evaluation read (the previous year is evaluated too).
    pub evaluation_year: i32,
    pub size: Size,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<anyhow::Result<()>>>,
    postgres: Option<(String, String)>,
    _dir: tempfile::TempDir,
}

/// The PostgreSQL database of a run, dropped when this goes out of scope.
struct DropGuard(Option<(String, String)>);

impl Drop for DropGuard {
    fn drop(&mut self) {
        if let Some((admin, name)) = self.0.take() {
            drop_database_blocking(admin, name);
        }
    }
}

fn drop_database_blocking(admin: String, name: String) {
    if std::env::var("NUKUMORI_BENCH_KEEP").is_ok_and(|v| v == "1") {
        eprintln!("kept PostgreSQL database {name}");
        return;
    }
    // Drop may run inside the runtime: use a thread and a runtime of its own.
    let dropped = std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
        runtime
            .block_on(store::provisioning::drop_postgres_database(&admin, &name))
            .map_err(std::io::Error::other)
    })
    .join();
    if !matches!(dropped, Ok(Ok(()))) {
        eprintln!("warning: could not drop the benchmark database: {dropped:?}");
    }
}

impl Fixture {
    /// Starts a server on `engine` and loads the data set; `admin_url` is the PostgreSQL
    /// server for [`Engine::Postgres`].
    pub async fn start(engine: Engine, admin_url: Option<&str>, scale: &Scale) -> Self {
        let started = Instant::now();
        let dir = tempfile::tempdir().expect("temporary directory");
        let mut guard = DropGuard(None);
        let database_url = match engine {
            Engine::Sqlite => format!("sqlite://{}?mode=rwc", dir.path().join("bench.db").display()),
            Engine::Postgres => {
                let admin = admin_url.expect("a PostgreSQL URL");
                let name = format!("nukumori_bench_{}", uuid::Uuid::now_v7().simple());
                store::provisioning::create_postgres_database(admin, &name)
                    .await
                    .unwrap_or_else(|e| panic!("cannot create a database on {admin}: {e}"));
                guard.0 = Some((admin.to_owned(), name.clone()));
                store::provisioning::postgres_url_for(admin, &name)
            }
        };
        let mut config =
            server::Config::new("127.0.0.1:0".parse().expect("address"), dir.path().join("data"));
        config.database_url = Some(database_url.clone());
        config.demo = true;
        config.demo_password = Some(PASSWORD.into());
        config.jwt_secret = Some("benchmark-signing-key-0123456789abcdefghijkl".into());
        config.mail_poll = None;
        let server = server::build(config).await.expect("server starts");
        let graphql_url = format!("http://{}/graphql", server.local_addr().expect("address"));
        let app = server.app().clone();
        let (shutdown, signal) = oneshot::channel::<()>();
        let task = tokio::spawn(server.run_until(async {
            let _ = signal.await;
        }));

        let (goals, policies, directions, indicators) = scale.plan;
        let plan_file = app::demo::synthetic_plan(PLAN, goals, policies, directions, indicators);
        let summary = app.import_plan(&Actor::System, &plan_file).await.expect("synthetic plan");
        let plan = summary.plan_id.expect("plan id");
        let owners = app::demo::synthetic_owners(goals, policies, directions);
        app.apply_ownership_import(&Actor::System, plan, owners.as_bytes()).await.expect("owners");
        eprintln!("  [{}] plan imported ({:.1?}); writing the reports", engine.label(), started.elapsed());
        app.load_sample_history(plan, scale.history.clone()).await.expect("history");
        let current = scale.history.end() + 1;
        app.load_sample_queue(plan, current).await.expect("queue");

        let postgres = guard.0.take();
        let mut fixture = Self {
            engine,
            graphql_url,
            database_url,
            client: reqwest::Client::builder()
                .timeout(std::time::Duration::from_secs(300))
                .build()
                .expect("client"),
            app,
            plan_id: plan.0.to_string(),
            matrix_period: String::new(),
            list_period: String::new(),
            evaluation_year: *scale.history.end(),
            size: Size::default(),
            shutdown: Some(shutdown),
            task: Some(task),
            postgres,
            _dir: dir,
        };
        // The current year's year-end period, opened as the plan office would: every owner
        // gets a report, not started.
        let token = fixture.login().await;
        let opened = fixture
            .post(
                &token,
                "mutation($p: ID!, $y: Int!, $o: NaiveDate!, $d: NaiveDate!) { openReportingPeriod(input: { planId: $p, fiscalYear: $y, kind: YEAR_END, opensOn: $o, dueOn: $d }) { id } }",
                json!({ "p": fixture.plan_id, "y": current, "o": format!("{}-04-01", current + 1), "d": format!("{}-05-31", current + 1) }),
            )
            .await;
        assert!(opened["errors"].is_null(), "{opened}");
        let periods = fixture
            .post(
                &token,
                "query($p: ID!) { reportingPeriods(planId: $p) { id fiscalYear kind } }",
                json!({ "p": fixture.plan_id }),
            )
            .await;
        let find = |year: i32, kind: &str| {
            periods["data"]["reportingPeriods"]
                .as_array()
                .and_then(|all| all.iter().find(|p| p["fiscalYear"] == year && p["kind"] == kind))
                .and_then(|p| p["id"].as_str())
                .unwrap_or_else(|| panic!("no {kind} period of {year}: {periods}"))
                .to_owned()
        };
        fixture.matrix_period = find(current, "INTERIM");
        fixture.list_period = find(fixture.evaluation_year, "YEAR_END");
        if engine == Engine::Postgres {
            // A database in service has its statistics (autovacuum); a freshly loaded one
            // would have them appear mid-run and change plans under the measurement.
            let db = fixture.connect().await;
            db.execute_unprepared("VACUUM ANALYZE").await.expect("VACUUM ANALYZE");
            let _ = db.close().await;
        }
        fixture.size = fixture.count().await;
        eprintln!("  [{}] data set loaded in {:.1?}", engine.label(), started.elapsed());
        fixture
    }

    /// Signs the plan office in; the access token lasts 15 minutes, so each read asks anew.
    pub async fn login(&self) -> String {
        let body = self
            .post(
                "",
                "mutation($p: String!) { login(email: \"office@omitama.example\", password: $p) { accessToken } }",
                json!({ "p": PASSWORD }),
            )
            .await;
        body["data"]["login"]["accessToken"].as_str().unwrap_or_else(|| panic!("login: {body}")).to_owned()
    }

    /// One GraphQL request, its answer parsed.
    pub async fn post(&self, token: &str, query: &str, variables: Value) -> Value {
        let mut request =
            self.client.post(&self.graphql_url).json(&json!({ "query": query, "variables": variables }));
        if !token.is_empty() {
            request = request.bearer_auth(token);
        }
        request.send().await.expect("sent").json().await.expect("json")
    }

    /// A pool of our own on the same database, for the raw-SQL floor and the counts.
    pub async fn connect(&self) -> DatabaseConnection {
        let mut options = sea_orm::ConnectOptions::new(self.database_url.clone());
        options.sqlx_logging(false).max_connections(4).min_connections(2);
        sea_orm::Database::connect(options).await.expect("floor connection")
    }

    async fn count(&self) -> Size {
        let db = self.connect().await;
        let backend = db.get_database_backend();
        let plan = self.plan_id.clone();
        let uuid = uuid::Uuid::parse_str(&plan).expect("uuid");
        let one = |sql: &str| {
            let sql = crate::floor::dialect(backend, sql);
            let statement = Statement::from_sql_and_values(backend, sql, [uuid.into()]);
            let db = &db;
            async move {
                let row = db.query_one_raw(statement).await.expect("count").expect("a row");
                row.try_get_by_index::<i64>(0).expect("count")
            }
        };
        let size = Size {
            goals: one("SELECT COUNT(*) FROM goals WHERE plan_id = $1").await,
            policies: one("SELECT COUNT(*) FROM policies WHERE plan_id = $1").await,
            directions: one("SELECT COUNT(*) FROM policy_directions WHERE plan_id = $1").await,
            owner_pairs: one(
                "SELECT COUNT(*) FROM direction_owners o JOIN policy_directions d ON d.id = o.direction_id \
                 WHERE d.plan_id = $1 AND o.unassigned_at IS NULL",
            )
            .await,
            indicators: one("SELECT COUNT(*) FROM indicators WHERE plan_id = $1").await,
            indicator_values: one(
                "SELECT COUNT(*) FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id WHERE i.plan_id = $1",
            )
            .await,
            periods: one("SELECT COUNT(*) FROM reporting_periods WHERE plan_id = $1").await,
            reports: one(
                "SELECT COUNT(*) FROM reports r JOIN reporting_periods p ON p.id = r.period_id WHERE p.plan_id = $1",
            )
            .await,
            fiscal_years: one("SELECT COUNT(DISTINCT fiscal_year) FROM reporting_periods WHERE plan_id = $1").await,
            revisions: one(
                "SELECT COUNT(*) FROM report_revisions v JOIN reports r ON r.id = v.report_id \
                 JOIN reporting_periods p ON p.id = r.period_id WHERE p.plan_id = $1",
            )
            .await,
            waiting: one(
                "SELECT COUNT(*) FROM reports r JOIN reporting_periods p ON p.id = r.period_id \
                 WHERE p.plan_id = $1 AND r.status = 'SUBMITTED'",
            )
            .await,
        };
        let _ = db.close().await;
        size
    }

    /// Where the PostGraphile peer can reach the same database, if it is PostgreSQL.
    pub fn postgres_url(&self) -> Option<&str> {
        (self.engine == Engine::Postgres).then_some(self.database_url.as_str())
    }

    /// Stops the server and drops the PostgreSQL database.
    pub async fn finish(mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
        if let Some((admin, name)) = self.postgres.take() {
            tokio::task::spawn_blocking(move || drop_database_blocking(admin, name)).await.ok();
        }
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        if let Some((admin, name)) = self.postgres.take() {
            drop_database_blocking(admin, name);
        }
    }
}
