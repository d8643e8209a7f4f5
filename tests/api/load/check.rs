//! The checks after a load: the database against the ledger of what the server
//! acknowledged. Read through the app as the system, which sees every report.
//!
//! For each report: every acknowledged save is there, at its own version (two saves
//! acknowledged at one version would be a lost update); the versions moved by exactly
//! the saves that committed, each with its `report.saved` audit event; the text is the
//! last acknowledged save's (or, after a crash, a save whose answer never came, never a
//! refused one); every submission froze exactly one revision with its audit event;
//! every acknowledged upload is there with its file stored (on disk, or in the servers'
//! object store read back through the app). And the audit chain verifies.

use std::{
    collections::{BTreeMap, BTreeSet},
    path::Path,
};

use app::{
    App, ChainCheck, MAX_AUDIT_PAGE, MAX_REPORT_PAGE, ReportFilter,
    domain::{
        access::Actor,
        audit::{AuditAction, AuditEvent, AuditFilter},
        report::{EvidenceFile, Report, ReportStatus},
        review::Revision,
    },
};

use super::engine::{Fate, Ledger, marker_of};

/// A report with its revisions and current evidence.
pub struct ReportState {
    pub report: Report,
    pub revisions: Vec<Revision>,
    pub evidence: Vec<EvidenceFile>,
}

/// Every report, and where the audit log stood.
pub struct Snapshot {
    pub reports: BTreeMap<String, ReportState>,
    pub audit_seq: i64,
}

pub async fn snapshot(app: &App) -> Snapshot {
    let system = Actor::System;
    let mut reports = Vec::new();
    let mut after = None;
    loop {
        let (page, more) =
            app.reports(&system, &ReportFilter::default(), MAX_REPORT_PAGE, after).await.expect("reports");
        after = page.last().map(|r| r.id);
        reports.extend(page);
        if !more {
            break;
        }
    }
    let references: Vec<_> = reports.iter().map(|r| (r.id, r.reference())).collect();
    let mut evidence: BTreeMap<String, Vec<EvidenceFile>> = BTreeMap::new();
    for file in app.evidence_of_reports(&system, &references).await.expect("evidence") {
        evidence.entry(file.report_id.to_string()).or_default().push(file);
    }
    let mut states = BTreeMap::new();
    for report in reports {
        let revisions = app.revisions(&system, &report).await.expect("revisions");
        let id = report.id.to_string();
        let evidence = evidence.remove(&id).unwrap_or_default();
        states.insert(id, ReportState { report, revisions, evidence });
    }
    let (latest, _) = app.audit_events(&system, &AuditFilter::default(), 1, None).await.expect("audit");
    Snapshot { reports: states, audit_seq: latest.first().map_or(0, |e| e.seq) }
}

/// The events of one kind after `seq`, grouped by report.
async fn events_since(app: &App, seq: i64, action: AuditAction) -> BTreeMap<String, Vec<AuditEvent>> {
    let filter = AuditFilter { action: Some(action), ..AuditFilter::default() };
    let mut grouped: BTreeMap<String, Vec<AuditEvent>> = BTreeMap::new();
    let mut before = None;
    loop {
        let (page, more) =
            app.audit_events(&Actor::System, &filter, MAX_AUDIT_PAGE, before).await.expect("audit events");
        let reached = page.iter().any(|e| e.seq <= seq);
        before = page.last().map(|e| e.seq);
        for event in page.into_iter().filter(|e| e.seq > seq) {
            let subject = event.record.subject_id.clone().unwrap_or_default();
            grouped.entry(subject).or_default().push(event);
        }
        if reached || !more {
            return grouped;
        }
    }
}

/// What the checks found.
#[derive(Debug, Default)]
pub struct Verdict {
    pub problems: Vec<String>,
    pub reports_changed: usize,
    pub saves_verified: usize,
    /// Saves whose answer never came that turned out to have committed.
    pub in_doubt_committed: usize,
    pub revisions_added: usize,
    pub evidence_added: usize,
    pub audit_events: u64,
}

impl Verdict {
    pub fn describe(&self) -> String {
        let problems: String = self.problems.iter().map(|p| format!("\n  PROBLEM: {p}")).collect();
        format!(
            "checked: {} reports changed, {} acknowledged saves in place, {} unanswered saves committed, \
             {} revisions and {} evidence files added; audit chain intact over {} events; {} problems{problems}",
            self.reports_changed,
            self.saves_verified,
            self.in_doubt_committed,
            self.revisions_added,
            self.evidence_added,
            self.audit_events,
            self.problems.len()
        )
    }
}

