//! The plan-file parser (`domain::plan_file::parse`) on arbitrary input.
//!
//! It must never panic. A refused file must give at least one problem, each with a line
//! and column inside the file, in file order, and messages that render in both languages.
//! An accepted file must satisfy everything docs/plan-file.md promises (codes well formed,
//! unique and under their parents, years in range and in the plan period, values the unit
//! admits, the baseline value being the baseline year's value, texts trimmed and bounded),
//! and the definition written back out as TOML must read back as the same definition.
#![no_main]

use std::collections::HashSet;

use domain::{
    code::NodeLevel,
    i18n::{Language, Localized},
    plan::{Bilingual, is_valid_indicator_code, is_valid_slug},
    plan_file::{MAX_TEXT_CHARS, PlanDefinition, PlanFileError, parse},
};
use libfuzzer_sys::fuzz_target;
use toml::{Table, Value};

fuzz_target!(|data: &[u8]| {
    // Plan files are read as UTF-8 text (`nukumori plan import`, the API's plan upload).
    let Ok(source) = std::str::from_utf8(data) else { return };
    match parse(source) {
        Ok(definition) => {
            check_accepted(&definition);
            let written = write(&definition);
            match parse(&written) {
                Ok(again) => assert_eq!(again, definition, "round trip changed the plan:\n{written}"),
                Err(error) => panic!("the plan written back was refused: {error}\n{written}"),
            }
        }
        Err(error) => check_refused(source, &error),
    }
});

fn check_refused(source: &str, error: &PlanFileError) {
    assert!(!error.problems.is_empty(), "refused without a problem");
    let lines = source.split('\n').count();
    for problem in &error.problems {
        assert!(
            (1..=lines).contains(&problem.line) && problem.column >= 1,
            "problem outside the file ({lines} lines): {problem:?}"
        );
        let line = source.split('\n').nth(problem.line - 1).unwrap_or_default();
        assert!(
            problem.column <= line.chars().count() + 1,
            "column past the end of line {}: {problem:?}",
            problem.line
        );
    }
    let order: Vec<_> = error.problems.iter().map(|p| (p.line, p.column)).collect();
    assert!(order.is_sorted(), "problems out of file order: {order:?}");
    for language in [Language::Ja, Language::En] {
        assert!(!error.localized(language).is_empty());
    }
}

fn check_text(text: &str) {
    assert!(!text.is_empty(), "empty text accepted");
    assert_eq!(text, text.trim(), "untrimmed text");
    assert!(text.chars().count() <= MAX_TEXT_CHARS, "over-long text accepted");
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n' && c != '\t'),
        "control character accepted: {text:?}"
    );
}

fn check_bilingual(text: &Bilingual) {
    check_text(&text.ja);
    check_text(&text.en);
}

fn check_accepted(definition: &PlanDefinition) {
    let plan = &definition.plan;
    assert!(is_valid_slug(&plan.code));
    check_bilingual(&plan.name);
    check_bilingual(&plan.philosophy);
    if let Some(slogan) = &plan.slogan {
        check_bilingual(slogan);
    }
    assert!(plan.start_fiscal_year <= plan.end_fiscal_year, "reversed plan period accepted");

    let mut organizations = HashSet::new();
    for organization in &definition.organizations {
        assert!(is_valid_slug(&organization.code));
        assert!(organizations.insert(organization.code.as_str()), "duplicate organisation");
        check_bilingual(&organization.name);
    }

    let goals: HashSet<_> = definition.goals.iter().map(|g| g.code.clone()).collect();
    let policies: HashSet<_> = definition.policies.iter().map(|p| p.code.clone()).collect();
    for (nodes, level) in [(&definition.goals, NodeLevel::Goal), (&definition.policies, NodeLevel::Policy)] {
        assert!(nodes.is_sorted_by(|a, b| a.code < b.code), "nodes unsorted or duplicated");
        for node in nodes {
            assert_eq!(node.code.level(), Some(level));
            check_bilingual(&node.name);
        }
    }
    for policy in &definition.policies {
        assert!(policy.code.parent().is_some_and(|goal| goals.contains(&goal)), "orphan policy");
    }
    assert!(definition.directions.is_sorted_by(|a, b| a.code < b.code), "directions unsorted");
    for direction in &definition.directions {
        assert_eq!(direction.code.level(), Some(NodeLevel::Direction));
        assert!(direction.code.parent().is_some_and(|p| policies.contains(&p)), "orphan direction");
        check_bilingual(&direction.name);
    }

    let mut indicators = HashSet::new();
    for indicator in &definition.indicators {
        assert!(is_valid_indicator_code(&indicator.code));
        assert!(indicators.insert(indicator.code.as_str()), "duplicate indicator");
        if let Some(goal) = &indicator.goal {
            assert!(goals.contains(goal), "indicator of an unknown goal");
        }
        if let Some(organization) = &indicator.source_organization {
            assert!(organizations.contains(organization.as_str()), "unknown source organisation");
        }
        check_bilingual(&indicator.name);
        check_bilingual(&indicator.source);
        if let Some(label) = &indicator.unit_label {
            check_bilingual(label);
        }
        let period = plan.start_fiscal_year..=plan.end_fiscal_year;
        assert!(period.contains(&indicator.target_fiscal_year), "target year outside the plan");
        assert!(indicator.unit.admits(indicator.target_value), "impossible target accepted");
        assert!(
            indicator.values.is_sorted_by(|a, b| a.fiscal_year < b.fiscal_year),
            "values unsorted or two for one year"
        );
        for value in &indicator.values {
            assert!(indicator.unit.admits(value.value), "impossible value accepted");
            for text in value.source.iter().chain(&value.note) {
                check_text(text);
            }
        }
        let baseline = indicator.values.iter().find(|v| v.fiscal_year == indicator.baseline_fiscal_year);
        assert_eq!(
            baseline.map(|v| v.value.to_bits()),
            Some(indicator.baseline_value.to_bits()),
            "the baseline value is not the baseline year's value"
        );
    }
}

