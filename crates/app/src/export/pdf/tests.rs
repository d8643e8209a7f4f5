//! Renders evaluations built from plain values (the 3rd Omitama plan's 29 directions)
//! and checks the PDF: its header and pages, that poppler turns its pages into pictures,
//! and that its text layer holds the Japanese text.

use std::{
    path::{Path, PathBuf},
    process::Command,
    time::Instant,
};

use chrono::{TimeZone, Utc};
use domain::{
    FiscalYear, Language, NodeCode,
    evaluation::{Evaluation, EvaluationStatus, Opinion, RatingCounts, RatingOverride, YearOverYear},
    ids::{
        DirectionId, EvaluationId, GoalId, IndicatorId, OpinionId, OrganizationId, PeriodId, PlanId,
        PolicyId, ReportId, UserId,
    },
    plan::{
        Bilingual, Goal, Indicator, IndicatorUnit, Organization, OrganizationKind, Plan, Policy,
        PolicyDirection,
    },
    progress::{IndicatorPath, Tolerance},
    report::{Activity, ActivityActor, Figure, NextStep, Report, ReportContent, ReportStatus, SelfRating},
};

use super::evaluation_pdf;
use crate::{
    AnnualEvaluation, DirectionEvaluation, GoalEvaluation, IndicatorEvaluation, MissingReport,
    PolicyEvaluation, export::ExportContext,
};

/// Goals, policies and directions of the 3rd Omitama plan: code, Japanese, English.
const NODES: [(&str, &str, &str); 41] = [
    ("1", "地域で共に支えあう あたたかな心づくり", "Nurturing warm hearts that support one another"),
    ("1-1", "支えあう心の育成", "Fostering a spirit of mutual support"),
    ("1-1-1", "学校や地域における福祉教育の充実", "Welfare education in schools and communities"),
    ("1-1-2", "地域福祉の広報・啓発活動の充実", "Publicity and awareness of community welfare"),
    ("1-2", "地域でのふれあい、交流の場づくり", "Places for contact and exchange"),
    ("1-2-1", "世代間交流の推進", "Intergenerational exchange"),
    ("1-2-2", "地域での交流活動の推進", "Community exchange activities"),
    ("1-2-3", "隣近所との交流への支援", "Support for neighbourly interaction"),
    (
        "1-3",
        "地域福祉を支える人材の育成と活動の活性化",
        "People who sustain community welfare, and their activities",
    ),
    (
        "1-3-1",
        "地域活動・ボランティアの人材やリーダーの育成",
        "Training community and volunteer workers and leaders",
    ),
    ("1-3-2", "ボランティア団体等と担い手をつなぐ仕組みづくり", "Connecting volunteer groups with helpers"),
    ("1-3-3", "地域活動やボランティア活動への支援", "Support for community and volunteer activities"),
    ("1-3-4", "福祉・介護人材、専門職の確保への支援", "Securing welfare and care workers and professionals"),
    ("2", "みんなに届く包括的な支援体制づくり", "A comprehensive support system that reaches everyone"),
    ("2-1", "包括的な相談支援・情報提供体制の充実", "Comprehensive consultation and information"),
    ("2-1-1", "情報提供の充実", "Information provision"),
    ("2-1-2", "包括的な相談支援体制の充実", "Comprehensive consultation support"),
    ("2-1-3", "民生委員・児童委員等との連携", "Cooperation with welfare and child commissioners"),
    ("2-2", "福祉サービスの充実", "Welfare services"),
    ("2-2-1", "地域包括ケアシステムの充実", "Community-based integrated care system"),
    ("2-2-2", "各種福祉サービスの充実", "Welfare services of every kind"),
    ("2-2-3", "相談・苦情対応体制の充実", "Consultation and complaint handling"),
    ("2-3", "自立支援体制の充実", "Support for independent living"),
    ("2-3-1", "社会的孤立への対策", "Measures against social isolation"),
    ("2-3-2", "権利擁護の普及と啓発", "Rights advocacy (incl. adult guardianship)"),
    (
        "2-3-3",
        "虐待、DV(ドメスティックバイオレンス)防止の連携強化",
        "Joint prevention of abuse and domestic violence",
    ),
    ("2-3-4", "生活困窮者への支援", "Support for people in financial hardship"),
    ("2-3-5", "外国人への支援", "Support for foreign residents"),
    ("3", "安全・安心に暮らせるまちづくり", "A town where people live safely and securely"),
    ("3-1", "生活環境整備の充実", "Living environment"),
    ("3-1-1", "バリアフリー・ユニバーサルデザインの推進", "Barrier-free and universal design"),
    ("3-1-2", "利用しやすい交通環境の整備", "Accessible transport"),
    ("3-1-3", "環境美化のまちづくりの推進", "Environmental beautification"),
    ("3-2", "防犯・防災体制の充実", "Crime prevention and disaster preparedness"),
    ("3-2-1", "災害時における地域防災体制づくり", "Community disaster preparedness"),
    ("3-2-2", "要支援者の避難支援体制づくり", "Evacuation support for people who need help"),
    ("3-2-3", "地域で取り組む防犯体制づくり", "Community crime prevention"),
    ("3-3", "地域福祉のネットワークづくり", "The community welfare network"),
    ("3-3-1", "地域福祉推進体制の整備", "The community welfare promotion system"),
    (
        "3-3-2",
        "社会福祉協議会との連携の強化・社会福祉法人との連携",
        "Cooperation with the Council of Social Welfare and social welfare corporations",
    ),
    ("3-3-3", "見守り体制の充実", "Watch-over (mimamori) networks"),
];

