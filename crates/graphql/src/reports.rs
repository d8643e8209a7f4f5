//! Ownership, the reporting calendar and status reports in the API.
//!
//! Lists load their relations for the whole page at once: the connection resolver asks
//! the request cache for every period, person and evidence list of its page, so each
//! item then reads from memory and a page costs the same few statements at any length.

use std::collections::HashMap;

use app::{
    CompletionMatrix, NewPeriod, ReportFilter, ReportPatch,
    domain::{
        Language,
        access::ReportRef,
        i18n::Localized,
        ids::{DirectionId, IndicatorId, OrganizationId, PeriodId, PlanId, ReportId},
        ownership::{OwnerRole, OwnershipChange},
        report::{
            Activity, ActivityActor, Figure, NextStep, PeriodKind, Report, ReportField, ReportStatus,
            ReportingPeriod, SelfRating, is_overdue, missing_for_submission, today_in_japan,
        },
    },
};
use async_graphql::{Context, Enum, ID, InputObject, MaybeUndefined, Object, Result, SimpleObject, Upload};
use chrono::{DateTime, NaiveDate, Utc};

use crate::{
    accounts::PageInfo,
    error::{coded, to_graphql},
    objects::{IndicatorObject, OrganizationObject, PlanObject, PolicyDirectionObject},
    resolve::{app, cache, fail, language, loaded, parse_uuid, request},
};

mirror_enum!(
    /// A report's place in the workflow.
    ReportStatusValue as "ReportStatus", ReportStatus {
        /// 未着手.
        NotStarted,
        /// 作成中.
        Draft,
        /// 課長確認待ち.
        AwaitingManager,
        /// 提出済み.
        Submitted,
        /// 差し戻し.
        Returned,
        /// 受理.
        Accepted,
        /// 確定 (the annual evaluation was finalised).
        Locked,
    }
);

mirror_enum!(
    /// 自己評価.
    SelfRatingValue as "SelfRating", SelfRating {
        /// 達成.
        A,
        /// 概ね達成.
        B,
        /// やや遅れ.
        C,
        /// 遅れ.
        D,
    }
);

mirror_enum!(
    /// 今後の方向性.
    NextStepValue as "NextStep", NextStep {
        /// 拡充.
        Expand,
        /// 継続.
        Continue,
        /// 見直し.
        Revise,
        /// 縮小.
        Reduce,
        /// 廃止.
        Abolish,
    }
);

mirror_enum!(
    /// Who carried an activity out.
    ActivityActorValue as "ActivityActor", ActivityActor {
        /// The city.
        City,
        /// The Council of Social Welfare.
        Council,
        /// Jointly with residents or groups.
        Joint,
    }
);

mirror_enum!(
    /// An owner's role for a direction.
    OwnerRoleValue as "OwnerRole", OwnerRole {
        /// 主担当課.
        Lead,
        /// 関係課.
        CoOwner,
    }
);

mirror_enum!(
    /// A part of a report.
    ReportFieldValue as "ReportField", ReportField {
        /// 取組.
        Activities,
        /// 実績.
        ResultsSummary,
        /// 自己評価.
        SelfRating,
        /// 評価の理由.
        RatingReason,
        /// 課題.
        Issues,
        /// 今後の方向性.
        NextStep,
        /// 方向性の理由.
        NextStepReason,
        /// 関連する目標値.
        Indicators,
    }
);

/// The kind of a reporting period.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(name = "PeriodKind")]
pub enum PeriodKindValue {
    /// 中間報告.
    Interim,
    /// 年度末報告.
    YearEnd,
    /// 四半期 (with its number).
    Quarter,
}

/// One assignment of an organisation to a direction.
pub struct OwnershipObject(pub app::domain::report::Ownership);

#[Object(name = "Ownership")]
impl OwnershipObject {
    async fn organization(&self, ctx: &Context<'_>) -> Result<Option<OrganizationObject>> {
        let organizations = loaded(ctx, cache(ctx)?.organizations().await)?;
        Ok(organizations.get(&self.0.organization_id).map(OrganizationObject))
    }
    async fn role(&self) -> OwnerRoleValue {
        self.0.role.into()
    }
    async fn assigned_at(&self) -> DateTime<Utc> {
        self.0.assigned_at
    }
    /// When the assignment ended; null while it holds.
    async fn unassigned_at(&self) -> Option<DateTime<Utc>> {
        self.0.unassigned_at
    }
}

