//! The plan-definition file: one TOML document that describes a whole plan generation,
//! its organisations, goals, policies, directions and indicators with their values.
//!
//! TOML because plan offices edit these files by hand: it has comments, no significant
//! indentation, and every value sits on a line that an error message can point to. The
//! format is documented in `docs/plan-file.md`; `format_version` lets it evolve.
//!
//! [`parse`] turns text into a [`PlanDefinition`] whose every code, year and value has been
//! checked, or into the complete list of [`Problem`]s, each with its line and column.
//! Nothing here touches a database: importing a definition is the store's job.

use std::{collections::HashMap, fmt, ops::Range};

use serde::Deserialize;
use toml::Spanned;

use crate::{
    code::{CodeError, NodeCode, NodeLevel},
    fiscal::FiscalYear,
    i18n::{Language, Localized},
    plan::{Bilingual, IndicatorUnit, OrganizationKind, is_valid_indicator_code, is_valid_slug},
};

/// The version of the format this build reads.
pub const FORMAT_VERSION: i64 = 1;

/// The longest name or text accepted, in characters.
pub const MAX_TEXT_CHARS: usize = 2_000;

/// A validated plan definition, ready to import.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanDefinition {
    /// The plan itself.
    pub plan: PlanHeader,
    /// Organisations the plan names (owners, sources, the plan office, the committee).
    pub organizations: Vec<OrganizationDefinition>,
    /// Basic goals, in code order.
    pub goals: Vec<NodeDefinition>,
    /// Basic policies, in code order; each code's parent is a goal above.
    pub policies: Vec<NodeDefinition>,
    /// Policy directions, in code order; each code's parent is a policy above.
    pub directions: Vec<DirectionDefinition>,
    /// Target indicators, in file order.
    pub indicators: Vec<IndicatorDefinition>,
}

/// The plan's own fields.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanHeader {
    /// Stable key (`omitama-3`).
    pub code: String,
    /// Title.
    pub name: Bilingual,
    /// First fiscal year.
    pub start_fiscal_year: FiscalYear,
    /// Last fiscal year.
    pub end_fiscal_year: FiscalYear,
    /// Basic philosophy.
    pub philosophy: Bilingual,
    /// Slogan, if any.
    pub slogan: Option<Bilingual>,
}

/// An organisation as the file describes it.
#[derive(Clone, Debug, PartialEq)]
pub struct OrganizationDefinition {
    /// Stable key.
    pub code: String,
    /// Name.
    pub name: Bilingual,
    /// Role in the promotion system.
    pub kind: OrganizationKind,
    /// Demo data rather than the city's own.
    pub is_sample: bool,
}

/// A goal or a policy.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeDefinition {
    /// Its code.
    pub code: NodeCode,
    /// Its name.
    pub name: Bilingual,
}

/// A policy direction.
#[derive(Clone, Debug, PartialEq)]
pub struct DirectionDefinition {
    /// Its code.
    pub code: NodeCode,
    /// Its name.
    pub name: Bilingual,
    /// A new measure (新規施策).
    pub is_new: bool,
}

/// A target indicator.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorDefinition {
    /// Stable key within the plan.
    pub code: String,
    /// The goal it measures, or none for the whole plan.
    pub goal: Option<NodeCode>,
    /// What is measured.
    pub name: Bilingual,
    /// Percent or count.
    pub unit: IndicatorUnit,
    /// The counted thing, for counts.
    pub unit_label: Option<Bilingual>,
    /// The baseline year; its value is the one in `values` for that year.
    pub baseline_fiscal_year: FiscalYear,
    /// The baseline value (the observed value of the baseline year).
    pub baseline_value: f64,
    /// Target.
    pub target_value: f64,
    /// Target year, inside the plan period.
    pub target_fiscal_year: FiscalYear,
    /// Where values come from.
    pub source: Bilingual,
    /// The organisation that reports values, by code.
    pub source_organization: Option<String>,
    /// Observed values, one per fiscal year at most, in year order.
    pub values: Vec<ValueDefinition>,
}

