use super::*;

fn complete() -> ReportContent {
    ReportContent {
        activities: vec![Activity {
            title: "福祉教育出前講座".into(),
            description: "市内小学校5校で実施".into(),
            actor: Some(ActivityActor::Joint),
            figures: vec![Figure {
                name: "参加児童数".into(),
                unit: "人".into(),
                planned: Some(300.0),
                actual: Some(342.0),
            }],
        }],
        results_summary: Some("計画を上回る参加があった。".into()),
        self_rating: Some(SelfRating::A),
        rating_reason: None,
        issues: Some("中学校への展開".into()),
        next_step: Some(NextStep::Expand),
        next_step_reason: Some("中学校でも実施する。".into()),
        indicator_ids: vec![],
    }
}

#[test]
fn a_complete_report_lacks_nothing() {
    assert_eq!(missing_for_submission(&complete()), []);
}

#[test]
fn an_empty_report_lacks_everything_required() {
    let missing = missing_for_submission(&ReportContent::default());
    assert_eq!(
        missing,
        [MissingPart::Activity, MissingPart::ResultsSummary, MissingPart::SelfRating, MissingPart::NextStep]
    );
    assert_eq!(missing[0].localized(Language::Ja), "取組を1件以上入力してください。");
}

#[test]
fn c_and_d_need_a_reason_and_blank_text_does_not_count() {
    for rating in [SelfRating::C, SelfRating::D] {
        let mut report = complete();
        report.self_rating = Some(rating);
        report.rating_reason = Some("   ".into());
        assert_eq!(missing_for_submission(&report), [MissingPart::RatingReason]);
        report.rating_reason = Some("人員不足のため".into());
        assert_eq!(missing_for_submission(&report), []);
    }
    let mut report = complete();
    report.activities[0].title = " ".into();
    assert_eq!(missing_for_submission(&report), [MissingPart::ActivityTitle { index: 0 }]);
}

#[test]
fn drafts_are_bounded() {
    let mut report = complete();
    report.results_summary = Some("あ".repeat(MAX_LONG_TEXT + 1));
    assert!(
        matches!(check_content(&report), Err(ContentProblem::TooLong { path, .. }) if path == "resultsSummary")
    );
    let mut report = complete();
    report.activities[0].figures[0].actual = Some(f64::NAN);
    let problem = check_content(&report).expect_err("NaN");
    assert_eq!(problem.path(), "activities[0].figures[0].actual");
    let mut report = complete();
    report.activities[0].title = "a\u{0}b".into();
    assert!(matches!(check_content(&report), Err(ContentProblem::ControlCharacters { .. })));
    let mut report = complete();
    report.activities = vec![report.activities[0].clone(); MAX_ACTIVITIES + 1];
    assert_eq!(check_content(&report), Err(ContentProblem::TooManyActivities));
    assert_eq!(check_content(&complete()), Ok(()));
}

#[test]
fn diffs_name_the_fields() {
    let before = complete();
    let mut after = before.clone();
    after.issues = Some("別の課題".into());
    after.activities[0].figures[0].actual = Some(350.0);
    assert_eq!(changed_fields(&before, &after), [ReportField::Activities, ReportField::Issues]);
    assert_eq!(changed_fields(&before, &before), []);
}

#[test]
fn unchanged_since_copy_ignores_empty_fields() {
    let copied = complete();
    let mut current = copied.clone();
    current.results_summary = Some("今年度の実績".into());
    let unchanged = unchanged_since_copy(&current, &copied);
    assert!(unchanged.contains(&ReportField::Activities));
    assert!(!unchanged.contains(&ReportField::ResultsSummary));
    assert!(!unchanged.contains(&ReportField::RatingReason), "empty in the copy: nothing to revisit");
}

#[test]
fn periods_are_checked() {
    let year = |y| FiscalYear::new(y).unwrap_or_else(|e| panic!("{e}"));
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("date"));
    let plan = (year(2021), year(2025));
    let year_end = PeriodKind::YearEnd;
    assert_eq!(check_period(plan, year(2025), year_end, date(2026, 4, 1), date(2026, 5, 31)), Ok(()));
    assert_eq!(
        check_period(plan, year(2026), year_end, date(2027, 4, 1), date(2027, 5, 31)),
        Err(PeriodProblem::OutsidePlan)
    );
    assert_eq!(
        check_period(plan, year(2025), year_end, date(2026, 5, 1), date(2026, 4, 1)),
        Err(PeriodProblem::DueBeforeOpening)
    );
    assert_eq!(
        check_period(plan, year(2025), year_end, date(2025, 3, 1), date(2026, 5, 31)),
        Err(PeriodProblem::OpensBeforeYear)
    );
    assert_eq!(PeriodProblem::OpensBeforeYear.field(), "opensOn");
    assert_eq!(
        check_period(plan, year(2025), year_end, date(2025, 4, 1), date(2027, 4, 1)),
        Err(PeriodProblem::DatesOutsideYear)
    );
    assert_eq!(PeriodProblem::DatesOutsideYear.field(), "dueOn");
    assert_eq!(
        check_period(plan, year(2025), PeriodKind::Quarter(5), date(2025, 7, 1), date(2025, 7, 31)),
        Err(PeriodProblem::InvalidQuarter)
    );
    assert_eq!(PeriodKind::Quarter(2).label(Language::Ja), "第2四半期");
    assert_eq!(PeriodKind::from_parts("QUARTER", 3), Some(PeriodKind::Quarter(3)));
    assert_eq!(PeriodKind::from_parts("QUARTER", 0), None);
}

#[test]
fn overdue_counts_in_japan_time() {
    let due = NaiveDate::from_ymd_opt(2026, 5, 31).unwrap_or_else(|| panic!("date"));
    // 31 May 15:30 UTC is already 1 June in Japan.
    let now = DateTime::parse_from_rfc3339("2026-05-31T15:30:00Z")
        .map(|d| d.with_timezone(&Utc))
        .unwrap_or_else(|e| panic!("{e}"));
    let today = today_in_japan(now);
    assert_eq!(today, NaiveDate::from_ymd_opt(2026, 6, 1).unwrap_or_else(|| panic!("date")));
    assert!(is_overdue(ReportStatus::Draft, due, today));
    assert!(is_overdue(ReportStatus::Returned, due, today));
    assert!(!is_overdue(ReportStatus::Submitted, due, today));
    assert!(!is_overdue(ReportStatus::Draft, due, due));
}

#[test]
fn names_round_trip() {
    for status in ReportStatus::ALL {
        assert_eq!(ReportStatus::parse(status.as_str()), Some(status));
    }
    for rating in SelfRating::ALL {
        assert_eq!(SelfRating::parse(rating.as_str()), Some(rating));
    }
    for step in NextStep::ALL {
        assert_eq!(NextStep::parse(step.as_str()), Some(step));
    }
    for field in ReportField::ALL {
        assert_eq!(ReportField::parse(field.api_name()), Some(field));
    }
}