/// Owners of a direction, lead first.
pub(crate) async fn owners_of(
    ctx: &Context<'_>,
    direction: &app::domain::plan::PolicyDirection,
) -> Result<Vec<OwnershipObject>> {
    let owners = loaded(ctx, cache(ctx)?.owners(direction.plan_id).await)?;
    let mut list = owners.children(&direction.id);
    list.sort_by_key(|o| (o.role != OwnerRole::Lead, o.assigned_at));
    Ok(list.into_iter().map(OwnershipObject).collect())
}

/// Every assignment a direction had (the plan office and coordinators).
pub(crate) async fn history_of(ctx: &Context<'_>, direction: DirectionId) -> Result<Vec<OwnershipObject>> {
    let request = request(ctx)?;
    let history = app(ctx)?.ownership_history(&request.actor, direction).await.map_err(fail(ctx))?;
    Ok(history.into_iter().map(OwnershipObject).collect())
}

/// A reporting period.
pub struct PeriodObject(pub ReportingPeriod);

#[Object(name = "ReportingPeriod")]
impl PeriodObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn plan(&self, ctx: &Context<'_>) -> Result<Option<PlanObject>> {
        Ok(loaded(ctx, cache(ctx)?.plan(self.0.plan_id).await)?.map(PlanObject))
    }
    /// The fiscal year reported on (年度).
    async fn fiscal_year(&self) -> i32 {
        self.0.fiscal_year.year()
    }
    async fn kind(&self) -> PeriodKindValue {
        match self.0.kind {
            PeriodKind::Interim => PeriodKindValue::Interim,
            PeriodKind::YearEnd => PeriodKindValue::YearEnd,
            PeriodKind::Quarter(_) => PeriodKindValue::Quarter,
        }
    }
    /// The quarter's number for quarterly periods.
    async fn quarter(&self) -> Option<i32> {
        match self.0.kind {
            PeriodKind::Quarter(number) => Some(i32::from(number)),
            _ => None,
        }
    }
    async fn opens_on(&self) -> NaiveDate {
        self.0.opens_on
    }
    /// Due date, a calendar date in Japan.
    async fn due_on(&self) -> NaiveDate {
        self.0.due_on
    }
    /// `令和7年度 年度末報告`.
    async fn label_ja(&self) -> String {
        self.0.label(Language::Ja)
    }
    /// `FY2025 (Reiwa 7) Year-end report`.
    async fn label_en(&self) -> String {
        self.0.label(Language::En)
    }
}

/// A number that shows what an activity achieved.
#[derive(SimpleObject)]
#[graphql(name = "Figure")]
pub struct FigureObject {
    pub name: String,
    pub unit: String,
    pub planned: Option<f64>,
    pub actual: Option<f64>,
}

/// One thing the owner did (取組).
#[derive(SimpleObject)]
#[graphql(name = "Activity")]
pub struct ActivityObject {
    pub title: String,
    pub description: String,
    pub actor: Option<ActivityActorValue>,
    pub figures: Vec<FigureObject>,
}

impl From<&Activity> for ActivityObject {
    fn from(activity: &Activity) -> Self {
        Self {
            title: activity.title.clone(),
            description: activity.description.clone(),
            actor: activity.actor.map(Into::into),
            figures: activity
                .figures
                .iter()
                .map(|f| FigureObject {
                    name: f.name.clone(),
                    unit: f.unit.clone(),
                    planned: f.planned,
                    actual: f.actual,
                })
                .collect(),
        }
    }
}

/// Something a report still lacks for submission.
#[derive(SimpleObject)]
pub struct MissingPartObject {
    /// The input path to point at (`resultsSummary`, `activities[0].title`).
    pub field: String,
    /// What to do, in the caller's language.
    pub message: String,
}

/// A person shown as the author of a change.
#[derive(SimpleObject)]
pub struct PersonObject {
    pub id: ID,
    pub display_name: String,
}

/// An evidence file attached to a report.
pub struct EvidenceObject(pub app::domain::report::EvidenceFile);

#[Object(name = "Evidence")]
impl EvidenceObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn file_name(&self) -> &str {
        &self.0.file_name
    }
    /// The type detected from the content.
    async fn content_type(&self) -> &str {
        &self.0.content_type
    }
    /// Bytes.
    async fn size(&self) -> i64 {
        self.0.size
    }
    async fn sha256(&self) -> &str {
        &self.0.sha256
    }
    async fn description(&self) -> Option<&str> {
        self.0.description.as_deref()
    }
    async fn uploaded_at(&self) -> DateTime<Utc> {
        self.0.uploaded_at
    }
    /// Where to download it (the same permission as the report).
    async fn download_path(&self) -> String {
        format!("/files/{}", self.0.id)
    }
}

/// 進捗状況報告: one owner's report on one direction for one period.
pub struct ReportObject(pub Report);

