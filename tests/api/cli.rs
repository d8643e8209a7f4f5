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
