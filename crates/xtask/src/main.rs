//! Project automation, so that the README's commands are all a new developer needs:
//!
//! - `cargo xtask run [--release]`: build the web app and the server, start it with the
//!   Omitama demo at http://127.0.0.1:8080.
//! - `cargo xtask test`: every check CI runs: formatting, clippy, the schema drift check,
//!   the Rust tests on SQLite and PostgreSQL (starting PostgreSQL if none answers), the
//!   web app's lint, type check, unit tests and build, and the end-to-end stories in
//!   Debian's Chromium (installed with apt if missing) against the real server.
//! - `cargo xtask schema`: rewrite `schema.graphql` from the server's schema.

use std::{
    env,
    path::{Path, PathBuf},
    process::{Command, ExitCode},
    time::Instant,
};

use anyhow::{Context, bail, ensure};

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => run(args.iter().any(|a| a == "--release")),
        Some("test") => test(),
        Some("schema") => schema(),
        _ => {
            eprintln!("usage: cargo xtask run [--release] | test | schema");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// The repository root (this crate lives in `crates/xtask`).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

fn cargo() -> Command {
    let mut command = Command::new(env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    command.current_dir(root());
    command
}

fn npm() -> Command {
    let mut command = Command::new("npm");
    command.current_dir(root().join("frontend"));
    command
}

/// Runs a step, failing with its name when the command fails.
fn step(name: &str, mut command: Command) -> anyhow::Result<()> {
    eprintln!("\n==> {name}");
    let started = Instant::now();
    let status =
        command.status().with_context(|| format!("{name}: cannot start {:?}", command.get_program()))?;
    ensure!(status.success(), "{name} failed ({status})");
    eprintln!("<== {name}: ok in {:.1}s", started.elapsed().as_secs_f64());
    Ok(())
}

fn output(mut command: Command) -> anyhow::Result<String> {
    let output = command.output().with_context(|| format!("cannot start {:?}", command.get_program()))?;
    ensure!(
        output.status.success(),
        "{:?} failed: {}",
        command.get_program(),
        String::from_utf8_lossy(&output.stderr)
    );
    Ok(String::from_utf8(output.stdout)?)
}

fn target_dir() -> PathBuf {
    env::var_os("CARGO_TARGET_DIR").map_or_else(|| root().join("target"), PathBuf::from)
}

fn has_frontend() -> bool {
    root().join("frontend/package.json").is_file()
}

/// `npm ci` unless `node_modules` is already installed from the current lock file.
fn install_frontend() -> anyhow::Result<()> {
    let frontend = root().join("frontend");
    let lock = frontend.join("package-lock.json");
    let installed = frontend.join("node_modules/.package-lock.json");
    let fresh = match (std::fs::metadata(&lock), std::fs::metadata(&installed)) {
        (Ok(lock), Ok(installed)) => installed.modified()? >= lock.modified()?,
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    let mut command = npm();
    command.args(["ci", "--no-audit", "--no-fund"]);
    step("npm ci", command)
}

fn npm_script(script: &str) -> anyhow::Result<()> {
    let mut command = npm();
    command.args(["run", script]);
    step(&format!("web app: npm run {script}"), command)
}

fn run(release: bool) -> anyhow::Result<()> {
    if has_frontend() {
        install_frontend()?;
        npm_script("build")?;
    }
    let mut build = cargo();
    build.args(["build", "--locked", "--bin", "nukumori"]);
    if release {
        build.arg("--release");
    }
    step("build the server", build)?;
    let binary = target_dir().join(if release { "release" } else { "debug" }).join("nukumori");
    let mut serve = Command::new(binary);
    serve.current_dir(root()).args(["serve", "--demo"]);
    eprintln!("\n==> starting Nukumori with the Omitama demo (Ctrl-C stops it)");
    let status = serve.status().context("cannot start nukumori")?;
    ensure!(status.success(), "nukumori exited with {status}");
    Ok(())
}

fn schema_text() -> anyhow::Result<String> {
    let mut command = cargo();
    command.args(["run", "--quiet", "--locked", "--bin", "nukumori", "--", "schema"]);
    output(command)
}

fn schema() -> anyhow::Result<()> {
    std::fs::write(root().join("schema.graphql"), schema_text()?)?;
    eprintln!("schema.graphql written");
    Ok(())
}

/// Starts (or finds) PostgreSQL for the tests and stops a throwaway one at the end.
struct Postgres {
    url: String,
}

impl Postgres {
    fn start() -> anyhow::Result<Self> {
        let mut command = Command::new("bash");
        command.arg(root().join(".ci/postgres.sh")).arg("start");
        let url = output(command).context("PostgreSQL is needed for the tests")?.trim().to_owned();
        ensure!(url.starts_with("postgres"), "unexpected PostgreSQL URL {url:?}");
        eprintln!("PostgreSQL for the tests: {url}");
        Ok(Self { url })
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let _ = Command::new("bash").arg(root().join(".ci/postgres.sh")).arg("stop").status();
    }
}

fn test() -> anyhow::Result<()> {
    let started = Instant::now();
    let mut fmt = cargo();
    fmt.args(["fmt", "--all", "--", "--check"]);
    step("cargo fmt --check", fmt)?;

    let mut clippy = cargo();
    clippy.args(["clippy", "--locked", "--workspace", "--all-targets", "--", "-D", "warnings"]);
    step("cargo clippy -D warnings", clippy)?;

    eprintln!("\n==> schema drift check");
    let committed = std::fs::read_to_string(root().join("schema.graphql")).unwrap_or_default();
    if schema_text()? != committed {
        bail!("schema.graphql is stale: run `cargo xtask schema` and commit it");
    }
    eprintln!("<== schema.graphql matches the server");

    if has_frontend() {
        install_frontend()?;
        for script in ["lint", "typecheck", "test", "build"] {
            npm_script(script)?;
        }
    }

    let postgres = Postgres::start()?;
    let mut nextest = cargo();
    nextest
        .args(["nextest", "run", "--locked", "--workspace", "--no-fail-fast"])
        .env("NUKUMORI_TEST_POSTGRES_URL", &postgres.url);
    if env::var_os("CI").is_some() {
        nextest.args(["--profile", "ci"]);
    }
    step("Rust tests (SQLite and PostgreSQL)", nextest)?;
    drop(postgres);

    let mut build = cargo();
    build.args(["build", "--locked", "--bin", "nukumori"]);
    step("build the server for the end-to-end checks", build)?;
    // A short fuzzing run in CI; `.ci/schemathesis.sh BINARY 200` is the long one (docs/fuzzing.md).
    let mut fuzz = Command::new("bash");
    fuzz.arg(root().join(".ci/schemathesis.sh")).arg(target_dir().join("debug").join("nukumori")).arg("5");
    step("GraphQL API fuzzing (schemathesis, every role)", fuzz)?;

    if has_frontend() {
        // The stories run against the real server, built by the step above, on SQLite.
        let mut chromium = Command::new("bash");
        chromium.arg(root().join(".ci/chromium.sh"));
        let browser =
            output(chromium).context("Chromium is needed for the end-to-end tests")?.trim().to_owned();
        let mut e2e = npm();
        e2e.args(["run", "e2e"])
            .env("NUKUMORI_BIN", target_dir().join("debug").join("nukumori"))
            .env("CHROMIUM", browser);
        step("web app: end-to-end tests in Chromium", e2e)?;
    }

    // Two instances behind haproxy on one PostgreSQL and one S3 bucket, with a short load
    // through the balancer (docs/deployment.md).
    let mut scale_out = Command::new("bash");
    scale_out.arg(root().join(".ci/scale-out.sh")).arg(target_dir().join("debug").join("nukumori"));
    step("scale-out drill (two instances, haproxy, PostgreSQL, S3)", scale_out)?;

    // libFuzzer on the plan file and the ownership CSV, 20 s each (docs/fuzzing.md has the
    // long runs).
    let mut cargo_fuzz = Command::new("bash");
    cargo_fuzz.arg(root().join(".ci/fuzz.sh")).arg("20");
    step("cargo fuzz smoke (plan file, ownership CSV)", cargo_fuzz)?;

    // The API benchmark beside its raw-SQL floor and PostGraphile, on a small data set
    // (docs/benchmarks.md has the full run).
    let mut bench = Command::new("bash");
    bench.arg(root().join(".ci/bench.sh")).arg("--smoke");
    step("benchmark smoke (API, SQL floor, PostGraphile)", bench)?;

    eprintln!("\nall checks passed in {:.0}s", started.elapsed().as_secs_f64());
    Ok(())
}