/// The directions marked new (新規施策).
const NEW: [&str; 3] = ["1-3-4", "2-1-2", "2-3-5"];

/// Indicators: code, goal, Japanese, English, unit, baseline (FY2020), target (FY2025),
/// the FY2015 value, this year's value (none: not measured).
#[allow(clippy::type_complexity)]
const INDICATORS: [(&str, Option<&str>, &str, &str, IndicatorUnit, f64, f64, f64, Option<f64>); 10] = [
    (
        "I1",
        Some("1"),
        "地域での支えあい活動が必要だと思う市民の割合",
        "Residents who think mutual support is needed",
        IndicatorUnit::Percent,
        85.3,
        90.0,
        85.3,
        Some(88.9),
    ),
    (
        "I2",
        Some("1"),
        "地域活動に参加している市民の割合",
        "Residents who take part in community activities",
        IndicatorUnit::Percent,
        60.5,
        70.0,
        60.1,
        Some(62.0),
    ),
    (
        "I3",
        Some("1"),
        "ボランティア・NPO活動に参加したことがある市民の割合",
        "Residents who have volunteered",
        IndicatorUnit::Percent,
        23.6,
        30.0,
        26.6,
        Some(22.0),
    ),
    (
        "I4",
        Some("2"),
        "民生委員・児童委員を知っている市民の割合",
        "Residents who know their welfare commissioner",
        IndicatorUnit::Percent,
        33.6,
        40.0,
        33.0,
        None,
    ),
    (
        "I5",
        Some("2"),
        "社会福祉協議会の名前や活動を知っている市民の割合",
        "Residents who know the Council of Social Welfare",
        IndicatorUnit::Percent,
        36.8,
        40.0,
        35.6,
        Some(41.0),
    ),
    (
        "I6",
        Some("2"),
        "地域や生活の情報を十分に得ている市民の割合",
        "Residents who get enough information",
        IndicatorUnit::Percent,
        53.8,
        60.0,
        54.7,
        None,
    ),
    (
        "I7",
        Some("3"),
        "地域の防災訓練に参加している市民の割合",
        "Residents who take part in disaster drills",
        IndicatorUnit::Percent,
        8.0,
        20.0,
        9.0,
        Some(15.5),
    ),
    (
        "I8",
        Some("3"),
        "自主防災組織の組織率",
        "Voluntary disaster-prevention organisations",
        IndicatorUnit::Percent,
        81.9,
        90.0,
        79.2,
        Some(86.0),
    ),
    (
        "I9",
        Some("3"),
        "学区コミュニティ組織の数",
        "School-district community organisations",
        IndicatorUnit::Count,
        9.0,
        12.0,
        8.0,
        Some(16.0),
    ),
    (
        "I10",
        None,
        "市民と行政の協働が進んでいると感じる市民の割合",
        "Residents who feel partnership is progressing",
        IndicatorUnit::Percent,
        41.2,
        50.0,
        43.3,
        None,
    ),
];

