use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "report_comments")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub report_id: Uuid,
    pub parent_id: Option<Uuid>,
    pub field: Option<String>,
    pub activity_index: Option<i32>,
    pub body: String,
    pub author_id: Uuid,
    pub author_organization_id: Uuid,
    pub created_at: DateTimeUtc,
    pub edited_at: Option<DateTimeUtc>,
    pub retracted_at: Option<DateTimeUtc>,
    pub resolved_at: Option<DateTimeUtc>,
    pub resolved_by: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
