//! Sample history for the demo: FY2021–FY2024 reported, accepted, evaluated, discussed
//! by the committee and published, with sample indicator values; and FY2025 interim
//! reports in every state of the workflow. Everything written here is sample data and
//! says so (【サンプル】). The FY2025 year-end period is left for the plan office to
//! open: the demo's first step.
//!
//! The history is generated, not random: the same database every time, so a screenshot
//! or a support question refers to the same numbers.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use domain::{
    FiscalYear,
    access::{Actor, Role, UserActor},
    ids::{CommentId, PlanId},
    plan::{Indicator, IndicatorUnit},
    report::{
        Activity, ActivityActor, Figure, NextStep, PeriodKind, Report, ReportContent, ReportStatus,
        SelfRating,
    },
    review::Comment,
};

use crate::{App, AppError, NewPeriod, demo::OMITAMA_PLAN_CODE};

/// The years of sample history before the current one.
const HISTORY: std::ops::RangeInclusive<i32> = 2021..=2024;
/// The year the demo is in.
const CURRENT: i32 = 2025;

/// A small deterministic hash, so the same report always gets the same sample.
fn pick(seed: &str, modulo: u64) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in seed.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash % modulo.max(1)
}

fn at(date: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&date.and_hms_opt(1, 0, 0).unwrap_or_default())
}

fn date(year: i32, month: u32, day: u32) -> Result<NaiveDate, AppError> {
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| AppError::internal("demo date"))
}

const ACTIVITIES: [(&str, &str); 8] = [
    ("見守り訪問の実施", "民生委員・児童委員と連携し、高齢者のみ世帯を訪問した。"),
    ("地域サロンの運営支援", "地区社協と協力し、ふれあいサロンの立ち上げと運営を支援した。"),
    ("相談窓口の周知", "広報紙と市ホームページで相談窓口を案内し、出前講座を開いた。"),
    ("ボランティア養成講座", "傾聴ボランティアの養成講座を開き、修了者を活動先につないだ。"),
    ("避難行動要支援者名簿の更新", "名簿の同意確認を進め、個別避難計画の作成を支援した。"),
    ("多機関協働の会議", "重層的支援体制整備事業の支援会議を定例で開いた。"),
    ("生活困窮者への伴走支援", "自立相談支援機関と連携し、就労と家計の相談に応じた。"),
    ("子ども食堂への支援", "食材提供の仲介と衛生講習で地域の子ども食堂を支えた。"),
];

/// Ratings improve a little year by year, as a plan that works would show.
fn rating(seed: &str, year: i32) -> SelfRating {
    let roll = pick(seed, 100) + u64::try_from(year - 2021).unwrap_or(0) * 4;
    match roll {
        0..=9 => SelfRating::D,
        10..=31 => SelfRating::C,
        32..=79 => SelfRating::B,
        _ => SelfRating::A,
    }
}

fn sample_content(seed: &str, year: i32, interim: bool) -> ReportContent {
    let first = usize::try_from(pick(seed, ACTIVITIES.len() as u64)).unwrap_or(0);
    let second = (first + 3) % ACTIVITIES.len();
    let planned = 20 + pick(&format!("{seed}p"), 80);
    let progress = if interim { 45 } else { 80 + pick(&format!("{seed}a"), 40) };
    let actual = planned * progress / 100;
    let activity = |index: usize, figures: Vec<Figure>| Activity {
        title: ACTIVITIES[index].0.to_owned(),
        description: format!("【サンプル】{}", ACTIVITIES[index].1),
        actor: Some(match pick(&format!("{seed}{index}"), 3) {
            0 => ActivityActor::City,
            1 => ActivityActor::Council,
            _ => ActivityActor::Joint,
        }),
        figures,
    };
    let rating = rating(seed, year);
    ReportContent {
        activities: vec![
            activity(
                first,
                vec![Figure {
                    name: "実施回数".into(),
                    unit: "回".into(),
                    planned: Some(planned as f64),
                    actual: Some(actual as f64),
                }],
            ),
            activity(second, Vec::new()),
        ],
        results_summary: Some(format!(
            "【サンプル】計画{planned}回に対し{actual}回実施した。{}",
            if interim {
                "上半期の実施状況です。"
            } else {
                "参加者の満足度は概ね高かった。"
            }
        )),
        self_rating: Some(rating),
        rating_reason: rating
            .requires_reason()
            .then(|| "【サンプル】担い手の確保が進まず、予定の回数に届かなかった。".to_owned()),
        issues: Some("【サンプル】担い手の高齢化と、若い世代への周知が課題である。".to_owned()),
        next_step: Some(match rating {
            SelfRating::A => NextStep::Expand,
            SelfRating::B => NextStep::Continue,
            SelfRating::C | SelfRating::D => NextStep::Revise,
        }),
        next_step_reason: Some(
            "【サンプル】地区ごとの状況に合わせて進め方を見直しながら継続する。".to_owned(),
        ),
        indicator_ids: Vec::new(),
    }
}

