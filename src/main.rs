//! `nukumori`: the command line of the product. It parses arguments and calls the
//! libraries; everything it does can also be done from a test.

use std::{
    io::Read,
    net::SocketAddr,
    path::{Path, PathBuf},
    process::ExitCode,
};

use anyhow::Context as _;
use app::{
    App, AppError, ChainCheck, NewAccount, Settings,
    domain::{
        Language,
        access::{Actor, Role},
        i18n::Localized,
    },
};
use clap::{Args, Parser, Subcommand, builder::BoolishValueParser};
use tracing_subscriber::EnvFilter;

/// Nukumori (ぬくもり): progress management for municipal community welfare plans.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web app and the GraphQL API.
    Serve(Box<ServeArgs>),
    /// Bring the database schema up to date, then exit.
    Migrate(DatabaseArgs),
    /// Print the GraphQL schema (SDL).
    Schema,
    /// Plan definitions.
    Plan {
        #[command(subcommand)]
        command: PlanCommand,
    },
    /// Accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// The audit log.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Copy the database to a file while the server runs: SQLite with `VACUUM INTO`,
    /// PostgreSQL with `pg_dump --format=custom`.
    Backup {
        /// The backup file to write (it must not exist).
        #[arg(long)]
        output: PathBuf,
        #[command(flatten)]
        database: DatabaseArgs,
    },
    /// Restore a backup made by `nukumori backup` into an empty database (stop the
    /// server first), then check the schema and the audit chain.
    Restore {
        /// The backup file.
        #[arg(long)]
        input: PathBuf,
        #[command(flatten)]
        database: DatabaseArgs,
    },
}