impl ReportObject {
    fn reference(&self) -> ReportRef {
        self.0.reference()
    }
}

async fn period_of(ctx: &Context<'_>, id: PeriodId) -> Result<ReportingPeriod> {
    let periods = loaded(ctx, cache(ctx)?.periods(&[id]).await)?;
    periods.get(&id).cloned().ok_or_else(|| coded(app::ErrorCode::Internal, "period missing".into()))
}

#[Object(name = "StatusReport")]
impl ReportObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn direction(&self, ctx: &Context<'_>) -> Result<Option<PolicyDirectionObject>> {
        let period = period_of(ctx, self.0.period_id).await?;
        let directions = loaded(ctx, cache(ctx)?.directions(period.plan_id).await)?;
        Ok(directions.get(&self.0.direction_id).map(PolicyDirectionObject))
    }
    /// The owner that writes it.
    async fn organization(&self, ctx: &Context<'_>) -> Result<Option<OrganizationObject>> {
        let organizations = loaded(ctx, cache(ctx)?.organizations().await)?;
        Ok(organizations.get(&self.0.organization_id).map(OrganizationObject))
    }
    async fn period(&self, ctx: &Context<'_>) -> Result<PeriodObject> {
        Ok(PeriodObject(period_of(ctx, self.0.period_id).await?))
    }
    async fn status(&self) -> ReportStatusValue {
        self.0.status.into()
    }
    /// Incremented by every save; pass it as `expectedVersion`.
    async fn version(&self) -> i32 {
        self.0.version
    }
    /// Past the period's due date and not yet with the reviewers.
    async fn overdue(&self, ctx: &Context<'_>) -> Result<bool> {
        let period = period_of(ctx, self.0.period_id).await?;
        Ok(is_overdue(self.0.status, period.due_on, today_in_japan(Utc::now())))
    }
    async fn activities(&self) -> Vec<ActivityObject> {
        self.0.content.activities.iter().map(ActivityObject::from).collect()
    }
    async fn results_summary(&self) -> Option<&str> {
        self.0.content.results_summary.as_deref()
    }
    async fn self_rating(&self) -> Option<SelfRatingValue> {
        self.0.content.self_rating.map(Into::into)
    }
    async fn rating_reason(&self) -> Option<&str> {
        self.0.content.rating_reason.as_deref()
    }
    async fn issues(&self) -> Option<&str> {
        self.0.content.issues.as_deref()
    }
    async fn next_step(&self) -> Option<NextStepValue> {
        self.0.content.next_step.map(Into::into)
    }
    async fn next_step_reason(&self) -> Option<&str> {
        self.0.content.next_step_reason.as_deref()
    }
    /// The indicators the work contributes to.
    async fn indicators(&self, ctx: &Context<'_>) -> Result<Vec<IndicatorObject>> {
        if self.0.content.indicator_ids.is_empty() {
            return Ok(Vec::new());
        }
        let period = period_of(ctx, self.0.period_id).await?;
        let indicators = loaded(ctx, cache(ctx)?.indicators(period.plan_id).await)?;
        Ok(self
            .0
            .content
            .indicator_ids
            .iter()
            .filter_map(|id| indicators.get(id))
            .map(IndicatorObject)
            .collect())
    }
    async fn evidence(&self, ctx: &Context<'_>) -> Result<Vec<EvidenceObject>> {
        let files = loaded(ctx, cache(ctx)?.evidence(&[(self.0.id, self.reference())]).await)?;
        Ok(files.get(&self.0.id).cloned().unwrap_or_default().into_iter().map(EvidenceObject).collect())
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
    /// Who saved it last.
    async fn updated_by(&self, ctx: &Context<'_>) -> Result<Option<PersonObject>> {
        crate::review::person(ctx, self.0.updated_by).await
    }
    /// The previous period's report its text was copied from.
    async fn copied_from_id(&self) -> Option<ID> {
        self.0.copied_from.map(|id| ID(id.to_string()))
    }
    /// The parts still exactly as copied from the previous period, for the reviewer.
    async fn unchanged_since_copy(&self, ctx: &Context<'_>) -> Result<Vec<ReportFieldValue>> {
        let request = request(ctx)?;
        let fields = app(ctx)?.unchanged_since_copy(&request.actor, &self.0).await.map_err(fail(ctx))?;
        Ok(fields.into_iter().map(Into::into).collect())
    }
    /// When it last reached the queue it waits in (the manager's or the reviewers').
    async fn submitted_at(&self) -> Option<DateTime<Utc>> {
        self.0.submitted_at
    }
    /// When a reviewer accepted it.
    async fn accepted_at(&self) -> Option<DateTime<Utc>> {
        self.0.accepted_at
    }
    /// The workflow steps the viewer may take now (which buttons to show).
    async fn available_actions(&self, ctx: &Context<'_>) -> Result<Vec<crate::review::WorkflowActionValue>> {
        crate::review::actions_of(ctx, self).await
    }
    /// The comments, oldest first; replies name their thread's first comment.
    async fn comments(&self, ctx: &Context<'_>) -> Result<Vec<crate::review::CommentObject>> {
        crate::review::comments_of(ctx, self).await
    }
    /// Each submission, frozen, oldest first.
    async fn revisions(&self, ctx: &Context<'_>) -> Result<Vec<crate::review::RevisionObject>> {
        crate::review::revisions_of(ctx, self).await
    }
    /// Every event about it, oldest first: saves, uploads, submissions, returns with
    /// their reasons, acceptance, comments.
    async fn history(&self, ctx: &Context<'_>) -> Result<Vec<crate::accounts::AuditEventObject>> {
        let request = request(ctx)?;
        let events = app(ctx)?.report_history(&request.actor, &self.0).await.map_err(fail(ctx))?;
        Ok(events.into_iter().map(crate::accounts::AuditEventObject).collect())
    }
    /// What it still lacks for submission; empty when it is complete.
    async fn missing_for_submission(&self, ctx: &Context<'_>) -> Vec<MissingPartObject> {
        let language = language(ctx);
        missing_for_submission(&self.0.content)
            .into_iter()
            .map(|part| MissingPartObject { field: part.path(), message: part.localized(language) })
            .collect()
    }
}

