//! Organisations: reading the chart, adding and renaming.

use chrono::Utc;
use domain::{
    ids::OrganizationId,
    plan::{Bilingual, Organization, OrganizationKind},
};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, sea_query::Expr};
use uuid::Uuid;

use crate::{Db, StoreError, WriteTx, entities::organizations, mapping};

impl Db {
    /// Every organisation, by code.
    pub async fn organizations(&self) -> Result<Vec<Organization>, StoreError> {
        let rows =
            organizations::Entity::find().order_by_asc(organizations::Column::Code).all(&self.conn).await?;
        mapping::all(rows, mapping::organization)
    }

    /// The organisation with this id.
    pub async fn organization_by_id(&self, id: OrganizationId) -> Result<Option<Organization>, StoreError> {
        let row = organizations::Entity::find_by_id(id.0).one(&self.conn).await?;
        row.map(mapping::organization).transpose()
    }

    /// The organisation with this code.
    pub async fn organization_by_code(&self, code: &str) -> Result<Option<Organization>, StoreError> {
        let row = organizations::Entity::find()
            .filter(organizations::Column::Code.eq(code))
            .one(&self.conn)
            .await?;
        row.map(mapping::organization).transpose()
    }
}

impl WriteTx {
    /// The organisation with this id, inside the transaction.
    pub async fn organization(&self, id: OrganizationId) -> Result<Option<Organization>, StoreError> {
        let row = organizations::Entity::find_by_id(id.0).one(&self.txn).await?;
        row.map(mapping::organization).transpose()
    }

    /// Adds an organisation. A taken code is [`StoreError::Duplicate`].
    pub async fn insert_organization(
        &self,
        code: &str,
        name: &Bilingual,
        kind: OrganizationKind,
    ) -> Result<Organization, StoreError> {
        let now = Utc::now();
        let id = Uuid::now_v7();
        organizations::Entity::insert(organizations::ActiveModel {
            id: Set(id),
            code: Set(code.to_owned()),
            kind: Set(kind.as_str().to_owned()),
            name_ja: Set(name.ja.clone()),
            name_en: Set(name.en.clone()),
            is_sample: Set(false),
            created_at: Set(now),
            updated_at: Set(now),
        })
        .exec_without_returning(&self.txn)
        .await?;
        self.organization(OrganizationId(id)).await?.ok_or(StoreError::NotFound)
    }

    /// Gives an organisation new names.
    pub async fn rename_organization(
        &self,
        id: OrganizationId,
        name: &Bilingual,
    ) -> Result<Organization, StoreError> {
        organizations::Entity::update_many()
            .col_expr(organizations::Column::NameJa, Expr::value(name.ja.clone()))
            .col_expr(organizations::Column::NameEn, Expr::value(name.en.clone()))
            .col_expr(organizations::Column::UpdatedAt, Expr::value(Utc::now()))
            .filter(organizations::Column::Id.eq(id.0))
            .exec(&self.txn)
            .await?;
        self.organization(id).await?.ok_or(StoreError::NotFound)
    }
}
