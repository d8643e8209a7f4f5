//! Refresh tokens, stored only as hashes, in families: every refresh replaces the token
//! with a new one of the same family, and a token presented twice revokes the family.

use chrono::{DateTime, Utc};
use domain::ids::UserId;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
use uuid::Uuid;

use crate::{StoreError, WriteTx, entities::refresh_tokens};

/// A stored refresh token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefreshToken {
    /// Row id.
    pub id: Uuid,
    /// Owner.
    pub user_id: UserId,
    /// Every token descended from one sign-in.
    pub family_id: Uuid,
    /// The owner's session epoch when it was issued.
    pub session_epoch: i32,
    /// Expiry.
    pub expires_at: DateTime<Utc>,
    /// When it was exchanged for a new one.
    pub used_at: Option<DateTime<Utc>>,
    /// When it was revoked.
    pub revoked_at: Option<DateTime<Utc>>,
}

/// A refresh token to store.
#[derive(Clone, Debug)]
pub struct NewRefreshToken<'a> {
    /// Owner.
    pub user_id: UserId,
    /// Family (new for a sign-in, inherited on refresh).
    pub family_id: Uuid,
    /// SHA-256 of the token, hex.
    pub token_hash: &'a str,
    /// The owner's session epoch.
    pub session_epoch: i32,
    /// Expiry.
    pub expires_at: DateTime<Utc>,
}

impl WriteTx {
    /// Stores a refresh token.
    pub async fn insert_refresh_token(&self, token: NewRefreshToken<'_>) -> Result<(), StoreError> {
        refresh_tokens::Entity::insert(refresh_tokens::ActiveModel {
            id: Set(Uuid::now_v7()),
            user_id: Set(token.user_id.0),
            family_id: Set(token.family_id),
            token_hash: Set(token.token_hash.to_owned()),
            session_epoch: Set(token.session_epoch),
            issued_at: Set(Utc::now()),
            expires_at: Set(token.expires_at),
            used_at: Set(None),
            revoked_at: Set(None),
        })
        .exec_without_returning(&self.txn)
        .await?;
        Ok(())
    }

    /// The token with this hash.
    pub async fn refresh_token_by_hash(&self, hash: &str) -> Result<Option<RefreshToken>, StoreError> {
        let row = refresh_tokens::Entity::find()
            .filter(refresh_tokens::Column::TokenHash.eq(hash))
            .one(&self.txn)
            .await?;
        Ok(row.map(|row| RefreshToken {
            id: row.id,
            user_id: UserId(row.user_id),
            family_id: row.family_id,
            session_epoch: row.session_epoch,
            expires_at: row.expires_at,
            used_at: row.used_at,
            revoked_at: row.revoked_at,
        }))
    }

    /// Marks a token as exchanged; false if it already was, or was revoked, meanwhile.
    pub async fn use_refresh_token(&self, id: Uuid) -> Result<bool, StoreError> {
        let result = refresh_tokens::Entity::update_many()
            .col_expr(refresh_tokens::Column::UsedAt, Expr::value(Utc::now()))
            .filter(refresh_tokens::Column::Id.eq(id))
            .filter(refresh_tokens::Column::UsedAt.is_null())
            .filter(refresh_tokens::Column::RevokedAt.is_null())
            .exec(&self.txn)
            .await?;
        Ok(result.rows_affected == 1)
    }

    /// Revokes every token of a family.
    pub async fn revoke_token_family(&self, family_id: Uuid) -> Result<(), StoreError> {
        refresh_tokens::Entity::update_many()
            .col_expr(refresh_tokens::Column::RevokedAt, Expr::value(Utc::now()))
            .filter(refresh_tokens::Column::FamilyId.eq(family_id))
            .filter(refresh_tokens::Column::RevokedAt.is_null())
            .exec(&self.txn)
            .await?;
        Ok(())
    }

    /// Revokes every token of a user.
    pub async fn revoke_user_tokens(&self, user_id: UserId) -> Result<(), StoreError> {
        refresh_tokens::Entity::update_many()
            .col_expr(refresh_tokens::Column::RevokedAt, Expr::value(Utc::now()))
            .filter(refresh_tokens::Column::UserId.eq(user_id.0))
            .filter(refresh_tokens::Column::RevokedAt.is_null())
            .exec(&self.txn)
            .await?;
        Ok(())
    }
}