/// A report with its cursor.
#[derive(SimpleObject)]
pub struct ReportEdge {
    pub cursor: String,
    pub node: ReportObject,
}

/// A page of reports.
#[derive(SimpleObject)]
pub struct ReportConnection {
    pub nodes: Vec<ReportObject>,
    pub edges: Vec<ReportEdge>,
    pub page_info: PageInfo,
}

/// Loads the relations of a page of reports in one go, so the items read from memory.
pub(crate) async fn prefetch(ctx: &Context<'_>, reports: &[Report]) -> Result<()> {
    let cache = cache(ctx)?;
    let periods: Vec<PeriodId> = reports.iter().map(|r| r.period_id).collect();
    loaded(ctx, cache.periods(&periods).await)?;
    let people: Vec<_> = reports.iter().filter_map(|r| r.updated_by).collect();
    if !people.is_empty() {
        loaded(ctx, cache.people(&people).await)?;
    }
    let refs: Vec<(ReportId, ReportRef)> = reports.iter().map(|r| (r.id, r.reference())).collect();
    loaded(ctx, cache.evidence(&refs).await)?;
    Ok(())
}

/// Narrows a report list.
#[derive(InputObject, Default)]
pub struct ReportFilterInput {
    pub period_id: Option<ID>,
    pub organization_id: Option<ID>,
    pub direction_id: Option<ID>,
    pub status: Option<ReportStatusValue>,
}

/// A figure, as written.
#[derive(InputObject)]
pub struct FigureInput {
    pub name: String,
    pub unit: String,
    pub planned: Option<f64>,
    pub actual: Option<f64>,
}

/// An activity, as written.
#[derive(InputObject)]
pub struct ActivityInput {
    pub title: String,
    #[graphql(default)]
    pub description: String,
    pub actor: Option<ActivityActorValue>,
    #[graphql(default)]
    pub figures: Vec<FigureInput>,
}

/// The editable parts of a report. Every field is optional, because a draft may be saved
/// half-written: an omitted field stays as it is, `null` clears it.
#[derive(InputObject, Default)]
pub struct ReportInput {
    /// The complete new list of activities.
    pub activities: MaybeUndefined<Vec<ActivityInput>>,
    pub results_summary: MaybeUndefined<String>,
    pub self_rating: MaybeUndefined<SelfRatingValue>,
    pub rating_reason: MaybeUndefined<String>,
    pub issues: MaybeUndefined<String>,
    pub next_step: MaybeUndefined<NextStepValue>,
    pub next_step_reason: MaybeUndefined<String>,
    /// The complete new list of linked indicators.
    pub indicator_ids: MaybeUndefined<Vec<ID>>,
}

fn patch_of<T, U>(value: MaybeUndefined<T>, map: impl FnOnce(T) -> U) -> Option<Option<U>> {
    match value {
        MaybeUndefined::Undefined => None,
        MaybeUndefined::Null => Some(None),
        MaybeUndefined::Value(value) => Some(Some(map(value))),
    }
}

