//! The floor: the SQL statements the server executes to answer each read, run directly.
//!
//! The statements are the store's, as PostgreSQL logged them (`log_statement = 'all'` on the
//! database while the server answered each read once) and as the store's code writes them
//! (`crates/store/src/{users,plans,ownership,periods,reports,review,evidence,
//! organizations,evaluations}.rs`): the same text, the same parameters, the same order,
//! each statement's parameters taken from the rows of the statements before it where the
//! server does so. They include the two statements that check the caller's session on
//! every request (the user and their roles). Each statement's rows are fetched whole
//! (through sea-orm's raw statements over sqlx); nothing is decoded beyond the ids the
//! next statement needs, nothing is serialised. The statements run one after another on
//! one pooled connection at a time, where the server runs some of them side by side.
//!
//! What the floor leaves out is the server's own work: HTTP, GraphQL parsing, validation
//! and execution, the permission decisions, mapping rows into domain types, the in-memory
//! joins, and writing the JSON answer.

use std::collections::BTreeSet;

use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, QueryResult, Statement, Value};
use uuid::Uuid;

use crate::{fixture::Fixture, reads::Read};

/// SQL written once with `$1` placeholders, for either engine (sqlx's SQLite driver takes
/// `$N` as the N-th argument, as PostgreSQL does).
pub fn dialect(_backend: DbBackend, sql: &str) -> String {
    sql.to_owned()
}

