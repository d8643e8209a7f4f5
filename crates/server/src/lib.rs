//! Nukumori's HTTP server. [`build`] opens the database, runs the migrations, loads the
//! demo when asked, and binds the listener; [`Server::run`] serves until SIGTERM or
//! Ctrl-C and then finishes the requests in flight. Tests call [`build`] with port 0 and
//! their own database, so every test has its own server.

mod caller;
mod config;
mod exports;
mod files;
mod graphql_http;
mod keys;
mod mail;
mod routes;
mod web;

use std::{future::Future, net::SocketAddr, sync::Arc};

use anyhow::Context as _;
use app::App;
use object_store::ObjectStore;
use tokio::net::TcpListener;

pub use config::{Config, FileStore, default_database_url};

/// A server that is bound and ready to serve.
pub struct Server {
    app: App,
    listener: TcpListener,
    router: axum::Router,
    mail_poll: Option<std::time::Duration>,
}

/// Opens the database (migrating it), loads the demo if asked, and binds the address.
pub async fn build(config: Config) -> anyhow::Result<Server> {
    std::fs::create_dir_all(&config.data_dir)
        .with_context(|| format!("cannot create the data directory {}", config.data_dir.display()))?;
    let signing_key = keys::signing_key(config.jwt_secret.as_deref(), &config.data_dir)?;
    let files = file_store(&config.files, &config.data_dir).await?;
    tracing::info!(store = %config.files, "evidence files");
    let mut settings = app::Settings::new(signing_key, files);
    settings.throttle = config.login_throttle;
    settings.max_upload_bytes = config.max_upload_bytes;
    settings.mail = config.mail.clone();
    if settings.mail.smtp_url.is_none() && settings.mail.directory.is_none() {
        settings.mail.directory = Some(config.data_dir.join("mail"));
    }
    let database_url = config.database_url();
    if database_url.starts_with("postgres") {
        let per_instance: Vec<&str> = [
            (config.jwt_secret.is_none(), "the JWT signing key (NUKUMORI_JWT_SECRET)"),
            (config.files == FileStore::DataDir, "evidence files (NUKUMORI_FILES_URL)"),
            (settings.mail.smtp_url.is_none(), "outgoing mail (NUKUMORI_SMTP_URL)"),
        ]
        .into_iter()
        .filter_map(|(local, what)| local.then_some(what))
        .collect();
        if !per_instance.is_empty() {
            tracing::info!(
                in_data_dir = per_instance.join(", "),
                "kept in this instance's data directory; for several instances on one database, \
                 configure them (docs/deployment.md)"
            );
        }
    }
    // Instances starting together on one PostgreSQL database take turns: the first
    // migrates and loads the demo, the others wait and then find both done.
    let waiting = std::time::Instant::now();
    let startup = store::StartupLock::acquire(&database_url).await.context("cannot open the database")?;
    if startup.waited {
        tracing::info!(
            waited_ms = waiting.elapsed().as_millis(),
            "another instance was starting on this database; waited for it"
        );
    }
    let app = App::open(&database_url, settings).await.context("cannot open the database")?;
    if config.demo {
        load_demo(&app, config.demo_password.as_deref()).await?;
        if config.demo_history {
            let started = std::time::Instant::now();
            if app.load_demo_history().await.context("cannot load the demo history")? {
                tracing::info!(
                    elapsed_ms = started.elapsed().as_millis(),
                    "demo history loaded: FY2021–FY2024 evaluated, FY2025 interim reports"
                );
            }
        }
    }
    startup.release().await.context("cannot release the start-up lock")?;
    let listener =
        TcpListener::bind(config.bind).await.with_context(|| format!("cannot listen on {}", config.bind))?;
    let router = routes::router(app.clone(), &config);
    Ok(Server { app, listener, router, mail_poll: config.mail_poll })
}