fn year(year: i64) -> FiscalYear {
    FiscalYear::new(year).unwrap_or_else(|_| unreachable!())
}

fn code(text: &str) -> NodeCode {
    text.parse().unwrap_or_else(|_| unreachable!())
}

fn organization(code: &str, ja: &str, en: &str, kind: OrganizationKind) -> Organization {
    Organization {
        id: OrganizationId::generate(),
        code: code.to_owned(),
        name: Bilingual::new(ja, en),
        kind,
        is_sample: true,
    }
}

fn report(direction: DirectionId, organization: OrganizationId, n: usize) -> Report {
    let rating = SelfRating::ALL[n % 4];
    let long = n.is_multiple_of(5);
    let results = if long {
        "福祉教育推進校において、児童・生徒を対象とした車いす体験、高齢者疑似体験、手話教室等を実施した。\
         また、地域の公民館と連携し、親子で参加できる福祉体験講座（全6回）を開催し、延べ214人が参加した。\
         参加者アンケートでは「障害のある人の立場で考えるきっかけになった」との回答が9割を超えた。"
            .repeat(2)
    } else {
        format!("計画どおり事業を実施し、参加者は前年度より{}人増加した。", 10 + n)
    };
    Report {
        id: ReportId::generate(),
        period_id: PeriodId::generate(),
        direction_id: direction,
        organization_id: organization,
        status: ReportStatus::Accepted,
        version: 3,
        content: ReportContent {
            activities: vec![Activity {
                title: "ふれあいサロンの開催".to_owned(),
                description: "地区ごとに月1回のサロンを開催し、見守りと交流の場とした。".to_owned(),
                actor: Some(ActivityActor::Joint),
                figures: vec![Figure {
                    name: "参加者数".to_owned(),
                    unit: "人".to_owned(),
                    planned: Some(200.0),
                    actual: Some(214.0),
                }],
            }],
            results_summary: Some(results),
            self_rating: Some(rating),
            rating_reason: rating
                .requires_reason()
                .then(|| "担い手の高齢化により、一部地区で開催回数が減少した。".to_owned()),
            issues: Some("新たな担い手の確保と、若い世代への周知が課題である。".to_owned()),
            next_step: Some(if n.is_multiple_of(3) { NextStep::Expand } else { NextStep::Continue }),
            next_step_reason: None,
            indicator_ids: Vec::new(),
        },
        copied_from: None,
        updated_at: Utc::now(),
        updated_by: None,
        submitted_at: Some(Utc::now()),
        accepted_at: Some(Utc::now()),
    }
}

/// The FY2025 evaluation of the 3rd Omitama plan: 29 directions, most with an accepted
/// report (one overridden, one missing), 10 indicators (three not measured) and opinions.
fn omitama() -> (AnnualEvaluation, ExportContext) {
    omitama_in(2025)
}

