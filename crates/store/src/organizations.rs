//! Reading organisations.

use domain::plan::Organization;
use sea_orm::{EntityTrait, QueryOrder};

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
}