/// Where the evidence files' bytes are looked for.
#[derive(Clone, Copy, Debug)]
pub enum StoredFiles<'a> {
    /// The server's `DATA_DIR/files` directory.
    Directory(&'a Path),
    /// The app's own file store (opened on the servers' store, such as their S3 bucket),
    /// read back through the app.
    App,
}

/// Compares the database with the ledger; `files` is where the server stores files.
pub async fn verify(app: &App, before: &Snapshot, ledger: &Ledger, files: StoredFiles<'_>) -> Verdict {
    let after = snapshot(app).await;
    let saved = events_since(app, before.audit_seq, AuditAction::ReportSaved).await;
    let submitted = events_since(app, before.audit_seq, AuditAction::ReportSubmitted).await;
    let uploaded = events_since(app, before.audit_seq, AuditAction::EvidenceUploaded).await;
    let mut verdict = Verdict::default();
    let problems = &mut verdict.problems;

    let before_ids: BTreeSet<&String> = before.reports.keys().collect();
    let after_ids: BTreeSet<&String> = after.reports.keys().collect();
    if before_ids != after_ids {
        problems.push(format!(
            "the set of reports changed: {} before, {} after",
            before_ids.len(),
            after_ids.len()
        ));
    }

    for (id, now) in &after.reports {
        let Some(then) = before.reports.get(id) else { continue };
        let report = &now.report;
        let saves: Vec<_> = ledger.saves.iter().filter(|s| &s.report == id).collect();
        let acked: Vec<(i64, &str)> = saves
            .iter()
            .filter_map(|s| match s.fate {
                Fate::Acked(version) => Some((version, s.marker.as_str())),
                _ => None,
            })
            .collect();
        let in_doubt = saves.iter().filter(|s| s.fate == Fate::InDoubt).count();
        let version = i64::from(report.version);
        let base = i64::from(then.report.version);

        // No lost update: one acknowledged save per version, each at or below the current.
        let mut versions: Vec<i64> = acked.iter().map(|(v, _)| *v).collect();
        versions.sort_unstable();
        if let Some(pair) = versions.windows(2).find(|w| w[0] == w[1]) {
            problems
                .push(format!("report {id}: two saves acknowledged at version {} (a lost update)", pair[0]));
        }
        // Every committed save moved the version by one and wrote its audit event.
        let mut audited: Vec<i64> = saved
            .get(id)
            .into_iter()
            .flatten()
            .map(|e| {
                serde_json::from_str::<serde_json::Value>(&e.record.details).expect("details")["version"]
                    .as_i64()
                    .expect("version")
            })
            .collect();
        audited.sort_unstable();
        let expected: Vec<i64> = (base + 1..=version).collect();
        if audited != expected {
            problems.push(format!(
                "report {id}: version {base} → {version}, but the audit log records saves at {audited:?}"
            ));
        }
        for (v, marker) in &acked {
            if !audited.contains(v) {
                problems
                    .push(format!("report {id}: the save {marker} acknowledged at version {v} is missing"));
            }
        }
        let unexplained = audited.len().saturating_sub(acked.len());
        if unexplained > in_doubt {
            problems.push(format!(
                "report {id}: {unexplained} saves committed that were never acknowledged ({in_doubt} unanswered)"
            ));
        }
        verdict.in_doubt_committed += unexplained;
        verdict.saves_verified += acked.len();

        // The text is that of the save that made the current version.
        let text = report.content.results_summary.as_deref().unwrap_or_default();
        if version == base {
            if report.content != then.report.content {
                problems.push(format!("report {id}: the content changed without a new version"));
            }
        } else {
            verdict.reports_changed += 1;
            let marker = marker_of(text);
            match saves.iter().find(|s| Some(s.marker.as_str()) == marker).map(|s| &s.fate) {
                Some(Fate::Acked(v)) if *v == version => {}
                Some(Fate::InDoubt) if !versions.contains(&version) => {}
                Some(fate) => problems.push(format!(
                    "report {id}: at version {version} its text is from a save that was {fate:?}: {text}"
                )),
                None => {
                    problems.push(format!("report {id}: at version {version} its text is no save's: {text}"))
                }
            }
        }

        // Submissions froze exactly one revision each, with their audit events.
        let added = now.revisions.len().saturating_sub(then.revisions.len());
        let events = submitted.get(id).map_or(0, Vec::len);
        let steps = ledger.steps.iter().filter(|s| &s.report == id && s.action == "submit");
        let (submits_acked, _, submits_in_doubt) = Ledger::tally(steps.map(|s| s.fate.clone()));
        if events != added || added < submits_acked || added > submits_acked + submits_in_doubt {
            problems.push(format!(
                "report {id}: {added} revisions added, {events} submission events, \
                 {submits_acked} submissions acknowledged ({submits_in_doubt} unanswered)"
            ));
        }
        verdict.revisions_added += added;
        let numbers: Vec<i32> = now.revisions.iter().map(|r| r.number).collect();
        if numbers != (1..=i32::try_from(numbers.len()).unwrap_or(0)).collect::<Vec<_>>() {
            problems.push(format!("report {id}: revision numbers {numbers:?}"));
        }
        // A report with the reviewers has what was submitted: its last revision.
        let frozen = matches!(
            report.status,
            ReportStatus::AwaitingManager
                | ReportStatus::Submitted
                | ReportStatus::Accepted
                | ReportStatus::Locked
        );
        if frozen && now.revisions.is_empty() {
            problems.push(format!("report {id}: {} without any revision", report.status.as_str()));
        }
        let touched = version != base || added > 0 || report.status != then.report.status;
        if touched && frozen && now.revisions.last().map(|r| &r.content) != Some(&report.content) {
            problems.push(format!(
                "report {id}: {} but its content is not its last revision",
                report.status.as_str()
            ));
        }
        // (The demo's sample history has returned reports without revisions; only a
        // return during the load is held to this.)
        let returned_now =
            report.status == ReportStatus::Returned && then.report.status != ReportStatus::Returned;
        if returned_now && now.revisions.is_empty() {
            problems.push(format!("report {id}: returned without ever being submitted"));
        }

        // Uploads: every acknowledged file is attached and stored, nothing refused is.
        let old: BTreeSet<String> = then.evidence.iter().map(|e| e.id.to_string()).collect();
        let new: Vec<&EvidenceFile> =
            now.evidence.iter().filter(|e| !old.contains(&e.id.to_string())).collect();
        let uploads: Vec<_> = ledger.uploads.iter().filter(|u| &u.report == id).collect();
        let (uploads_acked, _, uploads_in_doubt) = Ledger::tally(uploads.iter().map(|u| u.fate.clone()));
        for upload in &uploads {
            if let Fate::Acked(evidence) = &upload.fate
                && !new.iter().any(|e| &e.id.to_string() == evidence)
            {
                problems.push(format!("report {id}: acknowledged evidence {evidence} is missing"));
            }
        }
        let events = uploaded.get(id).map_or(0, Vec::len);
        if new.len() != events || new.len() > uploads_acked + uploads_in_doubt {
            problems.push(format!(
                "report {id}: {} files attached, {events} upload events, {uploads_acked} uploads acknowledged",
                new.len()
            ));
        }
        for file in &new {
            let stored = match files {
                StoredFiles::Directory(files) => {
                    let path = files.join("blobs").join(&file.sha256[..2]).join(&file.sha256);
                    std::fs::metadata(&path).map(|meta| meta.len()).map_err(|e| e.to_string())
                }
                StoredFiles::App => app
                    .download_evidence(&Actor::System, file.id)
                    .await
                    .map(|out| out.content.len() as u64)
                    .map_err(|e| format!("{e:?}")),
            };
            match stored {
                Ok(size) if i64::try_from(size).ok() == Some(file.size) => {}
                other => {
                    problems.push(format!("report {id}: evidence {} has no stored file: {other:?}", file.id))
                }
            }
        }
        verdict.evidence_added += new.len();
    }

    match app.verify_audit_chain(&Actor::System).await.expect("audit chain") {
        ChainCheck::Intact { events } => verdict.audit_events = events,
        ChainCheck::Broken { seq, reason } => {
            problems.push(format!("the audit chain breaks at {seq}: {reason}"))
        }
    }
    verdict
}
