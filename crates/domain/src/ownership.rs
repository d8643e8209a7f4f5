//! Who owns each policy direction (施策の方向): at most one lead organisation (主担当課)
//! and any number of co-owners (関係課), and the CSV file in which the plan office
//! downloads the whole assignment table, edits it in Excel and uploads it again.
//!
//! An upload is two pure steps. [`parse_csv`] reads the file into rows that carry their
//! line, or into every problem of the file at once, each with its line. [`plan_changes`]
//! checks the rows against the plan's directions and the organisations and computes the
//! smallest set of changes that turns the current table into the file's. The file is the
//! complete table: an assignment that is not in it is removed. Applying the changes, and
//! keeping their history, is the store's job.
//!
//! The file is written for Japanese clerks who open it in Excel: UTF-8 with a byte order
//! mark (without it Excel reads UTF-8 as Shift_JIS and shows mojibake), CRLF line ends,
//! Japanese headers and Japanese role names. On input the English headers and role names
//! are accepted too, columns are found by their header in any order, columns the file adds
//! (a clerk's 備考) are ignored, and the two name columns are informational only.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::{
    code::{CodeError, NodeCode, NodeLevel},
    i18n::{Language, Localized},
    plan::OrganizationKind,
};

/// The UTF-8 byte order mark: written so that Excel recognises UTF-8, skipped on input.
const BOM: &str = "\u{feff}";

/// The part an organisation plays for a direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum OwnerRole {
    /// 主担当課: the one organisation answerable for the direction. A direction with any
    /// owner has exactly one.
    Lead,
    /// 関係課: an organisation that works on the direction alongside the lead.
    CoOwner,
}

impl OwnerRole {
    /// Every role.
    pub const ALL: [Self; 2] = [Self::Lead, Self::CoOwner];

    /// The stable name used in the database and the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Lead => "LEAD",
            Self::CoOwner => "CO_OWNER",
        }
    }

    /// Reads a role as people write it in the file: the stable names in any case, or the
    /// Japanese words (`主担当`, `関係`, `関係課`). Surrounding spaces are ignored.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        match text {
            "主担当" | "主担当課" => Some(Self::Lead),
            "関係" | "関係課" => Some(Self::CoOwner),
            _ => Self::ALL.into_iter().find(|role| role.as_str().eq_ignore_ascii_case(text)),
        }
    }

    /// The name people read: `主担当` / `関係課`, `Lead` / `Co-owner`.
    pub fn label(self, language: Language) -> &'static str {
        match (self, language) {
            (Self::Lead, Language::Ja) => "主担当",
            (Self::CoOwner, Language::Ja) => "関係課",
            (Self::Lead, Language::En) => "Lead",
            (Self::CoOwner, Language::En) => "Co-owner",
        }
    }
}

/// Whether an organisation of this kind may own directions: departments and the Council
/// of Social Welfare do; the plan office runs the plan and the committee evaluates it, so
/// neither reports on a direction.
pub fn may_own(kind: OrganizationKind) -> bool {
    matches!(kind, OrganizationKind::Department | OrganizationKind::Council)
}

/// One organisation's part in one direction.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Assignment {
    /// The direction (`1-2-3`).
    pub direction: NodeCode,
    /// The organisation's code (`bousai`).
    pub organization: String,
    /// Lead or co-owner.
    pub role: OwnerRole,
}

/// One row of the file as it is downloaded: the assignment and, for the people reading
/// it, the names of the direction and the organisation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportRow {
    /// The direction.
    pub direction: NodeCode,
    /// The direction's name, usually in Japanese.
    pub direction_name: String,
    /// The organisation's code.
    pub organization: String,
    /// The organisation's name, usually in Japanese.
    pub organization_name: String,
    /// Lead or co-owner.
    pub role: OwnerRole,
}

/// An assignment read from the file, with the line it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvRow {
    /// The 1-based physical line on which the record starts; the header is line 1. A
    /// record whose quoted name spans lines still has one line: where it starts.
    pub line: usize,
    /// What the row says.
    pub assignment: Assignment,
}