#[derive(Subcommand)]
enum PlanCommand {
    /// Validate a plan file and import it (idempotent: importing it again changes nothing).
    Import {
        /// The plan file (TOML; see docs/plan-file.md).
        file: PathBuf,
        #[command(flatten)]
        database: DatabaseArgs,
    },
    /// Validate a plan file without touching any database.
    Check {
        /// The plan file.
        file: PathBuf,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create an account, such as a new installation's first administrator. The password
    /// is read from standard input (one line), so it never appears in the shell history.
    Add {
        /// Sign-in e-mail.
        #[arg(long)]
        email: String,
        /// Name shown in the product.
        #[arg(long)]
        name: String,
        /// Code of the organisation the person belongs to (see `{ organizations { code } }`).
        #[arg(long)]
        org: String,
        /// A role: PLAN_OFFICE, DEPARTMENT_STAFF, DEPARTMENT_MANAGER, COUNCIL_COORDINATOR,
        /// COMMITTEE_MEMBER or ADMIN. Repeat for several.
        #[arg(long = "role", required = true)]
        roles: Vec<String>,
        /// Language of screens and e-mails: ja or en.
        #[arg(long, default_value = "ja")]
        language: String,
        /// Read the password from standard input.
        #[arg(long, required = true)]
        password_stdin: bool,
        #[command(flatten)]
        database: DatabaseArgs,
    },
    /// Set a new password (read from standard input) and end the account's sessions.
    ResetPassword {
        /// The account's e-mail.
        #[arg(long)]
        email: String,
        /// Read the password from standard input.
        #[arg(long, required = true)]
        password_stdin: bool,
        #[command(flatten)]
        database: DatabaseArgs,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Recompute the hash chain of the audit log; fails if any event was changed,
    /// removed or inserted outside the product.
    Verify {
        #[command(flatten)]
        database: DatabaseArgs,
    },
}

#[derive(Args)]
struct DatabaseArgs {
    /// Database URL: sqlite://… or postgres://… [default: a SQLite file in the data directory]
    #[arg(long, env = "DATABASE_URL")]
    database_url: Option<String>,
    /// Where the database, keys and uploaded files live.
    #[arg(long, env = "NUKUMORI_DATA_DIR", default_value = "./data")]
    data_dir: PathBuf,
}

impl DatabaseArgs {
    fn url(&self) -> anyhow::Result<String> {
        std::fs::create_dir_all(&self.data_dir)
            .with_context(|| format!("cannot create {}", self.data_dir.display()))?;
        Ok(self.database_url.clone().unwrap_or_else(|| server::default_database_url(&self.data_dir)))
    }

    /// Opens the database for command-line work, which signs no tokens.
    async fn open(&self) -> anyhow::Result<App> {
        Ok(App::open(&self.url()?, Settings::for_operator()?).await?)
    }
}

#[derive(Args)]
struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "NUKUMORI_BIND", default_value = "127.0.0.1:8080")]
    bind: SocketAddr,
    #[command(flatten)]
    database: DatabaseArgs,
    /// Load the Omitama demo plan, sample organisations and demo accounts into an empty
    /// database (password: NUKUMORI_DEMO_PASSWORD, or generated and printed once).
    #[arg(long, env = "NUKUMORI_DEMO", value_parser = BoolishValueParser::new())]
    demo: bool,
    /// With `--demo`, leave out the sample history (FY2021–FY2024 evaluated, FY2025
    /// interim reports): only the plan and the accounts.
    #[arg(long, env = "NUKUMORI_DEMO_WITHOUT_HISTORY", value_parser = BoolishValueParser::new())]
    demo_without_history: bool,
    /// Turn off GraphiQL and schema introspection (for production).
    #[arg(long, env = "NUKUMORI_NO_INTROSPECTION", value_parser = BoolishValueParser::new())]
    no_introspection: bool,
    /// Deepest nesting of fields a GraphQL query may have.
    #[arg(long, env = "NUKUMORI_GRAPHQL_MAX_DEPTH", default_value_t = graphql::Limits::default().max_depth)]
    graphql_max_depth: usize,
    /// Highest cost of a GraphQL query (each field written costs 1).
    #[arg(long, env = "NUKUMORI_GRAPHQL_MAX_COMPLEXITY", default_value_t = graphql::Limits::default().max_complexity)]
    graphql_max_complexity: usize,
    /// Most aliased fields in one GraphQL document.
    #[arg(long, env = "NUKUMORI_GRAPHQL_MAX_ALIASES", default_value_t = graphql::Limits::default().max_aliases)]
    graphql_max_aliases: usize,
    /// The built web app to serve at `/`.
    #[arg(long, env = "NUKUMORI_WEB_DIR", default_value = "frontend/dist")]
    web_dir: PathBuf,
    /// Failed sign-ins (per account or address) after which sign-in is refused for a while.
    #[arg(long, env = "NUKUMORI_LOGIN_MAX_FAILURES", default_value_t = 10)]
    login_max_failures: u32,
    /// Minutes a refused sign-in stays refused.
    #[arg(long, env = "NUKUMORI_LOGIN_LOCKOUT_MINUTES", default_value_t = 15)]
    login_lockout_minutes: u32,
    /// The largest evidence file accepted, in MiB.
    #[arg(long, env = "NUKUMORI_MAX_UPLOAD_MB", default_value_t = 25)]
    max_upload_mb: u64,
    /// A reverse proxy whose X-Forwarded-For is believed (repeat, or comma-separate in
    /// the variable).
    #[arg(long = "trusted-proxy", env = "NUKUMORI_TRUSTED_PROXIES", value_delimiter = ',')]
    trusted_proxies: Vec<std::net::IpAddr>,
    /// The SMTP server for notification mails: `smtp://host:587` (STARTTLS when
    /// offered; `?tls=required` to insist), `smtps://host:465`, with `user:password@`
    /// if needed. Without it, mails are written to DATA_DIR/mail.
    #[arg(long, env = "NUKUMORI_SMTP_URL")]
    smtp_url: Option<String>,
    /// The sender of notification mails.
    #[arg(long, env = "NUKUMORI_MAIL_FROM", default_value = "Nukumori <nukumori@localhost>")]
    mail_from: String,
    /// The address people reach the web app at; the base of every link in a mail.
    #[arg(long, env = "NUKUMORI_PUBLIC_URL", default_value = "http://127.0.0.1:8080")]
    public_url: String,
    /// Send no mail from this instance (another instance sends).
    #[arg(long, env = "NUKUMORI_NO_MAIL_WORKER", value_parser = BoolishValueParser::new())]
    no_mail_worker: bool,
    /// Where evidence files are kept: `s3://bucket/prefix` (Amazon S3 or an S3-compatible
    /// server; region, endpoint and credentials from the AWS_* variables) or
    /// `file:///absolute/path`. [default: DATA_DIR/files]
    #[arg(long, env = "NUKUMORI_FILES_URL")]
    files_url: Option<String>,
}

/// The operator's language, from the usual locale variables.
fn language() -> Language {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
        .map_or(Language::Ja, |tag| Language::from_tag(&tag))
}

fn message(ja: &str, en: &str) -> String {
    match language() {
        Language::Ja => ja.to_owned(),
        Language::En => en.to_owned(),
    }
}

fn init_tracing() {
    let filter = EnvFilter::try_from_env("NUKUMORI_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    if std::env::var("NUKUMORI_LOG_FORMAT").is_ok_and(|format| format == "json") {
        builder.json().init();
    } else {
        builder.init();
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_tracing();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("cannot start the runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli.command)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{}", describe(&error));
            ExitCode::FAILURE
        }
    }
}

