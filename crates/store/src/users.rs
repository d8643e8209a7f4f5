//! Accounts and their roles.

use std::collections::HashMap;

use chrono::Utc;
use domain::{
    Language,
    access::Role,
    ids::{OrganizationId, UserId},
    user::{NotificationSettings, User},
};
use sea_orm::{
    ActiveValue::Set,
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    sea_query::{Expr, ExprTrait},
};
use uuid::Uuid;

use crate::{
    Db, StoreError, WriteTx,
    entities::{user_roles, users},
};

/// An account with what signing in needs.
#[derive(Clone, Debug)]
pub struct Credentials {
    /// The account.
    pub user: User,
    /// The PHC string of the password; none until one is set.
    pub password_hash: Option<String>,
    /// Incremented whenever every session must end (password change, deactivation).
    pub session_epoch: i32,
}

/// A new account.
#[derive(Clone, Debug)]
pub struct NewUser {
    /// Normalised e-mail.
    pub email: String,
    /// Display name.
    pub display_name: String,
    /// Organisation.
    pub organization_id: OrganizationId,
    /// At least one role.
    pub roles: Vec<Role>,
    /// Language.
    pub language: Language,
    /// PHC string, if a password is set now.
    pub password_hash: Option<String>,
}

/// Changes to an account; `None` leaves a field as it is.
#[derive(Clone, Debug, Default)]
pub struct UserChanges {
    /// New display name.
    pub display_name: Option<String>,
    /// New organisation.
    pub organization_id: Option<OrganizationId>,
    /// The complete new set of roles.
    pub roles: Option<Vec<Role>>,
    /// New language.
    pub language: Option<Language>,
    /// Activate or deactivate.
    pub active: Option<bool>,
}

fn language(tag: &str) -> Language {
    Language::from_tag(tag)
}

fn user_from(row: users::Model, roles: Vec<Role>) -> User {
    User {
        id: UserId(row.id),
        email: row.email,
        display_name: row.display_name,
        organization_id: OrganizationId(row.organization_id),
        roles,
        language: language(&row.language),
        active: row.active,
        notifications: NotificationSettings {
            daily_digest: row.notification_mode == "DIGEST",
            mute_comments: row.mute_comments,
        },
    }
}

async fn roles_of<C: ConnectionTrait>(
    conn: &C,
    ids: &[Uuid],
) -> Result<HashMap<Uuid, Vec<Role>>, StoreError> {
    let rows = user_roles::Entity::find()
        .filter(user_roles::Column::UserId.is_in(ids.iter().copied()))
        .all(conn)
        .await?;
    let mut roles: HashMap<Uuid, Vec<Role>> = HashMap::new();
    for row in rows {
        let role =
            Role::parse(&row.role).ok_or_else(|| StoreError::Corrupt(format!("role {:?}", row.role)))?;
        roles.entry(row.user_id).or_default().push(role);
    }
    for list in roles.values_mut() {
        list.sort();
    }
    Ok(roles)
}

async fn credentials<C: ConnectionTrait>(
    conn: &C,
    row: Option<users::Model>,
) -> Result<Option<Credentials>, StoreError> {
    let Some(row) = row else { return Ok(None) };
    let mut roles = roles_of(conn, &[row.id]).await?;
    let password_hash = row.password_hash.clone();
    let session_epoch = row.session_epoch;
    let user = user_from(row.clone(), roles.remove(&row.id).unwrap_or_default());
    Ok(Some(Credentials { user, password_hash, session_epoch }))
}

pub(crate) async fn users_with_roles<C: ConnectionTrait>(
    conn: &C,
    rows: Vec<users::Model>,
) -> Result<Vec<User>, StoreError> {
    let ids: Vec<Uuid> = rows.iter().map(|row| row.id).collect();
    let mut roles = roles_of(conn, &ids).await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let user_roles = roles.remove(&row.id).unwrap_or_default();
            user_from(row, user_roles)
        })
        .collect())
}

impl Db {
    /// The account signing in with this (normalised) e-mail.
    pub async fn credentials_by_email(&self, email: &str) -> Result<Option<Credentials>, StoreError> {
        let row = users::Entity::find().filter(users::Column::Email.eq(email)).one(&self.conn).await?;
        credentials(&self.conn, row).await
    }

    /// The account with this id, with its session epoch (checked on every request).
    pub async fn credentials_by_id(&self, id: UserId) -> Result<Option<Credentials>, StoreError> {
        let row = users::Entity::find_by_id(id.0).one(&self.conn).await?;
        credentials(&self.conn, row).await
    }

    /// Every account, by e-mail.
    pub async fn users(&self) -> Result<Vec<User>, StoreError> {
        let rows = users::Entity::find().order_by_asc(users::Column::Email).all(&self.conn).await?;
        users_with_roles(&self.conn, rows).await
    }

    /// Accounts by id.
    pub async fn users_by_ids(&self, ids: &[UserId]) -> Result<Vec<User>, StoreError> {
        let rows = users::Entity::find()
            .filter(users::Column::Id.is_in(ids.iter().map(|id| id.0)))
            .all(&self.conn)
            .await?;
        users_with_roles(&self.conn, rows).await
    }
}