/// The evaluation of a given fiscal year of the plan.
fn omitama_in(evaluated: i64) -> (AnnualEvaluation, ExportContext) {
    let fiscal_year = year(evaluated);
    let plan_id = PlanId::generate();
    let plan = Plan {
        id: plan_id,
        code: "omitama-3".to_owned(),
        name: Bilingual::new("第3次小美玉市地域福祉計画", "The 3rd Omitama City Community Welfare Plan"),
        start_fiscal_year: year(2021),
        end_fiscal_year: year(2025),
        philosophy: Bilingual::new("ぬくもりあふれるまちづくり", "Building a town overflowing with warmth"),
        slogan: Some(Bilingual::new(
            "ぬくもりあふれる福祉が、みんなを笑顔に。",
            "Welfare overflowing with warmth brings smiles to everyone.",
        )),
    };
    let departments = [
        organization("fukushi", "社会福祉課", "Social Welfare Division", OrganizationKind::Department),
        organization("koureisha", "介護福祉課", "Elderly Care Division", OrganizationKind::Department),
        organization("bousai", "防災管理課", "Disaster Management Division", OrganizationKind::Department),
        organization("kyoudou", "市民協働課", "Citizen Collaboration Division", OrganizationKind::Department),
    ];
    let council =
        organization("shakyo", "社会福祉協議会", "Council of Social Welfare", OrganizationKind::Council);

    let mut goals: Vec<GoalEvaluation> = Vec::new();
    let mut direction_index = 0;
    for (node_code, ja, en) in NODES {
        let node = code(node_code);
        match node_code.matches('-').count() {
            0 => goals.push(GoalEvaluation {
                goal: Goal { id: GoalId::generate(), plan_id, code: node, name: Bilingual::new(ja, en) },
                counts: RatingCounts::default(),
                year_over_year: YearOverYear::between(&RatingCounts::default(), &RatingCounts::default()),
                policies: Vec::new(),
                directions: Vec::new(),
                indicators: Vec::new(),
                assessment: None,
            }),
            1 => {
                let Some(goal) = goals.last_mut() else { unreachable!() };
                goal.policies.push(PolicyEvaluation {
                    policy: Policy {
                        id: PolicyId::generate(),
                        plan_id,
                        goal_id: goal.goal.id,
                        code: node,
                        name: Bilingual::new(ja, en),
                    },
                    counts: RatingCounts::default(),
                });
            }
            _ => {
                let Some(goal) = goals.last_mut() else { unreachable!() };
                let Some(policy) = goal.policies.last_mut() else { unreachable!() };
                let n = direction_index;
                direction_index += 1;
                let direction = PolicyDirection {
                    id: DirectionId::generate(),
                    plan_id,
                    policy_id: policy.policy.id,
                    goal_id: goal.goal.id,
                    code: node,
                    name: Bilingual::new(ja, en),
                    is_new: NEW.contains(&node_code),
                };
                let lead = &departments[n % departments.len()];
                let mut reports = Vec::new();
                let mut missing = Vec::new();
                if n == 7 {
                    missing.push(MissingReport { organization_id: lead.id, status: ReportStatus::Submitted });
                } else {
                    reports.push(report(direction.id, lead.id, n));
                }
                if n % 4 == 1 {
                    reports.push(report(direction.id, council.id, n + 1));
                }
                let proposed = reports.first().and_then(|r| r.content.self_rating);
                let overridden = (n == 3).then(|| RatingOverride {
                    rating: SelfRating::B,
                    reason: "年度後半に事業が進み、概ね計画どおりとなったため。".to_owned(),
                });
                let item = DirectionEvaluation {
                    direction,
                    proposed,
                    overridden,
                    reports,
                    interim_reports: Vec::new(),
                    missing,
                    owners: Vec::new(),
                };
                policy.counts.add_direction(item.rating());
                goal.counts.add_direction(item.rating());
                goal.directions.push(item);
            }
        }
    }
    let mut counts = RatingCounts::default();
    for goal in &mut goals {
        counts.merge(&goal.counts);
        let previous = RatingCounts { a: 1, b: 3, c: 3, d: 2, unrated: 1 };
        goal.year_over_year = YearOverYear::between(&previous, &goal.counts);
        goal.assessment = Some(format!(
            "基本目標{}では、多くの施策で計画どおりに取組が進んだ。一方で、担い手の確保や若い世代への周知に課題が残る。",
            goal.goal.code
        ));
    }
    let indicators: Vec<IndicatorEvaluation> = INDICATORS
        .iter()
        .map(|(code, goal, ja, en, unit, baseline, target, earlier, value)| {
            let indicator = Indicator {
                id: IndicatorId::generate(),
                plan_id,
                goal_id: goal
                    .and_then(|g| goals.iter().find(|e| e.goal.code.to_string() == g))
                    .map(|e| e.goal.id),
                code: (*code).to_owned(),
                name: Bilingual::new(*ja, *en),
                unit: *unit,
                unit_label: (*unit == IndicatorUnit::Count).then(|| Bilingual::new("組織", "organisations")),
                baseline_value: *baseline,
                baseline_fiscal_year: year(2020),
                target_value: *target,
                target_fiscal_year: year(2025),
                source: Bilingual::new("市民アンケート", "Resident survey"),
                source_organization_id: None,
            };
            let path = IndicatorPath::from_indicator(&indicator);
            IndicatorEvaluation {
                progress: path.progress(fiscal_year, *value, Tolerance::NONE),
                previous_trend: Some(path.previous_trend((year(2015), *earlier))),
                source: value.map(|_| "令和7年度市民アンケート".to_owned()),
                indicator,
            }
        })
        .collect();
    for goal in &mut goals {
        goal.indicators =
            indicators.iter().filter(|i| i.indicator.goal_id == Some(goal.goal.id)).cloned().collect();
    }
    let evaluation_id = EvaluationId::generate();
    let at = Utc.with_ymd_and_hms(2026, 5, 20, 3, 0, 0).single().unwrap_or_else(Utc::now);
    let opinion = |body: &str, target: Option<&str>, response: Option<&str>, fy: i64| Opinion {
        id: OpinionId::generate(),
        evaluation_id,
        fiscal_year: year(fy),
        target_code: target.map(str::to_owned),
        body: body.to_owned(),
        author_id: UserId::generate(),
        created_at: at,
        response: response.map(str::to_owned),
        reflection: response.map(|_| "令和8年度の事業計画に反映する。".to_owned()),
        responded_at: response.map(|_| at),
    };
    let opinions = vec![
        opinion(
            "ボランティアの担い手が高齢化しており、学生や働く世代が参加しやすい仕組みづくりが必要である。",
            Some("1-3"),
            Some("大学や企業と連携し、短時間から参加できるボランティアの登録制度を検討する。"),
            evaluated,
        ),
        opinion("防災訓練への参加率が低い地区への働きかけを強めてほしい。", Some("3-2-1"), None, evaluated),
        opinion("計画全体の進捗を市民に分かりやすく公表してほしい。", None, None, evaluated - 1),
    ];
    let evaluation = AnnualEvaluation {
        evaluation: Evaluation {
            id: evaluation_id,
            plan_id,
            fiscal_year,
            status: EvaluationStatus::InCommittee,
            compiled_at: at,
            finalized_at: None,
            published_at: None,
        },
        year_over_year: YearOverYear::between(&RatingCounts { a: 4, b: 9, c: 9, d: 5, unrated: 2 }, &counts),
        counts,
        plan,
        goals,
        indicators,
        opinions,
        assessment: Some(
            "計画最終年度である令和7年度は、29の施策の方向のうち多くで計画どおりに取組が進んだ。\
             支えあいの意識は高い水準を保っている一方、ボランティア活動への参加率は現状値を下回っており、\
             次期計画では担い手の育成と参加しやすい仕組みづくりを重点とする。"
                .to_owned(),
        ),
        internal: true,
    };
    let organizations = departments.into_iter().chain(std::iter::once(council)).map(|o| (o.id, o)).collect();
    (evaluation, ExportContext { organizations, language: Language::Ja, internal: true })
}

