//! Reading organisations.

use domain::{ids::OrganizationId, plan::Organization};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::{Db, StoreError, entities::organizations, mapping};

impl Db {
    /// Every organisation, by code.
    pub async fn organizations(&self) -> Result<Vec<Organization>, StoreError> {
        let rows = organizations::Entity::find()
            .order_by_asc(organizations::Column::Code)
            .all(&self.conn)
            .await?;
        mapping::all(rows, mapping::organization)
    }

    /// The organisations with these ids.
    pub async fn organizations_by_ids(
        &self,
        ids: &[OrganizationId],
    ) -> Result<Vec<Organization>, StoreError> {
        let rows = organizations::Entity::find()
            .filter(organizations::Column::Id.is_in(ids.iter().map(|id| id.0)))
            .all(&self.conn)
            .await?;
        mapping::all(rows, mapping::organization)
    }
}
