use std::collections::{BTreeMap, HashMap, HashSet};

use proptest::prelude::*;

use super::*;

const HEADER: &str = "施策の方向コード,施策の方向,組織コード,組織名,役割";

fn code(text: &str) -> NodeCode {
    text.parse().expect("a valid code in the fixture")
}

fn assignment(direction: &str, organization: &str, role: OwnerRole) -> Assignment {
    Assignment { direction: code(direction), organization: organization.into(), role }
}

fn directions() -> HashSet<NodeCode> {
    ["1-1-1", "1-1-2", "1-2-1", "2-1-1", "3-3-2"].into_iter().map(code).collect()
}

fn organizations() -> HashMap<String, OrganizationKind> {
    [
        ("bousai", OrganizationKind::Department),
        ("kyoudou", OrganizationKind::Department),
        ("fukushi", OrganizationKind::Department),
        ("shakyo", OrganizationKind::Council),
        ("jimukyoku", OrganizationKind::PlanOffice),
        ("iinkai", OrganizationKind::Committee),
    ]
    .into_iter()
    .map(|(code, kind)| (code.to_owned(), kind))
    .collect()
}

/// The stored table the edits start from.
fn current() -> Vec<Assignment> {
    vec![
        assignment("1-1-1", "fukushi", OwnerRole::Lead),
        assignment("1-1-1", "shakyo", OwnerRole::CoOwner),
        assignment("1-1-2", "kyoudou", OwnerRole::Lead),
        assignment("3-3-2", "fukushi", OwnerRole::Lead),
        assignment("3-3-2", "shakyo", OwnerRole::CoOwner),
    ]
}

fn export(assignments: &[Assignment]) -> Vec<ExportRow> {
    assignments
        .iter()
        .map(|a| ExportRow {
            direction: a.direction.clone(),
            direction_name: format!("施策「{}」, 説明つき", a.direction),
            organization: a.organization.clone(),
            organization_name: format!("{}課", a.organization),
            role: a.role,
        })
        .collect()
}

fn rows(text: &str) -> Vec<CsvRow> {
    match parse_csv(text) {
        Ok(rows) => rows,
        Err(problems) => panic!("expected the file to be read, got {problems:?}"),
    }
}

fn problems(text: &str) -> Vec<CsvProblem> {
    match parse_csv(text) {
        Ok(rows) => panic!("expected the file to be refused, got {rows:?}"),
        Err(problems) => problems,
    }
}

fn plan_problems(text: &str) -> Vec<CsvProblem> {
    match plan_changes(&current(), &rows(text), &directions(), &organizations()) {
        Ok(changes) => panic!("expected the table to be refused, got {changes:?}"),
        Err(problems) => problems,
    }
}

fn assignments(rows: &[CsvRow]) -> Vec<Assignment> {
    rows.iter().map(|row| row.assignment.clone()).collect()
}

fn file(lines: &[&str]) -> String {
    let mut text = String::from("\u{feff}");
    for line in lines {
        text.push_str(line);
        text.push_str("\r\n");
    }
    text
}

#[test]
fn roles_read_both_languages_and_any_case() {
    for (text, role) in [
        ("LEAD", OwnerRole::Lead),
        (" lead ", OwnerRole::Lead),
        ("主担当", OwnerRole::Lead),
        ("CO_OWNER", OwnerRole::CoOwner),
        ("co_owner", OwnerRole::CoOwner),
        ("関係", OwnerRole::CoOwner),
        (" 関係課\t", OwnerRole::CoOwner),
    ] {
        assert_eq!(OwnerRole::parse(text), Some(role), "{text:?}");
    }
    for bad in ["", "lead owner", "副担当", "CO-OWNER", "主"] {
        assert_eq!(OwnerRole::parse(bad), None, "{bad:?}");
    }
    for role in OwnerRole::ALL {
        assert_eq!(OwnerRole::parse(role.as_str()), Some(role));
        assert_eq!(OwnerRole::parse(role.label(Language::Ja)), Some(role));
    }
    assert_eq!(OwnerRole::CoOwner.label(Language::En), "Co-owner");
    assert_eq!(OwnerRole::Lead.label(Language::Ja), "主担当");
}