impl ReportInput {
    fn into_patch(self, ctx: &Context<'_>) -> Result<ReportPatch> {
        let indicator_ids = match self.indicator_ids {
            MaybeUndefined::Undefined => None,
            MaybeUndefined::Null => Some(Vec::new()),
            MaybeUndefined::Value(ids) => {
                Some(ids.iter().map(|id| parse_uuid(ctx, id).map(IndicatorId)).collect::<Result<Vec<_>>>()?)
            }
        };
        let activities = patch_of(self.activities, |list| {
            list.into_iter()
                .map(|a| Activity {
                    title: a.title,
                    description: a.description,
                    actor: a.actor.map(Into::into),
                    figures: a
                        .figures
                        .into_iter()
                        .map(|f| Figure { name: f.name, unit: f.unit, planned: f.planned, actual: f.actual })
                        .collect(),
                })
                .collect()
        });
        Ok(ReportPatch {
            activities: activities.map(Option::unwrap_or_default),
            results_summary: patch_of(self.results_summary, |t| t),
            self_rating: patch_of(self.self_rating, Into::into),
            rating_reason: patch_of(self.rating_reason, |t| t),
            issues: patch_of(self.issues, |t| t),
            next_step: patch_of(self.next_step, Into::into),
            next_step_reason: patch_of(self.next_step_reason, |t| t),
            indicator_ids,
        })
    }
}

/// A period to open.
#[derive(InputObject)]
pub struct OpenReportingPeriodInput {
    pub plan_id: ID,
    /// The fiscal year reported on (2025 for 令和7年度).
    pub fiscal_year: i32,
    pub kind: PeriodKindValue,
    /// 1 to 4, for quarterly periods.
    pub quarter: Option<i32>,
    pub opens_on: NaiveDate,
    pub due_on: NaiveDate,
}

/// One cell of the completion matrix.
#[derive(SimpleObject)]
pub struct CompletionCell {
    pub report_id: ID,
    pub organization: Option<OrganizationObject>,
    pub status: ReportStatusValue,
}

/// A direction's row of the completion matrix.
#[derive(SimpleObject)]
pub struct CompletionRow {
    pub direction: PolicyDirectionObject,
    pub cells: Vec<CompletionCell>,
}

/// How many reports are in a status.
#[derive(SimpleObject)]
pub struct StatusCount {
    pub status: ReportStatusValue,
    pub count: i32,
}

/// Every report of a period: directions × owners × status, with counts.
#[derive(SimpleObject)]
pub struct CompletionMatrixObject {
    pub period: PeriodObject,
    pub rows: Vec<CompletionRow>,
    pub counts: Vec<StatusCount>,
    pub total: i32,
}

/// A change an ownership table would make.
#[derive(SimpleObject)]
pub struct OwnershipChangeObject {
    /// `ADD`, `CHANGE_ROLE` or `REMOVE`.
    pub kind: String,
    pub direction_code: String,
    pub organization_code: String,
    /// The role after the change (before it, for a removal).
    pub role: OwnerRoleValue,
    /// The role before, for a role change.
    pub previous_role: Option<OwnerRoleValue>,
}

impl From<OwnershipChange> for OwnershipChangeObject {
    fn from(change: OwnershipChange) -> Self {
        match change {
            OwnershipChange::Add { direction, organization, role } => Self {
                kind: "ADD".into(),
                direction_code: direction.to_string(),
                organization_code: organization,
                role: role.into(),
                previous_role: None,
            },
            OwnershipChange::ChangeRole { direction, organization, from, to } => Self {
                kind: "CHANGE_ROLE".into(),
                direction_code: direction.to_string(),
                organization_code: organization,
                role: to.into(),
                previous_role: Some(from.into()),
            },
            OwnershipChange::Remove { direction, organization, role } => Self {
                kind: "REMOVE".into(),
                direction_code: direction.to_string(),
                organization_code: organization,
                role: role.into(),
                previous_role: None,
            },
        }
    }
}

/// A problem of an ownership table, with its line.
#[derive(SimpleObject)]
pub struct CsvProblemObject {
    pub line: i32,
    pub message: String,
}

/// What an ownership table would change, or what is wrong with it.
#[derive(SimpleObject)]
pub struct OwnershipImportPreview {
    /// True when the table can be applied.
    pub valid: bool,
    pub changes: Vec<OwnershipChangeObject>,
    /// Every invalid row with its line number; nothing is applied while there are any.
    pub problems: Vec<CsvProblemObject>,
}

/// Reads of ownership, the calendar and reports.
#[derive(Default)]
pub struct ReportQuery;