/// An observed indicator value.
#[derive(Clone, Debug, PartialEq)]
pub struct ValueDefinition {
    /// The year observed.
    pub fiscal_year: FiscalYear,
    /// The value.
    pub value: f64,
    /// Where this value comes from.
    pub source: Option<String>,
    /// A remark.
    pub note: Option<String>,
}

/// What kind of element a problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    /// An organisation.
    Organization,
    /// A basic goal.
    Goal,
    /// A basic policy.
    Policy,
    /// A policy direction.
    Direction,
    /// A target indicator.
    Indicator,
}

impl Item {
    fn name(self, language: Language) -> &'static str {
        match (self, language) {
            (Self::Organization, Language::Ja) => "組織",
            (Self::Goal, Language::Ja) => "基本目標",
            (Self::Policy, Language::Ja) => "基本施策",
            (Self::Direction, Language::Ja) => "施策の方向",
            (Self::Indicator, Language::Ja) => "目標値",
            (Self::Organization, Language::En) => "organisation",
            (Self::Goal, Language::En) => "goal",
            (Self::Policy, Language::En) => "policy",
            (Self::Direction, Language::En) => "direction",
            (Self::Indicator, Language::En) => "indicator",
        }
    }
}

/// One thing wrong with a plan file, and where.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong.
    pub kind: ProblemKind,
}

/// What is wrong with a plan file.
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// Not TOML, a missing or unknown key, or a value of the wrong type.
    Syntax {
        /// The parser's words.
        message: String,
    },
    /// A format version this build does not read.
    UnsupportedFormatVersion {
        /// The version written.
        found: i64,
    },
    /// A required text is empty or blank.
    EmptyText {
        /// The key.
        key: &'static str,
    },
    /// A text longer than [`MAX_TEXT_CHARS`].
    TextTooLong {
        /// The key.
        key: &'static str,
    },
    /// A text with control characters (other than line breaks and tabs).
    ControlCharacters {
        /// The key.
        key: &'static str,
    },
    /// One of a pair of translations without the other.
    MissingTranslation {
        /// The key that is missing.
        key: &'static str,
    },
    /// A plan or organisation code that is not a slug.
    InvalidSlug {
        /// The code written.
        value: String,
    },
    /// A goal, policy or direction code that is malformed or at the wrong level.
    InvalidCode {
        /// What the code was for.
        item: Item,
        /// Why.
        reason: CodeError,
    },
    /// An indicator code that is not letters, digits, `-` and `_`.
    InvalidIndicatorCode {
        /// The code written.
        value: String,
    },
    /// A code that appears twice.
    DuplicateCode {
        /// Which kind of element.
        item: Item,
        /// The code.
        code: String,
        /// Where it first appeared.
        first_line: usize,
    },
    /// A policy whose goal, or a direction whose policy, is not in the file.
    MissingParent {
        /// The child's kind.
        item: Item,
        /// The child's code.
        code: String,
        /// The parent's code that is missing.
        parent: String,
    },
    /// An indicator that names a goal that is not in the file.
    UnknownGoal {
        /// The goal code.
        code: String,
    },
    /// A reference to an organisation that the file does not define.
    UnknownOrganization {
        /// The organisation code.
        code: String,
    },
    /// An organisation kind that does not exist.
    UnknownOrganizationKind {
        /// The kind written.
        value: String,
    },
    /// An indicator unit that does not exist.
    UnknownUnit {
        /// The unit written.
        value: String,
    },
    /// A fiscal year outside the product's range.
    YearOutOfRange {
        /// The year written.
        year: i64,
    },
    /// A plan that ends before it starts.
    PeriodReversed {
        /// Start.
        start: i64,
        /// End.
        end: i64,
    },
    /// A target year outside the plan period.
    TargetYearOutsidePlan {
        /// The target year.
        year: i64,
        /// Plan start.
        start: i64,
        /// Plan end.
        end: i64,
    },
    /// A baseline year for which `values` holds no value.
    BaselineWithoutValue {
        /// The indicator.
        indicator: String,
        /// The baseline year.
        year: i64,
    },
    /// Two values for the same year.
    DuplicateValueYear {
        /// The year.
        year: i64,
        /// Where the first one is.
        first_line: usize,
    },
    /// A value the unit cannot take (a percentage over 100, a negative count, NaN).
    ValueNotAdmitted {
        /// The value.
        value: f64,
        /// The unit.
        unit: IndicatorUnit,
    },
}