impl WriteTx {
    /// The account with this id, read inside the transaction.
    pub async fn credentials_by_id(&self, id: UserId) -> Result<Option<Credentials>, StoreError> {
        let row = users::Entity::find_by_id(id.0).one(&self.txn).await?;
        credentials(&self.txn, row).await
    }

    /// Creates an account. A taken e-mail is [`StoreError::Duplicate`].
    pub async fn insert_user(&self, new: NewUser) -> Result<User, StoreError> {
        let now = Utc::now();
        let id = Uuid::now_v7();
        users::Entity::insert(users::ActiveModel {
            id: Set(id),
            email: Set(new.email),
            display_name: Set(new.display_name),
            organization_id: Set(new.organization_id.0),
            password_hash: Set(new.password_hash),
            language: Set(new.language.tag().to_owned()),
            active: Set(true),
            session_epoch: Set(0),
            created_at: Set(now),
            updated_at: Set(now),
            notification_mode: Set("IMMEDIATE".to_owned()),
            mute_comments: Set(false),
        })
        .exec_without_returning(&self.txn)
        .await?;
        self.replace_roles(id, &new.roles).await?;
        self.credentials_by_id(UserId(id)).await?.map(|c| c.user).ok_or(StoreError::NotFound)
    }

    async fn replace_roles(&self, id: Uuid, roles: &[Role]) -> Result<(), StoreError> {
        user_roles::Entity::delete_many().filter(user_roles::Column::UserId.eq(id)).exec(&self.txn).await?;
        let rows = roles
            .iter()
            .map(|role| user_roles::ActiveModel { user_id: Set(id), role: Set(role.as_str().to_owned()) });
        user_roles::Entity::insert_many(rows).exec_without_returning(&self.txn).await?;
        Ok(())
    }

    /// Applies changes to an account; deactivation also ends its sessions.
    pub async fn update_user(&self, id: UserId, changes: UserChanges) -> Result<User, StoreError> {
        let mut update = users::Entity::update_many()
            .col_expr(users::Column::UpdatedAt, Expr::value(Utc::now()))
            .filter(users::Column::Id.eq(id.0));
        if let Some(name) = changes.display_name {
            update = update.col_expr(users::Column::DisplayName, Expr::value(name));
        }
        if let Some(organization) = changes.organization_id {
            update = update.col_expr(users::Column::OrganizationId, Expr::value(organization.0));
        }
        if let Some(language) = changes.language {
            update = update.col_expr(users::Column::Language, Expr::value(language.tag()));
        }
        if let Some(active) = changes.active {
            update = update.col_expr(users::Column::Active, Expr::value(active));
        }
        if update.exec(&self.txn).await?.rows_affected == 0 {
            return Err(StoreError::NotFound);
        }
        if let Some(roles) = changes.roles {
            self.replace_roles(id.0, &roles).await?;
        }
        if changes.active == Some(false) {
            self.end_sessions(id).await?;
        }
        self.credentials_by_id(id).await?.map(|c| c.user).ok_or(StoreError::NotFound)
    }

    /// Changes how an account's notification mails arrive.
    pub async fn set_notification_settings(
        &self,
        id: UserId,
        settings: NotificationSettings,
    ) -> Result<User, StoreError> {
        users::Entity::update_many()
            .col_expr(
                users::Column::NotificationMode,
                Expr::value(if settings.daily_digest { "DIGEST" } else { "IMMEDIATE" }),
            )
            .col_expr(users::Column::MuteComments, Expr::value(settings.mute_comments))
            .col_expr(users::Column::UpdatedAt, Expr::value(Utc::now()))
            .filter(users::Column::Id.eq(id.0))
            .exec(&self.txn)
            .await?;
        self.credentials_by_id(id).await?.map(|c| c.user).ok_or(StoreError::NotFound)
    }

    /// Sets a new password hash. With `end_sessions`, every session of the account ends.
    pub async fn set_password_hash(
        &self,
        id: UserId,
        hash: &str,
        end_sessions: bool,
    ) -> Result<(), StoreError> {
        let result = users::Entity::update_many()
            .col_expr(users::Column::PasswordHash, Expr::value(hash))
            .col_expr(users::Column::UpdatedAt, Expr::value(Utc::now()))
            .filter(users::Column::Id.eq(id.0))
            .exec(&self.txn)
            .await?;
        if result.rows_affected == 0 {
            return Err(StoreError::NotFound);
        }
        if end_sessions {
            self.end_sessions(id).await?;
        }
        Ok(())
    }

    /// Ends every session of an account: access tokens carry the session epoch, which
    /// moves on, and every refresh token is revoked.
    pub async fn end_sessions(&self, id: UserId) -> Result<(), StoreError> {
        users::Entity::update_many()
            .col_expr(users::Column::SessionEpoch, Expr::col(users::Column::SessionEpoch).add(1))
            .filter(users::Column::Id.eq(id.0))
            .exec(&self.txn)
            .await?;
        self.revoke_user_tokens(id).await
    }
}