#[test]
fn only_departments_and_the_council_own_directions() {
    assert!(may_own(OrganizationKind::Department));
    assert!(may_own(OrganizationKind::Council));
    assert!(!may_own(OrganizationKind::PlanOffice));
    assert!(!may_own(OrganizationKind::Committee));
}

#[test]
fn writes_what_excel_expects() {
    let text = write_csv(&export(&current()[..2]));
    assert!(text.starts_with("\u{feff}施策の方向コード,施策の方向,組織コード,組織名,役割\r\n"));
    assert!(text.contains("1-1-1,\"施策「1-1-1」, 説明つき\",fukushi,fukushi課,主担当\r\n"), "{text}");
    assert!(text.ends_with(",shakyo,shakyo課,関係課\r\n"), "{text}");
    assert_eq!(text.matches("\r\n").count(), 3);
    assert!(!text.replace("\r\n", "").contains('\n'));
}

#[test]
fn defuses_names_that_look_like_formulas() {
    let mut exported = export(&current()[..1]);
    exported[0].direction_name = "=HYPERLINK(\"http://evil.example\")".into();
    exported[0].organization_name = "@SUM(A1)".into();
    let text = write_csv(&exported);
    assert!(text.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\")\","), "{text}");
    assert!(text.contains(",'@SUM(A1),"), "{text}");
    assert_eq!(assignments(&rows(&text)), current()[..1]);
}

#[test]
fn reads_back_what_it_writes() {
    let text = write_csv(&export(&current()));
    let read = rows(&text);
    assert_eq!(assignments(&read), current());
    assert_eq!(read.iter().map(|row| row.line).collect::<Vec<_>>(), [2, 3, 4, 5, 6]);
}

#[test]
fn reads_an_excel_file_with_quoted_names_and_line_breaks() {
    // As Excel's 「CSV UTF-8」 saves it: a byte order mark, CRLF, quotes only where needed,
    // a line break inside a cell as a bare LF, and empty rows left over from editing.
    let text = "\u{feff}施策の方向コード,施策の方向,組織コード,組織名,役割\r\n\
                1-1-1,\"学校や地域における福祉教育の充実\n（再掲）\",fukushi,\"社会福祉課, 福祉部\",主担当\r\n\
                1-1-1,\"広報・\"\"啓発\"\"\",shakyo,社会福祉協議会,関係課\r\n\
                ,,,,\r\n\
                \"1-1-2\",地域福祉の広報,kyoudou,市民協働課,主担当\r\n\
                \r\n\
                \r\n";
    let read = rows(text);
    assert_eq!(
        assignments(&read),
        [
            assignment("1-1-1", "fukushi", OwnerRole::Lead),
            assignment("1-1-1", "shakyo", OwnerRole::CoOwner),
            assignment("1-1-2", "kyoudou", OwnerRole::Lead),
        ]
    );
    // The first record spans lines 2 and 3, so the next one starts on line 4.
    assert_eq!(read.iter().map(|row| row.line).collect::<Vec<_>>(), [2, 4, 6]);
}

#[test]
fn reads_english_headers_in_any_order_and_ignores_extra_columns() {
    let text = "Role,note,organization_code,DIRECTION_CODE\n\
                lead,,bousai,1-2-1\n\
                co_owner,\"sample, not real\",shakyo,1-2-1\n";
    assert_eq!(
        assignments(&rows(text)),
        [assignment("1-2-1", "bousai", OwnerRole::Lead), assignment("1-2-1", "shakyo", OwnerRole::CoOwner)]
    );
}

#[test]
fn reads_codes_that_clerks_protected_from_excel() {
    let text = file(&[HEADER, "=\"1-1-1\",,=\"fukushi\",,主担当", " 1-1-2 ,, kyoudou ,, 主担当 "]);
    assert_eq!(
        assignments(&rows(&text)),
        [assignment("1-1-1", "fukushi", OwnerRole::Lead), assignment("1-1-2", "kyoudou", OwnerRole::Lead)]
    );
}

