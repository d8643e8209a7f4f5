use super::*;

const MINIMAL: &str = r#"
format_version = 1

[plan]
code = "test-1"
name_ja = "テスト計画"
name_en = "Test plan"
start_fiscal_year = 2021
end_fiscal_year = 2025
philosophy_ja = "理念"
philosophy_en = "Philosophy"

[[organizations]]
code = "bousai"
kind = "department"
name_ja = "防災管理課"
name_en = "Disaster Management Division"

[[goals]]
code = "1"
name_ja = "目標"
name_en = "Goal"

[[policies]]
code = "1-1"
name_ja = "施策"
name_en = "Policy"

[[directions]]
code = "1-1-1"
name_ja = "方向"
name_en = "Direction"
new = true

[[indicators]]
code = "I1"
goal = "1"
name_ja = "指標"
name_en = "Indicator"
unit = "percent"
baseline_fiscal_year = 2020
target_value = 90.0
target_fiscal_year = 2025
source_ja = "アンケート調査"
source_en = "Resident survey"
source_organization = "bousai"
values = [{ fiscal_year = 2020, value = 85.3 }]
"#;

fn problems(source: &str) -> Vec<Problem> {
    match parse(source) {
        Ok(_) => panic!("expected the file to be refused"),
        Err(error) => error.problems,
    }
}

/// The minimal file with one line replaced; panics if the line is not there.
fn edited(from: &str, to: &str) -> String {
    assert!(MINIMAL.contains(from), "{from:?} not in the fixture");
    MINIMAL.replacen(from, to, 1)
}

fn line_of(source: &str, needle: &str) -> usize {
    source.lines().position(|l| l.contains(needle)).map_or(0, |i| i + 1)
}

#[test]
fn reads_a_minimal_plan() -> Result<(), PlanFileError> {
    let definition = parse(MINIMAL)?;
    assert_eq!(definition.plan.code, "test-1");
    assert_eq!(definition.directions.len(), 1);
    assert!(definition.directions[0].is_new);
    let indicator = &definition.indicators[0];
    assert_eq!(indicator.baseline_value, 85.3);
    assert_eq!(indicator.baseline_fiscal_year.year(), 2020);
    assert_eq!(indicator.source_organization.as_deref(), Some("bousai"));
    Ok(())
}

#[test]
fn names_the_line_of_a_duplicate_code() {
    let source = MINIMAL.replace(
        "[[indicators]]",
        "[[directions]]\ncode = \"1-1-1\"\nname_ja = \"重複\"\nname_en = \"Twice\"\n\n[[indicators]]",
    );
    let found = problems(&source);
    assert_eq!(found.len(), 1, "{found:?}");
    let first_line = line_of(&source, "code = \"1-1-1\"");
    assert!(matches!(
        &found[0].kind,
        ProblemKind::DuplicateCode { item: Item::Direction, code, first_line: f }
            if code == "1-1-1" && *f == first_line
    ));
    assert!(found[0].line > first_line);
}

#[test]
fn refuses_a_direction_under_a_missing_policy() {
    let source = edited("code = \"1-1-1\"", "code = \"1-4-1\"");
    let found = problems(&source);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].line, line_of(&source, "1-4-1"));
    assert!(matches!(&found[0].kind, ProblemKind::MissingParent { parent, .. } if parent == "1-4"));
    let message = found[0].localized(Language::En);
    assert!(message.contains("1-4-1") && message.contains("line"), "{message}");
    assert!(found[0].localized(Language::Ja).contains("行目"));
}

#[test]
fn refuses_a_target_year_outside_the_plan() {
    let source = edited("target_fiscal_year = 2025", "target_fiscal_year = 2030");
    let found = problems(&source);
    assert_eq!(found[0].line, line_of(&source, "target_fiscal_year"));
    assert!(matches!(found[0].kind, ProblemKind::TargetYearOutsidePlan { year: 2030, .. }));
}

#[test]
fn refuses_a_non_numeric_value_and_says_where() {
    let source = edited("value = 85.3", "value = \"85.3%\"");
    let found = problems(&source);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].line, line_of(&source, "85.3%"));
    assert!(matches!(&found[0].kind, ProblemKind::Syntax { .. }));
}

#[test]
fn refuses_unknown_keys_by_name() {
    let source = edited("new = true", "is_new = true");
    let found = problems(&source);
    assert!(matches!(&found[0].kind, ProblemKind::Syntax { message } if message.contains("is_new")));
    assert_eq!(found[0].line, line_of(&source, "is_new"));
}

#[test]
fn refuses_broken_toml() {
    let found = problems("format_version = 1\n[plan\n");
    assert_eq!(found[0].line, 2);
}

#[test]
fn reports_every_problem_at_once() {
    let source = edited("code = \"1-1\"", "code = \"1-1-1-1\"")
        .replace("value = 85.3", "value = 185.3")
        .replace("kind = \"department\"", "kind = \"ministry\"");
    let kinds: Vec<ProblemKind> = problems(&source).into_iter().map(|p| p.kind).collect();
    assert!(kinds.iter().any(|k| matches!(k, ProblemKind::InvalidCode { item: Item::Policy, .. })));
    assert!(kinds.iter().any(|k| matches!(k, ProblemKind::ValueNotAdmitted { .. })));
    assert!(kinds.iter().any(|k| matches!(k, ProblemKind::UnknownOrganizationKind { .. })));
    // The direction's policy was refused, so the direction has no parent either.
    assert!(kinds.iter().any(|k| matches!(k, ProblemKind::MissingParent { .. })));
}

#[test]
fn refuses_other_mistakes() {
    let cases = [
        ("format_version = 1", "format_version = 2"),
        ("code = \"test-1\"", "code = \"Test 1\""),
        ("end_fiscal_year = 2025", "end_fiscal_year = 2019"),
        ("name_en = \"Goal\"", "name_en = \"  \""),
        ("goal = \"1\"", "goal = \"7\""),
        ("source_organization = \"bousai\"", "source_organization = \"nowhere\""),
        ("unit = \"percent\"", "unit = \"yen\""),
        ("baseline_fiscal_year = 2020", "baseline_fiscal_year = 2019"),
        (
            "values = [{ fiscal_year = 2020, value = 85.3 }]",
            "values = [{ fiscal_year = 2020, value = 85.3 }, { fiscal_year = 2020, value = 1.0 }]",
        ),
        ("start_fiscal_year = 2021", "start_fiscal_year = 1900"),
        ("target_value = 90.0", "target_value = nan"),
        ("name_ja = \"方向\"", "name_ja = \"方\\u0007向\""),
        ("code = \"I1\"", "code = \"I 1\""),
    ];
    for (from, to) in cases {
        let source = edited(from, to);
        let found = problems(&source);
        let line = line_of(&source, to.lines().next().unwrap_or(to));
        assert!(
            found.iter().any(|p| p.line == line),
            "{to:?}: expected a problem on line {line}, got {found:?}"
        );
    }
}

#[test]
fn never_panics_on_arbitrary_input() {
    use proptest::prelude::*;
    proptest!(|(text in "\\PC{0,400}")| {
        let _ = parse(&text);
    });
    proptest!(|(cut in 0usize..MINIMAL.len())| {
        let _ = parse(MINIMAL.get(..cut).unwrap_or(""));
    });
}
