//! The e-mails the product sends: subject, plain text and HTML, in the recipient's
//! language (Japanese unless the person chose English).
//!
//! Rendering is pure so that every mail can be checked in tests without a mail server.
//! The application records a [`Notification`] in its outbox (serialised as JSON, tagged
//! by `kind`), and the sender renders it with [`Notification::render`]. A person who
//! chose a daily digest receives one mail that lists several notifications, rendered by
//! [`render_digest`]; invitations are never held back for a digest.
//!
//! Both parts of a mail are written from one description of its content, so the HTML
//! part never says something the text part does not. Everything a person typed (names,
//! titles, reasons, comments) is escaped in the HTML part, and the subject is kept on one
//! line. Mail clients are primitive, so the HTML is one column of paragraphs and lists
//! with inline styles only, and the link is also written out as an address.

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use serde::{Deserialize, Serialize};

use crate::{FiscalYear, i18n::Language, ids::ReportId, report::japan_time};

/// Whom a submitted report now waits for; it decides what the mail asks its reader to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubmittedTo {
    /// The writer's department manager, for the sign-off (課長確認).
    Manager,
    /// The reviewers: the plan office and the Council's coordinators.
    Reviewers,
}

/// Something that happened and that a person is told about by e-mail.
///
/// Texts that have a Japanese and an English form (direction titles, period labels) are
/// given in the recipient's language by whoever creates the notification, since a
/// notification is created for one recipient.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Notification {
    /// A reporting period opened; sent to the members of every organisation that reports.
    PeriodOpened {
        /// The plan, such as 第3次小美玉市地域福祉計画.
        plan_name: String,
        /// The period, as `ReportingPeriod::label` writes it (`令和7年度 中間報告`).
        period_label: String,
        /// When the reports are due (a calendar date in Japan).
        due_on: NaiveDate,
        /// How many reports the recipient's organisation is to write in this period.
        report_count: u32,
    },
    /// A report that is not submitted yet is due soon (7 days and 1 day before).
    DueSoon {
        /// Whole days until the due date: 1 is tomorrow, 0 is today.
        days_left: u32,
        /// The direction's code (`1-1-1`).
        direction_code: String,
        /// The direction's title.
        direction_title: String,
        /// The period, as `ReportingPeriod::label` writes it.
        period_label: String,
        /// The due date.
        due_on: NaiveDate,
        /// The report.
        report_id: ReportId,
    },
    /// A report is past its due date and not submitted; sent to the owner and their manager.
    Overdue {
        /// The direction's code.
        direction_code: String,
        /// The direction's title.
        direction_title: String,
        /// The organisation that owes the report (the manager may oversee several).
        organization_name: String,
        /// The period, as `ReportingPeriod::label` writes it.
        period_label: String,
        /// The due date that has passed.
        due_on: NaiveDate,
        /// The report.
        report_id: ReportId,
    },
    /// A report was submitted and waits for the recipient's decision.
    Submitted {
        /// The direction's code.
        direction_code: String,
        /// The direction's title.
        direction_title: String,
        /// The organisation that wrote the report.
        organization_name: String,
        /// The person who submitted it.
        submitted_by: String,
        /// The report.
        report_id: ReportId,
        /// Whether the manager or the reviewers decide next.
        awaiting: SubmittedTo,
    },
    /// A report was returned to its writers for revision.
    Returned {
        /// The direction's code.
        direction_code: String,
        /// The direction's title.
        direction_title: String,
        /// The period, as `ReportingPeriod::label` writes it.
        period_label: String,
        /// The person who returned it.
        returned_by: String,
        /// Why: what the writers are to change.
        reason: String,
        /// The report.
        report_id: ReportId,
    },
    /// A report was accepted by a reviewer.
    Accepted {
        /// The direction's code.
        direction_code: String,
        /// The direction's title.
        direction_title: String,
        /// The period, as `ReportingPeriod::label` writes it.
        period_label: String,
        /// The reviewer who accepted it.
        accepted_by: String,
        /// The reviewer's remark, if any.
        comment: Option<String>,
        /// The report.
        report_id: ReportId,
    },
    /// Someone commented on a report the recipient writes or reviews.
    CommentAdded {
        /// The direction's code.
        direction_code: String,
        /// The direction's title.
        direction_title: String,
        /// The person who commented.
        author: String,
        /// The beginning of the comment (the caller shortens it).
        excerpt: String,
        /// The report.
        report_id: ReportId,
    },
    /// The annual evaluation is ready for the expert committee.
    EvaluationReady {
        /// The plan's name.
        plan_name: String,
        /// The plan's code, as in the web app's addresses.
        plan_code: String,
        /// The fiscal year evaluated.
        fiscal_year: FiscalYear,
    },
    /// The plan office invites a person; the link sets their password once.
    Invitation {
        /// The person who sent the invitation.
        invited_by: String,
        /// The organisation the new account belongs to.
        organization_name: String,
        /// The one-time token, as it goes into the link (never the stored hash).
        token: String,
        /// When the link stops working.
        expires_at: DateTime<Utc>,
    },
}