#[test]
fn a_header_without_rows_is_an_empty_table() {
    assert_eq!(rows(&file(&[HEADER])), []);
}

#[test]
fn refuses_a_header_without_the_required_columns() {
    let found = problems(&file(&["施策の方向,組織コード,組織名,役割,役割", "1-1-1,fukushi,,主担当,主担当"]));
    assert_eq!(
        found,
        [
            CsvProblem { line: 1, kind: CsvProblemKind::DuplicateColumn { column: Column::Role } },
            CsvProblem { line: 1, kind: CsvProblemKind::MissingColumn { column: Column::DirectionCode } },
        ]
    );
    assert_eq!(found[1].localized(Language::Ja), "1行目: 見出しに「施策の方向コード」の列がありません");
    assert_eq!(found[1].localized(Language::En), "line 1: the header has no \"direction_code\" column");
}

#[test]
fn refuses_empty_files() {
    for text in ["", "\u{feff}", "\r\n\r\n", ",,,,\r\n"] {
        assert_eq!(problems(text), [CsvProblem { line: 1, kind: CsvProblemKind::Empty }], "{text:?}");
    }
}

#[test]
fn reports_every_problem_of_every_row_with_its_line() {
    let text = file(&[
        HEADER,
        "1-1,施策,fukushi,,主担当",
        "1-1-x,施策,fukushi,,主担当",
        "2001/1/2,施策,fukushi,,主担当",
        "1-1-1,施策,,,副担当",
        "1-1-2,施策,kyoudou,主担当",
        "1-1-2,施策,kyoudou,,",
        "2-1-1,施策,shakyo,,LEAD",
    ]);
    let found = problems(&text);
    let kinds = |line: usize| -> Vec<CsvProblemKind> {
        found.iter().filter(|p| p.line == line).map(|p| p.kind.clone()).collect()
    };
    assert_eq!(kinds(2), [CsvProblemKind::NotADirectionCode { value: "1-1".into() }]);
    assert_eq!(kinds(3), [CsvProblemKind::InvalidDirectionCode { value: "1-1-x".into() }]);
    assert_eq!(
        kinds(4),
        [CsvProblemKind::DirectionCodeAsDate { value: "2001/1/2".into(), probably: Some("1-1-2".into()) }]
    );
    assert_eq!(
        kinds(5),
        [CsvProblemKind::EmptyOrganization, CsvProblemKind::UnknownRole { value: "副担当".into() }]
    );
    assert_eq!(kinds(6), [CsvProblemKind::WrongFieldCount { expected: 5, found: 4 }]);
    assert_eq!(kinds(7), [CsvProblemKind::UnknownRole { value: String::new() }]);
    assert_eq!(kinds(8), []);
    assert_eq!(found.len(), 7);
    let messages: Vec<String> = found.iter().map(|p| p.localized(Language::Ja)).collect();
    assert!(
        messages[2].starts_with("4行目: 施策の方向コード \"2001/1/2\" が日付になっています。"),
        "{messages:?}"
    );
    assert!(messages[2].contains("\"1-1-2\""));
    assert!(messages[4].starts_with("5行目: 役割 \"副担当\" はありません"), "{messages:?}");
    assert_eq!(messages[6], "7行目: 役割が空です（主担当 または 関係課）");
    assert_eq!(found[5].localized(Language::En), "line 6: the row has 4 fields where the header has 5");
}

#[test]
fn refuses_shift_jis_once_at_the_first_line_that_is_not_utf8() {
    // 「主担当」 in Shift_JIS, as Excel's plain 「CSV (コンマ区切り)」 would save it.
    let mut bytes = file(&[HEADER, "1-1-1,,fukushi,,LEAD"]).into_bytes();
    bytes.extend_from_slice(
        b"1-1-2,,kyoudou,,\x8e\xe5\x92\x53\x93\x96\r\n1-2-1,,bousai,,\x8a\xd6\x8c\x57\r\n",
    );
    let found = parse_csv_bytes(&bytes).expect_err("Shift_JIS is refused");
    assert_eq!(found, [CsvProblem { line: 3, kind: CsvProblemKind::NotUtf8 }]);
    assert!(found[0].localized(Language::Ja).contains("CSV UTF-8"));
}