const USERS: &str = r#""users"."id", "users"."email", "users"."display_name", "users"."organization_id", "users"."password_hash", "users"."language", "users"."active", "users"."session_epoch", "users"."created_at", "users"."updated_at", "users"."notification_mode", "users"."mute_comments""#;
const PLANS: &str = r#""plans"."id", "plans"."code", "plans"."name_ja", "plans"."name_en", "plans"."start_fiscal_year", "plans"."end_fiscal_year", "plans"."philosophy_ja", "plans"."philosophy_en", "plans"."slogan_ja", "plans"."slogan_en", "plans"."created_at", "plans"."updated_at""#;
const GOALS: &str = r#"SELECT "goals"."id", "goals"."plan_id", "goals"."code", "goals"."position", "goals"."name_ja", "goals"."name_en", "goals"."created_at", "goals"."updated_at" FROM "goals" WHERE "goals"."plan_id" = $1 ORDER BY "goals"."position" ASC"#;
const POLICIES: &str = r#"SELECT "policies"."id", "policies"."plan_id", "policies"."goal_id", "policies"."code", "policies"."position", "policies"."name_ja", "policies"."name_en", "policies"."created_at", "policies"."updated_at" FROM "policies" WHERE "policies"."plan_id" = $1 ORDER BY "policies"."position" ASC"#;
const DIRECTIONS: &str = r#"SELECT "policy_directions"."id", "policy_directions"."plan_id", "policy_directions"."policy_id", "policy_directions"."goal_id", "policy_directions"."code", "policy_directions"."position", "policy_directions"."name_ja", "policy_directions"."name_en", "policy_directions"."is_new", "policy_directions"."created_at", "policy_directions"."updated_at" FROM "policy_directions" WHERE "policy_directions"."plan_id" = $1 ORDER BY "policy_directions"."position" ASC"#;
const INDICATORS: &str = r#"SELECT "indicators"."id", "indicators"."plan_id", "indicators"."goal_id", "indicators"."code", "indicators"."position", "indicators"."name_ja", "indicators"."name_en", "indicators"."unit", "indicators"."unit_label_ja", "indicators"."unit_label_en", "indicators"."baseline_value", "indicators"."baseline_fiscal_year", "indicators"."target_value", "indicators"."target_fiscal_year", "indicators"."source_ja", "indicators"."source_en", "indicators"."source_organization_id", "indicators"."created_at", "indicators"."updated_at" FROM "indicators" WHERE "indicators"."plan_id" = $1 ORDER BY "indicators"."position" ASC"#;
const VALUES: &str = r#"SELECT "indicator_values"."id", "indicator_values"."indicator_id", "indicator_values"."fiscal_year", "indicator_values"."value", "indicator_values"."source", "indicator_values"."note", "indicator_values"."created_at", "indicator_values"."updated_at" FROM "indicator_values" WHERE "indicator_values"."indicator_id" IN (SELECT "id" FROM "indicators" WHERE "indicators"."plan_id" = $1) ORDER BY "indicator_values"."fiscal_year" ASC"#;
const OWNERS: &str = r#"SELECT "direction_owners"."id", "direction_owners"."direction_id", "direction_owners"."organization_id", "direction_owners"."role", "direction_owners"."assigned_at", "direction_owners"."assigned_by", "direction_owners"."unassigned_at", "direction_owners"."unassigned_by" FROM "direction_owners" WHERE "direction_owners"."direction_id" IN (SELECT "id" FROM "policy_directions" WHERE "policy_directions"."plan_id" = $1) AND "direction_owners"."unassigned_at" IS NULL ORDER BY "direction_owners"."assigned_at" ASC"#;
const ORGANIZATIONS: &str = r#"SELECT "organizations"."id", "organizations"."code", "organizations"."kind", "organizations"."name_ja", "organizations"."name_en", "organizations"."is_sample", "organizations"."created_at", "organizations"."updated_at" FROM "organizations" ORDER BY "organizations"."code" ASC"#;
const PERIODS: &str = r#""reporting_periods"."id", "reporting_periods"."plan_id", "reporting_periods"."fiscal_year", "reporting_periods"."kind", "reporting_periods"."sequence", "reporting_periods"."opens_on", "reporting_periods"."due_on", "reporting_periods"."created_at", "reporting_periods"."created_by""#;
const REPORTS: &str = r#""reports"."id", "reports"."period_id", "reports"."direction_id", "reports"."organization_id", "reports"."status", "reports"."version", "reports"."activities", "reports"."results_summary", "reports"."self_rating", "reports"."rating_reason", "reports"."issues", "reports"."next_step", "reports"."next_step_reason", "reports"."indicator_ids", "reports"."copied_from_report_id", "reports"."created_at", "reports"."updated_at", "reports"."updated_by", "reports"."submitted_at", "reports"."accepted_at""#;
const EVIDENCE: &str = r#""evidence"."id", "evidence"."report_id", "evidence"."blob_sha256", "evidence"."file_name", "evidence"."content_type", "evidence"."size", "evidence"."description", "evidence"."uploaded_at", "evidence"."uploaded_by", "evidence"."removed_at", "evidence"."removed_by""#;
const REVISIONS: &str = r#""report_revisions"."id", "report_revisions"."report_id", "report_revisions"."number", "report_revisions"."status", "report_revisions"."content", "report_revisions"."created_at", "report_revisions"."created_by""#;
const EVALUATIONS: &str = r#""evaluations"."id", "evaluations"."plan_id", "evaluations"."fiscal_year", "evaluations"."status", "evaluations"."compiled_at", "evaluations"."compiled_by", "evaluations"."not_reported", "evaluations"."finalized_at", "evaluations"."published_at", "evaluations"."created_at""#;

/// Report statuses the plan office sees in other organisations' reports.
const VISIBLE_ELSEWHERE: [&str; 4] = ["SUBMITTED", "RETURNED", "ACCEPTED", "LOCKED"];
/// The review queue's cap.
const QUEUE_LIMIT: i64 = 500;

/// `$from, $from+1, …` for `count` values.
fn placeholders(from: usize, count: usize) -> String {
    (from..from + count).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
}

fn uuid_at(row: &QueryResult, index: usize) -> Uuid {
    row.try_get_by_index::<Uuid>(index).expect("a uuid")
}

fn uuids(values: &[Uuid]) -> Vec<Value> {
    values.iter().map(|id| (*id).into()).collect()
}

/// The statements of one read, counted as they run.
struct Run<'a> {
    db: &'a DatabaseConnection,
    statements: usize,
}

