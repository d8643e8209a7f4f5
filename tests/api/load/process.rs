//! The real `nukumori serve` as a child process, so it can be killed with SIGKILL.

use std::{
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use crate::harness::{DEMO_PASSWORD, JWT_SECRET};

/// A running server process; killed when dropped.
pub struct ServerProcess {
    child: Child,
    pub base_url: String,
    pub log: PathBuf,
}

impl ServerProcess {
    /// Starts `nukumori serve` on a free port of 127.0.0.1 with the demo (and its
    /// history), mail to `smtp_url`, and waits until `/readyz` answers.
    pub async fn start(database_url: &str, data_dir: &Path, smtp_url: &str, log: PathBuf) -> Self {
        let log_file = std::fs::File::create(&log).expect("log file");
        let child = Command::new(env!("CARGO_BIN_EXE_nukumori"))
            .args(["serve", "--bind", "127.0.0.1:0", "--web-dir"])
            .arg(data_dir.join("no-web-app"))
            .arg("--data-dir")
            .arg(data_dir)
            .env("DATABASE_URL", database_url)
            .env("NUKUMORI_DEMO", "true")
            .env_remove("NUKUMORI_DEMO_WITHOUT_HISTORY")
            .env_remove("NUKUMORI_NO_MAIL_WORKER")
            .env("NUKUMORI_DEMO_PASSWORD", DEMO_PASSWORD)
            .env("NUKUMORI_JWT_SECRET", JWT_SECRET)
            .env("NUKUMORI_SMTP_URL", smtp_url)
            .env("NUKUMORI_PUBLIC_URL", "https://nukumori.test")
            .env("NUKUMORI_LOG", "info,sqlx=warn,sea_orm=warn,tower_http=warn")
            .env("LANG", "en_US.UTF-8")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log_file)
            .spawn()
            .expect("the server starts");
        let mut process = Self { child, base_url: String::new(), log };
        process.base_url = process.wait_for_address().await;
        process.wait_until_ready().await;
        process
    }

    fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// The address the server printed once it listens.
    async fn wait_for_address(&mut self) -> String {
        let started = Instant::now();
        loop {
            if let Some(line) = self.log_text().lines().find(|l| l.starts_with("Nukumori: http://")) {
                let address =
                    line.trim_start_matches("Nukumori: ").split('/').take(3).collect::<Vec<_>>().join("/");
                return address;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("the server exited ({status}):\n{}", self.log_text());
            }
            assert!(
                started.elapsed() < Duration::from_secs(300),
                "the server never listened:\n{}",
                self.log_text()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    async fn wait_until_ready(&self) {
        let client = reqwest::Client::new();
        let started = Instant::now();
        loop {
            let ready = client.get(format!("{}/readyz", self.base_url)).send().await;
            if ready.is_ok_and(|r| r.status() == 200) {
                return;
            }
            assert!(started.elapsed() < Duration::from_secs(60), "never ready:\n{}", self.log_text());
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// SIGKILL: no drain, no shutdown, no closing of the database.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        self.kill();
    }
}
