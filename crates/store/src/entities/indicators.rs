use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "indicators")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub plan_id: Uuid,
    pub goal_id: Option<Uuid>,
    pub code: String,
    pub position: i32,
    pub name_ja: String,
    pub name_en: String,
    pub unit: String,
    pub unit_label_ja: Option<String>,
    pub unit_label_en: Option<String>,
    pub baseline_value: f64,
    pub baseline_fiscal_year: i32,
    pub target_value: f64,
    pub target_fiscal_year: i32,
    pub source_ja: String,
    pub source_en: String,
    pub source_organization_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
