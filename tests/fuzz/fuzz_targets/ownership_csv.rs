//! The ownership CSV import on arbitrary bytes: `parse_csv_bytes` (the upload), then
//! `plan_changes` (the preview and the import) against the Omitama demo plan, its
//! organisations and its shipped assignment table, exactly as the app calls them.
//!
//! Neither may panic. Every problem carries a line of the file, in line order. Accepted
//! rows start on non-blank lines after the header, in file order, with direction-level
//! codes and non-empty organisation codes. When the preview accepts the rows, every row
//! names a direction of the plan and an organisation that may own one, each direction
//! has exactly one lead, the changes turn the stored table into the file's (and are
//! sorted and minimal), and the table downloaded again reads back the same.
#![no_main]

use std::{
    collections::{BTreeMap, HashMap, HashSet},
    sync::OnceLock,
};

use domain::{
    NodeCode,
    code::NodeLevel,
    i18n::{Language, Localized},
    ownership::{
        Assignment, CsvProblem, CsvRow, ExportRow, OwnerRole, OwnershipChange, may_own, parse_csv,
        parse_csv_bytes, plan_changes, write_csv,
    },
    plan::OrganizationKind,
};
use libfuzzer_sys::fuzz_target;

const PLAN: &str = include_str!("../../../crates/app/plans/omitama-3.toml");
const OWNERS: &str = include_str!("../../../crates/app/plans/omitama-3.owners.csv");

struct Context {
    directions: HashSet<NodeCode>,
    organizations: HashMap<String, OrganizationKind>,
    current: Vec<Assignment>,
}

fn context() -> &'static Context {
    static CONTEXT: OnceLock<Context> = OnceLock::new();
    CONTEXT.get_or_init(|| {
        let plan = domain::plan_file::parse(PLAN).unwrap_or_else(|e| panic!("demo plan: {e}"));
        let directions = plan.directions.iter().map(|d| d.code.clone()).collect();
        let organizations = plan.organizations.iter().map(|o| (o.code.clone(), o.kind)).collect();
        let rows = parse_csv(OWNERS).unwrap_or_else(|p| panic!("demo owners: {p:?}"));
        let current = rows.into_iter().map(|row| row.assignment).collect();
        Context { directions, organizations, current }
    })
}

fuzz_target!(|data: &[u8]| {
    let context = context();
    let lines = physical_lines(data);
    let rows = match parse_csv_bytes(data) {
        Ok(rows) => rows,
        Err(problems) => {
            check_problems(&problems, |line| (1..=lines.len()).contains(&line));
            return;
        }
    };
    let mut previous = 1;
    for row in &rows {
        assert!(row.line > previous, "rows out of order or on the header's line: {rows:?}");
        previous = row.line;
        let text = lines.get(row.line - 1).copied().unwrap_or_default();
        assert!(!text.is_empty(), "row reported on blank or missing line {}: {row:?}", row.line);
        assert_eq!(row.assignment.direction.level(), Some(NodeLevel::Direction));
        let organization = &row.assignment.organization;
        assert!(!organization.is_empty() && organization.trim() == organization, "{row:?}");
    }

    let changes = match plan_changes(&context.current, &rows, &context.directions, &context.organizations) {
        Ok(changes) => changes,
        Err(problems) => {
            let row_lines: HashSet<usize> = rows.iter().map(|row| row.line).collect();
            check_problems(&problems, |line| row_lines.contains(&line));
            return;
        }
    };
    check_accepted(context, &rows, &changes);
});

/// The physical lines of the file as the import counts them: CRLF, LF and a lone CR each
/// end a line, and a byte order mark is not part of the first line.
fn physical_lines(data: &[u8]) -> Vec<&[u8]> {
    let data = data.strip_prefix("\u{feff}".as_bytes()).unwrap_or(data);
    let mut lines = Vec::new();
    let mut start = 0;
    let mut index = 0;
    while index < data.len() {
        match data[index] {
            b'\n' => {
                lines.push(&data[start..index]);
                start = index + 1;
            }
            b'\r' => {
                lines.push(&data[start..index]);
                if data.get(index + 1) == Some(&b'\n') {
                    index += 1;
                }
                start = index + 1;
            }
            _ => {}
        }
        index += 1;
    }
    lines.push(&data[start..]);
    lines
}

