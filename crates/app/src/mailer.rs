//! Delivering the outbox: a pass claims due mails, renders each in its recipient's
//! language (or one digest per recipient), sends it over SMTP with lettre (or writes it
//! to a file when no SMTP server is configured), and marks it sent, or schedules a retry
//! with back-off. Reminders (due in 7 days, due tomorrow, overdue) are queued by a daily
//! sweep whose dedupe keys make every reminder go out once, however many instances run.
//!
//! A mail's Message-ID is its outbox id: should an instance die after the SMTP server
//! accepted a mail but before marking it sent, the retry carries the same Message-ID, so
//! the receiving system can recognise the duplicate.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate, Utc};
use domain::{
    Language,
    access::Role,
    ids::{OutboxId, ReportId},
    notification::{Notification, render_digest},
    report::{ReportStatus, today_in_japan},
};
use lettre::{
    AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
    message::{Mailbox, MultiPart},
};
use store::{ClaimedMail, NewMail, OutboxCounts};

use crate::{App, AppError, MailSettings, notify::mails_for};

/// How mails leave.
enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(AsyncFileTransport<Tokio1Executor>),
}

/// A configured sender; build one with [`App::mailer`] and reuse it.
pub struct Mailer {
    transport: Transport,
    from: Mailbox,
    worker: String,
    back_off_base: Duration,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match self.transport {
            Transport::Smtp(_) => "smtp",
            Transport::Files(_) => "files",
        };
        f.debug_struct("Mailer").field("transport", &kind).field("worker", &self.worker).finish()
    }
}

impl Mailer {
    /// A sender for these settings. `worker` names this instance in the outbox's leases.
    pub fn new(settings: &MailSettings, worker: &str) -> Result<Self, AppError> {
        let from: Mailbox =
            settings.from.parse().map_err(|e| AppError::internal(format!("NUKUMORI_MAIL_FROM: {e}")))?;
        let transport = match &settings.smtp_url {
            Some(url) => Transport::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(&smtp_url(url))
                    .map_err(|e| AppError::internal(format!("NUKUMORI_SMTP_URL: {e}")))?
                    .timeout(Some(std::time::Duration::from_secs(30)))
                    .build(),
            ),
            None => {
                let directory = settings.directory.clone().unwrap_or_else(std::env::temp_dir);
                std::fs::create_dir_all(&directory).map_err(|e| {
                    AppError::internal(format!("mail directory {}: {e}", directory.display()))
                })?;
                Transport::Files(AsyncFileTransport::new(directory))
            }
        };
        Ok(Self { transport, from, worker: worker.to_owned(), back_off_base: Duration::seconds(30) })
    }

    /// Waits `base` after a first failure, doubling for each further one (tests shorten
    /// it).
    pub fn with_back_off(mut self, base: Duration) -> Self {
        self.back_off_base = base;
        self
    }

    /// Where mails go, for the log.
    pub fn describe(&self) -> &'static str {
        match self.transport {
            Transport::Smtp(_) => "SMTP",
            Transport::Files(_) => "files in the data directory (no SMTP server configured)",
        }
    }
}

/// What one delivery pass did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DeliveryPass {
    /// Mails handed to the transport (a digest counts once).
    pub sent: usize,
    /// Outbox rows that failed and wait for a retry.
    pub failed: usize,
}

/// `smtp://` without a `tls` parameter upgrades with STARTTLS when the server offers
/// it; `?tls=required` insists on it and `?tls=none` never tries.
fn smtp_url(url: &str) -> String {
    if !url.starts_with("smtp://") {
        return url.to_owned();
    }
    if url.contains("tls=none") {
        return url.replace("?tls=none", "").replace("&tls=none", "");
    }
    if url.contains("tls=") {
        return url.to_owned();
    }
    let separator = if url.contains('?') { '&' } else { '?' };
    format!("{url}{separator}tls=opportunistic")
}

/// Waits after the `attempts`-th failure: `base`, twice that, four times… at most an
/// hour.
fn back_off(base: Duration, attempts: i32) -> Duration {
    let exponent = attempts.clamp(0, 7);
    (base * (1 << exponent)).min(Duration::hours(1))
}

impl App {
    /// A sender for this application's mail settings.
    pub fn mailer(&self, worker: &str) -> Result<Mailer, AppError> {
        Mailer::new(&self.settings.mail, worker)
    }

    /// How many mails wait, were sent, or were given up.
    pub async fn outbox_counts(&self) -> Result<OutboxCounts, AppError> {
        Ok(self.db.outbox_counts().await?)
    }

