use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "reports")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub period_id: Uuid,
    pub direction_id: Uuid,
    pub organization_id: Uuid,
    pub status: String,
    pub version: i32,
    pub activities: String,
    pub results_summary: Option<String>,
    pub self_rating: Option<String>,
    pub rating_reason: Option<String>,
    pub issues: Option<String>,
    pub next_step: Option<String>,
    pub next_step_reason: Option<String>,
    pub indicator_ids: String,
    pub copied_from_report_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub updated_by: Option<Uuid>,
    pub submitted_at: Option<DateTimeUtc>,
    pub accepted_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