fn check_problems(problems: &[CsvProblem], valid_line: impl Fn(usize) -> bool) {
    assert!(!problems.is_empty(), "refused without a problem");
    for problem in problems {
        assert!(valid_line(problem.line), "problem on a line that is not the file's: {problems:?}");
        for language in [Language::Ja, Language::En] {
            assert!(!problem.localized(language).is_empty());
        }
    }
    assert!(problems.is_sorted_by_key(|p| p.line), "problems out of line order: {problems:?}");
}

fn check_accepted(context: &Context, rows: &[CsvRow], changes: &[OwnershipChange]) {
    // The file's table: every row known, each direction with exactly one lead.
    let mut table: BTreeMap<(NodeCode, String), OwnerRole> = BTreeMap::new();
    for row in rows {
        let Assignment { direction, organization, role } = &row.assignment;
        assert!(context.directions.contains(direction), "unknown direction accepted: {row:?}");
        let kind = context.organizations.get(organization);
        assert!(kind.is_some_and(|&kind| may_own(kind)), "organisation may not own: {row:?}");
        let previous = table.insert((direction.clone(), organization.clone()), *role);
        assert!(previous.is_none(), "duplicate assignment accepted: {row:?}");
    }
    let mut leads: BTreeMap<&NodeCode, usize> = BTreeMap::new();
    for ((direction, _), role) in &table {
        *leads.entry(direction).or_default() += usize::from(*role == OwnerRole::Lead);
    }
    assert!(leads.values().all(|&count| count == 1), "a direction without exactly one lead: {leads:?}");

    // The changes turn the stored table into the file's, each pair at most once, sorted.
    let mut result: BTreeMap<(NodeCode, String), OwnerRole> =
        context.current.iter().map(|a| ((a.direction.clone(), a.organization.clone()), a.role)).collect();
    let mut keys = Vec::new();
    for change in changes {
        match change {
            OwnershipChange::Add { direction, organization, role } => {
                let key = (direction.clone(), organization.clone());
                assert!(result.insert(key.clone(), *role).is_none(), "adds a present owner");
                keys.push(key);
            }
            OwnershipChange::ChangeRole { direction, organization, from, to } => {
                assert_ne!(from, to);
                let key = (direction.clone(), organization.clone());
                assert_eq!(result.insert(key.clone(), *to), Some(*from), "changes a role it misread");
                keys.push(key);
            }
            OwnershipChange::Remove { direction, organization, role } => {
                let key = (direction.clone(), organization.clone());
                assert_eq!(result.remove(&key), Some(*role), "removes an absent owner");
                keys.push(key);
            }
        }
    }
    assert_eq!(result, table, "the changes do not give the file's table");
    assert!(keys.is_sorted_by(|a, b| a < b), "changes unsorted or repeated: {changes:?}");

    // Downloaded again, the table reads back as the same rows in the same order.
    let export: Vec<ExportRow> = rows
        .iter()
        .map(|row| ExportRow {
            direction: row.assignment.direction.clone(),
            direction_name: format!("={}", row.assignment.direction),
            organization: row.assignment.organization.clone(),
            organization_name: row.assignment.organization.clone(),
            role: row.assignment.role,
        })
        .collect();
    let again = parse_csv(&write_csv(&export)).unwrap_or_else(|p| panic!("own download refused: {p:?}"));
    let assignments = |rows: &[CsvRow]| rows.iter().map(|r| r.assignment.clone()).collect::<Vec<_>>();
    assert_eq!(assignments(&again), assignments(rows), "the download does not read back");
    let same = plan_changes(&context.current, &again, &context.directions, &context.organizations);
    assert_eq!(same.as_deref(), Ok(changes), "the download gives other changes");
    // And uploaded over the table it describes, it changes nothing.
    let stored: Vec<Assignment> = assignments(rows);
    let none = plan_changes(&stored, &again, &context.directions, &context.organizations);
    assert_eq!(none, Ok(vec![]), "uploading the current table changes it");
}
