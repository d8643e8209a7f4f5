//! Who may call what: every mutation and every sensitive query, against every role, the
//! public, and a user of another organisation. A mutation the schema has but this table
//! lacks fails the test, so no new mutation ships without its row.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use crate::harness::{Backend, DEMO_PASSWORD, Options, TestServer, on_both_backends};

/// Who calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    Public,
    PlanOffice,
    Staff,
    Manager,
    Council,
    Committee,
    Admin,
    /// Department staff of another organisation (防災管理課) than the welfare accounts.
    OtherOrganizationStaff,
}

const EVERYONE: &[Who] = &[
    Who::Public,
    Who::PlanOffice,
    Who::Staff,
    Who::Manager,
    Who::Council,
    Who::Committee,
    Who::Admin,
    Who::OtherOrganizationStaff,
];
const SIGNED_IN: &[Who] = &[
    Who::PlanOffice,
    Who::Staff,
    Who::Manager,
    Who::Council,
    Who::Committee,
    Who::Admin,
    Who::OtherOrganizationStaff,
];
const ACCOUNT_MANAGERS: &[Who] = &[Who::PlanOffice, Who::Admin];

impl Who {
    fn email(self) -> Option<&'static str> {
        match self {
            Self::Public => None,
            Self::PlanOffice => Some("office@omitama.example"),
            Self::Staff => Some("welfare@omitama.example"),
            Self::Manager => Some("welfare-chief@omitama.example"),
            Self::Council => Some("council@omitama.example"),
            Self::Committee => Some("committee@omitama.example"),
            Self::Admin => Some("admin@omitama.example"),
            Self::OtherOrganizationStaff => Some("bousai@omitama.example"),
        }
    }
}

