//! Counting failed sign-ins per account and per address, shared by every server
//! instance because it lives in the database.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, sea_query::OnConflict};

use crate::{StoreError, WriteTx, entities::login_throttle};

/// Failures counted under one key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ThrottleState {
    /// Failures in the current window.
    pub failures: i32,
    /// When the window began.
    pub window_started_at: DateTime<Utc>,
    /// Refused until then.
    pub locked_until: Option<DateTime<Utc>>,
}

impl WriteTx {
    /// The state under `key`, if any failure is recorded.
    pub async fn throttle_state(&self, key: &str) -> Result<Option<ThrottleState>, StoreError> {
        let row = login_throttle::Entity::find_by_id(key.to_owned()).one(&self.txn).await?;
        Ok(row.map(|row| ThrottleState {
            failures: row.failures,
            window_started_at: row.window_started_at,
            locked_until: row.locked_until,
        }))
    }

    /// Writes the state under `key`.
    pub async fn save_throttle_state(&self, key: &str, state: ThrottleState) -> Result<(), StoreError> {
        login_throttle::Entity::insert(login_throttle::ActiveModel {
            key: Set(key.to_owned()),
            failures: Set(state.failures),
            window_started_at: Set(state.window_started_at),
            locked_until: Set(state.locked_until),
        })
        .on_conflict(
            OnConflict::column(login_throttle::Column::Key)
                .update_columns([
                    login_throttle::Column::Failures,
                    login_throttle::Column::WindowStartedAt,
                    login_throttle::Column::LockedUntil,
                ])
                .to_owned(),
        )
        .exec_without_returning(&self.txn)
        .await?;
        Ok(())
    }

    /// Forgets the failures under `key`.
    pub async fn clear_throttle(&self, key: &str) -> Result<(), StoreError> {
        login_throttle::Entity::delete_many()
            .filter(login_throttle::Column::Key.eq(key))
            .exec(&self.txn)
            .await?;
        Ok(())
    }
}
