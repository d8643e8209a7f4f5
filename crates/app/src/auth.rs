//! Signing in and out, sessions, and passwords.
//!
//! A sign-in answers the same way, after the same Argon2 work, whether the e-mail is
//! unknown, the account inactive or the password wrong. Failures are counted per account
//! and per client address (in the database, so every server instance sees them): past
//! `delay_after` the answer is delayed, past `lock_after` sign-in is refused for a while.

use chrono::{DateTime, Utc};
use domain::{
    access::{AccountRef, Action, Actor, UserActor},
    audit::{AuditAction, AuditRecord},
    password,
    user::{User, normalize_email},
};
use serde_json::json;
use store::{Credentials, NewRefreshToken, ThrottleState, WriteTx};
use uuid::Uuid;

use crate::{
    App, AppError, InputProblem,
    audit::record,
    authorize, passwords,
    tokens::{digest, random_token, sign_access, verify_access},
};

/// A signed-in session.
#[derive(Clone, Debug)]
pub struct Session {
    /// A JWT for `Authorization: Bearer`.
    pub access_token: String,
    /// Exchanged for a new session by `refreshSession`; travels as an HttpOnly cookie too.
    pub refresh_token: String,
    /// When the access token expires.
    pub expires_at: DateTime<Utc>,
    /// When the refresh token expires.
    pub refresh_expires_at: DateTime<Utc>,
    /// Who is signed in.
    pub user: User,
}

/// The longest password a sign-in even looks at: longer ones cannot have been set.
const MAX_LOGIN_PASSWORD_BYTES: usize = 4 * password::MAX_CHARS;

/// A counter of failed sign-ins and the count at which it refuses.
struct ThrottleKey {
    key: String,
    lock_after: u32,
}

/// The counters a sign-in attempt touches. The tightest lock is on the pair of account
/// and address: guessing one person's password from one place. An account alone, or an
/// address alone, locks only much later: behind a proxy many people share an address,
/// and anyone can type someone else's e-mail, so a low lock there would let one person
/// shut everyone out. Every counter slows answers down from `delay_after` on.
fn throttle_keys(email: &str, client_ip: Option<&str>, lock_after: u32) -> Vec<ThrottleKey> {
    let address = client_ip.unwrap_or("unknown");
    vec![
        ThrottleKey { key: format!("pair:{email}|{address}"), lock_after },
        ThrottleKey { key: format!("account:{email}"), lock_after: lock_after.saturating_mul(3) },
        ThrottleKey { key: format!("address:{address}"), lock_after: lock_after.saturating_mul(5) },
    ]
}

/// Longer than any e-mail can be: refused before any work, and never written anywhere.
const MAX_EMAIL_BYTES: usize = 254;

fn login_record(
    email: &str,
    user: Option<&User>,
    action: AuditAction,
    client_ip: Option<&str>,
) -> AuditRecord {
    AuditRecord {
        actor_user_id: user.map(|u| u.id),
        actor_label: email.to_owned(),
        action,
        subject_type: user.map(|_| "user".to_owned()),
        subject_id: user.map(|u| u.id.to_string()),
        organization_id: user.map(|u| u.organization_id),
        details: "{}".to_owned(),
        client_ip: client_ip.map(str::to_owned),
    }
}

impl App {
    /// Signs in with e-mail and password.
    pub async fn login(
        &self,
        email: &str,
        password: &str,
        client_ip: Option<&str>,
    ) -> Result<Session, AppError> {
        let email = normalize_email(email);
        if email.len() > MAX_EMAIL_BYTES {
            return Err(AppError::InvalidCredentials);
        }
        let keys = throttle_keys(&email, client_ip, self.settings.throttle.lock_after);
        self.refuse_if_locked(&email, &keys, client_ip).await?;

        let credentials = self.db.credentials_by_email(&email).await?.filter(|c| c.user.active);
        let stored = credentials.as_ref().and_then(|c| c.password_hash.clone());
        let attempt = if password.len() > MAX_LOGIN_PASSWORD_BYTES { "" } else { password };
        let verified = passwords::verify(attempt.to_owned(), stored).await?;

        let Some(credentials) = credentials.filter(|_| verified.matches) else {
            let user = self.db.credentials_by_email(&email).await?.map(|c| c.user);
            let failures = self.record_failure(&email, user.as_ref(), &keys, client_ip).await?;
            let settings = self.settings.throttle;
            if failures > settings.delay_after {
                let extra = u64::from((failures - settings.delay_after).min(5));
                tokio::time::sleep(std::time::Duration::from_millis(500 * extra)).await;
            }
            return Err(AppError::InvalidCredentials);
        };

        let tx = self.db.write().await?;
        // The person got in: their own counters start again; the address's does not.
        for key in &keys[..2] {
            tx.clear_throttle(&key.key).await?;
        }
        if verified.needs_rehash {
            let rehashed = passwords::hash(password.to_owned()).await?;
            tx.set_password_hash(credentials.user.id, &rehashed, false).await?;
        }
        let session = self.issue_session(&tx, &credentials, Uuid::now_v7()).await?;
        tx.append_audit(login_record(
            &email,
            Some(&credentials.user),
            AuditAction::LoginSucceeded,
            client_ip,
        ))
        .await?;
        tx.commit().await?;
        Ok(session)
    }