/// The definition as a plan file, written with the toml crate's serializer.
fn write(definition: &PlanDefinition) -> String {
    fn text(table: &mut Table, key: &str, value: &str) {
        table.insert(key.to_owned(), Value::String(value.to_owned()));
    }
    fn bilingual(table: &mut Table, keys: (&str, &str), value: &Bilingual) {
        text(table, keys.0, &value.ja);
        text(table, keys.1, &value.en);
    }
    fn year(table: &mut Table, key: &str, year: domain::FiscalYear) {
        table.insert(key.to_owned(), Value::Integer(i64::from(year.year())));
    }
    let plan = &definition.plan;
    let mut header = Table::new();
    text(&mut header, "code", &plan.code);
    bilingual(&mut header, ("name_ja", "name_en"), &plan.name);
    year(&mut header, "start_fiscal_year", plan.start_fiscal_year);
    year(&mut header, "end_fiscal_year", plan.end_fiscal_year);
    bilingual(&mut header, ("philosophy_ja", "philosophy_en"), &plan.philosophy);
    if let Some(slogan) = &plan.slogan {
        bilingual(&mut header, ("slogan_ja", "slogan_en"), slogan);
    }

    let organizations = definition.organizations.iter().map(|o| {
        let mut t = Table::new();
        text(&mut t, "code", &o.code);
        text(&mut t, "kind", o.kind.as_str());
        bilingual(&mut t, ("name_ja", "name_en"), &o.name);
        t.insert("sample".into(), Value::Boolean(o.is_sample));
        Value::Table(t)
    });
    let nodes = |nodes: &[domain::plan_file::NodeDefinition]| -> Value {
        Value::Array(
            nodes
                .iter()
                .map(|n| {
                    let mut t = Table::new();
                    text(&mut t, "code", &n.code.to_string());
                    bilingual(&mut t, ("name_ja", "name_en"), &n.name);
                    Value::Table(t)
                })
                .collect(),
        )
    };
    let directions = definition.directions.iter().map(|d| {
        let mut t = Table::new();
        text(&mut t, "code", &d.code.to_string());
        bilingual(&mut t, ("name_ja", "name_en"), &d.name);
        t.insert("new".into(), Value::Boolean(d.is_new));
        Value::Table(t)
    });
    let indicators = definition.indicators.iter().map(|i| {
        let mut t = Table::new();
        text(&mut t, "code", &i.code);
        if let Some(goal) = &i.goal {
            text(&mut t, "goal", &goal.to_string());
        }
        bilingual(&mut t, ("name_ja", "name_en"), &i.name);
        text(&mut t, "unit", i.unit.as_str());
        if let Some(label) = &i.unit_label {
            bilingual(&mut t, ("unit_label_ja", "unit_label_en"), label);
        }
        year(&mut t, "baseline_fiscal_year", i.baseline_fiscal_year);
        t.insert("target_value".into(), Value::Float(i.target_value));
        year(&mut t, "target_fiscal_year", i.target_fiscal_year);
        bilingual(&mut t, ("source_ja", "source_en"), &i.source);
        if let Some(organization) = &i.source_organization {
            text(&mut t, "source_organization", organization);
        }
        let values = i.values.iter().map(|v| {
            let mut t = Table::new();
            year(&mut t, "fiscal_year", v.fiscal_year);
            t.insert("value".into(), Value::Float(v.value));
            if let Some(source) = &v.source {
                text(&mut t, "source", source);
            }
            if let Some(note) = &v.note {
                text(&mut t, "note", note);
            }
            Value::Table(t)
        });
        t.insert("values".into(), Value::Array(values.collect()));
        Value::Table(t)
    });

    let mut file = Table::new();
    file.insert("format_version".into(), Value::Integer(domain::plan_file::FORMAT_VERSION));
    file.insert("plan".into(), Value::Table(header));
    file.insert("organizations".into(), Value::Array(organizations.collect()));
    file.insert("goals".into(), nodes(&definition.goals));
    file.insert("policies".into(), nodes(&definition.policies));
    file.insert("directions".into(), Value::Array(directions.collect()));
    file.insert("indicators".into(), Value::Array(indicators.collect()));
    toml::to_string(&file).unwrap_or_else(|e| panic!("cannot write the plan as TOML: {e}"))
}