/// What a case needs prepared before it runs.
#[derive(Clone, Copy)]
enum Setup {
    None,
    /// A fresh department-staff account: `$target`.
    TargetAccount,
    /// A fresh account for the caller, signed in (for cases that end the caller's sessions).
    FreshCaller,
    /// The caller's own refresh token: `$token`.
    OwnRefreshToken,
    /// 健康増進課 (health) assigned as co-owner of `$direction` (2-2-3) beforehand.
    AssignedDirection,
    /// A welfare report nobody has saved yet: `$report`.
    FreshWelfareReport,
    /// A file attached to a welfare report: `$evidence`.
    WelfareEvidence,
    /// A complete welfare draft: `$report` at version `$v`.
    CompleteWelfareReport,
    /// A welfare report that staff submitted, awaiting the manager: `$report`.
    AwaitingManagerReport,
    /// A welfare report with the reviewers (the manager submitted it): `$report`.
    SubmittedWelfareReport,
    /// A comment by welfare staff on a welfare draft: `$comment`.
    WelfareComment,
    /// The evaluation of a fiscal year brought to a status: `$evaluation`, with a
    /// direction `$direction` and, in committee, an opinion `$opinion`.
    Evaluation(i32, &'static str),
}

struct Case {
    name: &'static str,
    /// The top-level field exercised (mutations are checked against the schema).
    field: &'static str,
    operation: &'static str,
    setup: Setup,
    allowed: &'static [Who],
}

const CASES: &[Case] = &[
    Case {
        name: "login",
        field: "login",
        operation: r#"mutation($p: String!) { login(email: "committee@omitama.example", password: $p) { accessToken } }"#,
        setup: Setup::None,
        allowed: EVERYONE,
    },
    Case {
        name: "refresh one's own session",
        field: "refreshSession",
        operation: "mutation($token: String) { refreshSession(refreshToken: $token) { accessToken } }",
        setup: Setup::OwnRefreshToken,
        allowed: SIGNED_IN,
    },
    // Signing out needs no access token: the refresh token is the credential, and a
    // browser whose access token has expired must still be able to sign out.
    Case {
        name: "log out",
        field: "logout",
        operation: "mutation($token: String) { logout(refreshToken: $token) }",
        setup: Setup::OwnRefreshToken,
        allowed: EVERYONE,
    },
    Case {
        name: "change one's own password",
        field: "changePassword",
        operation: r#"mutation($p: String!) { changePassword(currentPassword: $p, newPassword: "lake-kasumigaura-swan-51") { accessToken } }"#,
        setup: Setup::FreshCaller,
        allowed: SIGNED_IN,
    },
    Case {
        name: "create a staff account",
        field: "createUser",
        operation: r#"mutation($org: ID!, $email: String!) { createUser(input: { email: $email, displayName: "x", organizationId: $org, roles: [DEPARTMENT_STAFF] }) { id } }"#,
        setup: Setup::None,
        allowed: ACCOUNT_MANAGERS,
    },
    Case {
        name: "create an administrator",
        field: "createUser",
        operation: r#"mutation($org: ID!, $email: String!) { createUser(input: { email: $email, displayName: "x", organizationId: $org, roles: [ADMIN] }) { id } }"#,
        setup: Setup::None,
        allowed: &[Who::Admin],
    },
    Case {
        name: "update another account",
        field: "updateUser",
        operation: r#"mutation($target: ID!) { updateUser(id: $target, input: { displayName: "renamed" }) { id } }"#,
        setup: Setup::TargetAccount,
        allowed: ACCOUNT_MANAGERS,
    },
    Case {
        name: "deactivate another account",
        field: "deactivateUser",
        operation: "mutation($target: ID!) { deactivateUser(id: $target) { id } }",
        setup: Setup::TargetAccount,
        allowed: ACCOUNT_MANAGERS,
    },
    Case {
        name: "add an organisation",
        field: "createOrganization",
        operation: r#"mutation($code: String!) { createOrganization(input: { code: $code, nameJa: "新設課", nameEn: "New Division", kind: DEPARTMENT }) { id } }"#,
        setup: Setup::None,
        allowed: ACCOUNT_MANAGERS,
    },
    Case {
        name: "rename an organisation",
        field: "renameOrganization",
        operation: r#"mutation($org: ID!) { renameOrganization(id: $org, input: { nameJa: "社会福祉課", nameEn: "Social Welfare Division" }) { id } }"#,
        setup: Setup::None,
        allowed: ACCOUNT_MANAGERS,
    },
    Case {
        name: "list accounts",
        field: "users",
        operation: "{ users { id email } }",
        setup: Setup::None,
        allowed: ACCOUNT_MANAGERS,
    },
    Case {
        name: "read another account",
        field: "user",
        operation: "query($target: ID!) { user(id: $target) { email } }",
        setup: Setup::TargetAccount,
        allowed: ACCOUNT_MANAGERS,
    },
    Case {
        name: "assign a direction",
        field: "assignDirection",
        operation: r#"mutation($direction: ID!, $org: ID!) { assignDirection(directionId: $direction, organizationId: $org, role: CO_OWNER) { id } }"#,
        setup: Setup::None,
        allowed: &[Who::PlanOffice],
    },
    Case {
        name: "unassign a direction",
        field: "unassignDirection",
        operation: r#"mutation($direction: ID!, $org: ID!) { unassignDirection(directionId: $direction, organizationId: $org) { id } }"#,
        setup: Setup::AssignedDirection,
        allowed: &[Who::PlanOffice],
    },
    Case {
        name: "preview an ownership table",
        field: "previewOwnershipImport",
        operation: r#"mutation($plan: ID!, $csv: String!) { previewOwnershipImport(planId: $plan, csv: $csv) { valid } }"#,
        setup: Setup::None,
        allowed: &[Who::PlanOffice],
    },
    Case {
        name: "apply an ownership table",
        field: "applyOwnershipImport",
        operation: r#"mutation($plan: ID!, $csv: String!) { applyOwnershipImport(planId: $plan, csv: $csv) { kind } }"#,
        setup: Setup::None,
        allowed: &[Who::PlanOffice],
    },
    Case {
        name: "open a reporting period",
        field: "openReportingPeriod",
        operation: r#"mutation($plan: ID!, $quarter: Int!) { openReportingPeriod(input: { planId: $plan, fiscalYear: 2024, kind: QUARTER, quarter: $quarter, opensOn: "2024-04-01", dueOn: "2024-07-31" }) { id } }"#,
        setup: Setup::None,
        allowed: &[Who::PlanOffice],
    },
    Case {
        name: "save a welfare report",
        field: "saveReport",
        operation: r#"mutation($report: ID!) { saveReport(id: $report, input: { issues: "x" }, expectedVersion: 0) { id } }"#,
        setup: Setup::FreshWelfareReport,
        allowed: &[Who::Staff, Who::Manager],
    },
    Case {
        name: "copy the previous report",
        field: "copyPreviousReport",
        operation: r#"mutation($report: ID!) { copyPreviousReport(id: $report, expectedVersion: 0) { id } }"#,
        setup: Setup::FreshWelfareReport,
        // Permitted to the writers; the first period then has nothing to copy from,
        // which is a BAD_USER_INPUT, not a denial.
        allowed: &[Who::Staff, Who::Manager],
    },
    Case {
        name: "attach evidence to a welfare report",
        field: "uploadEvidence",
        operation: r#"mutation($report: ID!, $file: Upload!) { uploadEvidence(reportId: $report, file: $file) { id } }"#,
        setup: Setup::FreshWelfareReport,
        allowed: &[Who::Staff, Who::Manager],
    },
    Case {
        name: "remove evidence from a welfare report",
        field: "removeEvidence",
        operation: r#"mutation($evidence: ID!) { removeEvidence(id: $evidence) { id } }"#,
        setup: Setup::WelfareEvidence,
        allowed: &[Who::Staff, Who::Manager],
    },
    Case {
        name: "read the completion matrix",
        field: "completionMatrix",
        operation: r#"query($period: ID!) { completionMatrix(periodId: $period) { total } }"#,
        setup: Setup::None,
        allowed: &[Who::PlanOffice, Who::Council],
    },
    Case {
        name: "submit a welfare report",
        field: "submitReport",
        operation: "mutation($report: ID!, $v: Int!) { submitReport(id: $report, expectedVersion: $v) { id } }",
        setup: Setup::CompleteWelfareReport,
        allowed: &[Who::Staff, Who::Manager],
    },
    Case {
        name: "approve as the manager",
        field: "approveReport",
        operation: "mutation($report: ID!) { approveReport(id: $report) { id } }",
        setup: Setup::AwaitingManagerReport,
        allowed: &[Who::Manager],
    },
    Case {
        name: "return a submitted report",
        field: "returnReport",
        operation: r#"mutation($report: ID!) { returnReport(id: $report, reason: "根拠を添付してください") { id } }"#,
        setup: Setup::SubmittedWelfareReport,
        allowed: &[Who::PlanOffice, Who::Council],
    },
    Case {
        name: "accept a submitted report",
        field: "acceptReport",
        operation: "mutation($report: ID!) { acceptReport(id: $report) { id } }",
        setup: Setup::SubmittedWelfareReport,
        allowed: &[Who::PlanOffice, Who::Council],
    },
    Case {
        name: "bulk accept",
        field: "bulkAcceptReports",
        operation: "mutation($report: ID!) { bulkAcceptReports(ids: [$report]) { succeeded } }",
        setup: Setup::SubmittedWelfareReport,
        allowed: &[Who::PlanOffice],
    },
    Case {
        name: "bulk return",
        field: "bulkReturnReports",
        operation: r#"mutation($report: ID!) { bulkReturnReports(ids: [$report], reason: "再確認") { succeeded } }"#,
        setup: Setup::SubmittedWelfareReport,
        allowed: &[Who::PlanOffice],
    },
    Case {
        name: "comment on a submitted report",
        field: "addComment",
        operation: r#"mutation($report: ID!) { addComment(reportId: $report, body: "確認します") { id } }"#,
        setup: Setup::SubmittedWelfareReport,
        allowed: &[Who::Staff, Who::Manager, Who::PlanOffice, Who::Council],
    },
    Case {
        name: "edit staff's comment",
        field: "editComment",
        operation: r#"mutation($comment: ID!) { editComment(id: $comment, body: "訂正") { id } }"#,
        setup: Setup::WelfareComment,
        allowed: &[Who::Staff],
    },
    Case {
        name: "retract staff's comment",
        field: "retractComment",
        operation: "mutation($comment: ID!) { retractComment(id: $comment) { id } }",
        setup: Setup::WelfareComment,
        allowed: &[Who::Staff],
    },
    Case {
        name: "resolve a thread on a draft",
        field: "resolveComment",
        operation: "mutation($comment: ID!) { resolveComment(id: $comment) { id } }",
        setup: Setup::WelfareComment,
        allowed: &[Who::Staff, Who::Manager],
    },
    Case {
        name: "read the review queue",
        field: "reviewQueue",
        operation: "{ reviewQueue { waitingDays } }",
        setup: Setup::None,
        allowed: &[Who::PlanOffice, Who::Council, Who::Manager],
    },
    Case {
        name: "invite an account",
        field: "inviteUser",
        operation: "mutation($target: ID!) { inviteUser(userId: $target) { expiresAt } }",
        setup: Setup::TargetAccount,
        allowed: ACCOUNT_MANAGERS,
    },
    // The link's token is the credential: a wrong one is bad input for anyone.
    Case {
        name: "accept an invitation",
        field: "acceptInvitation",
        operation: r#"mutation { acceptInvitation(token: "not-a-real-token", password: "lake-kasumigaura-swan-51") { accessToken } }"#,
        setup: Setup::None,
        allowed: EVERYONE,
    },
    Case {
        name: "choose one's notifications",
        field: "updateNotificationSettings",
        operation: "mutation { updateNotificationSettings(dailyDigest: true, muteComments: false) { id } }",
        setup: Setup::None,
        allowed: SIGNED_IN,
    },
    Case {
        name: "compile an evaluation",
        field: "compileAnnualEvaluation",
        operation: "mutation($plan: ID!) { compileAnnualEvaluation(planId: $plan, fiscalYear: 2021) { id } }",
        setup: Setup::None,
        allowed: &[Who::PlanOffice],
    },
    Case {
        name: "override a direction's rating",
        field: "overrideDirectionRating",
        operation: r#"mutation($evaluation: ID!, $direction: ID!) { overrideDirectionRating(evaluationId: $evaluation, directionId: $direction, rating: B, reason: "指標が改善") { id } }"#,
        setup: Setup::Evaluation(2022, "DRAFT"),
        allowed: &[Who::PlanOffice],
    },
    Case {
        name: "write the overall assessment",
        field: "writeOverallAssessment",
        operation: r#"mutation($evaluation: ID!) { writeOverallAssessment(evaluationId: $evaluation, body: "総括") { id } }"#,
        setup: Setup::Evaluation(2022, "DRAFT"),
        allowed: &[Who::PlanOffice],
    },
    Case {
        name: "hand to the committee",
        field: "startCommitteeReview",
        operation: "mutation($evaluation: ID!) { startCommitteeReview(evaluationId: $evaluation) { id } }",
        setup: Setup::Evaluation(2023, "DRAFT"),
        allowed: &[Who::PlanOffice],
    },
    Case {
        name: "give a committee opinion",
        field: "addCommitteeOpinion",
        operation: r#"mutation($evaluation: ID!) { addCommitteeOpinion(evaluationId: $evaluation, targetCode: "1", body: "周知を強めてほしい") { id } }"#,
        setup: Setup::Evaluation(2024, "IN_COMMITTEE"),
        allowed: &[Who::Committee],
    },
    Case {
        name: "answer an opinion",
        field: "respondToOpinion",
        operation: r#"mutation($opinion: ID!) { respondToOpinion(opinionId: $opinion, response: "反映します", reflection: "次年度") { id } }"#,
        setup: Setup::Evaluation(2024, "IN_COMMITTEE"),
        allowed: &[Who::PlanOffice],
    },
    Case {
        name: "record an indicator value",
        field: "recordIndicatorValue",
        operation: r#"mutation($indicator: ID!) { recordIndicatorValue(indicatorId: $indicator, fiscalYear: 2023, value: 83.5, source: "防災管理課集計") { value } }"#,
        setup: Setup::None,
        // I8 names 防災管理課 as its source: its staff record it, as does the office.
        allowed: &[Who::PlanOffice, Who::OtherOrganizationStaff],
    },
    Case {
        name: "finalise an evaluation",
        field: "finalizeAnnualEvaluation",
        operation: "mutation($evaluation: ID!) { finalizeAnnualEvaluation(evaluationId: $evaluation) { id } }",
        setup: Setup::Evaluation(2024, "IN_COMMITTEE"),
        allowed: &[Who::PlanOffice],
    },
    Case {
        name: "publish an evaluation",
        field: "publishAnnualEvaluation",
        operation: "mutation($evaluation: ID!) { publishAnnualEvaluation(evaluationId: $evaluation) { id } }",
        setup: Setup::Evaluation(2025, "FINALIZED"),
        allowed: &[Who::PlanOffice],
    },
    Case {
        name: "read the audit log",
        field: "auditEvents",
        operation: "{ auditEvents { nodes { action } } }",
        setup: Setup::None,
        allowed: ACCOUNT_MANAGERS,
    },
];

/// A draft with everything a submission needs.
fn complete_patch() -> app::ReportPatch {
    use app::domain::report::{Activity, NextStep, SelfRating};
    app::ReportPatch {
        activities: Some(vec![Activity {
            title: "見守り訪問".into(),
            description: "民生委員と訪問".into(),
            actor: None,
            figures: Vec::new(),
        }]),
        results_summary: Some(Some("実施した".into())),
        self_rating: Some(Some(SelfRating::B)),
        next_step: Some(Some(NextStep::Continue)),
        ..app::ReportPatch::default()
    }
}

/// Sends an operation with one file, by the GraphQL multipart request spec.
async fn upload(server: &TestServer, token: Option<&str>, operation: &str, mut variables: Value) -> Value {
    variables["file"] = Value::Null;
    let operations = json!({ "query": operation, "variables": variables });
    let part =
        reqwest::multipart::Part::bytes("令和7年度 議事録\n".as_bytes().to_vec()).file_name("minutes.txt");
    let form = reqwest::multipart::Form::new()
        .text("operations", operations.to_string())
        .text("map", json!({ "0": ["variables.file"] }).to_string())
        .part("0", part);
    let mut request =
        server.client().post(server.url("/graphql")).header("x-requested-with", "test").multipart(form);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.expect("sent").json().await.expect("json")
}

fn bytes_of(text: &str) -> bytes::Bytes {
    bytes::Bytes::from(text.as_bytes().to_vec())
}

const LOGIN: &str =
    "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken } }";

async fn sign_in(server: &TestServer, email: &str) -> (String, String) {
    let body = server.graphql(LOGIN, json!({ "e": email, "p": DEMO_PASSWORD })).await;
    let session = &body["data"]["login"];
    let field =
        |name: &str| session[name].as_str().unwrap_or_else(|| panic!("login {email}: {body}")).to_owned();
    (field("accessToken"), field("refreshToken"))
}

async fn fresh_account(
    server: &TestServer,
    organization: &Value,
    roles: &[app::domain::access::Role],
) -> (String, String) {
    let email = format!("fresh-{}@omitama.example", uuid::Uuid::now_v7().simple());
    let account = app::NewAccount {
        email: email.clone(),
        display_name: "検証 用".into(),
        organization_id: app::domain::ids::OrganizationId(
            uuid::Uuid::parse_str(organization.as_str().expect("id")).expect("uuid"),
        ),
        roles: roles.to_vec(),
        language: app::domain::Language::Ja,
        password: Some(DEMO_PASSWORD.into()),
    };
    let user = server.app.create_user(&app::domain::access::Actor::System, account).await.expect("account");
    (email, user.id.to_string())
}

fn role_of(who: Who) -> Vec<app::domain::access::Role> {
    use app::domain::access::Role;
    match who {
        Who::Public => vec![],
        Who::PlanOffice => vec![Role::PlanOffice],
        Who::Staff | Who::OtherOrganizationStaff => vec![Role::DepartmentStaff],
        Who::Manager => vec![Role::DepartmentManager],
        Who::Council => vec![Role::CouncilCoordinator],
        Who::Committee => vec![Role::CommitteeMember],
        Who::Admin => vec![Role::Admin],
    }
}

on_both_backends!(every_operation_against_every_caller);

async fn every_operation_against_every_caller(backend: Backend) {
    let server = TestServer::start(backend, Options::demo()).await;

    // The table covers every mutation the schema offers.
    let schema = server.data("{ __schema { mutationType { fields { name } } } }", json!({})).await;
    let mutations: BTreeSet<String> = schema["__schema"]["mutationType"]["fields"]
        .as_array()
        .expect("mutations")
        .iter()
        .filter_map(|f| f["name"].as_str().map(str::to_owned))
        .collect();
    let covered: BTreeSet<String> = CASES.iter().map(|c| c.field.to_owned()).collect();
    let missing: Vec<&String> = mutations.difference(&covered).collect();
    assert!(missing.is_empty(), "mutations without a row in the permission table: {missing:?}");

    let organizations = server.data("{ organizations { id code } }", json!({})).await;
    let welfare = organizations["organizations"]
        .as_array()
        .and_then(|list| list.iter().find(|o| o["code"] == "welfare"))
        .map(|o| o["id"].clone())
        .expect("welfare");

    // Reports to write: two periods of FY2025, and the welfare reports in them.
    let plan = server
        .data("{ plan(code: \"omitama-3\") { id goals { policies { directions { id code } } } } }", json!({}))
        .await;
    let plan_id = plan["plan"]["id"].as_str().expect("plan").to_owned();
    let direction = plan["plan"]["goals"][1]["policies"][1]["directions"][2]["id"].clone();
    let system = app::domain::access::Actor::System;
    let plan_uuid = app::domain::ids::PlanId(uuid::Uuid::parse_str(&plan_id).expect("uuid"));
    let mut period = None;
    use app::domain::report::PeriodKind;
    for (year, kind, due) in [
        (2025, PeriodKind::Interim, "2025-10-31"),
        (2025, PeriodKind::YearEnd, "2026-05-31"),
        (2025, PeriodKind::Quarter(1), "2025-07-31"),
        (2025, PeriodKind::Quarter(2), "2025-10-31"),
        (2025, PeriodKind::Quarter(3), "2026-01-31"),
        (2025, PeriodKind::Quarter(4), "2026-04-30"),
        (2024, PeriodKind::Interim, "2024-10-31"),
    ] {
        let new = app::NewPeriod {
            plan_id: plan_uuid,
            fiscal_year: year,
            kind,
            opens_on: format!("{year}-04-01").parse().expect("date"),
            due_on: due.parse().expect("date"),
        };
        let opened = server.app.open_reporting_period(&system, new).await.expect("period").0.id;
        period.get_or_insert(opened);
    }
    let welfare_id =
        app::domain::ids::OrganizationId(uuid::Uuid::parse_str(welfare.as_str().expect("id")).expect("uuid"));
    let filter = app::ReportFilter { organization_id: Some(welfare_id), ..app::ReportFilter::default() };
    let mut fresh_reports: Vec<String> = server
        .app
        .reports(&system, &filter, 200, None)
        .await
        .expect("reports")
        .0
        .iter()
        .map(|r| r.id.to_string())
        .collect();
    let health = organizations["organizations"]
        .as_array()
        .and_then(|list| list.iter().find(|o| o["code"] == "health"))
        .map(|o| o["id"].clone())
        .expect("health");
    let csv = server.app.export_ownership_csv(&system, plan_uuid).await.expect("csv");
    let indicators = server.data("{ plan(code: \"omitama-3\") { indicators { id code } } }", json!({})).await;
    let indicator_i8 = indicators["plan"]["indicators"]
        .as_array()
        .and_then(|list| list.iter().find(|i| i["code"] == "I8"))
        .map(|i| i["id"].clone())
        .expect("I8");

    let mut sessions = Vec::new();
    for who in EVERYONE {
        let session = match who.email() {
            Some(email) => Some(sign_in(&server, email).await),
            None => None,
        };
        sessions.push((*who, session));
    }

    let mut rows = Vec::new();
    for case in CASES {
        for (who, session) in &sessions {
            let mut variables = json!({
                "p": DEMO_PASSWORD,
                "org": welfare,
                "email": format!("new-{}@omitama.example", uuid::Uuid::now_v7().simple()),
                "code": format!("dept-{}", uuid::Uuid::now_v7().simple()),
                "plan": plan_id,
                "direction": direction,
                "csv": csv,
                "quarter": 1,
                "period": period.map(|p| p.to_string()),
                "indicator": indicator_i8,
            });
            if case.field.contains("irection") {
                variables["org"] = health.clone();
            }
            let mut token = session.as_ref().map(|(access, _)| access.clone());
            match case.setup {
                Setup::None => {}
                Setup::TargetAccount => {
                    let (_, id) =
                        fresh_account(&server, &welfare, &[app::domain::access::Role::DepartmentStaff]).await;
                    variables["target"] = json!(id);
                }
                Setup::FreshCaller => {
                    if *who != Who::Public {
                        let (email, _) = fresh_account(&server, &welfare, &role_of(*who)).await;
                        token = Some(sign_in(&server, &email).await.0);
                    }
                }
                Setup::AssignedDirection => {
                    let id = |v: &Value| uuid::Uuid::parse_str(v.as_str().expect("id")).expect("uuid");
                    server
                        .app
                        .assign_direction(
                            &system,
                            app::domain::ids::DirectionId(id(&direction)),
                            app::domain::ids::OrganizationId(id(&health)),
                            app::domain::ownership::OwnerRole::CoOwner,
                        )
                        .await
                        .expect("assign");
                }
                Setup::FreshWelfareReport => {
                    variables["report"] = json!(fresh_reports.pop().expect("enough fresh reports"));
                }
                Setup::WelfareEvidence => {
                    let report = fresh_reports.pop().expect("enough fresh reports");
                    let writer = server
                        .app
                        .authenticate(&sign_in(&server, "welfare@omitama.example").await.0)
                        .await
                        .expect("writer");
                    let file = app::IncomingFile {
                        file_name: "minutes.txt".into(),
                        content: bytes_of("令和7年度 議事録\n"),
                        description: None,
                    };
                    let report_id = app::domain::ids::ReportId(uuid::Uuid::parse_str(&report).expect("uuid"));
                    let stored = server.app.upload_evidence(&writer, report_id, file).await.expect("upload");
                    variables["evidence"] = json!(stored.id.to_string());
                }
                Setup::CompleteWelfareReport
                | Setup::AwaitingManagerReport
                | Setup::SubmittedWelfareReport
                | Setup::WelfareComment => {
                    let report = fresh_reports.pop().expect("enough fresh reports");
                    let report_id = app::domain::ids::ReportId(uuid::Uuid::parse_str(&report).expect("uuid"));
                    let writer_email = match case.setup {
                        Setup::SubmittedWelfareReport => "welfare-chief@omitama.example",
                        _ => "welfare@omitama.example",
                    };
                    let writer = server
                        .app
                        .authenticate(&sign_in(&server, writer_email).await.0)
                        .await
                        .expect("writer");
                    let saved =
                        server.app.save_report(&writer, report_id, complete_patch(), 0).await.expect("save");
                    match case.setup {
                        Setup::AwaitingManagerReport | Setup::SubmittedWelfareReport => {
                            server
                                .app
                                .submit_report(&writer, report_id, saved.version)
                                .await
                                .expect("submit");
                        }
                        Setup::WelfareComment => {
                            let comment = app::NewComment {
                                report_id,
                                body: "数値を確認中".into(),
                                field: None,
                                activity_index: None,
                                parent_id: None,
                            };
                            let comment = server.app.add_comment(&writer, comment).await.expect("comment");
                            variables["comment"] = json!(comment.id.to_string());
                        }
                        _ => {}
                    }
                    variables["report"] = json!(report);
                    variables["v"] = json!(saved.version);
                }
                Setup::Evaluation(year, status) => {
                    let fiscal_year = app::domain::FiscalYear::try_from(year).expect("year");
                    let evaluation = match server
                        .app
                        .annual_evaluation(&system, plan_uuid, fiscal_year)
                        .await
                        .expect("read")
                    {
                        Some(evaluation) => evaluation,
                        None => server
                            .app
                            .compile_annual_evaluation(&system, plan_uuid, fiscal_year)
                            .await
                            .expect("compile"),
                    };
                    let id = evaluation.evaluation.id;
                    let order = ["DRAFT", "IN_COMMITTEE", "FINALIZED", "PUBLISHED"];
                    let position = |s: &str| order.iter().position(|o| *o == s).expect("status");
                    let mut current = evaluation.evaluation.status.as_str();
                    while position(current) < position(status) {
                        let moved = match current {
                            "DRAFT" => server.app.start_committee_review(&system, id).await,
                            _ => server.app.finalize_annual_evaluation(&system, id).await,
                        };
                        current = moved.expect("step").evaluation.status.as_str();
                    }
                    if status == "IN_COMMITTEE" && current == "IN_COMMITTEE" {
                        let member = server
                            .app
                            .authenticate(&sign_in(&server, "committee@omitama.example").await.0)
                            .await
                            .expect("member");
                        let opinion = server
                            .app
                            .add_committee_opinion(&member, id, None, "意見")
                            .await
                            .expect("opinion");
                        variables["opinion"] = json!(opinion.id.to_string());
                    }
                    variables["evaluation"] = json!(id.to_string());
                    variables["direction"] = direction.clone();
                }
                Setup::OwnRefreshToken => {
                    if let Some(email) = who.email() {
                        let (access, refresh) = sign_in(&server, email).await;
                        token = Some(access);
                        variables["token"] = json!(refresh);
                    }
                }
            }
            let body = if case.operation.contains("Upload!") {
                upload(&server, token.as_deref(), case.operation, variables).await
            } else {
                server.graphql_as(token.as_deref(), case.operation, variables, "en").await
            };
            let codes: Vec<&str> = body["errors"]
                .as_array()
                .map(|errors| errors.iter().filter_map(|e| e["extensions"]["code"].as_str()).collect())
                .unwrap_or_default();
            // Reports hidden from a caller answer NOT_FOUND: that is a denial too.
            let denied = codes.iter().any(|c| matches!(*c, "FORBIDDEN" | "UNAUTHENTICATED" | "NOT_FOUND"));
            let expected_allowed = case.allowed.contains(who);
            if expected_allowed {
                assert!(!denied, "{} as {who:?} should be allowed: {body}", case.name);
            } else {
                assert!(denied, "{} as {who:?} should be denied: {body}", case.name);
                assert!(
                    body["data"].is_null() || body["data"][case.field].is_null(),
                    "{} as {who:?} leaked data: {body}",
                    case.name
                );
            }
            rows.push(format!(
                "{:<28} {:<24} {}",
                case.name,
                format!("{who:?}"),
                if denied { "denied" } else { "allowed" }
            ));
        }
    }
    println!("{}", rows.join("\n"));
    server.stop().await;
}