impl Localized for ProblemKind {
    fn localized(&self, language: Language) -> String {
        let ja = language == Language::Ja;
        match self {
            Self::Syntax { message } if ja => format!("TOMLとして読めません: {message}"),
            Self::Syntax { message } => format!("not a valid plan file: {message}"),
            Self::UnsupportedFormatVersion { found } if ja => format!(
                "format_version {found} には対応していません（対応しているのは {FORMAT_VERSION} です）"
            ),
            Self::UnsupportedFormatVersion { found } => {
                format!("format_version {found} is not supported (this version reads {FORMAT_VERSION})")
            }
            Self::EmptyText { key } if ja => format!("`{key}` が空です"),
            Self::EmptyText { key } => format!("`{key}` is empty"),
            Self::TextTooLong { key } if ja => {
                format!("`{key}` が長すぎます（{MAX_TEXT_CHARS}文字まで）")
            }
            Self::TextTooLong { key } => {
                format!("`{key}` is too long (at most {MAX_TEXT_CHARS} characters)")
            }
            Self::ControlCharacters { key } if ja => format!("`{key}` に制御文字が含まれています"),
            Self::ControlCharacters { key } => format!("`{key}` contains control characters"),
            Self::MissingTranslation { key } if ja => {
                format!("`{key}` がありません（日本語と英語は対で書いてください）")
            }
            Self::MissingTranslation { key } => {
                format!("`{key}` is missing (Japanese and English come in pairs)")
            }
            Self::InvalidSlug { value } if ja => {
                format!("コード `{value}` は使えません（英小文字・数字・`-` の64文字まで）")
            }
            Self::InvalidSlug { value } => {
                format!("code `{value}` is not valid (lowercase letters, digits and `-`, at most 64)")
            }
            Self::InvalidCode { item, reason } if ja => {
                format!("{}のコードが正しくありません: {reason}", item.name(language))
            }
            Self::InvalidCode { item, reason } => {
                format!("invalid {} code: {reason}", item.name(language))
            }
            Self::InvalidIndicatorCode { value } if ja => {
                format!("目標値のコード `{value}` は使えません（英数字・`-`・`_` の32文字まで）")
            }
            Self::InvalidIndicatorCode { value } => {
                format!("indicator code `{value}` is not valid (letters, digits, `-`, `_`, at most 32)")
            }
            Self::DuplicateCode { item, code, first_line } if ja => format!(
                "{}のコード `{code}` が重複しています（最初の定義は{first_line}行目）",
                item.name(language)
            ),
            Self::DuplicateCode { item, code, first_line } => format!(
                "duplicate {} code `{code}` (first defined on line {first_line})",
                item.name(language)
            ),
            Self::MissingParent { item, code, parent } if ja => {
                format!("{} `{code}` の上位 `{parent}` がファイルにありません", item.name(language))
            }
            Self::MissingParent { item, code, parent } => format!(
                "{} `{code}` sits under `{parent}`, which the file does not define",
                item.name(language)
            ),
            Self::UnknownGoal { code } if ja => format!("基本目標 `{code}` がファイルにありません"),
            Self::UnknownGoal { code } => format!("goal `{code}` is not defined in the file"),
            Self::UnknownOrganization { code } if ja => {
                format!("組織 `{code}` がファイルの organizations にありません")
            }
            Self::UnknownOrganization { code } => {
                format!("organisation `{code}` is not among the file's organizations")
            }
            Self::UnknownOrganizationKind { value } if ja => {
                format!("組織の種類 `{value}` はありません（department, council, plan_office, committee）")
            }
            Self::UnknownOrganizationKind { value } => {
                format!("unknown organisation kind `{value}` (department, council, plan_office, committee)")
            }
            Self::UnknownUnit { value } if ja => {
                format!("単位 `{value}` はありません（percent, count）")
            }
            Self::UnknownUnit { value } => format!("unknown unit `{value}` (percent, count)"),
            Self::YearOutOfRange { year } if ja => {
                format!("年度 {year} は範囲外です（{}〜{}）", crate::fiscal::EARLIEST, crate::fiscal::LATEST)
            }
            Self::YearOutOfRange { year } => format!(
                "fiscal year {year} is out of range ({}..{})",
                crate::fiscal::EARLIEST,
                crate::fiscal::LATEST
            ),
            Self::PeriodReversed { start, end } if ja => {
                format!("計画期間の終わり（{end}年度）が始まり（{start}年度）より前です")
            }
            Self::PeriodReversed { start, end } => {
                format!("the plan ends (FY{end}) before it starts (FY{start})")
            }
            Self::TargetYearOutsidePlan { year, start, end } if ja => {
                format!("目標年度 {year} が計画期間（{start}〜{end}年度）の外です")
            }
            Self::TargetYearOutsidePlan { year, start, end } => {
                format!("target year FY{year} is outside the plan period FY{start}-FY{end}")
            }
            Self::BaselineWithoutValue { indicator, year } if ja => {
                format!("目標値 `{indicator}` の基準年度 {year} の値が values にありません")
            }
            Self::BaselineWithoutValue { indicator, year } => {
                format!("indicator `{indicator}` has no value for its baseline year FY{year} in `values`")
            }
            Self::DuplicateValueYear { year, first_line } if ja => {
                format!("{year}年度の値が重複しています（最初の値は{first_line}行目）")
            }
            Self::DuplicateValueYear { year, first_line } => {
                format!("a second value for FY{year} (the first is on line {first_line})")
            }
            Self::ValueNotAdmitted { value, unit } if ja => format!(
                "値 {value} は単位 {} では使えません（percent は0〜100、count は0以上）",
                unit.as_str()
            ),
            Self::ValueNotAdmitted { value, unit } => format!(
                "value {value} is impossible for unit {} (percent is 0-100, count is 0 or more)",
                unit.as_str()
            ),
        }
    }
}

