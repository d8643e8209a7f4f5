//! Invitations and notification settings: the plan office invites a person by e-mail;
//! the link lets them set a password once, within a week. And each person chooses
//! whether mails come one by one or as a daily digest, and whether comments mail them.

use chrono::{DateTime, Duration, Utc};
use domain::{
    access::{AccountRef, Action, Actor},
    audit::AuditAction,
    ids::UserId,
    notification::Notification,
    user::{NotificationSettings, User},
};
use serde_json::json;
use uuid::Uuid;

use crate::{
    App, AppError, InputProblem, Session,
    audit::record,
    authorize,
    notify::mails_for,
    tokens::{digest, random_token},
};

/// How long an invitation link works.
pub const INVITATION_TTL_DAYS: i64 = 7;

/// What the invitation page shows before the password is set.
#[derive(Clone, Debug)]
pub struct InvitationPreview {
    /// The account's e-mail.
    pub email: String,
    /// The account's name.
    pub display_name: String,
    /// Until when the link works.
    pub expires_at: DateTime<Utc>,
}

impl App {
    /// Sends (or sends again) an invitation to an account; earlier links stop working.
    /// Returns until when the new link works.
    pub async fn invite_user(&self, actor: &Actor, user_id: UserId) -> Result<DateTime<Utc>, AppError> {
        let target = self.db.credentials_by_id(user_id).await?.ok_or(AppError::NotFound { what: "user" })?;
        let account = AccountRef { user_id, roles: target.user.roles.clone() };
        authorize(actor, &Action::UpdateUser { new_roles: account.roles.clone(), target: account })?;
        if !target.user.active {
            return Err(AppError::Forbidden);
        }
        let token = random_token()?;
        let expires_at = Utc::now() + Duration::days(INVITATION_TTL_DAYS);
        let inviter = match actor.user() {
            Some(u) => self.db.users_by_ids(&[u.user_id]).await?.into_iter().next().map(|u| u.display_name),
            None => None,
        }
        .unwrap_or_default();
        let organization = self
            .db
            .organization_by_id(target.user.organization_id)
            .await?
            .ok_or(AppError::NotFound { what: "organization" })?;
        let mails =
            mails_for(std::slice::from_ref(&target.user), None, |language| Notification::Invitation {
                invited_by: inviter.clone(),
                organization_name: organization.name.get(language).to_owned(),
                token: token.clone(),
                expires_at,
            })?;
        let tx = self.db.write().await?;
        tx.insert_invitation(user_id, &digest(&token), actor.user().map(|u| u.user_id), expires_at).await?;
        tx.enqueue_mail(mails).await?;
        tx.append_audit(record(
            actor,
            AuditAction::InvitationSent,
            Some(("user", user_id.to_string())),
            Some(target.user.organization_id),
            json!({ "expiresAt": expires_at }),
        ))
        .await?;
        tx.commit().await?;
        Ok(expires_at)
    }

    /// Who an invitation is for, if the link still works (anyone holding the link).
    pub async fn invitation(&self, token: &str) -> Result<Option<InvitationPreview>, AppError> {
        let Some(invitation) = self.db.invitation_by_token_hash(&digest(token)).await? else {
            return Ok(None);
        };
        if invitation.used_at.is_some() || invitation.expires_at <= Utc::now() {
            return Ok(None);
        }
        let Some(user) = self.db.users_by_ids(&[invitation.user_id]).await?.into_iter().next() else {
            return Ok(None);
        };
        Ok(user.active.then_some(InvitationPreview {
            email: user.email,
            display_name: user.display_name,
            expires_at: invitation.expires_at,
        }))
    }

    /// Sets the password through an invitation link, once, and signs the person in.
    pub async fn accept_invitation(&self, token: &str, password: &str) -> Result<Session, AppError> {
        let invalid = || AppError::Invalid(InputProblem::InvitationInvalid);
        let invitation = self.db.invitation_by_token_hash(&digest(token)).await?.ok_or_else(invalid)?;
        let credentials = self.db.credentials_by_id(invitation.user_id).await?.ok_or_else(invalid)?;
        if !credentials.user.active {
            return Err(invalid());
        }
        let hash = self.checked_hash(&credentials.user, password).await?;
        let tx = self.db.write().await?;
        let user_id = tx.use_invitation(&digest(token)).await?.ok_or_else(invalid)?;
        tx.set_password_hash(user_id, &hash, true).await?;
        let credentials = tx.credentials_by_id(user_id).await?.ok_or_else(invalid)?;
        let session = self.issue_session(&tx, &credentials, Uuid::now_v7()).await?;
        let actor = Actor::User(domain::access::UserActor {
            user_id,
            email: credentials.user.email.clone(),
            organization_id: credentials.user.organization_id,
            roles: credentials.user.roles.clone(),
        });
        tx.append_audit(record(
            &actor,
            AuditAction::InvitationAccepted,
            Some(("user", user_id.to_string())),
            Some(credentials.user.organization_id),
            json!({}),
        ))
        .await?;
        tx.commit().await?;
        Ok(session)
    }

    /// Changes how the actor's own notification mails arrive.
    pub async fn set_notification_settings(
        &self,
        actor: &Actor,
        settings: NotificationSettings,
    ) -> Result<User, AppError> {
        authorize(actor, &Action::ManageOwnNotifications)?;
        let user = actor.user().ok_or(AppError::Unauthenticated)?;
        let tx = self.db.write().await?;
        let updated = tx.set_notification_settings(user.user_id, settings).await?;
        tx.append_audit(record(
            actor,
            AuditAction::NotificationSettingsChanged,
            Some(("user", user.user_id.to_string())),
            Some(user.organization_id),
            json!({ "dailyDigest": settings.daily_digest, "muteComments": settings.mute_comments }),
        ))
        .await?;
        tx.commit().await?;
        Ok(updated)
    }
}