    async fn refuse_if_locked(
        &self,
        email: &str,
        keys: &[ThrottleKey],
        client_ip: Option<&str>,
    ) -> Result<(), AppError> {
        let now = Utc::now();
        let tx = self.db.write().await?;
        let mut locked_until = None;
        for key in keys {
            if let Some(until) =
                tx.throttle_state(&key.key).await?.and_then(|s| s.locked_until).filter(|u| *u > now)
            {
                locked_until = locked_until.max(Some(until));
            }
        }
        let Some(until) = locked_until else { return Ok(()) };
        tx.append_audit(login_record(email, None, AuditAction::LoginRefused, client_ip)).await?;
        tx.commit().await?;
        Err(AppError::RateLimited { retry_after_seconds: (until - now).num_seconds().max(1) })
    }

    /// Counts a failure under every key; returns the highest count.
    async fn record_failure(
        &self,
        email: &str,
        user: Option<&User>,
        keys: &[ThrottleKey],
        client_ip: Option<&str>,
    ) -> Result<u32, AppError> {
        let settings = self.settings.throttle;
        let now = Utc::now();
        let tx = self.db.write().await?;
        let mut highest = 0;
        let mut locked = false;
        for key in keys {
            let previous =
                tx.throttle_state(&key.key).await?.filter(|s| now - s.window_started_at < settings.window);
            let failures = previous.map_or(0, |s| s.failures) + 1;
            let window_started_at = previous.map_or(now, |s| s.window_started_at);
            let lock = u32::try_from(failures).unwrap_or(u32::MAX) >= key.lock_after;
            locked |= lock;
            let locked_until = lock.then(|| now + settings.lockout);
            tx.save_throttle_state(&key.key, ThrottleState { failures, window_started_at, locked_until })
                .await?;
            highest = highest.max(u32::try_from(failures).unwrap_or(u32::MAX));
        }
        tx.append_audit(login_record(email, user, AuditAction::LoginFailed, client_ip)).await?;
        if locked {
            tx.append_audit(login_record(email, user, AuditAction::LoginLockedOut, client_ip)).await?;
        }
        tx.commit().await?;
        Ok(highest)
    }

    pub(crate) async fn issue_session(
        &self,
        tx: &WriteTx,
        credentials: &Credentials,
        family_id: Uuid,
    ) -> Result<Session, AppError> {
        let user = &credentials.user;
        let (access_token, expires_at) = sign_access(
            &self.settings.signing_key,
            &user.id.to_string(),
            credentials.session_epoch,
            self.settings.access_ttl,
        )?;
        let refresh_token = random_token()?;
        let refresh_expires_at = Utc::now() + self.settings.refresh_ttl;
        tx.insert_refresh_token(NewRefreshToken {
            user_id: user.id,
            family_id,
            token_hash: &digest(&refresh_token),
            session_epoch: credentials.session_epoch,
            expires_at: refresh_expires_at,
        })
        .await?;
        Ok(Session { access_token, refresh_token, expires_at, refresh_expires_at, user: user.clone() })
    }

    /// Exchanges a refresh token for a new session. The old token stops working; a token
    /// presented a second time means it was stolen (or copied), so its whole family is
    /// revoked and every session descended from that sign-in ends.
    pub async fn refresh_session(&self, refresh_token: &str) -> Result<Session, AppError> {
        let tx = self.db.write().await?;
        let Some(token) = tx.refresh_token_by_hash(&digest(refresh_token)).await? else {
            return Err(AppError::SessionInvalid);
        };
        if token.used_at.is_some() {
            tx.revoke_token_family(token.family_id).await?;
            let credentials = tx.credentials_by_id(token.user_id).await?;
            let user = credentials.as_ref().map(|c| &c.user);
            let label = user.map_or_else(|| "unknown".to_owned(), |u| u.email.clone());
            let mut event = login_record(&label, user, AuditAction::RefreshReused, None);
            event.details = json!({ "family": token.family_id }).to_string();
            tx.append_audit(event).await?;
            tx.commit().await?;
            return Err(AppError::SessionInvalid);
        }
        let credentials = tx.credentials_by_id(token.user_id).await?;
        let valid = token.revoked_at.is_none()
            && token.expires_at > Utc::now()
            && credentials.as_ref().is_some_and(|c| c.user.active && c.session_epoch == token.session_epoch);
        let (Some(credentials), true) = (credentials, valid) else {
            return Err(AppError::SessionInvalid);
        };
        if !tx.use_refresh_token(token.id).await? {
            // Used (or revoked) between our read and our write: a concurrent presentation
            // of the same token, which is what theft looks like. End the family.
            tx.revoke_token_family(token.family_id).await?;
            tx.commit().await?;
            return Err(AppError::SessionInvalid);
        }
        let session = self.issue_session(&tx, &credentials, token.family_id).await?;
        tx.commit().await?;
        Ok(session)
    }