/// An error for the operator: a use-case error in their language, anything else with its
/// chain of causes.
fn describe(error: &anyhow::Error) -> String {
    match error.downcast_ref::<AppError>() {
        Some(app_error) => app_error.localized(language()),
        None => format!("error: {error:#}"),
    }
}

async fn run(command: Command) -> anyhow::Result<()> {
    match command {
        Command::Serve(args) => serve(*args).await,
        Command::Migrate(database) => {
            database.open().await?.close().await?;
            eprintln!("{}", message("データベースは最新です。", "The database schema is up to date."));
            Ok(())
        }
        Command::Schema => {
            print!("{}", graphql::sdl());
            Ok(())
        }
        Command::Plan { command: PlanCommand::Check { file } } => {
            let source = read_plan_file(&file)?;
            app::domain::plan_file::parse(&source).map_err(AppError::InvalidPlanFile)?;
            eprintln!("{}", message("問題はありません。", "The plan file is valid."));
            Ok(())
        }
        Command::Plan { command: PlanCommand::Import { file, database } } => {
            let source = read_plan_file(&file)?;
            let app = database.open().await?;
            let result = app.import_plan(&Actor::System, &source).await;
            app.close().await?;
            let summary = result?;
            let (created, updated, unchanged) = (summary.created, summary.updated, summary.unchanged);
            eprintln!(
                "{}",
                message(
                    &format!("取り込みました: 追加 {created}、更新 {updated}、変更なし {unchanged}"),
                    &format!("Imported: {created} created, {updated} updated, {unchanged} unchanged"),
                )
            );
            Ok(())
        }
        Command::User { command } => user(command).await,
        Command::Backup { output, database } => backup(&output, &database).await,
        Command::Restore { input, database } => restore(&input, &database).await,
        Command::Audit { command: AuditCommand::Verify { database } } => {
            let app = database.open().await?;
            let check = app.verify_audit_chain(&Actor::System).await;
            app.close().await?;
            match check? {
                ChainCheck::Intact { events } => {
                    eprintln!(
                        "{}",
                        message(
                            &format!("監査ログは改ざんされていません（{events}件）。"),
                            &format!("The audit log is intact ({events} events)."),
                        )
                    );
                    Ok(())
                }
                ChainCheck::Broken { seq, reason } => {
                    anyhow::bail!("the audit log is broken at event {seq}: {reason}")
                }
            }
        }
    }
}

async fn backup(output: &std::path::Path, database: &DatabaseArgs) -> anyhow::Result<()> {
    anyhow::ensure!(!output.exists(), "{} exists; choose a new file", output.display());
    let url = database.url()?;
    if url.starts_with("postgres") {
        let status = std::process::Command::new("pg_dump")
            .args(["--format=custom", "--no-owner", "--file"])
            .arg(output)
            .arg(&url)
            .status()
            .context("cannot run pg_dump (install the PostgreSQL client tools)")?;
        anyhow::ensure!(status.success(), "pg_dump failed ({status})");
    } else {
        let app = database.open().await?;
        let result = app.backup_sqlite(output).await;
        app.close().await?;
        result?;
    }
    eprintln!(
        "{}",
        message(
            &format!("バックアップしました: {}", output.display()),
            &format!("Backed up to {}", output.display())
        )
    );
    Ok(())
}

async fn restore(input: &std::path::Path, database: &DatabaseArgs) -> anyhow::Result<()> {
    anyhow::ensure!(input.is_file(), "{} is not a file", input.display());
    let url = database.url()?;
    if url.starts_with("postgres") {
        let status = std::process::Command::new("pg_restore")
            .args(["--no-owner", "--exit-on-error", "--single-transaction", "--dbname"])
            .arg(&url)
            .arg(input)
            .status()
            .context("cannot run pg_restore (install the PostgreSQL client tools)")?;
        anyhow::ensure!(status.success(), "pg_restore failed ({status})");
    } else {
        let path = url
            .trim_start_matches("sqlite://")
            .split('?')
            .next()
            .map(PathBuf::from)
            .context("not a SQLite URL")?;
        // Never over an existing database: a restore is into an empty place.
        anyhow::ensure!(!path.exists(), "{} exists; restore into a new location", path.display());
        std::fs::copy(input, &path).with_context(|| format!("cannot copy to {}", path.display()))?;
    }
    let app = database.open().await?;
    let check = app.verify_audit_chain(&Actor::System).await;
    app.close().await?;
    match check? {
        ChainCheck::Intact { events } => {
            eprintln!(
                "{}",
                message(
                    &format!("復元しました。監査ログは改ざんされていません（{events}件）。"),
                    &format!("Restored; the audit log is intact ({events} events)."),
                )
            );
            Ok(())
        }
        ChainCheck::Broken { seq, reason } => {
            anyhow::bail!("restored, but the audit log is broken at event {seq}: {reason}")
        }
    }
}