/// A mail ready for the mailer: the subject and two alternative bodies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenderedMail {
    /// One line, starting with `【ぬくもり】` or `[Nukumori]`.
    pub subject: String,
    /// The plain-text body, lines separated by `\n`.
    pub text: String,
    /// The HTML body, a complete document.
    pub html: String,
}

/// The content of one mail, before it is written as text and as HTML.
struct Mail {
    /// The subject without the product prefix; also the item's heading in a digest.
    headline: String,
    /// What happened and what the reader is asked to do.
    paragraphs: Vec<String>,
    /// Label and value pairs: which report, which period, which date.
    facts: Vec<(&'static str, String)>,
    /// A person's own words (a reason, a comment), set apart from the product's words.
    quote: Option<(&'static str, String)>,
    /// The label of the link.
    action: &'static str,
    /// Where the link goes.
    link: String,
    /// Paragraphs after the link (the invitation's conditions).
    notes: Vec<String>,
    /// Why the person receives the mail; `None` when no notification setting applies.
    reason: Option<&'static str>,
}

impl Notification {
    /// The mail in the recipient's language. `public_url` is the web app's address, such
    /// as `https://nukumori.example.jp`; a trailing slash is tolerated.
    pub fn render(&self, language: Language, public_url: &str) -> RenderedMail {
        let base = base_url(public_url);
        let mail = self.mail(language, base);
        let subject = subject(language, &mail.headline);
        let mut text = String::new();
        write_text(&mut text, language, &mail);
        write_text_footer(&mut text, language, base, mail.reason);
        let mut html = String::new();
        write_html_body(&mut html, language, &mail);
        write_html_footer(&mut html, language, base, mail.reason);
        RenderedMail { html: html_document(language, &subject, &html), subject, text }
    }

    /// The page of the web app that the mail links to.
    pub fn link(&self, public_url: &str) -> String {
        let base = base_url(public_url);
        match self {
            Self::PeriodOpened { .. } => format!("{base}/reports"),
            Self::DueSoon { report_id, .. }
            | Self::Overdue { report_id, .. }
            | Self::Submitted { report_id, .. }
            | Self::Returned { report_id, .. }
            | Self::Accepted { report_id, .. }
            | Self::CommentAdded { report_id, .. } => format!("{base}/reports/{report_id}"),
            Self::EvaluationReady { plan_code, fiscal_year, .. } => {
                format!("{base}/evaluations/{}/{}", path_segment(plan_code), fiscal_year.year())
            }
            Self::Invitation { token, .. } => format!("{base}/invitations/{}", path_segment(token)),
        }
    }

    /// Whether this is a comment mail, which a person may mute while keeping the others.
    pub fn is_comment(&self) -> bool {
        matches!(self, Self::CommentAdded { .. })
    }

    /// Whether the mail goes out at once even to a person who chose a daily digest: an
    /// invitation's link is for one person and expires, and the invitee has no settings yet.
    pub fn bypasses_digest(&self) -> bool {
        matches!(self, Self::Invitation { .. })
    }

    fn mail(&self, language: Language, base: &str) -> Mail {
        let ja = language == Language::Ja;
        let link = self.link(base);
        match self {
            Self::PeriodOpened { plan_name, period_label, due_on, report_count } => Mail {
                headline: if ja {
                    format!("{period_label}の受付を開始しました")
                } else {
                    format!("{period_label}: reporting is open")
                },
                paragraphs: vec![if ja {
                    format!(
                        "{plan_name}の{period_label}の受付を開始しました。担当されている施策の方向について、\
                         提出期限の{}までに報告の作成・提出をお願いいたします。",
                        date(language, *due_on)
                    )
                } else {
                    format!(
                        "Reporting for {period_label} of {plan_name} is now open. Please write and submit \
                         the reports on the policy directions your organisation owns by {}.",
                        date(language, *due_on)
                    )
                }],
                facts: vec![
                    (if ja { "計画" } else { "Plan" }, plan_name.clone()),
                    period_fact(language, period_label),
                    due_fact(language, *due_on),
                    if ja {
                        ("作成する報告", format!("{report_count}件"))
                    } else {
                        ("Reports to write", count(*report_count, "report", "reports"))
                    },
                ],
                quote: None,
                action: if ja { "報告の一覧を開く" } else { "Open your reports" },
                link,
                notes: vec![],
                reason: Some(if ja {
                    "このメールは、報告を担当する組織のメンバーとして登録されている方にお送りしています。"
                } else {
                    "You receive this e-mail because you belong to an organisation that reports on the plan."
                }),
            },
            Self::DueSoon { days_left, direction_code, direction_title, period_label, due_on, .. } => {
                let when = match *days_left {
                    0 => "today".to_owned(),
                    1 => "tomorrow".to_owned(),
                    n => format!("in {n} days"),
                };
                Mail {
                    headline: match (*days_left, ja) {
                        (0, true) => format!("提出期限は本日です：{direction_code} {direction_title}"),
                        (1, true) => format!("提出期限は明日です：{direction_code} {direction_title}"),
                        (n, true) => format!("提出期限まであと{n}日です：{direction_code} {direction_title}"),
                        (_, false) => format!("Due {when}: {direction_code} {direction_title}"),
                    },
                    // The date itself is in the list below: written inside this sentence, its
                    // weekday's parentheses would nest in other parentheses.
                    paragraphs: vec![if ja {
                        let soon = match *days_left {
                            0 => "次の報告の提出期限は本日です。".to_owned(),
                            1 => "次の報告の提出期限は明日です。".to_owned(),
                            n => format!("次の報告の提出期限まで、あと{n}日です。"),
                        };
                        format!("{soon}まだ提出されていない場合は、期限までに提出をお願いいたします。")
                    } else {
                        format!(
                            "The report below is due {when}, on {}. If it has not been submitted yet, please \
                             submit it by then.",
                            date(language, *due_on)
                        )
                    }],
                    facts: vec![
                        direction_fact(language, direction_code, direction_title),
                        period_fact(language, period_label),
                        due_fact(language, *due_on),
                    ],
                    quote: None,
                    action: if ja { "報告を開く" } else { "Open the report" },
                    link,
                    notes: vec![],
                    reason: Some(owner_reason(language)),
                }
            }
            Self::Overdue {
                direction_code,
                direction_title,
                organization_name,
                period_label,
                due_on,
                ..
            } => Mail {
                headline: if ja {
                    format!(
                        "提出期限を過ぎています：{direction_code} {direction_title}（{organization_name}）"
                    )
                } else {
                    format!("Overdue: {direction_code} {direction_title} ({organization_name})")
                },
                paragraphs: vec![if ja {
                    format!(
                        "{organization_name}が担当する次の報告は、提出期限の{}を過ぎていますが、\
                         まだ提出されていません。至急ご確認のうえ、提出をお願いいたします。\
                         提出が遅れている事情がある場合は、事務局までご相談ください。",
                        date(language, *due_on)
                    )
                } else {
                    format!(
                        "The report below, owed by {organization_name}, was due on {} and has not been \
                         submitted yet. Please see to it as soon as possible. If something prevents it, \
                         please contact the plan office.",
                        date(language, *due_on)
                    )
                }],
                facts: vec![
                    direction_fact(language, direction_code, direction_title),
                    organization_fact(language, organization_name),
                    period_fact(language, period_label),
                    due_fact(language, *due_on),
                ],
                quote: None,
                action: if ja { "報告を開く" } else { "Open the report" },
                link,
                notes: vec![],
                reason: Some(if ja {
                    "このメールは、この報告を担当する組織のメンバーおよび所属長の方にお送りしています。"
                } else {
                    "You receive this e-mail because you belong to, or manage, the organisation that owes \
                     this report."
                }),
            },
            Self::Submitted {
                direction_code,
                direction_title,
                organization_name,
                submitted_by,
                awaiting,
                ..
            } => Mail {
                headline: match (awaiting, ja) {
                    (SubmittedTo::Manager, true) => {
                        format!("課長確認のお願い：{direction_code} {direction_title}")
                    }
                    (SubmittedTo::Reviewers, true) => {
                        format!(
                            "報告が提出されました：{direction_code} {direction_title}（{organization_name}）"
                        )
                    }
                    (SubmittedTo::Manager, false) => {
                        format!("Please sign off: {direction_code} {direction_title}")
                    }
                    (SubmittedTo::Reviewers, false) => {
                        format!("Report submitted: {direction_code} {direction_title} ({organization_name})")
                    }
                },
                paragraphs: vec![match (awaiting, ja) {
                    (SubmittedTo::Manager, true) => format!(
                        "{submitted_by}さんが次の報告を提出しました。内容をご確認のうえ、\
                         承認または差し戻しをお願いいたします。"
                    ),
                    (SubmittedTo::Reviewers, true) => format!(
                        "{organization_name}から次の報告が提出されました。内容をご確認のうえ、\
                         受理または差し戻しをお願いいたします。"
                    ),
                    (SubmittedTo::Manager, false) => format!(
                        "{submitted_by} has submitted the report below. Please review it, then approve it \
                         or return it for revision."
                    ),
                    (SubmittedTo::Reviewers, false) => format!(
                        "{organization_name} has submitted the report below. Please review it, then accept \
                         it or return it for revision."
                    ),
                }],
                facts: vec![
                    direction_fact(language, direction_code, direction_title),
                    organization_fact(language, organization_name),
                    (if ja { "提出者" } else { "Submitted by" }, submitted_by.clone()),
                ],
                quote: None,
                action: if ja { "報告を確認する" } else { "Review the report" },
                link,
                notes: vec![],
                reason: Some(match (awaiting, ja) {
                    (SubmittedTo::Manager, true) => {
                        "このメールは、報告を担当する組織の所属長（課長確認を行う方）にお送りしています。"
                    }
                    (SubmittedTo::Reviewers, true) => {
                        "このメールは、報告を確認する担当者（事務局・社会福祉協議会）の方にお送りしています。"
                    }
                    (SubmittedTo::Manager, false) => {
                        "You receive this e-mail because you manage the organisation that wrote this report."
                    }
                    (SubmittedTo::Reviewers, false) => {
                        "You receive this e-mail because you review reports for the plan office or the \
                         Council of Social Welfare."
                    }
                }),
            },
            Self::Returned { direction_code, direction_title, period_label, returned_by, reason, .. } => {
                Mail {
                    headline: if ja {
                        format!("報告が差し戻されました：{direction_code} {direction_title}")
                    } else {
                        format!("Returned for revision: {direction_code} {direction_title}")
                    },
                    paragraphs: vec![if ja {
                        format!(
                            "次の報告が{returned_by}さんから差し戻されました。理由をご確認のうえ、\
                         修正して再度ご提出をお願いいたします。"
                        )
                    } else {
                        format!(
                            "{returned_by} has returned the report below. Please read the reason, revise the \
                         report and submit it again."
                        )
                    }],
                    facts: vec![
                        direction_fact(language, direction_code, direction_title),
                        period_fact(language, period_label),
                        (if ja { "確認者" } else { "Returned by" }, returned_by.clone()),
                    ],
                    quote: Some((if ja { "差し戻しの理由" } else { "Reason" }, reason.clone())),
                    action: if ja { "報告を修正する" } else { "Revise the report" },
                    link,
                    notes: vec![],
                    reason: Some(owner_reason(language)),
                }
            }
            Self::Accepted {
                direction_code, direction_title, period_label, accepted_by, comment, ..
            } => Mail {
                headline: if ja {
                    format!("報告が受理されました：{direction_code} {direction_title}")
                } else {
                    format!("Report accepted: {direction_code} {direction_title}")
                },
                paragraphs: vec![if ja {
                    format!("次の報告が{accepted_by}さんにより受理されました。ご対応ありがとうございました。")
                } else {
                    format!("{accepted_by} has accepted the report below. Thank you for your work.")
                }],
                facts: vec![
                    direction_fact(language, direction_code, direction_title),
                    period_fact(language, period_label),
                    (if ja { "確認者" } else { "Accepted by" }, accepted_by.clone()),
                ],
                // A blank remark is no remark: an empty box would look like a lost message.
                quote: comment
                    .as_ref()
                    .filter(|c| !c.trim().is_empty())
                    .map(|c| (if ja { "確認者からのコメント" } else { "Reviewer's comment" }, c.clone())),
                action: if ja { "報告を開く" } else { "Open the report" },
                link,
                notes: vec![],
                reason: Some(owner_reason(language)),
            },
            Self::CommentAdded { direction_code, direction_title, author, excerpt, .. } => Mail {
                headline: if ja {
                    format!("{author}さんがコメントしました：{direction_code} {direction_title}")
                } else {
                    format!("New comment from {author}: {direction_code} {direction_title}")
                },
                paragraphs: vec![if ja {
                    format!("次の報告に、{author}さんからコメントがありました。")
                } else {
                    format!("{author} has commented on the report below.")
                }],
                facts: vec![
                    direction_fact(language, direction_code, direction_title),
                    (if ja { "投稿者" } else { "From" }, author.clone()),
                ],
                quote: Some((if ja { "コメント（抜粋）" } else { "Comment (excerpt)" }, excerpt.clone())),
                action: if ja { "コメントを見る" } else { "Read the comment" },
                link,
                notes: vec![],
                reason: Some(if ja {
                    "このメールは、この報告の作成または確認に関わっている方にお送りしています。\
                     コメントの通知だけを停止することもできます。"
                } else {
                    "You receive this e-mail because you write or review this report. You may mute comment \
                     e-mails alone."
                }),
            },
            Self::EvaluationReady { plan_name, fiscal_year, .. } => {
                let year = fiscal_year_label(language, *fiscal_year);
                Mail {
                    headline: if ja {
                        format!("{year}の年度評価のご確認をお願いします")
                    } else {
                        format!("The {year} annual evaluation is ready for the committee")
                    },
                    paragraphs: vec![if ja {
                        format!(
                            "{plan_name}の{year}の年度評価がまとまりました。\
                             内容をご確認のうえ、ご意見をお寄せくださいますようお願いいたします。"
                        )
                    } else {
                        format!(
                            "The annual evaluation of {plan_name} for {year} is ready. Please read it and \
                             give the committee's opinions."
                        )
                    }],
                    facts: vec![
                        (if ja { "計画" } else { "Plan" }, plan_name.clone()),
                        (if ja { "対象年度" } else { "Fiscal year" }, year.clone()),
                    ],
                    quote: None,
                    action: if ja { "年度評価を開く" } else { "Open the evaluation" },
                    link,
                    notes: vec![],
                    reason: Some(if ja {
                        "このメールは、地域福祉計画推進委員会の委員および事務局の方にお送りしています。"
                    } else {
                        "You receive this e-mail because you sit on the community welfare plan committee or \
                         work in the plan office."
                    }),
                }
            }
            Self::Invitation { invited_by, organization_name, expires_at, .. } => Mail {
                headline: if ja {
                    "アカウント登録のご案内".to_owned()
                } else {
                    "You are invited to Nukumori".to_owned()
                },
                paragraphs: vec![if ja {
                    format!(
                        "{invited_by}さんから、ぬくもり（地域福祉計画 進捗管理システム）へ招待されました。\
                         下のボタンからパスワードを設定すると、{organization_name}の一員として利用を開始できます。"
                    )
                } else {
                    format!(
                        "{invited_by} has invited you to Nukumori, the progress-management system of the \
                         community welfare plan. Set your password with the button below to start working \
                         as a member of {organization_name}."
                    )
                }],
                facts: vec![
                    (if ja { "所属" } else { "Organisation" }, organization_name.clone()),
                    (if ja { "招待者" } else { "Invited by" }, invited_by.clone()),
                    (if ja { "有効期限" } else { "Link valid until" }, date_time(language, *expires_at)),
                ],
                quote: None,
                action: if ja { "パスワードを設定する" } else { "Set your password" },
                link,
                notes: vec![
                    if ja {
                        "このリンクは一度だけ使用できます。有効期限を過ぎた場合は、\
                         事務局に再度の招待をご依頼ください。このメールは他の方に転送しないでください。"
                            .to_owned()
                    } else {
                        "The link works once, and only until the time above. If it has expired, ask the \
                         plan office to invite you again. Please do not forward this e-mail."
                            .to_owned()
                    },
                    if ja {
                        "お心当たりのない場合は、このメールを破棄してください。".to_owned()
                    } else {
                        "If you did not expect this invitation, please ignore this e-mail.".to_owned()
                    },
                ],
                // The invitee has no account yet, hence no notification settings to point at.
                reason: None,
            },
        }
    }
}

/// One mail that lists several notifications, for a person who chose a daily digest.
/// `date_covered` is the day the digest covers. Invitations are sent at once (see
/// [`Notification::bypasses_digest`]); one given here is listed like the others.
pub fn render_digest(
    items: &[Notification],
    language: Language,
    public_url: &str,
    date_covered: NaiveDate,
) -> RenderedMail {
    let ja = language == Language::Ja;
    let base = base_url(public_url);
    let day = date(language, date_covered);
    let n = u32::try_from(items.len()).unwrap_or(u32::MAX);
    let headline = if ja {
        format!("{day}のお知らせ（{n}件）")
    } else {
        format!("Daily digest for {day}: {}", count(n, "notification", "notifications"))
    };
    let intro = match (items.is_empty(), ja) {
        (true, true) => format!("{day}のお知らせはありません。"),
        (false, true) => {
            format!("{day}のお知らせが{n}件あります。ご設定に従い、1日分をまとめてお送りします。")
        }
        (true, false) => format!("There were no notifications for you on {day}."),
        (false, false) => format!(
            "Here {} for {day}, collected into one e-mail as your settings ask.",
            if n == 1 { "is your 1 notification".to_owned() } else { format!("are your {n} notifications") }
        ),
    };
    let mails: Vec<Mail> = items.iter().map(|item| item.mail(language, base)).collect();
    let reason = Some(if ja {
        "このメールは、通知を1日1回まとめて受け取る設定にしている方にお送りしています。"
    } else {
        "You receive this e-mail because you chose to get your notifications once a day."
    });

    let mut text = format!("{intro}\n");
    for (number, mail) in mails.iter().enumerate() {
        text.push_str(&format!("\n{}. {}\n", number + 1, mail.headline));
        write_text_facts(&mut text, language, &mail.facts, "   ");
        if let Some(quote) = &mail.quote {
            write_text_quote(&mut text, language, quote, "   ");
        }
        text.push_str(&format!("   {}\n", mail.link));
    }
    write_text_footer(&mut text, language, base, reason);

    let mut html = paragraph(&intro);
    for (number, mail) in mails.iter().enumerate() {
        html.push_str(&format!(
            "<p style=\"{HEADING_STYLE}\">{}. {}</p>\n",
            number + 1,
            escape_html(&mail.headline)
        ));
        write_html_facts(&mut html, language, &mail.facts);
        if let Some(quote) = &mail.quote {
            write_html_quote(&mut html, quote);
        }
        html.push_str(&format!(
            "<p style=\"{PARAGRAPH_STYLE}\"><a href=\"{}\" style=\"{LINK_STYLE}\">{}</a></p>\n",
            escape_html(&mail.link),
            escape_html(mail.action)
        ));
    }
    write_html_footer(&mut html, language, base, reason);

    let subject = subject(language, &headline);
    RenderedMail { html: html_document(language, &subject, &html), subject, text }
}

/// The page where a person chooses immediate mails or a daily digest and mutes comments.
fn settings_link(base: &str) -> String {
    format!("{base}/account/notifications")
}

/// The address without a trailing slash, so that links never hold `//`.
fn base_url(public_url: &str) -> &str {
    public_url.trim().trim_end_matches('/')
}

/// Percent-encodes a path segment built from stored text (a plan code, a token), so that
/// a `/`, `?` or `#` in it cannot send the link to another page.
fn path_segment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Escapes the five characters that are special in HTML text and in quoted attributes.
fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The subject line. Control characters in user text (a line break in a title) become
/// spaces, since a header is one line and a raw line break could forge another header.
fn subject(language: Language, headline: &str) -> String {
    let prefix = match language {
        Language::Ja => "【ぬくもり】",
        Language::En => "[Nukumori] ",
    };
    let mut line = String::from(prefix);
    let mut last_was_space = true;
    for c in headline.chars() {
        if c.is_control() || c == ' ' {
            if !last_was_space {
                line.push(' ');
            }
            last_was_space = true;
        } else {
            line.push(c);
            last_was_space = false;
        }
    }
    line.trim_end().to_owned()
}

/// `2026年11月27日（金）` or `27 Nov 2026`.
fn date(language: Language, day: NaiveDate) -> String {
    const WEEKDAYS: [&str; 7] = ["月", "火", "水", "木", "金", "土", "日"];
    const MONTHS: [&str; 12] =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    match language {
        Language::Ja => format!(
            "{}年{}月{}日（{}）",
            day.year(),
            day.month(),
            day.day(),
            WEEKDAYS[day.weekday().num_days_from_monday() as usize]
        ),
        Language::En => format!("{} {} {}", day.day(), MONTHS[day.month0() as usize], day.year()),
    }
}

/// A moment in Japan time, where every recipient works: `2026年4月1日（水）17:00` or
/// `1 Apr 2026, 17:00 (Japan time)`.
fn date_time(language: Language, moment: DateTime<Utc>) -> String {
    let local = moment.with_timezone(&japan_time());
    let (hour, minute) = (local.hour(), local.minute());
    match language {
        Language::Ja => format!("{}{hour}:{minute:02}", date(language, local.date_naive())),
        Language::En => format!("{}, {hour}:{minute:02} (Japan time)", date(language, local.date_naive())),
    }
}

/// `2025年度（令和7年度）` or `FY2025`: officials read both the Western and the era year.
fn fiscal_year_label(language: Language, year: FiscalYear) -> String {
    match language {
        Language::Ja => format!("{}年度（{}）", year.year(), year.label(language)),
        Language::En => year.to_string(),
    }
}

/// `1 report`, `3 reports`.
fn count(n: u32, one: &str, many: &str) -> String {
    if n == 1 { format!("1 {one}") } else { format!("{n} {many}") }
}

fn direction_fact(language: Language, code: &str, title: &str) -> (&'static str, String) {
    let label = if language == Language::Ja { "施策の方向" } else { "Policy direction" };
    (label, format!("{code} {title}"))
}

fn period_fact(language: Language, period_label: &str) -> (&'static str, String) {
    (if language == Language::Ja { "報告期間" } else { "Reporting period" }, period_label.to_owned())
}

fn due_fact(language: Language, due_on: NaiveDate) -> (&'static str, String) {
    (if language == Language::Ja { "提出期限" } else { "Due" }, date(language, due_on))
}

fn organization_fact(language: Language, name: &str) -> (&'static str, String) {
    (if language == Language::Ja { "担当組織" } else { "Organisation" }, name.to_owned())
}

fn owner_reason(language: Language) -> &'static str {
    match language {
        Language::Ja => {
            "このメールは、この報告を担当する組織のメンバーとして登録されている方にお送りしています。"
        }
        Language::En => {
            "You receive this e-mail because you belong to the organisation that writes this report."
        }
    }
}

fn write_text(out: &mut String, language: Language, mail: &Mail) {
    for paragraph in &mail.paragraphs {
        out.push_str(&format!("{paragraph}\n\n"));
    }
    write_text_facts(out, language, &mail.facts, "");
    if let Some(quote) = &mail.quote {
        out.push('\n');
        write_text_quote(out, language, quote, "");
    }
    let colon = if language == Language::Ja { "：" } else { ":" };
    out.push_str(&format!("\n{}{colon}\n{}\n", mail.action, mail.link));
    for note in &mail.notes {
        out.push_str(&format!("\n{note}\n"));
    }
}

fn write_text_facts(out: &mut String, language: Language, facts: &[(&str, String)], indent: &str) {
    for (label, value) in facts {
        match language {
            Language::Ja => out.push_str(&format!("{indent}・{label}：{value}\n")),
            Language::En => out.push_str(&format!("{indent}- {label}: {value}\n")),
        }
    }
}

/// A person's words, each line marked with `>` as mail readers expect of quoted text.
fn write_text_quote(out: &mut String, language: Language, (label, words): &(&str, String), indent: &str) {
    let colon = if language == Language::Ja { "：" } else { ":" };
    out.push_str(&format!("{indent}{label}{colon}\n"));
    for line in words.lines() {
        out.push_str(&format!("{indent}> {line}\n"));
    }
}

fn write_text_footer(out: &mut String, language: Language, base: &str, reason: Option<&str>) {
    // "-- " is the signature separator: clients grey out what follows and leave it out of replies.
    out.push_str("\n-- \n");
    if let Some(reason) = reason {
        out.push_str(&format!("{reason}\n{}\n{}\n\n", settings_sentence(language), settings_link(base)));
    }
    out.push_str(signature(language));
    out.push('\n');
}

fn settings_sentence(language: Language) -> &'static str {
    match language {
        Language::Ja => {
            "通知の受け取り方（すぐに受け取る・1日1回まとめて受け取る・コメント通知の停止）は、次のページで変更できます。"
        }
        Language::En => "To choose immediate e-mails or a daily digest, or to mute comment e-mails, visit:",
    }
}