#[Object]
impl ReportQuery {
    /// The periods of a plan, of one fiscal year if given (signed-in users).
    async fn reporting_periods(
        &self,
        ctx: &Context<'_>,
        plan_id: ID,
        fiscal_year: Option<i32>,
    ) -> Result<Vec<PeriodObject>> {
        let request = request(ctx)?;
        let plan_id = PlanId(parse_uuid(ctx, &plan_id)?);
        let periods =
            app(ctx)?.reporting_periods(&request.actor, plan_id, fiscal_year).await.map_err(fail(ctx))?;
        Ok(periods.into_iter().map(PeriodObject).collect())
    }

    /// What the viewer's organisation owes: this year's reports and any older ones still
    /// outstanding, due first, overdue ones flagged.
    async fn my_reports(&self, ctx: &Context<'_>) -> Result<Vec<ReportObject>> {
        let request = request(ctx)?;
        let owed = app(ctx)?.my_reports(&request.actor).await.map_err(fail(ctx))?;
        let cache = cache(ctx)?;
        let periods: Vec<PeriodId> = owed.iter().map(|o| o.period.id).collect();
        loaded(ctx, cache.periods(&periods).await)?;
        let reports: Vec<Report> = owed.into_iter().map(|o| o.report).collect();
        prefetch(ctx, &reports).await?;
        Ok(reports.into_iter().map(ReportObject).collect())
    }

    /// One report; `NOT_FOUND` when it does not exist or is not the caller's to see.
    async fn report(&self, ctx: &Context<'_>, id: ID) -> Result<Option<ReportObject>> {
        let request = request(ctx)?;
        let id = ReportId(parse_uuid(ctx, &id)?);
        let report = app(ctx)?.report(&request.actor, id).await.map_err(fail(ctx))?;
        Ok(Some(ReportObject(report)))
    }

    /// The reports the caller may see, oldest first; `after` is the previous page's
    /// `endCursor`.
    async fn reports(
        &self,
        ctx: &Context<'_>,
        filter: Option<ReportFilterInput>,
        #[graphql(default = 50)] first: i32,
        after: Option<String>,
    ) -> Result<ReportConnection> {
        let request = request(ctx)?;
        let filter = filter.unwrap_or_default();
        let id = |value: Option<ID>| value.map(|v| parse_uuid(ctx, &v)).transpose();
        let filter = ReportFilter {
            period_id: id(filter.period_id)?.map(PeriodId),
            organization_id: id(filter.organization_id)?.map(OrganizationId),
            direction_id: id(filter.direction_id)?.map(DirectionId),
            status: filter.status.map(Into::into),
        };
        let after = after.map(|cursor| parse_uuid(ctx, &ID(cursor)).map(ReportId)).transpose()?;
        let first = u64::try_from(first.max(1)).unwrap_or(1);
        let (reports, has_next_page) =
            app(ctx)?.reports(&request.actor, &filter, first, after).await.map_err(fail(ctx))?;
        prefetch(ctx, &reports).await?;
        let end_cursor = reports.last().map(|r| r.id.to_string());
        let edges = reports
            .iter()
            .map(|r| ReportEdge { cursor: r.id.to_string(), node: ReportObject(r.clone()) })
            .collect();
        Ok(ReportConnection {
            nodes: reports.into_iter().map(ReportObject).collect(),
            edges,
            page_info: PageInfo { has_next_page, end_cursor },
        })
    }

    /// Every report of a period: directions × owners × status, with counts per status
    /// (the plan office and the Council's coordinators).
    async fn completion_matrix(&self, ctx: &Context<'_>, period_id: ID) -> Result<CompletionMatrixObject> {
        let request = request(ctx)?;
        let period_id = PeriodId(parse_uuid(ctx, &period_id)?);
        let CompletionMatrix { period, cells, counts } =
            app(ctx)?.completion_matrix(&request.actor, period_id).await.map_err(fail(ctx))?;
        let directions = loaded(ctx, cache(ctx)?.directions(period.plan_id).await)?;
        let organizations = loaded(ctx, cache(ctx)?.organizations().await)?;
        let mut by_direction: HashMap<DirectionId, Vec<CompletionCell>> = HashMap::new();
        let total = i32::try_from(cells.len()).unwrap_or(i32::MAX);
        for (report, direction, organization, status) in cells {
            by_direction.entry(direction).or_default().push(CompletionCell {
                report_id: ID(report.to_string()),
                organization: organizations.get(&organization).map(OrganizationObject),
                status: status.into(),
            });
        }
        let rows = directions
            .all
            .iter()
            .map(|direction| {
                let mut cells = by_direction.remove(&direction.id).unwrap_or_default();
                cells.sort_by(|a, b| {
                    let code = |c: &CompletionCell| c.organization.as_ref().map(|o| o.0.code.clone());
                    code(a).cmp(&code(b))
                });
                CompletionRow { direction: PolicyDirectionObject(direction.clone()), cells }
            })
            .collect();
        let counts = counts
            .into_iter()
            .map(|(status, count)| StatusCount {
                status: status.into(),
                count: i32::try_from(count).unwrap_or(i32::MAX),
            })
            .collect();
        Ok(CompletionMatrixObject { period: PeriodObject(period), rows, counts, total })
    }

