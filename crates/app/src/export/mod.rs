//! The annual evaluation as files people take away: an Excel workbook in the layout
//! Japanese municipalities use, a printable A4 PDF with a Japanese font shipped with the
//! product, and CSV tables (UTF-8 with BOM, so Excel opens them correctly).

use std::collections::HashMap;

use domain::{Language, ids::OrganizationId, plan::Organization};

mod csv;
mod pdf;
mod xlsx;

pub use self::{
    csv::{CsvTable, evaluation_csv},
    pdf::evaluation_pdf,
    xlsx::evaluation_xlsx,
};

/// What an export needs besides the evaluation.
#[derive(Clone, Debug)]
pub struct ExportContext {
    /// Every organisation, for owners' names.
    pub organizations: HashMap<OrganizationId, Organization>,
    /// The language of headings and labels.
    pub language: Language,
    /// Whether internal parts (missing reports, override reasons' authors) are included:
    /// false for the public version of a published evaluation.
    pub internal: bool,
}
