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
    /// Where the SQLite database, keys and (by default) uploaded files live.
    pub data_dir: PathBuf,
    /// Where evidence files are kept: `DATA_DIR/files` unless configured.
    pub files: FileStore,
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
            files: FileStore::DataDir,
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

/// Where evidence files are kept. Every instance behind one address must use the same
/// store (a file uploaded through one is downloaded through another).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileStore {
    /// `DATA_DIR/files`: one instance, or instances sharing the data directory.
    DataDir,
    /// Another directory (`file:///srv/nukumori/files`), such as a shared mount.
    Directory(PathBuf),
    /// A bucket of Amazon S3 or an S3-compatible server (`s3://bucket/prefix`), with the
    /// region, endpoint and credentials from the standard `AWS_*` variables
    /// (`AWS_ENDPOINT`, `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_REGION`,
    /// `AWS_ALLOW_HTTP=true` for a plain-HTTP endpoint on a private network).
    S3 {
        /// The bucket.
        bucket: String,
        /// A prefix for every key (no leading or trailing `/`); empty for none.
        prefix: String,
    },
}

impl FileStore {
    /// Reads `--files-url`: `s3://bucket[/prefix]` or `file:///absolute/path`; an empty
    /// value means the data directory.
    pub fn parse(url: &str) -> anyhow::Result<Self> {
        let url = url.trim();
        if url.is_empty() {
            return Ok(Self::DataDir);
        }
        if let Some(rest) = url.strip_prefix("s3://") {
            let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
            anyhow::ensure!(
                (3..=63).contains(&bucket.len())
                    && bucket
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-.".contains(c)),
                "--files-url {url:?}: not a bucket name (s3://bucket/prefix)"
            );
            let prefix = prefix.trim_matches('/').to_owned();
            anyhow::ensure!(
                prefix.is_empty()
                    || !prefix.split('/').any(|part| part.is_empty() || part == "." || part == ".."),
                "--files-url {url:?}: the prefix has an empty, `.` or `..` part"
            );
            return Ok(Self::S3 { bucket: bucket.to_owned(), prefix });
        }
        if let Some(path) = url.strip_prefix("file://") {
            let path = PathBuf::from(path);
            anyhow::ensure!(path.is_absolute(), "--files-url {url:?}: use an absolute path (file:///srv/…)");
            return Ok(Self::Directory(path));
        }
        anyhow::bail!("--files-url {url:?}: use s3://bucket/prefix or file:///absolute/path")
    }
}

impl std::fmt::Display for FileStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::DataDir => write!(f, "the data directory"),
            Self::Directory(path) => write!(f, "file://{}", path.display()),
            Self::S3 { bucket, prefix } if prefix.is_empty() => write!(f, "s3://{bucket}"),
            Self::S3 { bucket, prefix } => write!(f, "s3://{bucket}/{prefix}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_store_urls() -> anyhow::Result<()> {
        assert_eq!(FileStore::parse("")?, FileStore::DataDir);
        assert_eq!(
            FileStore::parse("s3://nukumori-files")?,
            FileStore::S3 { bucket: "nukumori-files".into(), prefix: String::new() }
        );
        assert_eq!(
            FileStore::parse("s3://city.files/nukumori/evidence/")?,
            FileStore::S3 { bucket: "city.files".into(), prefix: "nukumori/evidence".into() }
        );
        assert_eq!(
            FileStore::parse("file:///srv/nukumori/files")?,
            FileStore::Directory(PathBuf::from("/srv/nukumori/files"))
        );
        for bad in [
            "s3://",
            "s3://nk",
            "s3://Bucket",
            "s3://bkt/a//c",
            "s3://bkt/../x",
            "file://relative",
            "https://x/y",
        ] {
            assert!(FileStore::parse(bad).is_err(), "{bad} is refused");
        }
        assert_eq!(FileStore::parse("s3://bkt/p")?.to_string(), "s3://bkt/p");
        Ok(())
    }
}