/// One change that brings the stored table to the uploaded one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OwnershipChange {
    /// A new owner.
    Add {
        /// The direction.
        direction: NodeCode,
        /// The organisation's code.
        organization: String,
        /// Its role.
        role: OwnerRole,
    },
    /// An owner whose role changes (a co-owner becomes the lead, or the other way).
    ChangeRole {
        /// The direction.
        direction: NodeCode,
        /// The organisation's code.
        organization: String,
        /// The role it has now.
        from: OwnerRole,
        /// The role it will have.
        to: OwnerRole,
    },
    /// An owner that is no longer in the table.
    Remove {
        /// The direction.
        direction: NodeCode,
        /// The organisation's code.
        organization: String,
        /// The role it had.
        role: OwnerRole,
    },
}

/// A column of the assignment file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    /// 施策の方向コード / `direction_code` (required).
    DirectionCode,
    /// 施策の方向 / `direction_name` (informational).
    DirectionName,
    /// 組織コード / `organization_code` (required).
    OrganizationCode,
    /// 組織名 / `organization_name` (informational).
    OrganizationName,
    /// 役割 / `role` (required).
    Role,
}

impl Column {
    /// Every column, in the order the file is written.
    pub const ALL: [Self; 5] = [
        Self::DirectionCode,
        Self::DirectionName,
        Self::OrganizationCode,
        Self::OrganizationName,
        Self::Role,
    ];

    /// The header: the Japanese one is written, either is read.
    pub fn header(self, language: Language) -> &'static str {
        match (self, language) {
            (Self::DirectionCode, Language::Ja) => "施策の方向コード",
            (Self::DirectionName, Language::Ja) => "施策の方向",
            (Self::OrganizationCode, Language::Ja) => "組織コード",
            (Self::OrganizationName, Language::Ja) => "組織名",
            (Self::Role, Language::Ja) => "役割",
            (Self::DirectionCode, Language::En) => "direction_code",
            (Self::DirectionName, Language::En) => "direction_name",
            (Self::OrganizationCode, Language::En) => "organization_code",
            (Self::OrganizationName, Language::En) => "organization_name",
            (Self::Role, Language::En) => "role",
        }
    }

    /// Whether an upload needs the column; the names only help the people reading it.
    pub fn is_required(self) -> bool {
        matches!(self, Self::DirectionCode | Self::OrganizationCode | Self::Role)
    }

    fn matches(self, header: &str) -> bool {
        header == self.header(Language::Ja) || header.eq_ignore_ascii_case(self.header(Language::En))
    }
}

/// One thing wrong with an uploaded assignment file, and on which line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvProblem {
    /// The 1-based physical line (the header is line 1).
    pub line: usize,
    /// What is wrong.
    pub kind: CsvProblemKind,
}

