//! Evidence files: metadata rows, and the content-addressed blobs they point at (the
//! bytes themselves live in the object store, under their SHA-256).

use chrono::Utc;
use domain::{
    ids::{EvidenceId, ReportId, UserId},
    report::EvidenceFile,
};
use sea_orm::{
    ActiveValue::Set,
    ColumnTrait, EntityTrait, QueryFilter, QueryOrder,
    sea_query::{Expr, OnConflict},
};

use crate::{
    Db, StoreError, WriteTx,
    entities::{blobs, evidence},
};

fn evidence_from(row: evidence::Model) -> EvidenceFile {
    EvidenceFile {
        id: EvidenceId(row.id),
        report_id: ReportId(row.report_id),
        file_name: row.file_name,
        content_type: row.content_type,
        size: row.size,
        sha256: row.blob_sha256,
        description: row.description,
        uploaded_at: row.uploaded_at,
        uploaded_by: row.uploaded_by.map(UserId),
    }
}

impl Db {
    /// The current (not removed) evidence of these reports, oldest first.
    pub async fn evidence_of_reports(&self, ids: &[ReportId]) -> Result<Vec<EvidenceFile>, StoreError> {
        let rows = evidence::Entity::find()
            .filter(evidence::Column::ReportId.is_in(ids.iter().map(|id| id.0)))
            .filter(evidence::Column::RemovedAt.is_null())
            .order_by_asc(evidence::Column::UploadedAt)
            .all(&self.conn)
            .await?;
        Ok(rows.into_iter().map(evidence_from).collect())
    }

    /// One evidence file that has not been removed.
    pub async fn evidence_by_id(&self, id: EvidenceId) -> Result<Option<EvidenceFile>, StoreError> {
        let row = evidence::Entity::find_by_id(id.0)
            .filter(evidence::Column::RemovedAt.is_null())
            .one(&self.conn)
            .await?;
        Ok(row.map(evidence_from))
    }
}

impl WriteTx {
    /// Records a blob unless one with this hash exists (two identical uploads at once
    /// both succeed); returns whether it was new.
    pub async fn insert_blob_if_absent(
        &self,
        sha256: &str,
        size: i64,
        content_type: &str,
    ) -> Result<bool, StoreError> {
        let inserted = blobs::Entity::insert(blobs::ActiveModel {
            sha256: Set(sha256.to_owned()),
            size: Set(size),
            content_type: Set(content_type.to_owned()),
            created_at: Set(Utc::now()),
        })
        .on_conflict(OnConflict::column(blobs::Column::Sha256).do_nothing().to_owned())
        .exec_without_returning(&self.txn)
        .await;
        match inserted {
            Ok(rows) => Ok(rows > 0),
            Err(sea_orm::DbErr::RecordNotInserted) => Ok(false),
            Err(other) => Err(other.into()),
        }
    }

    /// Records an evidence file.
    pub async fn insert_evidence(&self, file: &EvidenceFile) -> Result<(), StoreError> {
        evidence::Entity::insert(evidence::ActiveModel {
            id: Set(file.id.0),
            report_id: Set(file.report_id.0),
            blob_sha256: Set(file.sha256.clone()),
            file_name: Set(file.file_name.clone()),
            content_type: Set(file.content_type.clone()),
            size: Set(file.size),
            description: Set(file.description.clone()),
            uploaded_at: Set(file.uploaded_at),
            uploaded_by: Set(file.uploaded_by.map(|id| id.0)),
            removed_at: Set(None),
            removed_by: Set(None),
        })
        .exec_without_returning(&self.txn)
        .await?;
        Ok(())
    }

    /// Marks an evidence file removed (the row and the blob stay, for the history).
    pub async fn remove_evidence(&self, id: EvidenceId, by: Option<UserId>) -> Result<bool, StoreError> {
        let result = evidence::Entity::update_many()
            .col_expr(evidence::Column::RemovedAt, Expr::value(Utc::now()))
            .col_expr(evidence::Column::RemovedBy, Expr::value(by.map(|id| id.0)))
            .filter(evidence::Column::Id.eq(id.0))
            .filter(evidence::Column::RemovedAt.is_null())
            .exec(&self.txn)
            .await?;
        Ok(result.rows_affected == 1)
    }
}