impl Localized for Problem {
    fn localized(&self, language: Language) -> String {
        let message = self.kind.localized(language);
        match language {
            Language::Ja => format!("{}行目 {}列: {message}", self.line, self.column),
            Language::En => format!("line {}, column {}: {message}", self.line, self.column),
        }
    }
}

/// Everything wrong with a plan file. Never empty.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanFileError {
    /// The problems, in the order of the file.
    pub problems: Vec<Problem>,
}

impl Localized for PlanFileError {
    fn localized(&self, language: Language) -> String {
        self.problems.iter().map(|p| p.localized(language)).collect::<Vec<_>>().join("\n")
    }
}

impl fmt::Display for PlanFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.localized(Language::En))
    }
}

impl std::error::Error for PlanFileError {}

// The raw shapes mirror the file one to one; `deny_unknown_fields` turns a misspelt key
// into an error that names it, instead of a silently missing value.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    format_version: Spanned<i64>,
    plan: RawPlan,
    #[serde(default)]
    organizations: Vec<Spanned<RawOrganization>>,
    #[serde(default)]
    goals: Vec<Spanned<RawNode>>,
    #[serde(default)]
    policies: Vec<Spanned<RawNode>>,
    #[serde(default)]
    directions: Vec<Spanned<RawDirection>>,
    #[serde(default)]
    indicators: Vec<Spanned<RawIndicator>>,
}

