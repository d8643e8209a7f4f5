//! Evidence files attached to reports: accepted by what they contain, never by their
//! name; stored once per content under their SHA-256; served only to those who may read
//! the report.
//!
//! Everything that can refuse a file (permission, name, size, type) is checked before
//! anything is written, so a refused upload leaves no blob and no row behind.

use bytes::Bytes;
use chrono::Utc;
use domain::{
    access::{Action, Actor, ReportRef},
    audit::AuditAction,
    evidence::{self, EvidenceKind},
    ids::{EvidenceId, ReportId},
    report::{ContentProblem, EvidenceFile},
};
use object_store::{ObjectStoreExt, PutPayload, path::Path};
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::{App, AppError, InputProblem, audit::record, authorize, tokens::hex};

/// The longest description of an evidence file, in characters.
pub const MAX_DESCRIPTION_CHARS: usize = 500;

/// A file on its way in.
#[derive(Debug)]
pub struct IncomingFile {
    /// The name the browser sent.
    pub file_name: String,
    /// The bytes (already bounded by the upload limit while they streamed in).
    pub content: Bytes,
    /// What the file shows.
    pub description: Option<String>,
}

/// A file on its way out.
#[derive(Debug)]
pub struct OutgoingFile {
    /// Its record.
    pub file: EvidenceFile,
    /// The name to download it under (its extension matches its content).
    pub download_name: String,
    /// The bytes.
    pub content: Bytes,
}

fn blob_path(sha256: &str) -> Path {
    Path::from(format!("blobs/{}/{sha256}", &sha256[..2.min(sha256.len())]))
}

impl App {
    /// The current evidence of reports, keeping only reports the actor may read.
    pub async fn evidence_of_reports(
        &self,
        actor: &Actor,
        reports: &[(ReportId, ReportRef)],
    ) -> Result<Vec<EvidenceFile>, AppError> {
        let visible: Vec<ReportId> = reports
            .iter()
            .filter(|(_, reference)| authorize(actor, &Action::ReadReport(*reference)).is_ok())
            .map(|(id, _)| *id)
            .collect();
        if visible.is_empty() {
            return Ok(Vec::new());
        }
        Ok(self.db.evidence_of_reports(&visible).await?)
    }

    /// Attaches a file to a report its organisation is writing.
    pub async fn upload_evidence(
        &self,
        actor: &Actor,
        report_id: ReportId,
        incoming: IncomingFile,
    ) -> Result<EvidenceFile, AppError> {
        let report = self.editable_report(actor, report_id).await?;
        let file_name = evidence::check_file_name(&incoming.file_name)
            .map_err(|problem| AppError::Invalid(InputProblem::FileName(problem)))?;
        let max_bytes = self.settings.max_upload_bytes;
        if incoming.content.len() as u64 > max_bytes {
            return Err(AppError::Invalid(InputProblem::FileTooLarge { max_bytes }));
        }
        if incoming.content.is_empty() {
            return Err(AppError::Invalid(InputProblem::EmptyFile));
        }
        // The whole file is examined, not only its start: some Office writers put the
        // entries that identify the document at the end.
        let kind = evidence::detect(&incoming.content, &file_name)
            .ok_or(AppError::Invalid(InputProblem::FileType))?;
        let description = incoming.description.map(|d| d.trim().to_owned()).filter(|d| !d.is_empty());
        if let Some(text) = &description {
            let problem = if text.chars().count() > MAX_DESCRIPTION_CHARS {
                Some(ContentProblem::TooLong { path: "description".into(), max: MAX_DESCRIPTION_CHARS })
            } else if text.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
                Some(ContentProblem::ControlCharacters { path: "description".into() })
            } else {
                None
            };
            if let Some(problem) = problem {
                return Err(AppError::Invalid(InputProblem::Content(problem)));
            }
        }
        let sha256 = hex(&Sha256::digest(&incoming.content));
        let size = i64::try_from(incoming.content.len()).unwrap_or(i64::MAX);
        let content_type = kind.mime().to_owned();

        let path = blob_path(&sha256);
        if self.settings.files.head(&path).await.is_err() {
            self.settings
                .files
                .put(&path, PutPayload::from_bytes(incoming.content))
                .await
                .map_err(|e| AppError::internal(format!("storing a file: {e}")))?;
        }
        let file = EvidenceFile {
            id: EvidenceId::generate(),
            report_id,
            file_name,
            content_type: content_type.clone(),
            size,
            sha256: sha256.clone(),
            description,
            uploaded_at: Utc::now(),
            uploaded_by: actor.user().map(|u| u.user_id),
        };
        let tx = self.db.write().await?;
        tx.insert_blob_if_absent(&sha256, size, &content_type).await?;
        tx.insert_evidence(&file).await?;
        let details = json!({ "file": file.file_name, "size": size, "type": content_type, "sha256": sha256 });
        let subject = Some(("report", report.id.to_string()));
        tx.append_audit(record(
            actor,
            AuditAction::EvidenceUploaded,
            subject,
            Some(report.organization_id),
            details,
        ))
        .await?;
        tx.commit().await?;
        Ok(file)
    }

    /// Detaches a file from a report its organisation is writing (the record stays, for
    /// the history).
    pub async fn remove_evidence(&self, actor: &Actor, id: EvidenceId) -> Result<EvidenceFile, AppError> {
        let file = self.db.evidence_by_id(id).await?.ok_or(AppError::NotFound { what: "evidence" })?;
        let report = self.editable_report(actor, file.report_id).await?;
        let tx = self.db.write().await?;
        if !tx.remove_evidence(id, actor.user().map(|u| u.user_id)).await? {
            return Err(AppError::NotFound { what: "evidence" });
        }
        let details = json!({ "file": file.file_name, "sha256": file.sha256 });
        let subject = Some(("report", report.id.to_string()));
        tx.append_audit(record(
            actor,
            AuditAction::EvidenceRemoved,
            subject,
            Some(report.organization_id),
            details,
        ))
        .await?;
        tx.commit().await?;
        Ok(file)
    }

    /// A file to download, for those who may read its report; `NOT_FOUND` otherwise.
    pub async fn download_evidence(&self, actor: &Actor, id: EvidenceId) -> Result<OutgoingFile, AppError> {
        let file = self.db.evidence_by_id(id).await?.ok_or(AppError::NotFound { what: "evidence" })?;
        self.report(actor, file.report_id).await?;
        let content = self
            .settings
            .files
            .get(&blob_path(&file.sha256))
            .await
            .map_err(|e| AppError::internal(format!("reading a file: {e}")))?
            .bytes()
            .await
            .map_err(|e| AppError::internal(format!("reading a file: {e}")))?;
        let download_name = EvidenceKind::from_mime(&file.content_type)
            .map_or_else(|| file.file_name.clone(), |kind| evidence::download_name(&file.file_name, kind));
        Ok(OutgoingFile { file, download_name, content })
    }
}
