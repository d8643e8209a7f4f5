//! The test harness: fresh databases, a server per test, and a small GraphQL client.

use std::time::Duration;

use app::App;
use serde_json::{Value, json};
use tokio::{sync::oneshot, task::JoinHandle};

/// The engines every database test runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Runs each named `async fn(Backend)` as two tests, `<name>::sqlite` and `<name>::postgres`.
macro_rules! on_both_backends {
    ($($test:ident),* $(,)?) => {$(
        mod $test {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$test($crate::harness::Backend::Sqlite).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                super::$test($crate::harness::Backend::Postgres).await;
            }
        }
    )*};
}
pub(crate) use on_both_backends;

/// The PostgreSQL server that tests create their databases on.
pub fn postgres_admin_url() -> String {
    std::env::var("NUKUMORI_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

/// A database that exists for one test and is dropped after it, even when it fails.
pub struct TestDatabase {
    pub url: String,
    postgres_name: Option<String>,
    _dir: tempfile::TempDir,
}

impl TestDatabase {
    pub async fn create(backend: Backend) -> Self {
        let dir = tempfile::tempdir().expect("temporary directory");
        match backend {
            Backend::Sqlite => {
                let url = format!("sqlite://{}?mode=rwc", dir.path().join("test.db").display());
                Self { url, postgres_name: None, _dir: dir }
            }
            Backend::Postgres => {
                let admin = postgres_admin_url();
                let name = format!("nukumori_test_{}", uuid::Uuid::now_v7().simple());
                store::provisioning::create_postgres_database(&admin, &name).await.unwrap_or_else(|error| {
                    panic!(
                        "PostgreSQL is required at {admin} (set NUKUMORI_TEST_POSTGRES_URL); \
                         `cargo xtask test` starts one. {error}"
                    )
                });
                let url = store::provisioning::postgres_url_for(&admin, &name);
                Self { url, postgres_name: Some(name), _dir: dir }
            }
        }
    }

    /// A directory that lives as long as the database (for the server's data dir).
    pub fn dir(&self) -> &std::path::Path {
        self._dir.path()
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let Some(name) = self.postgres_name.take() else {
            return;
        };
        // Drop runs outside async code, possibly inside a runtime: use a thread of its own.
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
            runtime
                .block_on(store::provisioning::drop_postgres_database(&postgres_admin_url(), &name))
                .map_err(std::io::Error::other)
        })
        .join();
        if !matches!(dropped, Ok(Ok(()))) {
            eprintln!("warning: could not drop a test database: {dropped:?}");
        }
    }
}

/// The password of every demo account in tests.
pub const DEMO_PASSWORD: &str = "kasumigaura-lotus-2041";

/// The signing key of test servers, so tests can forge tokens to prove they are refused.
pub const JWT_SECRET: &str = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ";

/// What a test wants of its server.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Load the Omitama demo (plan and accounts).
    pub demo: bool,
    /// Failed sign-ins before sign-in is refused (default 10).
    pub lock_after: Option<u32>,
    /// The largest upload (default 25 MiB).
    pub max_upload_bytes: Option<u64>,
    /// With the demo, its sample history too.
    pub demo_history: bool,
}

impl Options {
    /// The Omitama demo, default settings.
    pub fn demo() -> Self {
        Self { demo: true, ..Self::default() }
    }
}

/// A running server with its own database.
pub struct TestServer {
    pub base_url: String,
    pub app: App,
    client: reqwest::Client,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<anyhow::Result<()>>>,
    /// Kept until the server is gone; dropping it removes the database.
    _database: TestDatabase,
}