/// What is wrong with an uploaded assignment file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CsvProblemKind {
    /// The bytes are not UTF-8; most often Excel's 「CSV (コンマ区切り)」, which writes
    /// Shift_JIS. Reported once, at the first line that is not UTF-8: nothing after it
    /// can be read reliably.
    NotUtf8,
    /// The CSV reader gave up (not expected for text held in memory).
    Unreadable,
    /// Nothing but blank lines: there is no header.
    Empty,
    /// The header lacks a required column.
    MissingColumn {
        /// The column.
        column: Column,
    },
    /// The header names a column twice, so it is unclear which one counts.
    DuplicateColumn {
        /// The column.
        column: Column,
    },
    /// A row with more or fewer fields than the header: its values cannot be matched to
    /// columns, so nothing else about the row is checked.
    WrongFieldCount {
        /// The header's number of fields.
        expected: usize,
        /// The row's.
        found: usize,
    },
    /// A direction code that is not a code at all.
    InvalidDirectionCode {
        /// The value as written.
        value: String,
    },
    /// A code of a goal or a policy, not of a direction (directions have three segments).
    NotADirectionCode {
        /// The value as written.
        value: String,
    },
    /// A direction code that Excel turned into a date: Japanese Excel reads `1-2-3` as
    /// 2001/2/3 when it opens a CSV file.
    DirectionCodeAsDate {
        /// The value as written (`2001/2/3`).
        value: String,
        /// The code it probably was (`1-2-3`), when that can be told.
        probably: Option<String>,
    },
    /// An empty organisation code.
    EmptyOrganization,
    /// A role that is neither lead nor co-owner.
    UnknownRole {
        /// The value as written.
        value: String,
    },
    /// A direction that the plan does not have.
    UnknownDirection {
        /// The direction code.
        code: String,
    },
    /// An organisation code that does not exist.
    UnknownOrganization {
        /// The organisation code.
        code: String,
    },
    /// The plan office or the committee named as an owner.
    MayNotOwn {
        /// The organisation code.
        code: String,
        /// What it is.
        kind: OrganizationKind,
    },
    /// The same organisation twice for the same direction.
    DuplicateAssignment {
        /// The direction.
        direction: String,
        /// The organisation.
        organization: String,
        /// The line of the first occurrence.
        first_line: usize,
    },
    /// A second lead for a direction.
    SecondLead {
        /// The direction.
        direction: String,
        /// The line of the first lead.
        first_line: usize,
    },
    /// A direction with owners but no lead; reported at the direction's first line.
    NoLead {
        /// The direction.
        direction: String,
    },
}

fn kind_name(kind: OrganizationKind, language: Language) -> &'static str {
    match (kind, language) {
        (OrganizationKind::Department, Language::Ja) => "担当課",
        (OrganizationKind::Council, Language::Ja) => "社会福祉協議会",
        (OrganizationKind::PlanOffice, Language::Ja) => "事務局",
        (OrganizationKind::Committee, Language::Ja) => "推進委員会",
        (OrganizationKind::Department, Language::En) => "a department",
        (OrganizationKind::Council, Language::En) => "the Council of Social Welfare",
        (OrganizationKind::PlanOffice, Language::En) => "the plan office",
        (OrganizationKind::Committee, Language::En) => "the committee",
    }
}

