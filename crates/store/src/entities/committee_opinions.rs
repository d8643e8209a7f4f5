use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "committee_opinions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub evaluation_id: Uuid,
    pub target_code: Option<String>,
    pub body: String,
    pub author_id: Uuid,
    pub created_at: DateTimeUtc,
    pub response: Option<String>,
    pub reflection: Option<String>,
    pub responded_at: Option<DateTimeUtc>,
    pub responded_by: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