    /// Signs out: the refresh token's family is revoked.
    pub async fn logout(&self, actor: &Actor, refresh_token: Option<&str>) -> Result<(), AppError> {
        let tx = self.db.write().await?;
        let token = match refresh_token {
            Some(token) => tx.refresh_token_by_hash(&digest(token)).await?,
            None => None,
        };
        if let Some(token) = &token {
            tx.revoke_token_family(token.family_id).await?;
        }
        if token.is_some() || actor.user().is_some() {
            let subject = actor.user().map(|u| ("user", u.user_id.to_string()));
            let organization = actor.user().map(|u| u.organization_id);
            tx.append_audit(record(actor, AuditAction::Logout, subject, organization, json!({}))).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The actor an access token stands for. Checked on every request against the
    /// account, so a deactivation or a password change takes effect at once.
    pub async fn authenticate(&self, access_token: &str) -> Result<Actor, AppError> {
        let claims = verify_access(&self.settings.signing_key, access_token)?;
        let user_id = Uuid::parse_str(&claims.sub).map_err(|_| AppError::SessionInvalid)?;
        let credentials = self.db.credentials_by_id(user_id.into()).await?;
        match credentials {
            Some(c) if c.user.active && c.session_epoch == claims.sep => Ok(Actor::User(UserActor {
                user_id: c.user.id,
                email: c.user.email,
                organization_id: c.user.organization_id,
                roles: c.user.roles,
            })),
            _ => Err(AppError::SessionInvalid),
        }
    }

    /// Changes the actor's own password. Every session of the account ends; the caller
    /// gets a new one, so the person who just changed it stays signed in here.
    pub async fn change_password(
        &self,
        actor: &Actor,
        current_password: &str,
        new_password: &str,
    ) -> Result<Session, AppError> {
        authorize(actor, &Action::ChangeOwnPassword)?;
        let user_id = actor.user().map(|u| u.user_id).ok_or(AppError::Unauthenticated)?;
        let credentials = self.db.credentials_by_id(user_id).await?.ok_or(AppError::SessionInvalid)?;
        // A stolen session must not become a way to guess the password: wrong current
        // passwords count on a counter of their own (sign-in is not locked by it).
        let email = credentials.user.email.clone();
        let keys = [ThrottleKey {
            key: format!("password-change:{email}"),
            lock_after: self.settings.throttle.lock_after,
        }];
        self.refuse_if_locked(&email, &keys, None).await?;
        let verified =
            passwords::verify(current_password.to_owned(), credentials.password_hash.clone()).await?;
        if !verified.matches {
            self.record_failure(&email, Some(&credentials.user), &keys, None).await?;
            return Err(AppError::Invalid(InputProblem::WrongCurrentPassword));
        }
        let hash = self.checked_hash(&credentials.user, new_password).await?;
        let tx = self.db.write().await?;
        tx.set_password_hash(user_id, &hash, true).await?;
        let credentials = tx.credentials_by_id(user_id).await?.ok_or(AppError::SessionInvalid)?;
        let session = self.issue_session(&tx, &credentials, Uuid::now_v7()).await?;
        let subject = Some(("user", user_id.to_string()));
        let organization = Some(credentials.user.organization_id);
        tx.append_audit(record(actor, AuditAction::PasswordChanged, subject, organization, json!({})))
            .await?;
        tx.commit().await?;
        Ok(session)
    }

    /// Sets someone's password (an operator at the command line, or an administrator),
    /// ending their sessions.
    pub async fn reset_password(
        &self,
        actor: &Actor,
        email: &str,
        new_password: &str,
    ) -> Result<User, AppError> {
        let email = normalize_email(email);
        let credentials =
            self.db.credentials_by_email(&email).await?.ok_or(AppError::NotFound { what: "user" })?;
        let target = AccountRef { user_id: credentials.user.id, roles: credentials.user.roles.clone() };
        authorize(actor, &Action::UpdateUser { new_roles: target.roles.clone(), target })?;
        let hash = self.checked_hash(&credentials.user, new_password).await?;
        let tx = self.db.write().await?;
        tx.set_password_hash(credentials.user.id, &hash, true).await?;
        let subject = Some(("user", credentials.user.id.to_string()));
        let organization = Some(credentials.user.organization_id);
        tx.append_audit(record(actor, AuditAction::PasswordReset, subject, organization, json!({}))).await?;
        tx.commit().await?;
        Ok(credentials.user)
    }

    /// Checks a new password against the policy and hashes it.
    pub(crate) async fn checked_hash(&self, user: &User, new_password: &str) -> Result<String, AppError> {
        let local_part = user.email.split('@').next().unwrap_or_default();
        password::check(new_password, &[local_part, &user.display_name])
            .map_err(|problem| AppError::Invalid(InputProblem::WeakPassword(problem)))?;
        passwords::hash(new_password.to_owned()).await
    }
}
