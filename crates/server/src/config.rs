//! The server's configuration, as one typed value that tests build directly and the
//! command line fills from flags and `NUKUMORI_*` variables.

use std::{net::SocketAddr, path::PathBuf};

/// Everything the server needs to start.
#[derive(Clone, Debug)]
pub struct Config {
    /// Address to listen on.
    pub bind: SocketAddr,
    /// `sqlite://…` or `postgres://…`; `None` means a SQLite file in the data directory.
    pub database_url: Option<String>,
    /// Where the SQLite database, keys and uploaded files live.
    pub data_dir: PathBuf,
    /// Load the Omitama demo plan into an empty database.
    pub demo: bool,
    /// With the demo, also its sample history (FY2021–FY2024 evaluated, FY2025 interim
    /// reports in every state).
    pub demo_history: bool,
    /// GraphQL limits and introspection.
    pub graphql_limits: graphql::Limits,
    /// Serve GraphiQL at `GET /graphql`.
    pub graphiql: bool,
    /// The built web app to serve at `/` (`frontend/dist`), if any.
    pub web_dir: Option<PathBuf>,
    /// The key that signs access tokens; `None` uses (or creates) `DATA_DIR/jwt-secret`.
    pub jwt_secret: Option<String>,
    /// The password of the demo accounts; `None` generates one and prints it once.
    pub demo_password: Option<String>,
    /// Sign-in throttling.
    pub login_throttle: app::ThrottleSettings,
    /// The largest evidence file accepted, enforced while the upload streams in.
    pub max_upload_bytes: u64,
    /// Reverse proxies whose `X-Forwarded-For` is believed: behind one, every client
    /// would otherwise have the proxy's address (for throttling and the audit log).
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// Where mails go and where their links point; without an SMTP URL, mails are
    /// written to `DATA_DIR/mail`.
    pub mail: app::MailSettings,
    /// How often the outbox is checked for mail to send; `None` runs no mail worker
    /// (another instance, or a test, sends).
    pub mail_poll: Option<std::time::Duration>,
}

impl Config {
    /// A configuration for a server on `bind` with its data in `data_dir`, everything
    /// else at its default.
    pub fn new(bind: SocketAddr, data_dir: PathBuf) -> Self {
        Self {
            bind,
            database_url: None,
            data_dir,
            demo: false,
            demo_history: false,
            graphql_limits: graphql::Limits::default(),
            graphiql: true,
            web_dir: None,
            jwt_secret: None,
            demo_password: None,
            login_throttle: app::ThrottleSettings::default(),
            max_upload_bytes: app::DEFAULT_MAX_UPLOAD_BYTES,
            trusted_proxies: Vec::new(),
            mail: app::MailSettings::default(),
            mail_poll: Some(std::time::Duration::from_secs(5)),
        }
    }

    /// The database URL, defaulting to `nukumori.db` in the data directory.
    pub fn database_url(&self) -> String {
        self.database_url.clone().unwrap_or_else(|| default_database_url(&self.data_dir))
    }
}

/// The embedded default: a SQLite file in the data directory, created on first use.
pub fn default_database_url(data_dir: &std::path::Path) -> String {
    format!("sqlite://{}?mode=rwc", data_dir.join("nukumori.db").display())
}