fn read_password() -> anyhow::Result<String> {
    let mut input = String::new();
    std::io::stdin().take(4096).read_to_string(&mut input).context("cannot read the password")?;
    let password = input.lines().next().unwrap_or_default().to_owned();
    anyhow::ensure!(!password.is_empty(), "no password on standard input");
    Ok(password)
}

async fn user(command: UserCommand) -> anyhow::Result<()> {
    match command {
        UserCommand::Add { email, name, org, roles, language: tag, password_stdin: _, database } => {
            let roles = roles
                .iter()
                .map(|r| Role::parse(r).with_context(|| format!("unknown role {r:?}")))
                .collect::<anyhow::Result<Vec<_>>>()?;
            let password = read_password()?;
            let app = database.open().await?;
            let organization = app
                .organization_by_code(&org)
                .await?
                .with_context(|| format!("no organisation with code {org:?} (import a plan file first)"))?;
            let account = NewAccount {
                email,
                display_name: name,
                organization_id: organization.id,
                roles,
                language: Language::from_tag(&tag),
                password: Some(password),
            };
            let result = app.create_user(&Actor::System, account).await;
            app.close().await?;
            let user = result?;
            eprintln!(
                "{}",
                message(
                    &format!("アカウントを作成しました: {}", user.email),
                    &format!("Account created: {}", user.email)
                )
            );
            Ok(())
        }
        UserCommand::ResetPassword { email, password_stdin: _, database } => {
            let password = read_password()?;
            let app = database.open().await?;
            let result = app.reset_password(&Actor::System, &email, &password).await;
            app.close().await?;
            let user = result?;
            eprintln!(
                "{}",
                message(
                    &format!("パスワードを変更し、{} のセッションを終了しました。", user.email),
                    &format!("Password set; every session of {} has ended.", user.email),
                )
            );
            Ok(())
        }
    }
}

/// The largest plan file accepted; a real plan is a few dozen kilobytes.
const MAX_PLAN_FILE_BYTES: u64 = 8 * 1024 * 1024;

fn read_plan_file(path: &Path) -> anyhow::Result<String> {
    let size = std::fs::metadata(path).with_context(|| format!("cannot read {}", path.display()))?.len();
    anyhow::ensure!(size <= MAX_PLAN_FILE_BYTES, "{} is larger than 8 MiB", path.display());
    std::fs::read_to_string(path).with_context(|| format!("cannot read {} as UTF-8 text", path.display()))
}

/// A secret from the environment; deliberately not a flag, so it never shows in `ps`.
fn secret_from_env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|value| !value.trim().is_empty())
}

async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let mut config = server::Config::new(args.bind, args.database.data_dir);
    config.database_url = args.database.database_url;
    config.files = server::FileStore::parse(args.files_url.as_deref().unwrap_or_default())?;
    config.demo = args.demo;
    config.demo_history = args.demo && !args.demo_without_history;
    config.graphql_limits = graphql::Limits {
        max_depth: args.graphql_max_depth,
        max_complexity: args.graphql_max_complexity,
        max_aliases: args.graphql_max_aliases,
        introspection: !args.no_introspection,
    };
    config.graphiql = !args.no_introspection;
    config.web_dir = Some(args.web_dir);
    config.jwt_secret = secret_from_env("NUKUMORI_JWT_SECRET");
    config.demo_password = secret_from_env("NUKUMORI_DEMO_PASSWORD");
    let throttle = &mut config.login_throttle;
    throttle.lock_after = args.login_max_failures.max(1);
    throttle.delay_after = throttle.delay_after.min(throttle.lock_after);
    throttle.lockout = chrono::Duration::minutes(i64::from(args.login_lockout_minutes.max(1)));
    config.max_upload_bytes = args.max_upload_mb.max(1).saturating_mul(1024 * 1024);
    config.trusted_proxies = args.trusted_proxies;
    config.mail = app::MailSettings {
        public_url: args.public_url.trim_end_matches('/').to_owned(),
        from: args.mail_from,
        smtp_url: args.smtp_url.filter(|url| !url.trim().is_empty()),
        directory: None,
    };
    if args.no_mail_worker {
        config.mail_poll = None;
    }
    let server = server::build(config).await?;
    let address = server.local_addr()?;
    tracing::info!(%address, backend = ?server.app().backend(), "Nukumori is listening");
    eprintln!("Nukumori: http://{address}/  (GraphQL: http://{address}/graphql)");
    server.run().await
}
