//! Reading organisations.

use domain::{ids::OrganizationId, plan::Organization};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::{Db, StoreError, entities::organizations, mapping};

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