/// A sample value of an indicator in a year: moving from the baseline toward the target
/// at a pace that differs by indicator; surveys (percent indicators) only in even years.
fn sample_value(indicator: &Indicator, year: i32) -> Option<f64> {
    if indicator.unit == IndicatorUnit::Percent && year % 2 == 1 {
        return None;
    }
    let span =
        f64::from(indicator.target_fiscal_year.year() - indicator.baseline_fiscal_year.year()).max(1.0);
    let elapsed = f64::from(year - indicator.baseline_fiscal_year.year());
    let pace = [0.9, 0.6, -0.3, 0.4, 1.1][usize::try_from(pick(&indicator.code, 5)).unwrap_or(0)];
    let value = indicator.baseline_value
        + (indicator.target_value - indicator.baseline_value) * pace * elapsed / span;
    Some((value * 10.0).round() / 10.0)
}

impl App {
    async fn demo_actor(&self, email: &str) -> Result<Actor, AppError> {
        let credentials =
            self.db.credentials_by_email(email).await?.ok_or(AppError::NotFound { what: "demo account" })?;
        Ok(Actor::User(UserActor {
            user_id: credentials.user.id,
            email: credentials.user.email,
            organization_id: credentials.user.organization_id,
            roles: credentials.user.roles,
        }))
    }