fn signature(language: Language) -> &'static str {
    match language {
        Language::Ja => "ぬくもり　地域福祉計画 進捗管理システム",
        Language::En => "Nukumori: progress management for the community welfare plan",
    }
}

const FONT_STYLE: &str = "font-family:'Hiragino Kaku Gothic ProN','Hiragino Sans',Meiryo,'Yu Gothic',\
     Arial,sans-serif;font-size:15px;line-height:1.7;color:#222222;";
const PARAGRAPH_STYLE: &str = "margin:0 0 16px;";
const HEADING_STYLE: &str = "margin:24px 0 8px;font-weight:bold;";
const LIST_STYLE: &str = "margin:0 0 16px;padding-left:20px;";
const QUOTE_STYLE: &str =
    "margin:0 0 16px;padding:8px 12px;border-left:4px solid #d8b4a0;background-color:#faf5f0;";
// #b54f2a on white has a contrast ratio of about 5:1, enough for bold button text.
const BUTTON_STYLE: &str = "display:inline-block;padding:12px 24px;background-color:#b54f2a;\
     color:#ffffff;font-weight:bold;text-decoration:none;border-radius:4px;";
const LINK_STYLE: &str = "color:#9a3f1f;";
const FOOTER_STYLE: &str = "margin:0 0 8px;font-size:12px;line-height:1.6;color:#666666;";

