//! Evidence files attached to reports.

use domain::{
    access::{Action, Actor, ReportRef},
    ids::ReportId,
    report::EvidenceFile,
};

use crate::{App, AppError, authorize};

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
}
