use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "direction_owners")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub direction_id: Uuid,
    pub organization_id: Uuid,
    pub role: String,
    pub assigned_at: DateTimeUtc,
    pub assigned_by: Option<Uuid>,
    pub unassigned_at: Option<DateTimeUtc>,
    pub unassigned_by: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