/// The number of pages, counted from the page objects (`/Type/Page`, not `/Pages`).
fn page_count(pdf: &[u8]) -> usize {
    let needle = b"/Type/Page";
    pdf.windows(needle.len() + 1)
        .filter(|w| w.starts_with(needle) && !w[needle.len()].is_ascii_alphanumeric())
        .count()
}

/// Whether a poppler tool is installed.
fn has(tool: &str) -> bool {
    Command::new(tool).arg("-v").output().is_ok()
}

/// A fresh directory under the system's temporary directory, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> std::io::Result<Self> {
        let nanos =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        let path = std::env::temp_dir().join(format!("nukumori-pdf-{name}-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&path)?;
        Ok(Self(path))
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn renders_a_pdf_of_several_pages() -> Result<(), Box<dyn std::error::Error>> {
    let (evaluation, context) = omitama();
    let started = Instant::now();
    let pdf = evaluation_pdf(&evaluation, &context)?;
    if let Ok(path) = std::env::var("NUKUMORI_PDF_OUT") {
        std::fs::write(path, &pdf)?;
    }
    eprintln!("29 directions: {} bytes, {} pages, {:?}", pdf.len(), page_count(&pdf), started.elapsed());
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(page_count(&pdf) > 5, "{} pages", page_count(&pdf));
    // The font is subset: far smaller than the 6 MB it comes from.
    assert!(pdf.len() < 1_500_000, "{} bytes", pdf.len());
    // The same evaluation gives the same bytes.
    assert_eq!(evaluation_pdf(&evaluation, &context)?, pdf);
    Ok(())
}

#[test]
fn a_year_inside_the_plan_period_renders() -> Result<(), Box<dyn std::error::Error>> {
    // FY2023: the expected positions lie between baseline and target.
    let (evaluation, context) = omitama_in(2023);
    let pdf = evaluation_pdf(&evaluation, &context)?;
    if let Ok(path) = std::env::var("NUKUMORI_PDF_OUT_2023") {
        std::fs::write(path, &pdf)?;
    }
    assert!(page_count(&pdf) > 5);
    Ok(())
}

#[test]
fn an_empty_evaluation_renders_too() -> Result<(), Box<dyn std::error::Error>> {
    let (mut evaluation, context) = omitama();
    evaluation.goals.clear();
    evaluation.indicators.clear();
    evaluation.opinions.clear();
    evaluation.assessment = None;
    evaluation.counts = RatingCounts::default();
    let pdf = evaluation_pdf(&evaluation, &context)?;
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(page_count(&pdf) > 1);
    Ok(())
}

#[test]
fn pdftoppm_turns_the_pages_into_pictures() -> Result<(), Box<dyn std::error::Error>> {
    if !has("pdftoppm") {
        eprintln!("skipped: pdftoppm is not installed (apt-get install poppler-utils)");
        return Ok(());
    }
    let (evaluation, context) = omitama();
    let dir = TempDir::new("ppm")?;
    let file = dir.path().join("evaluation.pdf");
    std::fs::write(&file, evaluation_pdf(&evaluation, &context)?)?;
    let output = Command::new("pdftoppm")
        .args(["-png", "-r", "60", "-f", "1", "-l", "3"])
        .arg(&file)
        .arg(dir.path().join("page"))
        .output()?;
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(output.stderr.is_empty(), "poppler complained: {}", String::from_utf8_lossy(&output.stderr));
    let pictures: Vec<PathBuf> = std::fs::read_dir(dir.path())?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "png"))
        .collect();
    assert_eq!(pictures.len(), 3, "{pictures:?}");
    for picture in pictures {
        let bytes = std::fs::read(&picture)?;
        assert!(bytes.starts_with(b"\x89PNG"), "{}", picture.display());
    }
    Ok(())
}