impl Localized for CsvProblemKind {
    fn localized(&self, language: Language) -> String {
        let ja = language == Language::Ja;
        match self {
            Self::NotUtf8 if ja => {
                "文字コードがUTF-8ではありません。Excelでは「CSV UTF-8 (コンマ区切り)」形式で保存してください"
                    .to_owned()
            }
            Self::NotUtf8 => {
                "the file is not UTF-8: in Excel, save it as \"CSV UTF-8 (Comma delimited)\"".to_owned()
            }
            Self::Unreadable if ja => "CSVとして読めません".to_owned(),
            Self::Unreadable => "the file cannot be read as CSV".to_owned(),
            Self::Empty if ja => "ファイルが空です（1行目に見出しが必要です）".to_owned(),
            Self::Empty => "the file is empty (the first line must be the header)".to_owned(),
            Self::MissingColumn { column } if ja => {
                format!("見出しに「{}」の列がありません", column.header(language))
            }
            Self::MissingColumn { column } => {
                format!("the header has no \"{}\" column", column.header(language))
            }
            Self::DuplicateColumn { column } if ja => {
                format!("見出しに「{}」の列が2つあります", column.header(language))
            }
            Self::DuplicateColumn { column } => {
                format!("the header has two \"{}\" columns", column.header(language))
            }
            Self::WrongFieldCount { expected, found } if ja => {
                format!("項目の数が{found}個です（見出しは{expected}個）")
            }
            Self::WrongFieldCount { expected, found } => {
                format!("the row has {found} fields where the header has {expected}")
            }
            Self::InvalidDirectionCode { value } if value.trim().is_empty() && ja => {
                "施策の方向コードが空です".to_owned()
            }
            Self::InvalidDirectionCode { value } if value.trim().is_empty() => {
                "the direction code is empty".to_owned()
            }
            Self::InvalidDirectionCode { value } if ja => {
                format!("施策の方向コード \"{value}\" が正しくありません（1-2-3 のように書いてください）")
            }
            Self::InvalidDirectionCode { value } => {
                format!("direction code \"{value}\" is not valid (write it like 1-2-3)")
            }
            Self::NotADirectionCode { value } if ja => format!(
                "\"{value}\" は施策の方向のコードではありません（施策の方向のコードは 1-2-3 のように3段です）"
            ),
            Self::NotADirectionCode { value } => {
                format!("\"{value}\" is not a direction code (direction codes have three parts, like 1-2-3)")
            }
            Self::DirectionCodeAsDate { value, probably } if ja => {
                let hint = probably
                    .as_ref()
                    .map(|code| format!("元は \"{code}\" と思われます。"))
                    .unwrap_or_default();
                format!(
                    "施策の方向コード \"{value}\" が日付になっています。{hint}Excelは 1-2-3 のような値を日付に\
                     変えるため、セルの書式を「文字列」にして入力し直してください"
                )
            }
            Self::DirectionCodeAsDate { value, probably } => {
                let hint =
                    probably.as_ref().map(|code| format!(" (probably \"{code}\")")).unwrap_or_default();
                format!(
                    "direction code \"{value}\" has become a date{hint}: Excel turns values like 1-2-3 into \
                     dates; format the cells as text and enter the codes again"
                )
            }
            Self::EmptyOrganization if ja => "組織コードが空です".to_owned(),
            Self::EmptyOrganization => "the organisation code is empty".to_owned(),
            Self::UnknownRole { value } if value.trim().is_empty() && ja => {
                "役割が空です（主担当 または 関係課）".to_owned()
            }
            Self::UnknownRole { value } if value.trim().is_empty() => {
                "the role is empty (主担当/LEAD or 関係課/CO_OWNER)".to_owned()
            }
            Self::UnknownRole { value } if ja => {
                format!("役割 \"{value}\" はありません（主担当 または 関係課）")
            }
            Self::UnknownRole { value } => {
                format!("unknown role \"{value}\" (主担当/LEAD or 関係課/CO_OWNER)")
            }
            Self::UnknownDirection { code } if ja => format!("施策の方向 \"{code}\" はこの計画にありません"),
            Self::UnknownDirection { code } => format!("the plan has no direction \"{code}\""),
            Self::UnknownOrganization { code } if ja => format!("組織コード \"{code}\" はありません"),
            Self::UnknownOrganization { code } => format!("unknown organisation code \"{code}\""),
            Self::MayNotOwn { code, kind } if ja => {
                format!("組織 \"{code}\" は{}のため、施策の方向を担当できません", kind_name(*kind, language))
            }
            Self::MayNotOwn { code, kind } => {
                format!("organisation \"{code}\" is {} and cannot own directions", kind_name(*kind, language))
            }
            Self::DuplicateAssignment { direction, organization, first_line } if ja => format!(
                "施策の方向 {direction} の組織 \"{organization}\" が重複しています（最初は{first_line}行目）"
            ),
            Self::DuplicateAssignment { direction, organization, first_line } => format!(
                "direction {direction} names organisation \"{organization}\" twice (first on line {first_line})"
            ),
            Self::SecondLead { direction, first_line } if ja => {
                format!("施策の方向 {direction} の主担当が2つあります（最初の主担当は{first_line}行目）")
            }
            Self::SecondLead { direction, first_line } => {
                format!("direction {direction} has a second lead (the first is on line {first_line})")
            }
            Self::NoLead { direction } if ja => {
                format!(
                    "施策の方向 {direction} に主担当がありません（担当のある施策の方向には主担当が1つ必要です）"
                )
            }
            Self::NoLead { direction } => {
                format!("direction {direction} has owners but no lead (it needs exactly one)")
            }
        }
    }
}

impl Localized for CsvProblem {
    fn localized(&self, language: Language) -> String {
        let message = self.kind.localized(language);
        match language {
            Language::Ja => format!("{}行目: {message}", self.line),
            Language::En => format!("line {}: {message}", self.line),
        }
    }
}