#[test]
fn counts_lines_for_every_kind_of_line_end() {
    for end in ["\n", "\r\n", "\r"] {
        let text = [HEADER, "", "1-1-1,,fukushi,,主担当", "1-1-2,,kyoudou,,補佐"].join(end);
        let found = problems(&text);
        assert_eq!(
            found,
            [CsvProblem { line: 4, kind: CsvProblemKind::UnknownRole { value: "補佐".into() } }]
        );
    }
}

#[test]
fn refuses_unknown_directions_and_organisations_and_owners_that_may_not_own() {
    let text = file(&[
        HEADER,
        "1-1-1,,fukushi,,主担当",
        "9-9-9,,bosai,,主担当",
        "1-1-2,,jimukyoku,,主担当",
        "1-2-1,,iinkai,,主担当",
    ]);
    let found = plan_problems(&text);
    assert_eq!(
        found,
        [
            CsvProblem { line: 3, kind: CsvProblemKind::UnknownDirection { code: "9-9-9".into() } },
            CsvProblem { line: 3, kind: CsvProblemKind::UnknownOrganization { code: "bosai".into() } },
            CsvProblem {
                line: 4,
                kind: CsvProblemKind::MayNotOwn {
                    code: "jimukyoku".into(),
                    kind: OrganizationKind::PlanOffice
                }
            },
            CsvProblem {
                line: 5,
                kind: CsvProblemKind::MayNotOwn { code: "iinkai".into(), kind: OrganizationKind::Committee }
            },
        ]
    );
    assert_eq!(found[1].localized(Language::Ja), "3行目: 組織コード \"bosai\" はありません");
    assert_eq!(found[1].localized(Language::En), "line 3: unknown organisation code \"bosai\"");
    assert_eq!(found[0].localized(Language::Ja), "3行目: 施策の方向 \"9-9-9\" はこの計画にありません");
    assert!(found[2].localized(Language::Ja).contains("事務局"));
    assert!(found[3].localized(Language::En).contains("the committee"));
}

#[test]
fn refuses_duplicates_second_leads_and_directions_without_a_lead() {
    let text = file(&[
        HEADER,
        "1-1-1,,fukushi,,主担当",
        "1-1-2,,shakyo,,関係課",
        "1-1-1,,kyoudou,,主担当",
        "1-1-2,,bousai,,関係課",
        "1-1-1,,fukushi,,関係課",
    ]);
    let found = plan_problems(&text);
    assert_eq!(
        found,
        [
            CsvProblem { line: 3, kind: CsvProblemKind::NoLead { direction: "1-1-2".into() } },
            CsvProblem {
                line: 4,
                kind: CsvProblemKind::SecondLead { direction: "1-1-1".into(), first_line: 2 }
            },
            CsvProblem {
                line: 6,
                kind: CsvProblemKind::DuplicateAssignment {
                    direction: "1-1-1".into(),
                    organization: "fukushi".into(),
                    first_line: 2,
                },
            },
        ]
    );
    assert_eq!(
        found[2].localized(Language::Ja),
        "6行目: 施策の方向 1-1-1 の組織 \"fukushi\" が重複しています（最初は2行目）"
    );
    assert_eq!(
        found[1].localized(Language::En),
        "line 4: direction 1-1-1 has a second lead (the first is on line 2)"
    );
    assert!(found[0].localized(Language::Ja).starts_with("3行目: 施策の方向 1-1-2 に主担当がありません"));
}

#[test]
fn an_unchanged_file_changes_nothing() {
    let text = write_csv(&export(&current()));
    assert_eq!(plan_changes(&current(), &rows(&text), &directions(), &organizations()), Ok(vec![]));
    // The order of the rows is not a change either.
    let mut reversed = current();
    reversed.reverse();
    let text = write_csv(&export(&reversed));
    assert_eq!(plan_changes(&current(), &rows(&text), &directions(), &organizations()), Ok(vec![]));
}