/// Opens the evidence file store: a directory (`DATA_DIR/files` by default), or an S3
/// bucket, checked to answer, so that a wrong bucket or wrong credentials stop the server
/// at start-up rather than fail the first upload.
pub async fn file_store(
    store: &FileStore,
    data_dir: &std::path::Path,
) -> anyhow::Result<Arc<dyn ObjectStore>> {
    let (bucket, prefix) = match store {
        FileStore::S3 { bucket, prefix } => (bucket, prefix),
        local => {
            let dir = match local {
                FileStore::Directory(dir) => dir.clone(),
                _ => data_dir.join("files"),
            };
            std::fs::create_dir_all(&dir)
                .with_context(|| format!("cannot create the file store {}", dir.display()))?;
            let files = object_store::local::LocalFileSystem::new_with_prefix(&dir)
                .with_context(|| format!("cannot open the file store {}", dir.display()))?;
            return Ok(Arc::new(files));
        }
    };
    // object_store reaches S3 over reqwest with rustls, which takes the process's crypto
    // provider: *ring*, as the database and mail connections use (already installed
    // when this is the second store opened).
    let _ = rustls::crypto::ring::default_provider().install_default();
    let s3 = object_store::aws::AmazonS3Builder::from_env()
        .with_bucket_name(bucket)
        .build()
        .with_context(|| format!("cannot open the file store {store}"))?;
    let files: Arc<dyn ObjectStore> = if prefix.is_empty() {
        Arc::new(s3)
    } else {
        Arc::new(object_store::prefix::PrefixStore::new(s3, prefix.as_str()))
    };
    // A listing of the top level (a few entries: `blobs/`) fails for a missing bucket,
    // where a HEAD would only say "not found".
    match files.list_with_delimiter(None).await {
        Ok(_) => Ok(files),
        Err(error) => Err(anyhow::anyhow!(error))
            .with_context(|| format!("the file store {store} does not answer (check the AWS_* variables)")),
    }
}

/// Loads the demo plan and accounts into an empty installation.
async fn load_demo(app: &App, password: Option<&str>) -> anyhow::Result<()> {
    if app.load_demo_if_empty().await.context("cannot load the demo plan")? {
        tracing::info!("demo data loaded: the 3rd Omitama City Community Welfare Plan");
    }
    let (password, generated) = match password {
        Some(password) => (password.to_owned(), false),
        None => (generate_demo_password()?, true),
    };
    let created = app
        .load_demo_accounts(&password)
        .await
        .context("cannot create the demo accounts (is NUKUMORI_DEMO_PASSWORD at least 12 characters?)")?;
    if created > 0 {
        tracing::info!(created, "demo accounts created");
        if generated {
            // Shown once, when the accounts are made; it is not stored in clear anywhere.
            eprintln!(
                "\nDemo accounts (office@omitama.example, welfare@…, admin@… — see the README)\n\
                 password: {password}\n(set NUKUMORI_DEMO_PASSWORD to choose it)\n"
            );
        }
    }
    Ok(())
}

/// A readable random password that the policy accepts: four groups of five characters.
fn generate_demo_password() -> anyhow::Result<String> {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let token = app::tokens::random_token().map_err(|e| anyhow::anyhow!("{e}"))?;
    let chars: Vec<char> =
        token.bytes().map(|b| char::from(ALPHABET[usize::from(b) % ALPHABET.len()])).take(20).collect();
    Ok(chars.chunks(5).map(|group| group.iter().collect::<String>()).collect::<Vec<_>>().join("-"))
}

impl Server {
    /// The address actually bound (useful with port 0).
    pub fn local_addr(&self) -> anyhow::Result<SocketAddr> {
        Ok(self.listener.local_addr()?)
    }

    /// The application behind the server.
    pub fn app(&self) -> &App {
        &self.app
    }

    /// Serves until SIGTERM or Ctrl-C.
    pub async fn run(self) -> anyhow::Result<()> {
        self.run_until(shutdown_signal()).await
    }

    /// Serves until `shutdown` completes, then drains in-flight requests and closes the
    /// database so SQLite checkpoints its write-ahead log.
    pub async fn run_until(self, shutdown: impl Future<Output = ()> + Send + 'static) -> anyhow::Result<()> {
        let service = self.router.into_make_service_with_connect_info::<SocketAddr>();
        let worker = match self.mail_poll {
            Some(poll) => Some(tokio::spawn(mail::run(self.app.clone(), poll)?)),
            None => None,
        };
        let served = axum::serve(self.listener, service).with_graceful_shutdown(shutdown).await;
        // A mail cut off mid-send keeps its outbox row; its lease expires and it is sent
        // again with the same Message-ID.
        if let Some(worker) = worker {
            worker.abort();
        }
        served?;
        tracing::info!("server stopped; closing the database");
        self.app.close().await?;
        Ok(())
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => tracing::info!("Ctrl-C received, shutting down"),
        () = terminate => tracing::info!("SIGTERM received, shutting down"),
    }
}