/// Writes the assignment table as the file the plan office downloads: a byte order mark,
/// the Japanese header, one row per entry of `rows` in the order given, roles in
/// Japanese, CRLF line ends.
pub fn write_csv(rows: &[ExportRow]) -> String {
    let mut out = String::from(BOM);
    let header = Column::ALL.map(|column| column.header(Language::Ja));
    push_record(&mut out, &header);
    for row in rows {
        let direction = row.direction.to_string();
        // Names are plan-office data, but a name that starts like a formula would run as
        // one when the file is opened in Excel (CSV injection). The names are ignored on
        // upload, so defusing them costs nothing.
        let direction_name = defuse(&row.direction_name);
        let organization_name = defuse(&row.organization_name);
        push_record(
            &mut out,
            &[
                &direction,
                &direction_name,
                &row.organization,
                &organization_name,
                row.role.label(Language::Ja),
            ],
        );
    }
    out
}

fn defuse(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_owned() }
}

/// Writes one record, quoting a field only when it must be. Written by hand because the
/// csv crate's writer needs an `io::Write` and returns errors that a `String` never gives.
fn push_record(out: &mut String, fields: &[&str]) {
    for (index, field) in fields.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        if field.contains([',', '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push_str("\r\n");
}

/// Reads an uploaded assignment file. See [`parse_csv_bytes`].
pub fn parse_csv(text: &str) -> Result<Vec<CsvRow>, Vec<CsvProblem>> {
    parse_csv_bytes(text.as_bytes())
}

/// Reads an uploaded assignment file as it arrives: bytes that should be UTF-8, with or
/// without a byte order mark. Returns the rows in file order, or every problem found,
/// in line order. Blank lines, and rows whose every field is blank (Excel writes `,,,,`
/// for a row that once held something), are skipped. Only the file's own form is checked
/// here; whether its directions and organisations exist is [`plan_changes`]' question.
pub fn parse_csv_bytes(bytes: &[u8]) -> Result<Vec<CsvRow>, Vec<CsvProblem>> {
    let bytes = bytes.strip_prefix(BOM.as_bytes()).unwrap_or(bytes);
    if let Err(error) = std::str::from_utf8(bytes) {
        let line = line_at(bytes, error.valid_up_to());
        return Err(vec![CsvProblem { line, kind: CsvProblemKind::NotUtf8 }]);
    }
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes);
    let mut record = csv::StringRecord::new();
    let mut header: Option<Header> = None;
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    loop {
        let start = usize::try_from(reader.position().byte()).unwrap_or(usize::MAX);
        let line = record_line(bytes, start);
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(_) => {
                problems.push(CsvProblem { line, kind: CsvProblemKind::Unreadable });
                break;
            }
        }
        if record.iter().all(|field| field.trim().is_empty()) {
            continue;
        }
        let Some(header) = &header else {
            match Header::read(&record, line) {
                Ok(found) => header = Some(found),
                // Without the columns no row can be read: the header's problems are all.
                Err(found) => return Err(found),
            }
            continue;
        };
        if record.len() != header.len {
            let kind = CsvProblemKind::WrongFieldCount { expected: header.len, found: record.len() };
            problems.push(CsvProblem { line, kind });
            continue;
        }
        let field = |index: usize| record.get(index).map(unwrap_excel_text).unwrap_or_default();
        let before = problems.len();
        let mut report = |kind| problems.push(CsvProblem { line, kind });
        let direction = read_direction(field(header.direction)).map_err(&mut report).ok();
        let organization = field(header.organization).to_owned();
        if organization.is_empty() {
            report(CsvProblemKind::EmptyOrganization);
        }
        let role_text = record.get(header.role).unwrap_or_default();
        let role = OwnerRole::parse(role_text);
        if role.is_none() {
            report(CsvProblemKind::UnknownRole { value: role_text.trim().to_owned() });
        }
        if let (Some(direction), Some(role), true) = (direction, role, problems.len() == before) {
            rows.push(CsvRow { line, assignment: Assignment { direction, organization, role } });
        }
    }
    if header.is_none() && problems.is_empty() {
        problems.push(CsvProblem { line: 1, kind: CsvProblemKind::Empty });
    }
    if problems.is_empty() { Ok(rows) } else { Err(problems) }
}