    /// The whole assignment table of a plan as CSV (UTF-8 with BOM, Japanese headers),
    /// for the plan office and coordinators.
    async fn ownership_csv(&self, ctx: &Context<'_>, plan_id: ID) -> Result<String> {
        let request = request(ctx)?;
        let plan_id = PlanId(parse_uuid(ctx, &plan_id)?);
        app(ctx)?.export_ownership_csv(&request.actor, plan_id).await.map_err(fail(ctx))
    }
}

/// Changes to ownership, the calendar and reports.
#[derive(Default)]
pub struct ReportMutation;

fn direction_result(
    ctx: &Context<'_>,
    direction: Option<app::domain::plan::PolicyDirection>,
) -> Result<PolicyDirectionObject> {
    direction
        .map(PolicyDirectionObject)
        .ok_or_else(|| to_graphql(&app::AppError::NotFound { what: "direction" }, language(ctx)))
}

#[Object]
impl ReportMutation {
    /// Assigns an organisation to a direction (plan office). Assigning a lead where there
    /// is one makes the previous lead a co-owner. The new owner gets its reports in
    /// every open period.
    async fn assign_direction(
        &self,
        ctx: &Context<'_>,
        direction_id: ID,
        organization_id: ID,
        role: OwnerRoleValue,
    ) -> Result<PolicyDirectionObject> {
        let request = request(ctx)?;
        let direction = DirectionId(parse_uuid(ctx, &direction_id)?);
        let organization = OrganizationId(parse_uuid(ctx, &organization_id)?);
        let app = app(ctx)?;
        app.assign_direction(&request.actor, direction, organization, role.into())
            .await
            .map_err(fail(ctx))?;
        direction_result(ctx, app.direction_by_id(&request.actor, direction).await.map_err(fail(ctx))?)
    }

    /// Ends an organisation's assignment to a direction (plan office). Its reports that
    /// nobody started are removed; the others stay.
    async fn unassign_direction(
        &self,
        ctx: &Context<'_>,
        direction_id: ID,
        organization_id: ID,
    ) -> Result<PolicyDirectionObject> {
        let request = request(ctx)?;
        let direction = DirectionId(parse_uuid(ctx, &direction_id)?);
        let organization = OrganizationId(parse_uuid(ctx, &organization_id)?);
        let app = app(ctx)?;
        app.unassign_direction(&request.actor, direction, organization).await.map_err(fail(ctx))?;
        direction_result(ctx, app.direction_by_id(&request.actor, direction).await.map_err(fail(ctx))?)
    }

    /// What importing an ownership table (CSV) would change, with every invalid row and
    /// its line number (plan office). Nothing is changed.
    async fn preview_ownership_import(
        &self,
        ctx: &Context<'_>,
        plan_id: ID,
        csv: String,
    ) -> Result<OwnershipImportPreview> {
        let request = request(ctx)?;
        let plan_id = PlanId(parse_uuid(ctx, &plan_id)?);
        match app(ctx)?.preview_ownership_import(&request.actor, plan_id, csv.as_bytes()).await {
            Ok(changes) => Ok(OwnershipImportPreview {
                valid: true,
                changes: changes.into_iter().map(Into::into).collect(),
                problems: Vec::new(),
            }),
            Err(app::AppError::Invalid(app::InputProblem::OwnershipCsv(problems))) => {
                let language = language(ctx);
                Ok(OwnershipImportPreview {
                    valid: false,
                    changes: Vec::new(),
                    problems: problems
                        .into_iter()
                        .map(|p| CsvProblemObject {
                            line: i32::try_from(p.line).unwrap_or(i32::MAX),
                            message: p.kind.localized(language),
                        })
                        .collect(),
                })
            }
            Err(error) => Err(fail(ctx)(error)),
        }
    }