impl Run<'_> {
    async fn all(&mut self, sql: &str, values: Vec<Value>) -> Vec<QueryResult> {
        let backend = self.db.get_database_backend();
        let statement = Statement::from_sql_and_values(backend, dialect(backend, sql), values);
        self.statements += 1;
        self.db.query_all_raw(statement).await.unwrap_or_else(|e| panic!("{e}: {sql}"))
    }
}

/// What the floor's statements need to name, found once.
pub struct Floor {
    db: DatabaseConnection,
    user_id: Uuid,
    plan_code: String,
    plan_id: Uuid,
    matrix_period: Uuid,
    list_period: Uuid,
    year: i32,
}

impl Floor {
    pub async fn prepare(fixture: &Fixture, db: DatabaseConnection) -> Self {
        let backend = db.get_database_backend();
        let row = db
            .query_one_raw(Statement::from_sql_and_values(
                backend,
                r#"SELECT "id" FROM "users" WHERE "email" = $1"#,
                ["office@omitama.example".into()],
            ))
            .await
            .expect("user")
            .expect("the plan office's account");
        let parse = |id: &str| Uuid::parse_str(id).expect("uuid");
        Self {
            user_id: uuid_at(&row, 0),
            plan_code: crate::fixture::PLAN.to_owned(),
            plan_id: parse(&fixture.plan_id),
            matrix_period: parse(&fixture.matrix_period),
            list_period: parse(&fixture.list_period),
            year: fixture.evaluation_year,
            db,
        }
    }

    pub async fn close(&self) {
        let _ = self.db.clone().close().await;
    }

    /// Runs the statements of `read` once; returns how many.
    pub async fn run(&self, read: Read) -> usize {
        let mut run = Run { db: &self.db, statements: 0 };
        let organization = self.session(&mut run).await;
        match read {
            Read::PlanTree => self.tree(&mut run).await,
            Read::CompletionMatrix => self.matrix(&mut run).await,
            Read::ReviewQueue => self.queue(&mut run, organization).await,
            Read::AnnualEvaluation => self.evaluation(&mut run).await,
            Read::ReportList => self.list(&mut run).await,
        }
        run.statements
    }