/// Where the required columns are.
struct Header {
    len: usize,
    direction: usize,
    organization: usize,
    role: usize,
}

impl Header {
    fn read(record: &csv::StringRecord, line: usize) -> Result<Self, Vec<CsvProblem>> {
        let mut found: HashMap<Column, usize> = HashMap::new();
        let mut problems = Vec::new();
        for (index, cell) in record.iter().enumerate() {
            let cell = cell.trim();
            if let Some(column) = Column::ALL.into_iter().find(|column| column.matches(cell))
                && found.insert(column, index).is_some()
            {
                problems.push(CsvProblem { line, kind: CsvProblemKind::DuplicateColumn { column } });
            }
        }
        for column in Column::ALL.into_iter().filter(|column| column.is_required()) {
            if !found.contains_key(&column) {
                problems.push(CsvProblem { line, kind: CsvProblemKind::MissingColumn { column } });
            }
        }
        match (
            found.get(&Column::DirectionCode),
            found.get(&Column::OrganizationCode),
            found.get(&Column::Role),
            problems.is_empty(),
        ) {
            (Some(&direction), Some(&organization), Some(&role), true) => {
                Ok(Self { len: record.len(), direction, organization, role })
            }
            _ => Err(problems),
        }
    }
}

/// Trims a code cell and unwraps `="…"`, the form clerks (and some exports) use to keep
/// Excel from turning `1-2-3` into a date or `007` into 7.
fn unwrap_excel_text(field: &str) -> &str {
    let field = field.trim();
    field.strip_prefix("=\"").and_then(|rest| rest.strip_suffix('"')).map_or(field, str::trim)
}

fn read_direction(text: &str) -> Result<NodeCode, CsvProblemKind> {
    NodeCode::parse_at(text, NodeLevel::Direction).map_err(|error| match error {
        CodeError::WrongLevel { .. } => CsvProblemKind::NotADirectionCode { value: text.to_owned() },
        CodeError::Malformed(_) => match excel_date(text) {
            Some(probably) => CsvProblemKind::DirectionCodeAsDate { value: text.to_owned(), probably },
            None => CsvProblemKind::InvalidDirectionCode { value: text.to_owned() },
        },
    })
}

/// Recognises what Japanese Excel makes of a code it took for a date: `y-m-d` becomes
/// `20yy/m/d` (`19yy` from 30 on), written back as `2001/2/3` or `2001-02-03`. Returns
/// `Some(guess)` for a date, with the code it probably was when the year allows a guess.
fn excel_date(text: &str) -> Option<Option<String>> {
    let parts: Vec<&str> = text.split(['/', '-']).collect();
    let numbers: Vec<u32> = parts.iter().map(|part| part.parse().ok()).collect::<Option<_>>()?;
    match (parts.as_slice(), numbers.as_slice()) {
        ([written_year, _, _], [year, month, day])
            if written_year.len() == 4 && (1..=12).contains(month) && (1..=31).contains(day) =>
        {
            let goal = year % 100;
            let guess = format!("{goal}-{month}-{day}");
            Some((goal > 0).then_some(guess))
        }
        _ => None,
    }
}

/// The 1-based line of the record that starts at `offset`: the reader's position may
/// still be on the line end (or blank lines) before the record.
fn record_line(bytes: &[u8], offset: usize) -> usize {
    let skipped =
        bytes.get(offset..).map_or(0, |rest| rest.iter().take_while(|b| matches!(b, b'\r' | b'\n')).count());
    line_at(bytes, offset.saturating_add(skipped))
}

/// The 1-based line of the byte at `offset`, counting CRLF, LF and a lone CR (old Mac
/// Excel) as one line end each, as the CSV reader does.
fn line_at(bytes: &[u8], offset: usize) -> usize {
    let before = bytes.get(..offset).unwrap_or(bytes);
    let ends = before
        .iter()
        .enumerate()
        .filter(|&(index, &byte)| byte == b'\n' || (byte == b'\r' && bytes.get(index + 1) != Some(&b'\n')))
        .count();
    ends + 1
}