fn text_of(pdf: &[u8], name: &str) -> Result<Option<String>, Box<dyn std::error::Error>> {
    if !has("pdftotext") {
        eprintln!("skipped: pdftotext is not installed (apt-get install poppler-utils)");
        return Ok(None);
    }
    let dir = TempDir::new(name)?;
    let file = dir.path().join("evaluation.pdf");
    std::fs::write(&file, pdf)?;
    let output = Command::new("pdftotext").args(["-enc", "UTF-8"]).arg(&file).arg("-").output()?;
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    Ok(Some(String::from_utf8(output.stdout)?))
}

#[test]
fn the_text_layer_holds_the_japanese_text() -> Result<(), Box<dyn std::error::Error>> {
    let (evaluation, context) = omitama();
    let Some(text) = text_of(&evaluation_pdf(&evaluation, &context)?, "ja")? else { return Ok(()) };
    for expected in [
        "第3次小美玉市地域福祉計画",
        "地域福祉計画 年度評価",
        "2025年度（令和7年度）",
        "目次",
        "総括",
        "学校や地域における福祉教育の充実",
        "今年度は未測定",
        "委員意見と市の考え方",
        "社会福祉協議会",
        "未受理の年度末報告",
        "1 / ",
    ] {
        assert!(text.contains(expected), "「{expected}」 is missing from:\n{text}");
    }
    Ok(())
}

#[test]
fn the_public_english_version_leaves_out_missing_reports() -> Result<(), Box<dyn std::error::Error>> {
    let (evaluation, mut context) = omitama();
    context.language = Language::En;
    context.internal = false;
    let pdf = evaluation_pdf(&evaluation, &context)?;
    if let Ok(path) = std::env::var("NUKUMORI_PDF_OUT_EN") {
        std::fs::write(path, &pdf)?;
    }
    let Some(text) = text_of(&pdf, "en")? else { return Ok(()) };
    for expected in
        ["Community Welfare Plan", "Overall assessment", "FY2025 (Reiwa 7)", "Not measured this year"]
    {
        assert!(text.contains(expected), "“{expected}” is missing from:\n{text}");
    }
    assert!(!text.contains("not accepted"), "{text}");
    Ok(())
}