    /// Loads the sample history into a demo installation that has no reporting period
    /// yet; says whether it did. Needs the demo plan and accounts.
    pub async fn load_demo_history(&self) -> Result<bool, AppError> {
        let Some(plan) = self.db.plan_by_code(OMITAMA_PLAN_CODE).await? else { return Ok(false) };
        if !self.db.periods(plan.id, None).await?.is_empty() {
            return Ok(false);
        }
        let office = self.demo_actor("office@omitama.example").await?;
        let committee = self.demo_actor("committee@omitama.example").await?;
        let office_id = office.user().map(|u| u.user_id);
        let indicators = self.db.indicators_of_plan(plan.id).await?;
        for year in HISTORY {
            let fiscal_year = FiscalYear::try_from(year).map_err(|e| AppError::internal(e.to_string()))?;
            self.sample_period(plan.id, year, PeriodKind::Interim, |_| ReportStatus::Accepted).await?;
            self.sample_period(plan.id, year, PeriodKind::YearEnd, |_| ReportStatus::Accepted).await?;
            for indicator in &indicators {
                if let Some(value) = sample_value(indicator, year) {
                    let source = Some(format!("【サンプル】{}年度 市民意識調査・所管課集計", year));
                    self.record_indicator_value(&office, indicator.id, fiscal_year, value, source, None)
                        .await?;
                }
            }
            let evaluation = self.compile_annual_evaluation(&office, plan.id, fiscal_year).await?;
            let id = evaluation.evaluation.id;
            if let Some(direction) = evaluation.goals.first().and_then(|g| g.directions.get(1)) {
                let reason = "【サンプル】指標の改善が見られたが、一部地区で未実施のため一段階下げた。";
                self.override_direction_rating(&office, id, direction.direction.id, SelfRating::C, reason)
                    .await?;
            }
            let summary = format!(
                "【サンプル】{year}年度は、見守りと居場所づくりが着実に広がった一方、担い手の確保が引き続き課題である。"
            );
            self.write_assessment(&office, id, None, &summary).await?;
            for goal in &evaluation.goals {
                let text = format!("【サンプル】{}の取組は概ね計画どおり進んだ。", goal.goal.name.ja);
                self.write_assessment(&office, id, Some(&goal.goal.code.to_string()), &text).await?;
            }
            self.start_committee_review(&office, id).await?;
            let goal_code =
                evaluation.goals.get(usize::try_from(year % 3).unwrap_or(0)).map(|g| g.goal.code.to_string());
            let opinions = [
                (None, "【サンプル】計画全体として着実に進んでいる。若い世代への周知を強めてほしい。"),
                (goal_code.as_deref(), "【サンプル】担い手の育成について、地区ごとの目標を示してはどうか。"),
            ];
            for (index, (target, body)) in opinions.into_iter().enumerate() {
                let opinion = self.add_committee_opinion(&committee, id, target, body).await?;
                // The last year's second opinion stays open and carries over.
                if !(year == *HISTORY.end() && index == 1) {
                    self.respond_to_opinion(
                        &office,
                        opinion.id,
                        "【サンプル】ご意見を踏まえ、次年度の事業計画に反映します。",
                        "【サンプル】次年度に反映",
                    )
                    .await?;
                }
            }
            self.finalize_annual_evaluation(&office, id).await?;
            self.publish_annual_evaluation(&office, id).await?;
        }
        // This year's interim reports, in every state of the workflow.
        let states = [
            ReportStatus::NotStarted,
            ReportStatus::Draft,
            ReportStatus::AwaitingManager,
            ReportStatus::Submitted,
            ReportStatus::Returned,
            ReportStatus::Accepted,
        ];
        let seeded = self
            .sample_period(plan.id, CURRENT, PeriodKind::Interim, |index| states[index % states.len()])
            .await?;
        // A return carries its reason as a comment, as a real return does.
        let tx = self.db.write().await?;
        for report in seeded.iter().filter(|r| r.status == ReportStatus::Returned) {
            let Some(author) = office_id else { break };
            let office_org = office.user().map(|u| u.organization_id).unwrap_or(report.organization_id);
            tx.insert_comment(&Comment {
                id: CommentId::generate(),
                report_id: report.id,
                parent_id: None,
                field: None,
                activity_index: None,
                body: "【サンプル】実施回数の根拠となる資料を添付してください。".to_owned(),
                author_id: author,
                author_organization_id: office_org,
                created_at: report.updated_at,
                edited_at: None,
                retracted_at: None,
                resolved_at: None,
                resolved_by: None,
            })
            .await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Sample history for any plan, for benchmarks: for each year an interim and a
    /// year-end period with every report accepted, and the year's evaluation compiled.
    pub async fn load_sample_history(
        &self,
        plan_id: PlanId,
        years: std::ops::RangeInclusive<i32>,
    ) -> Result<(), AppError> {
        for year in years {
            let fiscal_year = FiscalYear::try_from(year).map_err(|e| AppError::internal(e.to_string()))?;
            self.sample_period(plan_id, year, PeriodKind::Interim, |_| ReportStatus::Accepted).await?;
            self.sample_period(plan_id, year, PeriodKind::YearEnd, |_| ReportStatus::Accepted).await?;
            self.compile_annual_evaluation(&Actor::System, plan_id, fiscal_year).await?;
        }
        Ok(())
    }

    /// An interim period of `year` with its reports spread over every workflow state
    /// (a sixth of them waiting for review), for benchmarks of the review queue.
    pub async fn load_sample_queue(&self, plan_id: PlanId, year: i32) -> Result<usize, AppError> {
        let states = [
            ReportStatus::NotStarted,
            ReportStatus::Draft,
            ReportStatus::AwaitingManager,
            ReportStatus::Submitted,
            ReportStatus::Returned,
            ReportStatus::Accepted,
        ];
        let reports = self
            .sample_period(plan_id, year, PeriodKind::Interim, |index| states[index % states.len()])
            .await?;
        Ok(reports.iter().filter(|r| r.status == ReportStatus::Submitted).count())
    }

    /// Opens a sample period and writes every report of it into the state `status_of`
    /// gives (by the report's position); returns the reports as written.
    async fn sample_period(
        &self,
        plan_id: PlanId,
        year: i32,
        kind: PeriodKind,
        status_of: impl Fn(usize) -> ReportStatus,
    ) -> Result<Vec<Report>, AppError> {
        let (opens_on, due_on) = match kind {
            PeriodKind::YearEnd => (date(year + 1, 4, 1)?, date(year + 1, 5, 31)?),
            _ => (date(year, 9, 1)?, date(year, 10, 31)?),
        };
        let new = NewPeriod { plan_id, fiscal_year: year, kind, opens_on, due_on };
        let (period, _) = self.open_reporting_period(&Actor::System, new).await?;
        let reports = self.db.reports_of_periods(&[period.id]).await?;
        let writers = self
            .db
            .active_users_with_roles(
                None,
                &[Role::DepartmentStaff, Role::DepartmentManager, Role::CouncilCoordinator],
            )
            .await?;
        let interim = kind != PeriodKind::YearEnd;
        let submitted = at(due_on) - Duration::days(5);
        let mut written = Vec::new();
        let tx = self.db.write().await?;
        for (index, report) in reports.into_iter().enumerate() {
            let status = status_of(index);
            if status == ReportStatus::NotStarted {
                written.push(report);
                continue;
            }
            let seed = format!("{}:{}:{year}:{}", report.direction_id, report.organization_id, kind.as_str());
            let writer = writers.iter().find(|u| u.organization_id == report.organization_id).map(|u| u.id);
            let content = sample_content(&seed, year, interim);
            let after_submission = !matches!(status, ReportStatus::Draft);
            let sample =
                Report { status, version: 2, content, updated_at: submitted, updated_by: writer, ..report };
            if after_submission && status != ReportStatus::Returned {
                tx.freeze_revision(&sample, writer).await?;
            }
            let accepted_at = (status == ReportStatus::Accepted).then(|| submitted + Duration::days(7));
            tx.seed_report(&sample, after_submission.then_some(submitted), accepted_at).await?;
            written.push(Report {
                accepted_at,
                submitted_at: after_submission.then_some(submitted),
                ..sample
            });
        }
        tx.commit().await?;
        Ok(written)
    }
}