#[test]
fn an_edited_file_gives_the_smallest_changes_in_code_order() {
    // 3-3-2: the Council becomes the lead and welfare a co-owner. 1-1-2 loses its owner;
    // 2-1-1 gains two; 1-1-1 is unchanged.
    let text = file(&[
        HEADER,
        "3-3-2,,shakyo,,主担当",
        "3-3-2,,fukushi,,関係課",
        "2-1-1,,bousai,,主担当",
        "1-1-1,,shakyo,,関係課",
        "2-1-1,,kyoudou,,関係課",
        "1-1-1,,fukushi,,主担当",
    ]);
    let changes = plan_changes(&current(), &rows(&text), &directions(), &organizations());
    assert_eq!(
        changes,
        Ok(vec![
            OwnershipChange::Remove {
                direction: code("1-1-2"),
                organization: "kyoudou".into(),
                role: OwnerRole::Lead
            },
            OwnershipChange::Add {
                direction: code("2-1-1"),
                organization: "bousai".into(),
                role: OwnerRole::Lead
            },
            OwnershipChange::Add {
                direction: code("2-1-1"),
                organization: "kyoudou".into(),
                role: OwnerRole::CoOwner
            },
            OwnershipChange::ChangeRole {
                direction: code("3-3-2"),
                organization: "fukushi".into(),
                from: OwnerRole::Lead,
                to: OwnerRole::CoOwner,
            },
            OwnershipChange::ChangeRole {
                direction: code("3-3-2"),
                organization: "shakyo".into(),
                from: OwnerRole::CoOwner,
                to: OwnerRole::Lead,
            },
        ])
    );
}

#[test]
fn an_empty_table_removes_every_owner() {
    let changes = plan_changes(&current(), &rows(&file(&[HEADER])), &directions(), &organizations());
    let removed = changes.map(|changes| changes.len());
    assert_eq!(removed, Ok(current().len()));
}

#[test]
fn parsing_never_panics() {
    proptest!(|(bytes in prop::collection::vec(any::<u8>(), 0..400))| {
        let _ = parse_csv_bytes(&bytes);
    });
    proptest!(|(text in "\\PC{0,400}")| {
        let _ = parse_csv(&text);
    });
    // Near-valid files reach the row checks, which arbitrary text rarely does.
    let valid = write_csv(&export(&current()));
    proptest!(|(cut in 0usize..valid.len(), noise in "[,\"\r\n =a-z0-9/\u{3042}-]{0,12}")| {
        let mut text = valid.get(..cut).unwrap_or_default().to_owned();
        text.push_str(&noise);
        text.push_str(valid.get(cut..).unwrap_or_default());
        let _ = parse_csv(&text);
    });
}

/// Codes of a small plan (three goals of three policies of five directions) and a pool of
/// owning organisations, so that random tables collide and overlap.
const OWNERS: [&str; 6] = ["bousai", "kyoudou", "fukushi", "kourei", "kodomo", "shakyo"];

fn any_direction() -> impl Strategy<Value = NodeCode> {
    (1u16..=3, 1u16..=3, 1u16..=5).prop_map(|(g, p, d)| code(&format!("{g}-{p}-{d}")))
}

/// A valid table: each direction has distinct owners, one of them the lead.
fn any_table() -> impl Strategy<Value = Vec<Assignment>> {
    let owners = (prop::sample::subsequence(OWNERS.to_vec(), 1..=4), any::<prop::sample::Index>());
    prop::collection::btree_map(any_direction(), owners, 0..12).prop_flat_map(|table| {
        let assignments: Vec<Assignment> = table
            .into_iter()
            .flat_map(|(direction, (owners, lead))| {
                let lead = lead.index(owners.len());
                owners.into_iter().enumerate().map(move |(index, organization)| Assignment {
                    direction: direction.clone(),
                    organization: organization.to_owned(),
                    role: if index == lead { OwnerRole::Lead } else { OwnerRole::CoOwner },
                })
            })
            .collect();
        Just(assignments).prop_shuffle()
    })
}

fn all_directions() -> HashSet<NodeCode> {
    (1..=3)
        .flat_map(|g| (1..=3).flat_map(move |p| (1..=5).map(move |d| code(&format!("{g}-{p}-{d}")))))
        .collect()
}