type Text = Spanned<String>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlan {
    code: Text,
    name_ja: Text,
    name_en: Text,
    start_fiscal_year: Spanned<i64>,
    end_fiscal_year: Spanned<i64>,
    philosophy_ja: Text,
    philosophy_en: Text,
    slogan_ja: Option<Text>,
    slogan_en: Option<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOrganization {
    code: Text,
    kind: Text,
    name_ja: Text,
    name_en: Text,
    #[serde(default)]
    sample: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNode {
    code: Text,
    name_ja: Text,
    name_en: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDirection {
    code: Text,
    name_ja: Text,
    name_en: Text,
    #[serde(default)]
    new: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIndicator {
    code: Text,
    goal: Option<Text>,
    name_ja: Text,
    name_en: Text,
    unit: Text,
    unit_label_ja: Option<Text>,
    unit_label_en: Option<Text>,
    baseline_fiscal_year: Spanned<i64>,
    target_value: Spanned<f64>,
    target_fiscal_year: Spanned<i64>,
    source_ja: Text,
    source_en: Text,
    source_organization: Option<Text>,
    #[serde(default)]
    values: Vec<Spanned<RawValue>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawValue {
    fiscal_year: Spanned<i64>,
    value: Spanned<f64>,
    source: Option<Text>,
    note: Option<Text>,
}

/// Reads and validates a plan file. On failure, every problem found is reported; a
/// syntax error stops the reading, so it is reported alone.
pub fn parse(source: &str) -> Result<PlanDefinition, PlanFileError> {
    let mut checker = Checker { source, problems: Vec::new() };
    let raw: RawFile = match toml::from_str(source) {
        Ok(raw) => raw,
        Err(error) => {
            let span = error.span().unwrap_or(0..0);
            checker.report(&span, ProblemKind::Syntax { message: error.message().trim().to_owned() });
            return Err(PlanFileError { problems: checker.problems });
        }
    };
    let definition = checker.check(raw);
    if checker.problems.is_empty() {
        Ok(definition)
    } else {
        checker.problems.sort_by_key(|p| (p.line, p.column));
        Err(PlanFileError { problems: checker.problems })
    }
}

struct Checker<'a> {
    source: &'a str,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn location(&self, offset: usize) -> (usize, usize) {
        let before = self.source.get(..offset).unwrap_or(self.source);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |tail| tail.chars().count()) + 1;
        (line, column)
    }

    fn line_of(&self, span: &Range<usize>) -> usize {
        self.location(span.start).0
    }

    fn report(&mut self, span: &Range<usize>, kind: ProblemKind) {
        let (line, column) = self.location(span.start);
        self.problems.push(Problem { line, column, kind });
    }

    fn text(&mut self, key: &'static str, text: &Text) -> String {
        let value = text.get_ref();
        if value.trim().is_empty() {
            self.report(&text.span(), ProblemKind::EmptyText { key });
        } else if value.chars().count() > MAX_TEXT_CHARS {
            self.report(&text.span(), ProblemKind::TextTooLong { key });
        } else if value.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
            self.report(&text.span(), ProblemKind::ControlCharacters { key });
        }
        value.trim().to_owned()
    }

    fn bilingual(&mut self, keys: (&'static str, &'static str), ja: &Text, en: &Text) -> Bilingual {
        Bilingual { ja: self.text(keys.0, ja), en: self.text(keys.1, en) }
    }

    fn optional_bilingual(
        &mut self,
        keys: (&'static str, &'static str),
        ja: &Option<Text>,
        en: &Option<Text>,
        anchor: &Range<usize>,
    ) -> Option<Bilingual> {
        match (ja, en) {
            (Some(ja), Some(en)) => Some(self.bilingual(keys, ja, en)),
            (None, None) => None,
            (Some(_), None) => {
                self.report(anchor, ProblemKind::MissingTranslation { key: keys.1 });
                None
            }
            (None, Some(_)) => {
                self.report(anchor, ProblemKind::MissingTranslation { key: keys.0 });
                None
            }
        }
    }

    fn optional_text(&mut self, key: &'static str, text: &Option<Text>) -> Option<String> {
        text.as_ref().map(|t| self.text(key, t)).filter(|t| !t.is_empty())
    }

    fn year(&mut self, year: &Spanned<i64>) -> FiscalYear {
        FiscalYear::new(*year.get_ref()).unwrap_or_else(|_| {
            self.report(&year.span(), ProblemKind::YearOutOfRange { year: *year.get_ref() });
            FiscalYear::new(i64::from(crate::fiscal::EARLIEST)).unwrap_or_else(|e| unreachable!("{e}"))
        })
    }

    fn slug(&mut self, code: &Text) -> String {
        if !is_valid_slug(code.get_ref()) {
            self.report(&code.span(), ProblemKind::InvalidSlug { value: code.get_ref().clone() });
        }
        code.get_ref().clone()
    }

    fn node_code(&mut self, item: Item, level: NodeLevel, code: &Text) -> Option<NodeCode> {
        NodeCode::parse_at(code.get_ref(), level)
            .map_err(|reason| self.report(&code.span(), ProblemKind::InvalidCode { item, reason }))
            .ok()
    }

    /// Remembers the line of each code and reports a second occurrence.
    fn unique<K: std::hash::Hash + Eq + fmt::Display>(
        &mut self,
        seen: &mut HashMap<K, usize>,
        item: Item,
        key: K,
        span: &Range<usize>,
    ) -> bool {
        if let Some(&first_line) = seen.get(&key) {
            let code = key.to_string();
            self.report(span, ProblemKind::DuplicateCode { item, code, first_line });
            false
        } else {
            seen.insert(key, self.line_of(span));
            true
        }
    }

    fn check(&mut self, raw: RawFile) -> PlanDefinition {
        if *raw.format_version.get_ref() != FORMAT_VERSION {
            let found = *raw.format_version.get_ref();
            self.report(&raw.format_version.span(), ProblemKind::UnsupportedFormatVersion { found });
        }
        let plan = self.check_plan(&raw.plan);
        let organizations = self.check_organizations(&raw.organizations);
        let known_organizations: HashMap<&str, ()> =
            organizations.iter().map(|o| (o.code.as_str(), ())).collect();

        let mut goals = Vec::new();
        let mut goal_lines = HashMap::new();
        for entry in &raw.goals {
            let node = entry.get_ref();
            let name = self.bilingual(("name_ja", "name_en"), &node.name_ja, &node.name_en);
            if let Some(code) = self.node_code(Item::Goal, NodeLevel::Goal, &node.code)
                && self.unique(&mut goal_lines, Item::Goal, code.clone(), &node.code.span())
            {
                goals.push(NodeDefinition { code, name });
            }
        }

        let mut policies = Vec::new();
        let mut policy_lines = HashMap::new();
        for entry in &raw.policies {
            let node = entry.get_ref();
            let name = self.bilingual(("name_ja", "name_en"), &node.name_ja, &node.name_en);
            if let Some(code) = self.node_code(Item::Policy, NodeLevel::Policy, &node.code)
                && self.unique(&mut policy_lines, Item::Policy, code.clone(), &node.code.span())
            {
                self.parent_exists(Item::Policy, &code, &goal_lines, &node.code.span());
                policies.push(NodeDefinition { code, name });
            }
        }

        let mut directions = Vec::new();
        let mut direction_lines = HashMap::new();
        for entry in &raw.directions {
            let node = entry.get_ref();
            let name = self.bilingual(("name_ja", "name_en"), &node.name_ja, &node.name_en);
            if let Some(code) = self.node_code(Item::Direction, NodeLevel::Direction, &node.code)
                && self.unique(&mut direction_lines, Item::Direction, code.clone(), &node.code.span())
            {
                self.parent_exists(Item::Direction, &code, &policy_lines, &node.code.span());
                directions.push(DirectionDefinition { code, name, is_new: node.new });
            }
        }

        let mut indicators = Vec::new();
        let mut indicator_lines = HashMap::new();
        for entry in &raw.indicators {
            if let Some(indicator) = self.check_indicator(entry, &plan, &goal_lines, &known_organizations)
                && self.unique(
                    &mut indicator_lines,
                    Item::Indicator,
                    indicator.code.clone(),
                    &entry.get_ref().code.span(),
                )
            {
                indicators.push(indicator);
            }
        }

        goals.sort_by(|a, b| a.code.cmp(&b.code));
        policies.sort_by(|a, b| a.code.cmp(&b.code));
        directions.sort_by(|a, b| a.code.cmp(&b.code));
        PlanDefinition { plan, organizations, goals, policies, directions, indicators }
    }

    fn parent_exists(
        &mut self,
        item: Item,
        code: &NodeCode,
        parents: &HashMap<NodeCode, usize>,
        span: &Range<usize>,
    ) {
        if let Some(parent) = code.parent()
            && !parents.contains_key(&parent)
        {
            let kind =
                ProblemKind::MissingParent { item, code: code.to_string(), parent: parent.to_string() };
            self.report(span, kind);
        }
    }

    fn check_plan(&mut self, raw: &RawPlan) -> PlanHeader {
        let code = self.slug(&raw.code);
        let name = self.bilingual(("name_ja", "name_en"), &raw.name_ja, &raw.name_en);
        let philosophy =
            self.bilingual(("philosophy_ja", "philosophy_en"), &raw.philosophy_ja, &raw.philosophy_en);
        let slogan = self.optional_bilingual(
            ("slogan_ja", "slogan_en"),
            &raw.slogan_ja,
            &raw.slogan_en,
            &raw.code.span(),
        );
        let start_fiscal_year = self.year(&raw.start_fiscal_year);
        let end_fiscal_year = self.year(&raw.end_fiscal_year);
        if raw.end_fiscal_year.get_ref() < raw.start_fiscal_year.get_ref() {
            let kind = ProblemKind::PeriodReversed {
                start: *raw.start_fiscal_year.get_ref(),
                end: *raw.end_fiscal_year.get_ref(),
            };
            self.report(&raw.end_fiscal_year.span(), kind);
        }
        PlanHeader { code, name, start_fiscal_year, end_fiscal_year, philosophy, slogan }
    }

    fn check_organizations(&mut self, raw: &[Spanned<RawOrganization>]) -> Vec<OrganizationDefinition> {
        let mut seen = HashMap::new();
        let mut organizations = Vec::new();
        for entry in raw {
            let org = entry.get_ref();
            let code = self.slug(&org.code);
            let name = self.bilingual(("name_ja", "name_en"), &org.name_ja, &org.name_en);
            let kind = OrganizationKind::parse(org.kind.get_ref());
            if kind.is_none() {
                let value = org.kind.get_ref().clone();
                self.report(&org.kind.span(), ProblemKind::UnknownOrganizationKind { value });
            }
            if self.unique(&mut seen, Item::Organization, code.clone(), &org.code.span())
                && let Some(kind) = kind
            {
                organizations.push(OrganizationDefinition { code, name, kind, is_sample: org.sample });
            }
        }
        organizations
    }

    fn check_indicator(
        &mut self,
        entry: &Spanned<RawIndicator>,
        plan: &PlanHeader,
        goals: &HashMap<NodeCode, usize>,
        organizations: &HashMap<&str, ()>,
    ) -> Option<IndicatorDefinition> {
        let raw = entry.get_ref();
        let before = self.problems.len();
        let code = raw.code.get_ref().clone();
        if !is_valid_indicator_code(&code) {
            self.report(&raw.code.span(), ProblemKind::InvalidIndicatorCode { value: code.clone() });
        }
        let goal = raw.goal.as_ref().and_then(|goal| {
            let code = self.node_code(Item::Goal, NodeLevel::Goal, goal)?;
            if !goals.contains_key(&code) {
                self.report(&goal.span(), ProblemKind::UnknownGoal { code: goal.get_ref().clone() });
            }
            Some(code)
        });
        let name = self.bilingual(("name_ja", "name_en"), &raw.name_ja, &raw.name_en);
        let unit = IndicatorUnit::parse(raw.unit.get_ref());
        if unit.is_none() {
            self.report(&raw.unit.span(), ProblemKind::UnknownUnit { value: raw.unit.get_ref().clone() });
        }
        let unit_label = self.optional_bilingual(
            ("unit_label_ja", "unit_label_en"),
            &raw.unit_label_ja,
            &raw.unit_label_en,
            &raw.unit.span(),
        );
        let source = self.bilingual(("source_ja", "source_en"), &raw.source_ja, &raw.source_en);
        let source_organization = raw.source_organization.as_ref().map(|org| {
            if !organizations.contains_key(org.get_ref().as_str()) {
                self.report(&org.span(), ProblemKind::UnknownOrganization { code: org.get_ref().clone() });
            }
            org.get_ref().clone()
        });

        let baseline_fiscal_year = self.year(&raw.baseline_fiscal_year);
        let target_fiscal_year = self.year(&raw.target_fiscal_year);
        let target_year = *raw.target_fiscal_year.get_ref();
        let (start, end) = (plan.start_fiscal_year.year(), plan.end_fiscal_year.year());
        if target_year < i64::from(start) || target_year > i64::from(end) {
            let kind = ProblemKind::TargetYearOutsidePlan {
                year: target_year,
                start: i64::from(start),
                end: i64::from(end),
            };
            self.report(&raw.target_fiscal_year.span(), kind);
        }
        let target_value = *raw.target_value.get_ref();
        if let Some(unit) = unit
            && !unit.admits(target_value)
        {
            self.report(
                &raw.target_value.span(),
                ProblemKind::ValueNotAdmitted { value: target_value, unit },
            );
        }

        let mut values = Vec::new();
        let mut years = HashMap::new();
        for value_entry in &raw.values {
            let value = value_entry.get_ref();
            let fiscal_year = self.year(&value.fiscal_year);
            let year = *value.fiscal_year.get_ref();
            if let Some(&first_line) = years.get(&year) {
                self.report(&value.fiscal_year.span(), ProblemKind::DuplicateValueYear { year, first_line });
            } else {
                years.insert(year, self.line_of(&value.fiscal_year.span()));
            }
            let number = *value.value.get_ref();
            if let Some(unit) = unit
                && !unit.admits(number)
            {
                self.report(&value.value.span(), ProblemKind::ValueNotAdmitted { value: number, unit });
            }
            values.push(ValueDefinition {
                fiscal_year,
                value: number,
                source: self.optional_text("source", &value.source),
                note: self.optional_text("note", &value.note),
            });
        }
        values.sort_by_key(|v| v.fiscal_year);
        let baseline_value = values.iter().find(|v| v.fiscal_year == baseline_fiscal_year).map(|v| v.value);
        if baseline_value.is_none() {
            let kind = ProblemKind::BaselineWithoutValue {
                indicator: code.clone(),
                year: *raw.baseline_fiscal_year.get_ref(),
            };
            self.report(&raw.baseline_fiscal_year.span(), kind);
        }

        let clean = self.problems.len() == before;
        match (clean, unit, baseline_value) {
            (true, Some(unit), Some(baseline_value)) => Some(IndicatorDefinition {
                code,
                goal,
                name,
                unit,
                unit_label,
                baseline_fiscal_year,
                baseline_value,
                target_value,
                target_fiscal_year,
                source,
                source_organization,
                values,
            }),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests;
