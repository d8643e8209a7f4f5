//! The mail worker: sends what the outbox holds every few seconds, and once an hour
//! queues the day's reminders (each reminder carries a key, so however many instances
//! sweep, a reminder is queued once).

use std::time::Duration;

use app::App;
use chrono::Utc;

/// How many mails one pass sends at most.
const BATCH: u64 = 50;
/// How often reminders are swept.
const REMINDER_SWEEP: Duration = Duration::from_secs(3600);

/// The worker's future; fails at once if the mail settings are unusable, so a bad
/// `NUKUMORI_SMTP_URL` stops the server at start-up rather than losing mail silently.
pub fn run(
    app: App,
    poll: Duration,
) -> anyhow::Result<impl std::future::Future<Output = ()> + Send + 'static> {
    let worker = format!("{}-{}", hostname(), uuid::Uuid::now_v7());
    let mailer = app.mailer(&worker).map_err(|e| anyhow::anyhow!("mail settings: {e}"))?;
    tracing::info!(transport = mailer.describe(), "mail worker started");
    Ok(async move {
        let mut last_sweep: Option<tokio::time::Instant> = None;
        let mut ticker = tokio::time::interval(poll);
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticker.tick().await;
            if last_sweep.is_none_or(|at| at.elapsed() >= REMINDER_SWEEP) {
                last_sweep = Some(tokio::time::Instant::now());
                match app.enqueue_reminders(app::domain::report::today_in_japan(Utc::now())).await {
                    Ok(0) => {}
                    Ok(queued) => tracing::info!(queued, "reminders queued"),
                    Err(error) => tracing::warn!(%error, "cannot queue reminders"),
                }
            }
            loop {
                match app.deliver_mail(&mailer, BATCH).await {
                    Ok(pass) if pass.sent > 0 || pass.failed > 0 => {
                        tracing::info!(sent = pass.sent, failed = pass.failed, "mail delivered");
                        // A full batch may mean more waits; a failure waits for back-off.
                        if pass.failed > 0 || pass.sent < usize::try_from(BATCH).unwrap_or(usize::MAX) {
                            break;
                        }
                    }
                    Ok(_) => break,
                    Err(error) => {
                        tracing::warn!(%error, "cannot deliver mail");
                        break;
                    }
                }
            }
        }
    })
}

fn hostname() -> String {
    std::env::var("HOSTNAME").ok().filter(|h| !h.is_empty()).unwrap_or_else(|| "nukumori".to_owned())
}