fn owning_organizations() -> HashMap<String, OrganizationKind> {
    OWNERS
        .iter()
        .map(|&code| {
            let kind =
                if code == "shakyo" { OrganizationKind::Council } else { OrganizationKind::Department };
            (code.to_owned(), kind)
        })
        .collect()
}

fn apply(table: &[Assignment], changes: &[OwnershipChange]) -> BTreeMap<(NodeCode, String), OwnerRole> {
    let mut result: BTreeMap<(NodeCode, String), OwnerRole> =
        table.iter().map(|a| ((a.direction.clone(), a.organization.clone()), a.role)).collect();
    for change in changes {
        match change {
            OwnershipChange::Add { direction, organization, role } => {
                assert!(result.insert((direction.clone(), organization.clone()), *role).is_none());
            }
            OwnershipChange::ChangeRole { direction, organization, from, to } => {
                let key = (direction.clone(), organization.clone());
                assert_eq!(result.insert(key, *to), Some(*from));
            }
            OwnershipChange::Remove { direction, organization, role } => {
                assert_eq!(result.remove(&(direction.clone(), organization.clone())), Some(*role));
            }
        }
    }
    result
}

#[test]
fn a_downloaded_table_uploaded_again_changes_nothing() {
    let names = "(?:\\PC|[,\"\r\n\t=@+-]){0,16}";
    let strategy = any_table().prop_flat_map(move |table| {
        let count = table.len();
        (Just(table), prop::collection::vec((names, names), count))
    });
    proptest!(|((table, names) in strategy)| {
        let export: Vec<ExportRow> = table
            .iter()
            .zip(names)
            .map(|(a, (direction_name, organization_name))| ExportRow {
                direction: a.direction.clone(),
                direction_name,
                organization: a.organization.clone(),
                organization_name,
                role: a.role,
            })
            .collect();
        let read = parse_csv(&write_csv(&export));
        prop_assert_eq!(read.as_ref().map(|rows| assignments(rows)), Ok(table.clone()));
        let read = read.unwrap_or_default();
        let changes = plan_changes(&table, &read, &all_directions(), &owning_organizations());
        prop_assert_eq!(changes, Ok(vec![]));
    });
}

#[test]
fn the_changes_turn_one_table_into_the_other_and_no_more() {
    proptest!(|(before in any_table(), after in any_table())| {
        let rows: Vec<CsvRow> = after
            .iter()
            .enumerate()
            .map(|(index, assignment)| CsvRow { line: index + 2, assignment: assignment.clone() })
            .collect();
        let changes = plan_changes(&before, &rows, &all_directions(), &owning_organizations())
            .unwrap_or_else(|problems| panic!("a valid table was refused: {problems:?}"));
        let expected: BTreeMap<(NodeCode, String), OwnerRole> =
            after.iter().map(|a| ((a.direction.clone(), a.organization.clone()), a.role)).collect();
        prop_assert_eq!(apply(&before, &changes), expected);
        // Minimal: each pair is touched at most once, and only when it differs.
        let touched: HashSet<(NodeCode, String)> = changes
            .iter()
            .map(|change| match change {
                OwnershipChange::Add { direction, organization, .. }
                | OwnershipChange::ChangeRole { direction, organization, .. }
                | OwnershipChange::Remove { direction, organization, .. } => {
                    (direction.clone(), organization.clone())
                }
            })
            .collect();
        prop_assert_eq!(touched.len(), changes.len());
        let unchanged = before.iter().filter(|a| after.contains(a)).count();
        prop_assert_eq!(changes.len(), before.len() + after.len() - 2 * unchanged
            - changes.iter().filter(|c| matches!(c, OwnershipChange::ChangeRole { .. })).count());
        let mut sorted = changes.clone();
        sorted.sort_by_key(|change| match change {
            OwnershipChange::Add { direction, organization, .. }
            | OwnershipChange::ChangeRole { direction, organization, .. }
            | OwnershipChange::Remove { direction, organization, .. } => {
                (direction.clone(), organization.clone())
            }
        });
        prop_assert_eq!(sorted, changes);
    });
}
