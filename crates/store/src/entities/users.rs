use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub email: String,
    pub display_name: String,
    pub organization_id: Uuid,
    pub password_hash: Option<String>,
    pub language: String,
    pub active: bool,
    pub session_epoch: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub notification_mode: String,
    pub mute_comments: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
