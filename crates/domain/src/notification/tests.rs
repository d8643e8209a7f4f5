use std::collections::BTreeSet;

use chrono::TimeZone;
use uuid::Uuid;

use super::*;

const URL: &str = "https://nukumori.example.jp";
/// Text a person could type, with every character that is special in HTML.
const HOSTILE: &str = "<script>alert(\"x\")</script> & 'y'";
const HOSTILE_ESCAPED: &str = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("{y}-{m}-{d}"))
}

fn report_id() -> ReportId {
    ReportId(Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0001))
}

fn fy(year: i64) -> FiscalYear {
    FiscalYear::new(year).unwrap_or_else(|e| panic!("{e}"))
}

/// One notification of every kind (and of every form a kind takes), with `user` wherever
/// a person's text goes.
fn samples(user: &str) -> Vec<Notification> {
    let text = || user.to_owned();
    vec![
        Notification::PeriodOpened {
            plan_name: text(),
            period_label: "令和7年度 中間報告".into(),
            due_on: day(2025, 10, 31),
            report_count: 3,
        },
        Notification::DueSoon {
            days_left: 7,
            direction_code: "1-1-1".into(),
            direction_title: text(),
            period_label: "令和7年度 中間報告".into(),
            due_on: day(2026, 11, 27),
            report_id: report_id(),
        },
        Notification::DueSoon {
            days_left: 1,
            direction_code: "1-1-1".into(),
            direction_title: text(),
            period_label: "令和7年度 中間報告".into(),
            due_on: day(2026, 11, 27),
            report_id: report_id(),
        },
        Notification::Overdue {
            direction_code: "2-3-4".into(),
            direction_title: text(),
            organization_name: text(),
            period_label: "令和7年度 年度末報告".into(),
            due_on: day(2026, 4, 30),
            report_id: report_id(),
        },
        Notification::Submitted {
            direction_code: "3-3-3".into(),
            direction_title: text(),
            organization_name: text(),
            submitted_by: text(),
            report_id: report_id(),
            awaiting: SubmittedTo::Manager,
        },
        Notification::Submitted {
            direction_code: "3-3-3".into(),
            direction_title: text(),
            organization_name: text(),
            submitted_by: text(),
            report_id: report_id(),
            awaiting: SubmittedTo::Reviewers,
        },
        Notification::Returned {
            direction_code: "1-2-1".into(),
            direction_title: text(),
            period_label: "令和7年度 中間報告".into(),
            returned_by: text(),
            reason: text(),
            report_id: report_id(),
        },
        Notification::Accepted {
            direction_code: "1-2-1".into(),
            direction_title: text(),
            period_label: "令和7年度 中間報告".into(),
            accepted_by: text(),
            comment: Some(text()),
            report_id: report_id(),
        },
        Notification::Accepted {
            direction_code: "1-2-1".into(),
            direction_title: text(),
            period_label: "令和7年度 中間報告".into(),
            accepted_by: text(),
            comment: None,
            report_id: report_id(),
        },
        Notification::CommentAdded {
            direction_code: "2-1-2".into(),
            direction_title: text(),
            author: text(),
            excerpt: text(),
            report_id: report_id(),
        },
        Notification::EvaluationReady {
            plan_name: text(),
            plan_code: "omitama-3".into(),
            fiscal_year: fy(2025),
        },
        Notification::Invitation {
            invited_by: text(),
            organization_name: text(),
            token: "tok_abc-123".into(),
            expires_at: Utc.with_ymd_and_hms(2026, 4, 1, 8, 0, 0).single().unwrap_or_else(|| panic!("time")),
        },
    ]
}

/// The kind's tag; the match fails to compile when a kind is added, so that the
/// coverage test below is revisited.
fn kind(notification: &Notification) -> &'static str {
    match notification {
        Notification::PeriodOpened { .. } => "period_opened",
        Notification::DueSoon { .. } => "due_soon",
        Notification::Overdue { .. } => "overdue",
        Notification::Submitted { .. } => "submitted",
        Notification::Returned { .. } => "returned",
        Notification::Accepted { .. } => "accepted",
        Notification::CommentAdded { .. } => "comment_added",
        Notification::EvaluationReady { .. } => "evaluation_ready",
        Notification::Invitation { .. } => "invitation",
    }
}

const LANGUAGES: [Language; 2] = [Language::Ja, Language::En];

