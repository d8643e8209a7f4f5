//! Invitations: a one-time link that lets a new person set their password. Only the
//! token's SHA-256 is stored, like refresh tokens.

use chrono::{DateTime, Utc};
use domain::ids::{InvitationId, UserId};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};

use crate::{Db, StoreError, WriteTx, entities::invitations};

/// An invitation as stored.
#[derive(Clone, Debug)]
pub struct Invitation {
    /// Identity.
    pub id: InvitationId,
    /// The account it lets set a password.
    pub user_id: UserId,
    /// Until when it works.
    pub expires_at: DateTime<Utc>,
    /// When it was used, if it was.
    pub used_at: Option<DateTime<Utc>>,
}

fn invitation_from(row: invitations::Model) -> Invitation {
    Invitation {
        id: InvitationId(row.id),
        user_id: UserId(row.user_id),
        expires_at: row.expires_at,
        used_at: row.used_at,
    }
}

impl Db {
    /// The invitation with this token digest.
    pub async fn invitation_by_token_hash(&self, hash: &str) -> Result<Option<Invitation>, StoreError> {
        let row = invitations::Entity::find()
            .filter(invitations::Column::TokenHash.eq(hash))
            .one(&self.conn)
            .await?;
        Ok(row.map(invitation_from))
    }
}

impl WriteTx {
    /// Stores a new invitation; earlier unused invitations of the same account stop
    /// working, so only the latest link sets the password.
    pub async fn insert_invitation(
        &self,
        user_id: UserId,
        token_hash: &str,
        by: Option<UserId>,
        expires_at: DateTime<Utc>,
    ) -> Result<InvitationId, StoreError> {
        let now = Utc::now();
        invitations::Entity::update_many()
            .col_expr(invitations::Column::UsedAt, Expr::value(Some(now)))
            .filter(invitations::Column::UserId.eq(user_id.0))
            .filter(invitations::Column::UsedAt.is_null())
            .exec(&self.txn)
            .await?;
        let id = InvitationId::generate();
        invitations::Entity::insert(invitations::ActiveModel {
            id: Set(id.0),
            user_id: Set(user_id.0),
            token_hash: Set(token_hash.to_owned()),
            created_by: Set(by.map(|u| u.0)),
            created_at: Set(now),
            expires_at: Set(expires_at),
            used_at: Set(None),
        })
        .exec_without_returning(&self.txn)
        .await?;
        Ok(id)
    }

    /// Uses an invitation if it is unused and unexpired; the account it belongs to, or
    /// `None` (nothing changes) when it no longer works.
    pub async fn use_invitation(&self, token_hash: &str) -> Result<Option<UserId>, StoreError> {
        let now = Utc::now();
        let Some(row) = invitations::Entity::find()
            .filter(invitations::Column::TokenHash.eq(token_hash))
            .one(&self.txn)
            .await?
        else {
            return Ok(None);
        };
        let used = invitations::Entity::update_many()
            .col_expr(invitations::Column::UsedAt, Expr::value(Some(now)))
            .filter(invitations::Column::Id.eq(row.id))
            .filter(invitations::Column::UsedAt.is_null())
            .filter(invitations::Column::ExpiresAt.gt(now))
            .exec(&self.txn)
            .await?;
        Ok((used.rows_affected == 1).then_some(UserId(row.user_id)))
    }
}
