//! The application's settings: how sessions are signed and how long they last, and how
//! failed sign-ins are throttled. Built by the server from its configuration.

use std::sync::Arc;

use chrono::Duration;
use object_store::ObjectStore;

use crate::{AppError, tokens::SigningKey};

/// The default largest evidence file: 25 MiB.
pub const DEFAULT_MAX_UPLOAD_BYTES: u64 = 25 * 1024 * 1024;

/// When failed sign-ins are slowed down and then refused.
#[derive(Clone, Copy, Debug)]
pub struct ThrottleSettings {
    /// Failures (per account or per address) after which each answer is delayed.
    pub delay_after: u32,
    /// Failures after which sign-in is refused for `lockout`.
    pub lock_after: u32,
    /// Failures older than this are forgotten.
    pub window: Duration,
    /// How long sign-in stays refused.
    pub lockout: Duration,
}

impl Default for ThrottleSettings {
    fn default() -> Self {
        Self { delay_after: 3, lock_after: 10, window: Duration::minutes(15), lockout: Duration::minutes(15) }
    }
}

/// Everything the use cases need besides the database.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Signs and verifies access tokens.
    pub signing_key: SigningKey,
    /// Lifetime of an access token.
    pub access_ttl: Duration,
    /// Lifetime of a refresh token (each refresh issues a new one).
    pub refresh_ttl: Duration,
    /// Sign-in throttling.
    pub throttle: ThrottleSettings,
    /// Where evidence files are kept: a directory by default, any object store by
    /// configuration. Files are stored once per content, under their SHA-256.
    pub files: Arc<dyn ObjectStore>,
    /// The largest evidence file accepted.
    pub max_upload_bytes: u64,
    /// How notification mails leave.
    pub mail: MailSettings,
    /// Survey error within which an indicator counts as on track or not regressed.
    pub indicator_tolerance: domain::progress::Tolerance,
}

/// How notification mails leave, and where their links point.
#[derive(Clone, Debug)]
pub struct MailSettings {
    /// The base of every link in a mail (`https://nukumori.city.omitama.example`).
    pub public_url: String,
    /// The sender (`Nukumori <nukumori@city.omitama.example>`).
    pub from: String,
    /// `smtp://host:587` (STARTTLS), `smtps://host:465`, or `smtp://host:25?tls=none`
    /// for a relay on the same network; with none, mails are written to `directory`.
    pub smtp_url: Option<String>,
    /// Where mails are written when no SMTP server is configured.
    pub directory: Option<std::path::PathBuf>,
}

impl Default for MailSettings {
    fn default() -> Self {
        Self {
            public_url: "http://127.0.0.1:8080".to_owned(),
            from: "Nukumori <nukumori@localhost>".to_owned(),
            smtp_url: None,
            directory: None,
        }
    }
}

impl Settings {
    /// The defaults with this signing key and file store: 15-minute access tokens,
    /// 14-day refresh tokens, 25 MiB uploads.
    pub fn new(signing_key: SigningKey, files: Arc<dyn ObjectStore>) -> Self {
        Self {
            signing_key,
            access_ttl: Duration::minutes(15),
            refresh_ttl: Duration::days(14),
            throttle: ThrottleSettings::default(),
            files,
            max_upload_bytes: DEFAULT_MAX_UPLOAD_BYTES,
            mail: MailSettings::default(),
            indicator_tolerance: domain::progress::Tolerance::NONE,
        }
    }

    /// Settings for command-line work that signs no tokens and stores no files: a
    /// throwaway random key and an in-memory store.
    pub fn for_operator() -> Result<Self, AppError> {
        let secret = SigningKey::generate_secret()?;
        let key = SigningKey::new(secret.as_bytes()).map_err(|e| AppError::internal(e.to_string()))?;
        Ok(Self::new(key, Arc::new(object_store::memory::InMemory::new())))
    }
}