#[test]
fn the_samples_cover_every_kind() {
    let kinds: BTreeSet<_> = samples("x").iter().map(kind).collect();
    assert_eq!(kinds.len(), 9);
}

#[test]
fn every_kind_renders_in_both_languages() {
    for notification in samples("田中 花子") {
        for language in LANGUAGES {
            let mail = notification.render(language, URL);
            let prefix = if language == Language::Ja { "【ぬくもり】" } else { "[Nukumori] " };
            assert!(mail.subject.starts_with(prefix), "{}", mail.subject);
            assert!(mail.subject.chars().count() > prefix.chars().count() + 3, "{}", mail.subject);
            assert!(!mail.text.trim().is_empty());
            assert!(mail.html.starts_with("<!DOCTYPE html>"));
            assert!(mail.html.contains(&format!("<html lang=\"{}\">", language.tag())));
            assert!(mail.text.contains("田中 花子"), "{kind:?}: {}", mail.text, kind = kind(&notification));
        }
    }
}

#[test]
fn the_two_languages_differ() {
    for notification in samples("x") {
        let ja = notification.render(Language::Ja, URL);
        let en = notification.render(Language::En, URL);
        assert_ne!(ja.text, en.text);
        // Japanese mails are written in Japanese, English mails carry no Japanese of ours.
        assert!(ja.text.contains("ます。"), "{}", ja.text);
        assert!(!en.text.contains("ます"), "{}", en.text);
        assert!(!en.html.contains("ます"), "{}", en.html);
    }
}

#[test]
fn every_mail_links_into_the_web_app() {
    let expected = [
        format!("{URL}/reports"),
        format!("{URL}/reports/{}", report_id()),
        format!("{URL}/evaluations/omitama-3/2025"),
        format!("{URL}/invitations/tok_abc-123"),
    ];
    for notification in samples("x") {
        let link = notification.link(URL);
        assert!(expected.contains(&link), "{link}");
        for language in LANGUAGES {
            let mail = notification.render(language, URL);
            assert!(mail.text.contains(&link), "{}", mail.text);
            assert!(mail.html.contains(&format!("href=\"{}\"", escape_html(&link))), "{}", mail.html);
        }
    }
}

#[test]
fn links_by_kind() {
    let all = samples("x");
    let report = format!("{URL}/reports/{}", report_id());
    assert_eq!(all[0].link(URL), format!("{URL}/reports"));
    for notification in &all[1..10] {
        assert_eq!(notification.link(URL), report, "{}", kind(notification));
    }
    assert_eq!(all[10].link(URL), format!("{URL}/evaluations/omitama-3/2025"));
    assert_eq!(all[11].link(URL), format!("{URL}/invitations/tok_abc-123"));
}

#[test]
fn a_trailing_slash_in_the_public_url_makes_no_difference() {
    for notification in samples("x") {
        for language in LANGUAGES {
            assert_eq!(notification.render(language, URL), notification.render(language, &format!("{URL}/")));
        }
        let link = notification.link(&format!("{URL}/"));
        assert!(!link.trim_start_matches("https://").contains("//"), "{link}");
    }
    let digest = |url: &str| render_digest(&samples("x"), Language::Ja, url, day(2026, 11, 27));
    assert_eq!(digest(URL), digest(&format!("{URL}/")));
}

#[test]
fn text_a_person_typed_is_escaped_in_html_and_verbatim_in_text() {
    for notification in samples(HOSTILE) {
        for language in LANGUAGES {
            let mail = notification.render(language, URL);
            assert!(mail.text.contains(HOSTILE), "{}", mail.text);
            assert!(mail.html.contains(HOSTILE_ESCAPED), "{}", mail.html);
            assert!(!mail.html.contains("<script"), "{}", mail.html);
            assert!(!mail.html.contains("\"x\""), "{}", mail.html);
            assert!(!mail.html.contains("'y'"), "{}", mail.html);
        }
    }
    let digest = render_digest(&samples(HOSTILE), Language::En, URL, day(2026, 11, 27));
    assert!(digest.text.contains(HOSTILE));
    assert!(digest.html.contains(HOSTILE_ESCAPED));
    assert!(!digest.html.contains("<script"));
}

