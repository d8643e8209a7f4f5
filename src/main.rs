//! `nukumori`: the command line of the product. It parses arguments and calls the
//! libraries; everything it does can also be done from a test.

use std::{
    net::SocketAddr,
    path::{Path, PathBuf},
    process::ExitCode,
};

use anyhow::Context as _;
use app::{
    App, AppError,
    domain::{Language, access::Actor, i18n::Localized},
};
use clap::{Args, Parser, Subcommand};
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
    Serve(ServeArgs),
    /// Bring the database schema up to date, then exit.
    Migrate(DatabaseArgs),
    /// Print the GraphQL schema (SDL).
    Schema,
    /// Plan definitions.
    Plan {
        #[command(subcommand)]
        command: PlanCommand,
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
        Ok(self
            .database_url
            .clone()
            .unwrap_or_else(|| server::default_database_url(&self.data_dir)))
    }
}

#[derive(Args)]
struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "NUKUMORI_BIND", default_value = "127.0.0.1:8080")]
    bind: SocketAddr,
    #[command(flatten)]
    database: DatabaseArgs,
    /// Load the Omitama demo plan and sample organisations into an empty database.
    #[arg(long, env = "NUKUMORI_DEMO")]
    demo: bool,
    /// Turn off GraphiQL and schema introspection (for production).
    #[arg(long, env = "NUKUMORI_NO_INTROSPECTION")]
    no_introspection: bool,
    /// The built web app to serve at `/`.
    #[arg(long, env = "NUKUMORI_WEB_DIR", default_value = "frontend/dist")]
    web_dir: PathBuf,
}

/// The operator's language, from the usual locale variables.
fn language() -> Language {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
        .map_or(Language::Ja, |tag| Language::from_tag(&tag))
}

fn init_tracing() {
    let filter = EnvFilter::try_from_env("NUKUMORI_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
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
        Command::Serve(args) => serve(args).await,
        Command::Migrate(args) => {
            let app = App::open(&args.url()?).await?;
            app.close().await?;
            eprintln!(
                "{}",
                message(
                    "データベースは最新です。",
                    "The database schema is up to date."
                )
            );
            Ok(())
        }
        Command::Schema => {
            print!("{}", graphql::sdl());
            Ok(())
        }
        Command::Plan {
            command: PlanCommand::Check { file },
        } => {
            let source = read_plan_file(&file)?;
            app::domain::plan_file::parse(&source).map_err(AppError::InvalidPlanFile)?;
            eprintln!(
                "{}",
                message("問題はありません。", "The plan file is valid.")
            );
            Ok(())
        }
        Command::Plan {
            command: PlanCommand::Import { file, database },
        } => {
            let source = read_plan_file(&file)?;
            let app = App::open(&database.url()?).await?;
            let result = app.import_plan(&Actor::System, &source).await;
            app.close().await?;
            let summary = result?;
            eprintln!(
                "{}",
                match language() {
                    Language::Ja => format!(
                        "取り込みました: 追加 {}、更新 {}、変更なし {}",
                        summary.created, summary.updated, summary.unchanged
                    ),
                    Language::En => format!(
                        "Imported: {} created, {} updated, {} unchanged",
                        summary.created, summary.updated, summary.unchanged
                    ),
                }
            );
            Ok(())
        }
    }
}

fn message(ja: &str, en: &str) -> String {
    match language() {
        Language::Ja => ja.to_owned(),
        Language::En => en.to_owned(),
    }
}

/// The largest plan file accepted; a real plan is a few dozen kilobytes.
const MAX_PLAN_FILE_BYTES: u64 = 8 * 1024 * 1024;

fn read_plan_file(path: &Path) -> anyhow::Result<String> {
    let size = std::fs::metadata(path)
        .with_context(|| format!("cannot read {}", path.display()))?
        .len();
    anyhow::ensure!(
        size <= MAX_PLAN_FILE_BYTES,
        "{} is larger than 8 MiB",
        path.display()
    );
    std::fs::read_to_string(path)
        .with_context(|| format!("cannot read {} as UTF-8 text", path.display()))
}

async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let config = server::Config {
        bind: args.bind,
        database_url: args.database.database_url,
        data_dir: args.database.data_dir,
        demo: args.demo,
        graphql_limits: graphql::Limits {
            introspection: !args.no_introspection,
            ..graphql::Limits::default()
        },
        graphiql: !args.no_introspection,
        web_dir: Some(args.web_dir),
    };
    let server = server::build(config).await?;
    let address = server.local_addr()?;
    tracing::info!(%address, backend = ?server.app().backend(), "Nukumori is listening");
    eprintln!("Nukumori: http://{address}/  (GraphQL: http://{address}/graphql)");
    server.run().await
}
