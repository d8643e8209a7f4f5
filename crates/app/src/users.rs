//! Accounts: who is signed in, and the management of accounts by administrators and
//! the plan office.

use domain::{
    Language,
    access::{AccountRef, Action, Actor, Role},
    audit::AuditAction,
    ids::{OrganizationId, UserId},
    plan::Organization,
    user::{MAX_DISPLAY_NAME_CHARS, User, is_plausible_email, normalize_email},
};
use serde_json::json;
use store::{NewUser, StoreError, UserChanges};

use crate::{App, AppError, InputProblem, audit::record, authorize};

/// A new account.
#[derive(Clone, Debug)]
pub struct NewAccount {
    /// E-mail (normalised here).
    pub email: String,
    /// Name shown in the product.
    pub display_name: String,
    /// Organisation.
    pub organization_id: OrganizationId,
    /// At least one role.
    pub roles: Vec<Role>,
    /// Language of screens and e-mails.
    pub language: Language,
    /// A first password; without one, the account waits for an invitation.
    pub password: Option<String>,
}

/// Changes to an account; `None` leaves a field as it is.
#[derive(Clone, Debug, Default)]
pub struct AccountChanges {
    /// New name.
    pub display_name: Option<String>,
    /// New organisation.
    pub organization_id: Option<OrganizationId>,
    /// The complete new set of roles.
    pub roles: Option<Vec<Role>>,
    /// New language.
    pub language: Option<Language>,
    /// Reactivate (true) or deactivate (false).
    pub active: Option<bool>,
}

fn checked_name(name: &str) -> Result<String, AppError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(AppError::Invalid(InputProblem::DisplayNameEmpty));
    }
    if name.chars().count() > MAX_DISPLAY_NAME_CHARS || name.chars().any(char::is_control) {
        return Err(AppError::Invalid(InputProblem::DisplayNameTooLong));
    }
    Ok(name.to_owned())
}

fn checked_roles(roles: &[Role]) -> Result<Vec<Role>, AppError> {
    let mut roles = roles.to_vec();
    roles.sort();
    roles.dedup();
    if roles.is_empty() {
        return Err(AppError::Invalid(InputProblem::NoRoles));
    }
    Ok(roles)
}

fn role_names(roles: &[Role]) -> Vec<&'static str> {
    roles.iter().map(|r| r.as_str()).collect()
}

impl App {
    /// The signed-in user, or none for the public.
    pub async fn me(&self, actor: &Actor) -> Result<Option<User>, AppError> {
        let Some(user) = actor.user() else { return Ok(None) };
        Ok(self.db.credentials_by_id(user.user_id).await?.map(|c| c.user))
    }

    /// Colleagues by id, for showing who did something (any signed-in user).
    pub async fn people_by_ids(&self, actor: &Actor, ids: &[UserId]) -> Result<Vec<User>, AppError> {
        authorize(actor, &Action::ReadDirectory)?;
        Ok(self.db.users_by_ids(ids).await?)
    }

    /// Every account.
    pub async fn users(&self, actor: &Actor) -> Result<Vec<User>, AppError> {
        authorize(actor, &Action::ListUsers)?;
        Ok(self.db.users().await?)
    }

    /// One account.
    pub async fn user(&self, actor: &Actor, id: UserId) -> Result<User, AppError> {
        let user = self.db.credentials_by_id(id).await?.map(|c| c.user);
        let Some(user) = user else {
            // Deny before saying "not found", so ids cannot be probed.
            authorize(actor, &Action::ListUsers)?;
            return Err(AppError::NotFound { what: "user" });
        };
        authorize(actor, &Action::ReadUser(AccountRef { user_id: user.id, roles: user.roles.clone() }))?;
        Ok(user)
    }

    async fn existing_organization(&self, id: OrganizationId) -> Result<Organization, AppError> {
        self.db.organization_by_id(id).await?.ok_or(AppError::Invalid(InputProblem::UnknownOrganization))
    }

    /// The organisation with this code (for the command line).
    pub async fn organization_by_code(&self, code: &str) -> Result<Option<Organization>, AppError> {
        Ok(self.db.organization_by_code(code).await?)
    }