#[test]
fn the_subject_stays_on_one_line() {
    for notification in samples("一行目\r\nBcc: someone@example.com\n\t三行目") {
        for language in LANGUAGES {
            let subject = notification.render(language, URL).subject;
            assert!(!subject.chars().any(char::is_control), "{subject:?}");
            assert!(!subject.ends_with(' '), "{subject:?}");
        }
    }
    let subject = samples("田中\n花子")[9].render(Language::Ja, URL).subject;
    assert_eq!(subject, "【ぬくもり】田中 花子さんがコメントしました：2-1-2 田中 花子");
}

#[test]
fn multi_line_words_keep_their_lines() {
    let notification = Notification::Returned {
        direction_code: "1-2-1".into(),
        direction_title: "世代間交流の推進".into(),
        period_label: "令和7年度 中間報告".into(),
        returned_by: "佐藤".into(),
        reason: "実績の数値を追記してください。\n参加者数が未記入です。".into(),
        report_id: report_id(),
    };
    let mail = notification.render(Language::Ja, URL);
    assert!(
        mail.text.contains("差し戻しの理由：\n> 実績の数値を追記してください。\n> 参加者数が未記入です。\n")
    );
    assert!(mail.html.contains("実績の数値を追記してください。<br>\n参加者数が未記入です。"));
}

#[test]
fn link_segments_from_stored_text_are_percent_encoded() {
    let notification = Notification::Invitation {
        invited_by: "x".into(),
        organization_name: "x".into(),
        token: "a/b?c#d e".into(),
        expires_at: Utc.with_ymd_and_hms(2026, 4, 1, 8, 0, 0).single().unwrap_or_else(|| panic!("time")),
    };
    assert_eq!(notification.link(URL), format!("{URL}/invitations/a%2Fb%3Fc%23d%20e"));
    let evaluation = Notification::EvaluationReady {
        plan_name: "x".into(),
        plan_code: "第3次".into(),
        fiscal_year: fy(2025),
    };
    assert_eq!(evaluation.link(URL), format!("{URL}/evaluations/%E7%AC%AC3%E6%AC%A1/2025"));
}

#[test]
fn dates_and_fiscal_years_read_as_officials_write_them() {
    assert_eq!(date(Language::Ja, day(2026, 11, 27)), "2026年11月27日（金）");
    assert_eq!(date(Language::En, day(2026, 11, 27)), "27 Nov 2026");
    assert_eq!(date(Language::Ja, day(2026, 4, 5)), "2026年4月5日（日）");
    assert_eq!(fiscal_year_label(Language::Ja, fy(2025)), "2025年度（令和7年度）");
    assert_eq!(fiscal_year_label(Language::Ja, fy(2019)), "2019年度（令和元年度）");
    assert_eq!(fiscal_year_label(Language::En, fy(2025)), "FY2025");

    let due = &samples("x")[2];
    assert!(due.render(Language::Ja, URL).text.contains("2026年11月27日（金）"));
    assert!(due.render(Language::En, URL).text.contains("27 Nov 2026"));
    let evaluation = &samples("x")[10];
    assert!(evaluation.render(Language::Ja, URL).subject.contains("2025年度（令和7年度）"));
    assert!(evaluation.render(Language::En, URL).subject.contains("FY2025"));
}

#[test]
fn an_invitation_expires_in_japan_time() {
    // 08:00 UTC is 17:00 in Japan.
    let invitation = &samples("x")[11];
    assert!(invitation.render(Language::Ja, URL).text.contains("2026年4月1日（水）17:00"));
    assert!(invitation.render(Language::En, URL).text.contains("1 Apr 2026, 17:00 (Japan time)"));
}

#[test]
fn due_soon_says_how_soon() {
    let all = samples("学校や地域における福祉教育の充実");
    assert_eq!(
        all[1].render(Language::Ja, URL).subject,
        "【ぬくもり】提出期限まであと7日です：1-1-1 学校や地域における福祉教育の充実"
    );
    assert_eq!(
        all[2].render(Language::Ja, URL).subject,
        "【ぬくもり】提出期限は明日です：1-1-1 学校や地域における福祉教育の充実"
    );
    assert!(all[1].render(Language::En, URL).subject.starts_with("[Nukumori] Due in 7 days: 1-1-1"));
    assert!(all[2].render(Language::En, URL).subject.starts_with("[Nukumori] Due tomorrow: 1-1-1"));
}