    /// Applies an ownership table in one transaction (plan office); refused, changing
    /// nothing, while any row is invalid.
    async fn apply_ownership_import(
        &self,
        ctx: &Context<'_>,
        plan_id: ID,
        csv: String,
    ) -> Result<Vec<OwnershipChangeObject>> {
        let request = request(ctx)?;
        let plan_id = PlanId(parse_uuid(ctx, &plan_id)?);
        let changes = app(ctx)?
            .apply_ownership_import(&request.actor, plan_id, csv.as_bytes())
            .await
            .map_err(fail(ctx))?;
        Ok(changes.into_iter().map(Into::into).collect())
    }

    /// Opens a reporting period (plan office) and creates one report, not started, for
    /// every (direction, owner) pair.
    async fn open_reporting_period(
        &self,
        ctx: &Context<'_>,
        input: OpenReportingPeriodInput,
    ) -> Result<PeriodObject> {
        let request = request(ctx)?;
        let kind = match input.kind {
            PeriodKindValue::Interim => PeriodKind::Interim,
            PeriodKindValue::YearEnd => PeriodKind::YearEnd,
            PeriodKindValue::Quarter => {
                PeriodKind::Quarter(input.quarter.and_then(|q| u8::try_from(q).ok()).unwrap_or(0))
            }
        };
        let new = NewPeriod {
            plan_id: PlanId(parse_uuid(ctx, &input.plan_id)?),
            fiscal_year: input.fiscal_year,
            kind,
            opens_on: input.opens_on,
            due_on: input.due_on,
        };
        let (period, _) = app(ctx)?.open_reporting_period(&request.actor, new).await.map_err(fail(ctx))?;
        Ok(PeriodObject(period))
    }

    /// Saves a draft (the owning organisation's writers). `expectedVersion` is the
    /// `version` the edit started from; if someone saved since, nothing is written and
    /// the error (`CONFLICT`) carries `currentVersion` so the writer can merge.
    async fn save_report(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: ReportInput,
        expected_version: i32,
    ) -> Result<ReportObject> {
        let request = request(ctx)?;
        let id = ReportId(parse_uuid(ctx, &id)?);
        let patch = input.into_patch(ctx)?;
        let report =
            app(ctx)?.save_report(&request.actor, id, patch, expected_version).await.map_err(fail(ctx))?;
        Ok(ReportObject(report))
    }

    /// Attaches evidence to a report (the owning organisation's writers), by the GraphQL
    /// multipart request spec with an `X-Requested-With` header. Accepted by content:
    /// PDF, PNG, JPEG, Office documents, CSV and text, up to the configured size.
    async fn upload_evidence(
        &self,
        ctx: &Context<'_>,
        report_id: ID,
        file: Upload,
        description: Option<String>,
    ) -> Result<EvidenceObject> {
        let request = request(ctx)?;
        let report_id = ReportId(parse_uuid(ctx, &report_id)?);
        let upload = file
            .value(ctx)
            .map_err(|_| to_graphql(&app::AppError::Invalid(app::InputProblem::EmptyFile), language(ctx)))?;
        let file_name = upload.filename.clone();
        let mut reader = upload.content;
        let content = tokio::task::spawn_blocking(move || {
            let mut buffer = Vec::new();
            std::io::Read::read_to_end(&mut reader, &mut buffer).map(|_| buffer)
        })
        .await
        .map_err(|e| to_graphql(&app::AppError::internal(e.to_string()), language(ctx)))?
        .map_err(|e| to_graphql(&app::AppError::internal(e.to_string()), language(ctx)))?;
        let incoming = app::IncomingFile { file_name, content: bytes::Bytes::from(content), description };
        let file = app(ctx)?.upload_evidence(&request.actor, report_id, incoming).await.map_err(fail(ctx))?;
        Ok(EvidenceObject(file))
    }

    /// Detaches evidence from a report its organisation is still writing.
    async fn remove_evidence(&self, ctx: &Context<'_>, id: ID) -> Result<EvidenceObject> {
        let request = request(ctx)?;
        let id = app::domain::ids::EvidenceId(parse_uuid(ctx, &id)?);
        let file = app(ctx)?.remove_evidence(&request.actor, id).await.map_err(fail(ctx))?;
        Ok(EvidenceObject(file))
    }

    /// Starts a report from the writer's previous report on the same direction (the
    /// latest earlier period); the reviewer later sees which parts stayed unchanged.
    async fn copy_previous_report(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
    ) -> Result<ReportObject> {
        let request = request(ctx)?;
        let id = ReportId(parse_uuid(ctx, &id)?);
        let report =
            app(ctx)?.copy_previous_report(&request.actor, id, expected_version).await.map_err(fail(ctx))?;
        Ok(ReportObject(report))
    }
}