    /// Every authenticated request: the account (active, session epoch) and its roles.
    /// Returns the account's organisation.
    async fn session(&self, run: &mut Run<'_>) -> Uuid {
        let sql = format!(r#"SELECT {USERS} FROM "users" WHERE "users"."id" = $1 LIMIT $2"#);
        let users = run.all(&sql, vec![self.user_id.into(), 1_i64.into()]).await;
        let roles = r#"SELECT "user_roles"."user_id", "user_roles"."role" FROM "user_roles" WHERE "user_roles"."user_id" IN ($1)"#;
        run.all(roles, vec![self.user_id.into()]).await;
        uuid_at(users.first().expect("the account"), 3)
    }

    async fn tree(&self, run: &mut Run<'_>) {
        let sql = format!(r#"SELECT {PLANS} FROM "plans" WHERE "plans"."code" = $1 LIMIT $2"#);
        let plans = run.all(&sql, vec![self.plan_code.clone().into(), 1_i64.into()]).await;
        let plan = uuid_at(plans.first().expect("the plan"), 0);
        for sql in [GOALS, POLICIES, DIRECTIONS, INDICATORS, VALUES, OWNERS] {
            run.all(sql, vec![plan.into()]).await;
        }
        run.all(ORGANIZATIONS, vec![]).await;
    }

    async fn matrix(&self, run: &mut Run<'_>) {
        let sql =
            format!(r#"SELECT {PERIODS} FROM "reporting_periods" WHERE "reporting_periods"."id" IN ($1)"#);
        let periods = run.all(&sql, vec![self.matrix_period.into()]).await;
        let plan = uuid_at(periods.first().expect("the period"), 1);
        let cells = r#"SELECT "reports"."id", "reports"."direction_id", "reports"."organization_id", "reports"."status" FROM "reports" WHERE "reports"."period_id" = $1"#;
        run.all(cells, vec![self.matrix_period.into()]).await;
        run.all(DIRECTIONS, vec![plan.into()]).await;
        run.all(ORGANIZATIONS, vec![]).await;
    }

    /// A page of reports' relations, as `prefetch` loads them: periods, the people who
    /// saved them (and their roles), evidence; then the plan's directions and every
    /// organisation for the items' `direction` and `organization`.
    async fn page_relations(&self, run: &mut Run<'_>, reports: &[QueryResult]) {
        let ids: Vec<Uuid> = reports.iter().map(|r| uuid_at(r, 0)).collect();
        let periods: Vec<Uuid> = reports.iter().map(|r| uuid_at(r, 1)).collect();
        let sql = format!(
            r#"SELECT {PERIODS} FROM "reporting_periods" WHERE "reporting_periods"."id" IN ({})"#,
            placeholders(1, periods.len())
        );
        let rows = run.all(&sql, uuids(&periods)).await;
        let plan = uuid_at(rows.first().expect("a period"), 1);
        let people: Vec<Uuid> =
            reports.iter().filter_map(|r| r.try_get_by_index::<Option<Uuid>>(17).ok().flatten()).collect();
        if !people.is_empty() {
            let sql = format!(
                r#"SELECT {USERS} FROM "users" WHERE "users"."id" IN ({})"#,
                placeholders(1, people.len())
            );
            run.all(&sql, uuids(&people)).await;
            let distinct: Vec<Uuid> = people.iter().copied().collect::<BTreeSet<_>>().into_iter().collect();
            let sql = format!(
                r#"SELECT "user_roles"."user_id", "user_roles"."role" FROM "user_roles" WHERE "user_roles"."user_id" IN ({})"#,
                placeholders(1, distinct.len())
            );
            run.all(&sql, uuids(&distinct)).await;
        }
        let sql = format!(
            r#"SELECT {EVIDENCE} FROM "evidence" WHERE "evidence"."report_id" IN ({}) AND "evidence"."removed_at" IS NULL ORDER BY "evidence"."uploaded_at" ASC"#,
            placeholders(1, ids.len())
        );
        run.all(&sql, uuids(&ids)).await;
        run.all(DIRECTIONS, vec![plan.into()]).await;
        run.all(ORGANIZATIONS, vec![]).await;
    }

    async fn queue(&self, run: &mut Run<'_>, organization: Uuid) {
        let sql = format!(
            r#"SELECT {REPORTS} FROM "reports" WHERE "reports"."status" = $1 AND "reports"."organization_id" NOT IN ($2) ORDER BY "reports"."submitted_at" ASC, "reports"."id" ASC LIMIT $3"#
        );
        let reports = run.all(&sql, vec!["SUBMITTED".into(), organization.into(), QUEUE_LIMIT.into()]).await;
        let ids: Vec<Uuid> = reports.iter().map(|r| uuid_at(r, 0)).collect();
        let sql = format!(
            r#"SELECT {REVISIONS} FROM "report_revisions" WHERE "report_revisions"."report_id" IN ({}) ORDER BY "report_revisions"."report_id" ASC, "report_revisions"."number" DESC"#,
            placeholders(1, ids.len())
        );
        run.all(&sql, uuids(&ids)).await;
        self.page_relations(run, &reports).await;
    }

    async fn list(&self, run: &mut Run<'_>) {
        let sql = format!(
            r#"SELECT {REPORTS} FROM "reports" WHERE "reports"."status" IN ($1, $2, $3, $4) AND "reports"."period_id" = $5 ORDER BY "reports"."id" ASC LIMIT $6"#
        );
        let mut values: Vec<Value> = VISIBLE_ELSEWHERE.iter().map(|s| (*s).into()).collect();
        values.push(self.list_period.into());
        values.push(51_i64.into());
        let mut reports = run.all(&sql, values).await;
        // One more than the page, to know whether there is a next page.
        reports.truncate(50);
        self.page_relations(run, &reports).await;
    }

    async fn evaluation(&self, run: &mut Run<'_>) {
        let plan = self.plan_id;
        let sql = format!(
            r#"SELECT {EVALUATIONS} FROM "evaluations" WHERE "evaluations"."plan_id" = $1 AND "evaluations"."fiscal_year" = $2 LIMIT $3"#
        );
        let current = run.all(&sql, vec![plan.into(), self.year.into(), 1_i64.into()]).await;
        let evaluation = uuid_at(current.first().expect("the evaluation"), 0);
        let plans = format!(r#"SELECT {PLANS} FROM "plans" WHERE "plans"."id" = $1 LIMIT $2"#);
        run.all(&plans, vec![plan.into(), 1_i64.into()]).await;
        for sql in [GOALS, POLICIES, DIRECTIONS, OWNERS] {
            run.all(sql, vec![plan.into()]).await;
        }
        let periods = format!(
            r#"SELECT {PERIODS} FROM "reporting_periods" WHERE "reporting_periods"."plan_id" = $1 AND "reporting_periods"."fiscal_year" = $2 ORDER BY "reporting_periods"."fiscal_year" ASC, "reporting_periods"."due_on" ASC"#
        );
        let periods: Vec<Uuid> = run
            .all(&periods, vec![plan.into(), self.year.into()])
            .await
            .iter()
            .map(|r| uuid_at(r, 0))
            .collect();
        let reports = format!(
            r#"SELECT {REPORTS} FROM "reports" WHERE "reports"."period_id" IN ({}) ORDER BY "reports"."id" ASC"#,
            placeholders(1, periods.len())
        );
        run.all(&reports, uuids(&periods)).await;
        for sql in [INDICATORS, VALUES] {
            run.all(sql, vec![plan.into()]).await;
        }
        let previous = run.all(&sql, vec![plan.into(), (self.year - 1).into(), 1_i64.into()]).await;
        let mut ids = vec![evaluation];
        ids.extend(previous.first().map(|r| uuid_at(r, 0)));
        let decisions = format!(
            r#"SELECT "evaluation_directions"."evaluation_id", "evaluation_directions"."direction_id", "evaluation_directions"."proposed_rating", "evaluation_directions"."override_rating", "evaluation_directions"."override_reason", "evaluation_directions"."overridden_by", "evaluation_directions"."overridden_at" FROM "evaluation_directions" WHERE "evaluation_directions"."evaluation_id" IN ({})"#,
            placeholders(1, ids.len())
        );
        run.all(&decisions, uuids(&ids)).await;
        let assessments = r#"SELECT "evaluation_assessments"."evaluation_id", "evaluation_assessments"."target", "evaluation_assessments"."body", "evaluation_assessments"."updated_at", "evaluation_assessments"."updated_by" FROM "evaluation_assessments" WHERE "evaluation_assessments"."evaluation_id" = $1"#;
        run.all(assessments, vec![evaluation.into()]).await;
        let all = format!(
            r#"SELECT {EVALUATIONS} FROM "evaluations" WHERE "evaluations"."plan_id" = $1 ORDER BY "evaluations"."fiscal_year" ASC"#
        );
        let all: Vec<Uuid> = run.all(&all, vec![plan.into()]).await.iter().map(|r| uuid_at(r, 0)).collect();
        let opinions = format!(
            r#"SELECT "committee_opinions"."id", "committee_opinions"."evaluation_id", "committee_opinions"."target_code", "committee_opinions"."body", "committee_opinions"."author_id", "committee_opinions"."created_at", "committee_opinions"."response", "committee_opinions"."reflection", "committee_opinions"."responded_at", "committee_opinions"."responded_by" FROM "committee_opinions" WHERE "committee_opinions"."evaluation_id" IN ({}) ORDER BY "committee_opinions"."created_at" ASC, "committee_opinions"."id" ASC"#,
            placeholders(1, all.len())
        );
        run.all(&opinions, uuids(&all)).await;
    }
}