    /// Sends what is due: claims up to `batch` mails, sends them, records the outcome.
    pub async fn deliver_mail(&self, mailer: &Mailer, batch: u64) -> Result<DeliveryPass, AppError> {
        let claimed = self.db.claim_mail(&mailer.worker, Duration::minutes(2), batch).await?;
        let mut pass = DeliveryPass::default();
        // Digest rows of one recipient travel together in one mail.
        let mut digests: BTreeMap<String, Vec<ClaimedMail>> = BTreeMap::new();
        let mut singles = Vec::new();
        for mail in claimed {
            if mail.digest {
                digests.entry(mail.recipient_email.clone()).or_default().push(mail);
            } else {
                singles.push(mail);
            }
        }
        let public_url = self.settings.mail.public_url.as_str();
        let mut sends: Vec<(Vec<ClaimedMail>, Result<domain::notification::RenderedMail, String>)> =
            Vec::new();
        for mail in singles {
            let rendered = serde_json::from_str::<Notification>(&mail.payload)
                .map(|n| n.render(Language::from_tag(&mail.language), public_url))
                .map_err(|e| format!("unreadable payload: {e}"));
            sends.push((vec![mail], rendered));
        }
        for (_, group) in digests {
            let language = group.first().map_or(Language::Ja, |m| Language::from_tag(&m.language));
            let items: Result<Vec<Notification>, String> = group
                .iter()
                .map(|m| serde_json::from_str(&m.payload).map_err(|e| format!("unreadable payload: {e}")))
                .collect();
            let rendered =
                items.map(|items| render_digest(&items, language, public_url, today_in_japan(Utc::now())));
            sends.push((group, rendered));
        }
        for (rows, rendered) in sends {
            let ids: Vec<OutboxId> = rows.iter().map(|r| r.id).collect();
            let Some(first) = rows.first() else { continue };
            let outcome = match rendered {
                Ok(rendered) => self.send_one(mailer, first, rendered).await,
                Err(error) => Err(error),
            };
            match outcome {
                Ok(()) => {
                    self.db.mark_mail_sent(&mailer.worker, &ids).await?;
                    pass.sent += 1;
                }
                Err(error) => {
                    tracing::warn!(outbox = %first.id, attempts = first.attempts + 1, %error, "mail not sent; will retry");
                    let retry_at = Utc::now() + back_off(mailer.back_off_base, first.attempts);
                    self.db.mark_mail_failed(&mailer.worker, &ids, &error, retry_at).await?;
                    pass.failed += ids.len();
                }
            }
        }
        Ok(pass)
    }

    async fn send_one(
        &self,
        mailer: &Mailer,
        mail: &ClaimedMail,
        rendered: domain::notification::RenderedMail,
    ) -> Result<(), String> {
        let to: Mailbox = mail.recipient_email.parse().map_err(|e| format!("recipient: {e}"))?;
        let message = Message::builder()
            .from(mailer.from.clone())
            .to(to)
            .subject(rendered.subject)
            .message_id(Some(format!("<{}@nukumori>", mail.id)))
            .multipart(MultiPart::alternative_plain_html(rendered.text, rendered.html))
            .map_err(|e| format!("message: {e}"))?;
        match &mailer.transport {
            Transport::Smtp(smtp) => smtp.send(message).await.map(|_| ()).map_err(|e| e.to_string()),
            Transport::Files(files) => files.send(message).await.map(|_| ()).map_err(|e| e.to_string()),
        }
    }

    /// Queues the reminders of `today` (a date in Japan): due in 7 days and due tomorrow
    /// to the writers of every outstanding report, and overdue (the day after the due
    /// date) to the writers and their manager. Returns how many mails were queued; a
    /// second sweep on the same day queues none.
    pub async fn enqueue_reminders(&self, today: NaiveDate) -> Result<u64, AppError> {
        let mut mails: Vec<NewMail> = Vec::new();
        let organizations = self.db.organizations().await?;
        for plan in self.db.plans().await? {
            for period in self.db.periods(plan.id, None).await? {
                let days_left = (period.due_on - today).num_days();
                let kind = match days_left {
                    7 | 1 => "due",
                    -1 => "overdue",
                    _ => continue,
                };
                let reports = self
                    .db
                    .reports_page(
                        &domain::access::report_visibility(&domain::access::Actor::System),
                        &store::ReportFilter { period_id: Some(period.id), ..Default::default() },
                        None,
                        100_000,
                    )
                    .await?;
                let directions = self.db.directions_of_plan(plan.id).await?;
                for report in reports.into_iter().filter(|r| r.status.is_outstanding()) {
                    let Some(direction) = directions.iter().find(|d| d.id == report.direction_id) else {
                        continue;
                    };
                    let Some(owner) = organizations.iter().find(|o| o.id == report.organization_id) else {
                        continue;
                    };
                    let mut roles = vec![Role::DepartmentStaff, Role::CouncilCoordinator];
                    // Overdue reports also go to the manager; a report awaiting the
                    // manager is the manager's to act on.
                    if kind == "overdue" || report.status == ReportStatus::AwaitingManager {
                        roles.push(Role::DepartmentManager);
                    }
                    let recipients =
                        self.db.active_users_with_roles(Some(report.organization_id), &roles).await?;
                    let report_id: ReportId = report.id;
                    let mut batch = mails_for(&recipients, None, |language| {
                        if kind == "overdue" {
                            Notification::Overdue {
                                direction_code: direction.code.to_string(),
                                direction_title: direction.name.get(language).to_owned(),
                                organization_name: owner.name.get(language).to_owned(),
                                period_label: period.label(language),
                                due_on: period.due_on,
                                report_id,
                            }
                        } else {
                            Notification::DueSoon {
                                days_left: u32::try_from(days_left).unwrap_or(0),
                                direction_code: direction.code.to_string(),
                                direction_title: direction.name.get(language).to_owned(),
                                period_label: period.label(language),
                                due_on: period.due_on,
                                report_id,
                            }
                        }
                    })?;
                    for mail in &mut batch {
                        let recipient = mail.recipient_user_id.map(|u| u.to_string()).unwrap_or_default();
                        mail.dedupe_key = Some(format!("{kind}:{days_left}:{report_id}:{recipient}"));
                    }
                    mails.extend(batch);
                }
            }
        }
        if mails.is_empty() {
            return Ok(0);
        }
        let tx = self.db.write().await?;
        let queued = tx.enqueue_mail(mails).await?;
        tx.commit().await?;
        Ok(queued)
    }
}