fn paragraph(text: &str) -> String {
    format!("<p style=\"{PARAGRAPH_STYLE}\">{}</p>\n", escape_html(text))
}

fn write_html_body(out: &mut String, language: Language, mail: &Mail) {
    for text in &mail.paragraphs {
        out.push_str(&paragraph(text));
    }
    write_html_facts(out, language, &mail.facts);
    if let Some(quote) = &mail.quote {
        write_html_quote(out, quote);
    }
    let link = escape_html(&mail.link);
    out.push_str(&format!(
        "<p style=\"margin:24px 0;\"><a href=\"{link}\" style=\"{BUTTON_STYLE}\">{}</a></p>\n",
        escape_html(mail.action)
    ));
    // Some clients strip styles or block buttons; the written-out address always works.
    let fallback = match language {
        Language::Ja => "ボタンが開けない場合は、次のアドレスをブラウザに貼り付けてください。",
        Language::En => "If the button does not work, copy this address into your browser:",
    };
    out.push_str(&format!(
        "<p style=\"{PARAGRAPH_STYLE}font-size:13px;color:#555555;\">{}<br>\
         <a href=\"{link}\" style=\"{LINK_STYLE}word-break:break-all;\">{link}</a></p>\n",
        escape_html(fallback)
    ));
    for note in &mail.notes {
        out.push_str(&paragraph(note));
    }
}