/// Checks an uploaded table against the plan and the organisations, and returns the
/// smallest list of changes that turns `current` into it, sorted by direction code, then
/// organisation code. Importing a file equal to `current` gives no changes.
///
/// All four inputs are about one plan: `current` is its stored table, `wanted` the rows
/// of [`parse_csv`], `directions` the plan's direction codes and `organizations` every
/// organisation's code and kind. The file is the complete table: an assignment in
/// `current` that the file lacks is removed, so a file with a header and no rows removes
/// every owner. Every problem is reported with the line of the offending row.
pub fn plan_changes(
    current: &[Assignment],
    wanted: &[CsvRow],
    directions: &HashSet<NodeCode>,
    organizations: &HashMap<String, OrganizationKind>,
) -> Result<Vec<OwnershipChange>, Vec<CsvProblem>> {
    let mut problems = Vec::new();
    let mut table: BTreeMap<(&NodeCode, &str), OwnerRole> = BTreeMap::new();
    let mut lines: HashMap<(&NodeCode, &str), usize> = HashMap::new();
    let mut first_lines: BTreeMap<&NodeCode, usize> = BTreeMap::new();
    let mut leads: HashMap<&NodeCode, usize> = HashMap::new();
    for row in wanted {
        let Assignment { direction, organization, role } = &row.assignment;
        let mut report = |kind| problems.push(CsvProblem { line: row.line, kind });
        let known_direction = directions.contains(direction);
        if !known_direction {
            report(CsvProblemKind::UnknownDirection { code: direction.to_string() });
        }
        match organizations.get(organization) {
            None => report(CsvProblemKind::UnknownOrganization { code: organization.clone() }),
            Some(&kind) if !may_own(kind) => {
                report(CsvProblemKind::MayNotOwn { code: organization.clone(), kind });
            }
            Some(_) => {}
        }
        let key = (direction, organization.as_str());
        if let Some(&first_line) = lines.get(&key) {
            report(CsvProblemKind::DuplicateAssignment {
                direction: direction.to_string(),
                organization: organization.clone(),
                first_line,
            });
            continue;
        }
        lines.insert(key, row.line);
        table.insert(key, *role);
        // Leads are counted only for directions the plan has: for an unknown code the
        // useful message is that it is unknown, not that it also lacks a lead.
        if known_direction {
            first_lines.entry(direction).or_insert(row.line);
            if *role == OwnerRole::Lead {
                match leads.get(direction) {
                    Some(&first_line) => {
                        report(CsvProblemKind::SecondLead { direction: direction.to_string(), first_line });
                    }
                    None => {
                        leads.insert(direction, row.line);
                    }
                }
            }
        }
    }
    for (direction, &line) in &first_lines {
        if !leads.contains_key(direction) {
            problems
                .push(CsvProblem { line, kind: CsvProblemKind::NoLead { direction: direction.to_string() } });
        }
    }
    if !problems.is_empty() {
        // Stable: problems of one line keep the order in which they were found.
        problems.sort_by_key(|problem| problem.line);
        return Err(problems);
    }

    let stored: BTreeMap<(&NodeCode, &str), OwnerRole> =
        current.iter().map(|a| ((&a.direction, a.organization.as_str()), a.role)).collect();
    let keys: BTreeSet<(&NodeCode, &str)> = stored.keys().chain(table.keys()).copied().collect();
    let changes = keys
        .into_iter()
        .filter_map(|key @ (direction, organization)| {
            let (direction, organization) = (direction.clone(), organization.to_owned());
            match (stored.get(&key), table.get(&key)) {
                (None, Some(&role)) => Some(OwnershipChange::Add { direction, organization, role }),
                (Some(&role), None) => Some(OwnershipChange::Remove { direction, organization, role }),
                (Some(&from), Some(&to)) if from != to => {
                    Some(OwnershipChange::ChangeRole { direction, organization, from, to })
                }
                _ => None,
            }
        })
        .collect();
    Ok(changes)
}

#[cfg(test)]
mod tests;