impl TestServer {
    pub async fn start(backend: Backend, options: Options) -> Self {
        // Server warnings and errors (internal causes included) show in a failing test's output.
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new("warn,sqlx=error"))
            .with_test_writer()
            .try_init();
        let database = TestDatabase::create(backend).await;
        let mut config =
            server::Config::new("127.0.0.1:0".parse().expect("address"), database.dir().join("data"));
        config.database_url = Some(database.url.clone());
        config.demo = options.demo;
        config.demo_history = options.demo_history;
        config.demo_password = Some(DEMO_PASSWORD.to_owned());
        config.jwt_secret = Some(JWT_SECRET.to_owned());
        // Tests send mail themselves (and count statements without a worker's polling).
        config.mail_poll = None;
        config.mail.public_url = "https://nukumori.test".to_owned();
        if let Some(max) = options.max_upload_bytes {
            config.max_upload_bytes = max;
        }
        if let Some(lock_after) = options.lock_after {
            config.login_throttle.lock_after = lock_after;
            config.login_throttle.delay_after = lock_after;
        }
        let server = server::build(config).await.expect("server starts");
        let address = server.local_addr().expect("bound address");
        let app = server.app().clone();
        let (shutdown, signal) = oneshot::channel::<()>();
        let task = tokio::spawn(server.run_until(async {
            let _ = signal.await;
        }));
        // No idle connections: a request never lands on a connection the server just closed
        // (after refusing an upload mid-stream), which would fail it for the client's reasons.
        let client = reqwest::Client::builder()
            // Generous: the 100x-scale imports take seconds in a debug build on a busy CI
            // machine; a hung server still fails the test.
            .timeout(Duration::from_secs(120))
            .pool_max_idle_per_host(0)
            .build()
            .expect("client");
        Self {
            base_url: format!("http://{address}"),
            app,
            client,
            shutdown: Some(shutdown),
            task: Some(task),
            _database: database,
        }
    }

    /// The database the server uses.
    pub fn database_url(&self) -> &str {
        &self._database.url
    }

    /// The server's data directory (database, keys, files).
    pub fn data_dir(&self) -> std::path::PathBuf {
        self._database.dir().join("data")
    }

    pub fn client(&self) -> &reqwest::Client {
        &self.client
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    /// Posts a GraphQL operation and returns the whole response body.
    pub async fn graphql(&self, query: &str, variables: Value) -> Value {
        self.graphql_in(query, variables, "ja").await
    }

    /// Posts a GraphQL operation with an `Accept-Language`.
    pub async fn graphql_in(&self, query: &str, variables: Value, language: &str) -> Value {
        self.graphql_as(None, query, variables, language).await
    }

    /// Posts a GraphQL operation with a bearer token.
    pub async fn graphql_as(
        &self,
        token: Option<&str>,
        query: &str,
        variables: Value,
        language: &str,
    ) -> Value {
        let mut request = self
            .client
            .post(self.url("/graphql"))
            .header("accept-language", language)
            .json(&json!({ "query": query, "variables": variables }));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.expect("request sent");
        response.json().await.expect("JSON response")
    }

    /// Signs in and returns the access token.
    pub async fn login(&self, email: &str) -> String {
        let body = self
            .graphql(
                "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }",
                json!({ "e": email, "p": DEMO_PASSWORD }),
            )
            .await;
        body["data"]["login"]["accessToken"]
            .as_str()
            .unwrap_or_else(|| panic!("login failed: {body}"))
            .to_owned()
    }

    /// Posts an operation that must succeed, returning `data`.
    pub async fn data(&self, query: &str, variables: Value) -> Value {
        let body = self.graphql(query, variables).await;
        assert!(body.get("errors").is_none(), "unexpected errors: {body}");
        body["data"].clone()
    }

    /// SQL statements the server has executed so far.
    pub fn statements(&self) -> u64 {
        self.app.statements_executed()
    }

    /// Stops the server and waits for it to finish.
    pub async fn stop(mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let Some(task) = self.task.take() {
            task.await.expect("server task").expect("server stopped cleanly");
        }
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
    }
}

/// The `extensions.code` of the first error of a response.
pub fn error_code(body: &Value) -> &str {
    body["errors"][0]["extensions"]["code"].as_str().unwrap_or_default()
}