fn write_html_facts(out: &mut String, language: Language, facts: &[(&str, String)]) {
    if facts.is_empty() {
        return;
    }
    let colon = if language == Language::Ja { "：" } else { ": " };
    out.push_str(&format!("<ul style=\"{LIST_STYLE}\">\n"));
    for (label, value) in facts {
        out.push_str(&format!(
            "<li><span style=\"color:#555555;\">{}{colon}</span><strong>{}</strong></li>\n",
            escape_html(label),
            escape_html(value)
        ));
    }
    out.push_str("</ul>\n");
}

fn write_html_quote(out: &mut String, (label, words): &(&str, String)) {
    let lines: Vec<String> = words.lines().map(escape_html).collect();
    out.push_str(&format!(
        "<p style=\"margin:0 0 4px;font-weight:bold;\">{}</p>\n<p style=\"{QUOTE_STYLE}\">{}</p>\n",
        escape_html(label),
        lines.join("<br>\n")
    ));
}

fn write_html_footer(out: &mut String, language: Language, base: &str, reason: Option<&str>) {
    out.push_str("<hr style=\"border:none;border-top:1px solid #dddddd;margin:32px 0 16px;\">\n");
    if let Some(reason) = reason {
        let link = escape_html(&settings_link(base));
        out.push_str(&format!(
            "<p style=\"{FOOTER_STYLE}\">{}<br>{}<br>\
             <a href=\"{link}\" style=\"{LINK_STYLE}\">{link}</a></p>\n",
            escape_html(reason),
            escape_html(settings_sentence(language))
        ));
    }
    out.push_str(&format!("<p style=\"{FOOTER_STYLE}\">{}</p>\n", escape_html(signature(language))));
}

fn html_document(language: Language, subject: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n</head>\n<body style=\"margin:0;padding:0;background-color:#ffffff;\">\n\
         <div style=\"max-width:600px;margin:0 auto;padding:24px 16px;{FONT_STYLE}\">\n{body}</div>\n\
         </body>\n</html>\n",
        language.tag(),
        escape_html(subject)
    )
}

#[cfg(test)]
mod tests;