    /// Creates an account.
    pub async fn create_user(&self, actor: &Actor, account: NewAccount) -> Result<User, AppError> {
        let roles = checked_roles(&account.roles)?;
        authorize(actor, &Action::CreateUser { roles: roles.clone() })?;
        let email = normalize_email(&account.email);
        if !is_plausible_email(&email) {
            return Err(AppError::Invalid(InputProblem::InvalidEmail));
        }
        let display_name = checked_name(&account.display_name)?;
        self.existing_organization(account.organization_id).await?;
        let password_hash = match &account.password {
            Some(password) => {
                let draft = User {
                    id: UserId::generate(),
                    email: email.clone(),
                    display_name: display_name.clone(),
                    organization_id: account.organization_id,
                    roles: roles.clone(),
                    language: account.language,
                    active: true,
                    notifications: domain::user::NotificationSettings::default(),
                };
                Some(self.checked_hash(&draft, password).await?)
            }
            None => None,
        };
        let tx = self.db.write().await?;
        let created = tx
            .insert_user(NewUser {
                email,
                display_name,
                organization_id: account.organization_id,
                roles: roles.clone(),
                language: account.language,
                password_hash,
            })
            .await
            .map_err(|error| match error {
                StoreError::Duplicate(_) => AppError::Invalid(InputProblem::EmailTaken),
                other => other.into(),
            })?;
        let details = json!({ "email": created.email, "roles": role_names(&roles) });
        let subject = Some(("user", created.id.to_string()));
        tx.append_audit(record(
            actor,
            AuditAction::UserCreated,
            subject,
            Some(created.organization_id),
            details,
        ))
        .await?;
        tx.commit().await?;
        Ok(created)
    }

    /// Changes an account. Deactivation ends its sessions at once.
    pub async fn update_user(
        &self,
        actor: &Actor,
        id: UserId,
        changes: AccountChanges,
    ) -> Result<User, AppError> {
        let before = self.user_for_management(actor, id).await?;
        // Authorise on what was asked before validating it, so that a refused caller
        // learns nothing from the kind of error.
        let requested = changes.roles.clone().unwrap_or_else(|| before.roles.clone());
        let target = AccountRef { user_id: before.id, roles: before.roles.clone() };
        if changes.active == Some(false) && before.active {
            authorize(actor, &Action::DeactivateUser(target.clone()))?;
        }
        authorize(actor, &Action::UpdateUser { target, new_roles: requested })?;
        let new_roles = match &changes.roles {
            Some(roles) => checked_roles(roles)?,
            None => before.roles.clone(),
        };
        let display_name = changes.display_name.as_deref().map(checked_name).transpose()?;
        if let Some(organization) = changes.organization_id {
            self.existing_organization(organization).await?;
        }

        let tx = self.db.write().await?;
        let after = tx
            .update_user(
                id,
                UserChanges {
                    display_name,
                    organization_id: changes.organization_id,
                    roles: changes.roles.as_ref().map(|_| new_roles.clone()),
                    language: changes.language,
                    active: changes.active,
                },
            )
            .await?;
        let subject = || Some(("user", id.to_string()));
        let organization = Some(after.organization_id);
        if before.roles != after.roles {
            let details = json!({ "from": role_names(&before.roles), "to": role_names(&after.roles) });
            tx.append_audit(record(actor, AuditAction::RolesChanged, subject(), organization, details))
                .await?;
        }
        if before.active != after.active {
            let action =
                if after.active { AuditAction::UserReactivated } else { AuditAction::UserDeactivated };
            tx.append_audit(record(actor, action, subject(), organization, json!({}))).await?;
        }
        let mut changed = serde_json::Map::new();
        if before.display_name != after.display_name {
            changed.insert(
                "displayName".into(),
                json!({ "from": before.display_name, "to": after.display_name }),
            );
        }
        if before.organization_id != after.organization_id {
            changed.insert(
                "organization".into(),
                json!({ "from": before.organization_id, "to": after.organization_id }),
            );
        }
        if before.language != after.language {
            changed.insert("language".into(), json!({ "from": before.language, "to": after.language }));
        }
        if !changed.is_empty() {
            let details = serde_json::Value::Object(changed);
            tx.append_audit(record(actor, AuditAction::UserUpdated, subject(), organization, details))
                .await?;
        }
        tx.commit().await?;
        Ok(after)
    }

    /// Deactivates an account; its history stays, its sessions end.
    pub async fn deactivate_user(&self, actor: &Actor, id: UserId) -> Result<User, AppError> {
        let target = self.user_for_management(actor, id).await?;
        authorize(actor, &Action::DeactivateUser(AccountRef { user_id: target.id, roles: target.roles }))?;
        self.update_user(actor, id, AccountChanges { active: Some(false), ..AccountChanges::default() }).await
    }

    /// The account to manage; "not found" only to those who may manage accounts.
    async fn user_for_management(&self, actor: &Actor, id: UserId) -> Result<User, AppError> {
        match self.db.credentials_by_id(id).await? {
            Some(credentials) => Ok(credentials.user),
            None => {
                authorize(actor, &Action::ListUsers)?;
                Err(AppError::NotFound { what: "user" })
            }
        }
    }
}
