//! The `nukumori` command line, run as a separate process.

use std::process::Command;

fn nukumori() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_nukumori"));
    command.env("LANG", "en_US.UTF-8").env_remove("DATABASE_URL").env("NUKUMORI_LOG", "warn");
    command
}

#[test]
fn plan_import_reports_the_place_of_a_problem_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("plan.toml");
    let broken =
        app::demo::OMITAMA_PLAN.replacen("target_fiscal_year = 2025", "target_fiscal_year = 2031", 1);
    std::fs::write(&file, &broken).expect("write");
    let line = broken.lines().position(|l| l.contains("2031")).expect("line") + 1;

    let output = nukumori()
        .args(["plan", "import"])
        .arg(&file)
        .arg("--data-dir")
        .arg(dir.path().join("data"))
        .output()
        .expect("runs");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(&format!("line {line}, column")), "{stderr}");
    assert!(stderr.contains("outside the plan period FY2021-FY2025"), "{stderr}");

    // The same file checked in Japanese.
    let output =
        nukumori().env("LANG", "ja_JP.UTF-8").args(["plan", "check"]).arg(&file).output().expect("runs");
    assert!(String::from_utf8_lossy(&output.stderr).contains(&format!("{line}行目")));

    // The database was never written: a good import afterwards creates everything.
    std::fs::write(&file, app::demo::OMITAMA_PLAN).expect("write");
    let output = nukumori()
        .args(["plan", "import"])
        .arg(&file)
        .arg("--data-dir")
        .arg(dir.path().join("data"))
        .output()
        .expect("runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(String::from_utf8_lossy(&output.stderr).contains("Imported: 87 created, 0 updated, 0 unchanged"));
}

#[test]
fn schema_command_prints_the_committed_schema() {
    let output = nukumori().arg("schema").output().expect("runs");
    let printed = String::from_utf8(output.stdout).expect("utf-8");
    let committed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/schema.graphql"))
        .expect("schema.graphql");
    assert!(printed == committed, "schema.graphql is stale: run `cargo xtask schema`");
}

fn run_with_stdin(args: &[&str], data_dir: &std::path::Path, stdin: &str) -> std::process::Output {
    use std::io::Write;
    let mut child = nukumori()
        .args(args)
        .arg("--data-dir")
        .arg(data_dir)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("write");
    child.wait_with_output().expect("output")
}

#[tokio::test]
async fn first_administrator_password_reset_and_audit_verification() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    let plan = dir.path().join("plan.toml");
    std::fs::write(&plan, app::demo::OMITAMA_PLAN).expect("write");
    assert!(run_with_stdin(&["plan", "import", plan.to_str().expect("path")], &data, "").status.success());

    let add = [
        "user",
        "add",
        "--email",
        "First.Admin@City.example",
        "--name",
        "情報 太郎",
        "--org",
        "johosei",
        "--role",
        "ADMIN",
        "--role",
        "PLAN_OFFICE",
        "--password-stdin",
    ];
    let weak = run_with_stdin(&add, &data, "password1234\n");
    assert!(!weak.status.success());
    assert!(String::from_utf8_lossy(&weak.stderr).contains("too common"));
    let created = run_with_stdin(&add, &data, "lake-kasumigaura-swan-51\n");
    assert!(created.status.success(), "{}", String::from_utf8_lossy(&created.stderr));
    assert!(String::from_utf8_lossy(&created.stderr).contains("Account created: first.admin@city.example"));

    let reset = ["user", "reset-password", "--email", "first.admin@city.example", "--password-stdin"];
    assert!(run_with_stdin(&reset, &data, "tsukuba-mountain-view-88\n").status.success());

    let verify = run_with_stdin(&["audit", "verify"], &data, "");
    assert!(verify.status.success());
    // plan.imported, user.created, password.reset
    assert!(String::from_utf8_lossy(&verify.stderr).contains("intact (3 events)"), "{verify:?}");

    // Someone edits the log behind the product's back: the chain no longer verifies.
    use sea_orm::ConnectionTrait;
    let url = format!("sqlite://{}", data.join("nukumori.db").display());
    let db = sea_orm::Database::connect(&url).await.expect("connect");
    db.execute_unprepared("UPDATE audit_events SET actor_label = 'someone else' WHERE seq = 2")
        .await
        .expect("tamper");
    db.close().await.expect("close");
    let verify = run_with_stdin(&["audit", "verify"], &data, "");
    assert!(!verify.status.success());
    assert!(String::from_utf8_lossy(&verify.stderr).contains("broken at event 2"), "{verify:?}");
}