#[test]
fn submitted_mails_ask_the_manager_and_the_reviewers_different_things() {
    let all = samples("x");
    let manager = all[4].render(Language::Ja, URL);
    let reviewers = all[5].render(Language::Ja, URL);
    assert!(manager.subject.contains("課長確認"));
    assert!(manager.text.contains("承認または差し戻し"));
    assert!(reviewers.text.contains("受理または差し戻し"));
}

#[test]
fn a_returned_report_carries_its_reason_and_an_accepted_one_its_comment() {
    let all = samples("ここを直してください");
    for language in LANGUAGES {
        assert!(all[6].render(language, URL).text.contains("> ここを直してください"));
        assert!(all[7].render(language, URL).text.contains("> ここを直してください"));
        assert!(!all[8].render(language, URL).text.contains("> "));
    }
    let blank = Notification::Accepted {
        direction_code: "1".into(),
        direction_title: "x".into(),
        period_label: "x".into(),
        accepted_by: "x".into(),
        comment: Some("  ".into()),
        report_id: report_id(),
    };
    assert!(!blank.render(Language::Ja, URL).text.contains("確認者からのコメント"));
}

#[test]
fn every_mail_but_an_invitation_says_where_to_change_the_settings() {
    let settings = format!("{URL}/account/notifications");
    for notification in samples("x") {
        for language in LANGUAGES {
            let mail = notification.render(language, URL);
            let has = mail.text.contains(&settings) && mail.html.contains(&settings);
            assert_eq!(has, !notification.bypasses_digest(), "{}", kind(&notification));
            assert!(mail.text.contains("\n-- \n"));
        }
    }
}

#[test]
fn comments_may_be_muted_and_invitations_never_wait() {
    for notification in samples("x") {
        assert_eq!(notification.is_comment(), kind(&notification) == "comment_added");
        assert_eq!(notification.bypasses_digest(), kind(&notification) == "invitation");
    }
}

#[test]
fn every_kind_survives_a_round_trip_through_serde() {
    for notification in samples(HOSTILE) {
        let value = toml::Value::try_from(&notification).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(value.get("kind").and_then(toml::Value::as_str), Some(kind(&notification)));
        let back: Notification = value.try_into().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back, notification);
    }
}

#[test]
fn a_digest_lists_every_item() {
    let items: Vec<Notification> =
        samples("x").into_iter().filter(|notification| !notification.bypasses_digest()).collect();
    for language in LANGUAGES {
        let digest = render_digest(&items, language, URL, day(2026, 11, 27));
        for (number, item) in items.iter().enumerate() {
            let single = item.render(language, URL);
            let headline =
                single.subject.trim_start_matches("【ぬくもり】").trim_start_matches("[Nukumori] ");
            assert!(digest.text.contains(&format!("{}. {headline}\n", number + 1)), "{}", digest.text);
            assert!(digest.html.contains(&escape_html(headline)), "{}", digest.html);
            assert!(digest.text.contains(&item.link(URL)));
            assert!(digest.html.contains(&format!("href=\"{}\"", item.link(URL))));
        }
        assert!(digest.text.contains(&format!("{URL}/account/notifications")));
        assert!(digest.html.contains(&format!("{URL}/account/notifications")));
    }
    let ja = render_digest(&items, Language::Ja, URL, day(2026, 11, 27));
    assert_eq!(ja.subject, "【ぬくもり】2026年11月27日（金）のお知らせ（11件）");
    let en = render_digest(&items[..1], Language::En, URL, day(2026, 11, 27));
    assert_eq!(en.subject, "[Nukumori] Daily digest for 27 Nov 2026: 1 notification");
}

#[test]
fn an_empty_digest_still_reads_well() {
    let digest = render_digest(&[], Language::Ja, URL, day(2026, 11, 27));
    assert!(digest.text.starts_with("2026年11月27日（金）のお知らせはありません。"));
    assert_eq!(digest.subject, "【ぬくもり】2026年11月27日（金）のお知らせ（0件）");
}

#[test]
fn escaping_covers_the_five_special_characters_and_nothing_else() {
    assert_eq!(escape_html("a&b<c>d\"e'f"), "a&amp;b&lt;c&gt;d&quot;e&#39;f");
    assert_eq!(escape_html("&amp;"), "&amp;amp;");
    assert_eq!(escape_html("施策の方向 1-1-1"), "施策の方向 1-1-1");
    assert_eq!(escape_html(""), "");
}
