//! Who may do what. One function, [`decide`], answers every "may this actor do this?"
//! question of the product; every use case asks it before it reads or changes anything,
//! and nothing is decided anywhere else (not in resolvers, not in the web app).
//!
//! Actions carry what the rule needs to know about the resource (whose it is, what roles
//! a target user holds), so the rules stay pure and can be tested exhaustively.

use serde::{Deserialize, Serialize};

use crate::{
    ids::{OrganizationId, UserId},
    report::ReportStatus,
};

/// A role a user holds. A user belongs to one organisation and holds one or more roles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    /// 事務局: runs the plan; manages users, assignments and periods; reviews reports.
    PlanOffice,
    /// 担当課職員: writes and submits their own organisation's reports.
    DepartmentStaff,
    /// 担当課長: what staff do, and signs off their organisation's reports.
    DepartmentManager,
    /// 社協コーディネーター: writes the Council's reports, reviews departments' reports.
    CouncilCoordinator,
    /// 推進委員: reads accepted reports and the evaluation, comments, writes opinions.
    CommitteeMember,
    /// System administrator: accounts and settings only.
    Admin,
}

impl Role {
    /// Every role.
    pub const ALL: [Self; 6] = [
        Self::PlanOffice,
        Self::DepartmentStaff,
        Self::DepartmentManager,
        Self::CouncilCoordinator,
        Self::CommitteeMember,
        Self::Admin,
    ];

    /// The stable name used in the database, the API and the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PlanOffice => "PLAN_OFFICE",
            Self::DepartmentStaff => "DEPARTMENT_STAFF",
            Self::DepartmentManager => "DEPARTMENT_MANAGER",
            Self::CouncilCoordinator => "COUNCIL_COORDINATOR",
            Self::CommitteeMember => "COMMITTEE_MEMBER",
            Self::Admin => "ADMIN",
        }
    }

    /// The inverse of [`Self::as_str`], ignoring case.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|role| role.as_str().eq_ignore_ascii_case(text.trim()))
    }
}

/// A signed-in person, as far as permissions are concerned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserActor {
    /// The user.
    pub user_id: UserId,
    /// Their e-mail, for the audit log.
    pub email: String,
    /// Their organisation.
    pub organization_id: OrganizationId,
    /// Their roles.
    pub roles: Vec<Role>,
}

impl UserActor {
    /// Whether the user holds `role`.
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

/// Whoever asks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Actor {
    /// The public: no account, reads only what the city has published.
    Anonymous,
    /// An operator at the server's command line (imports, migrations, first accounts):
    /// whoever can run the binary against the database already holds every key.
    System,
    /// A signed-in user.
    User(UserActor),
}

impl Actor {
    /// The signed-in user, if any.
    pub fn user(&self) -> Option<&UserActor> {
        match self {
            Self::User(user) => Some(user),
            _ => None,
        }
    }
}

/// A user account that an action is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountRef {
    /// The account.
    pub user_id: UserId,
    /// The roles it holds now.
    pub roles: Vec<Role>,
}

/// A report that an action is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReportRef {
    /// The owning organisation that writes it.
    pub organization_id: OrganizationId,
    /// Where it is in the workflow.
    pub status: ReportStatus,
}

/// Which reports an actor may read: every report of their own organisation (drafts
/// included), and reports of other organisations only once they have reached a status
/// that concerns them. This one rule serves both single reads ([`decide`]) and list
/// queries, which turn it into SQL, so a list never shows what a single read would refuse.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReportVisibility {
    /// The organisation whose reports are all visible, drafts included.
    pub own_organization: Option<OrganizationId>,
    /// The statuses in which other organisations' reports are visible.
    pub statuses_elsewhere: Vec<ReportStatus>,
}

impl ReportVisibility {
    /// Whether a report is visible.
    pub fn includes(&self, report: ReportRef) -> bool {
        self.own_organization == Some(report.organization_id)
            || self.statuses_elsewhere.contains(&report.status)
    }

    /// Whether nothing at all is visible.
    pub fn is_empty(&self) -> bool {
        self.own_organization.is_none() && self.statuses_elsewhere.is_empty()
    }
}

/// The roles that write their organisation's reports.
const WRITERS: [Role; 3] = [Role::DepartmentStaff, Role::DepartmentManager, Role::CouncilCoordinator];

/// Reports that have left their department: what reviewers see.
const REVIEWABLE: [ReportStatus; 4] =
    [ReportStatus::Submitted, ReportStatus::Returned, ReportStatus::Accepted, ReportStatus::Locked];

/// Which reports `actor` may read.
pub fn report_visibility(actor: &Actor) -> ReportVisibility {
    let Actor::User(user) = actor else {
        return match actor {
            Actor::System => {
                ReportVisibility { own_organization: None, statuses_elsewhere: ReportStatus::ALL.to_vec() }
            }
            _ => ReportVisibility::default(),
        };
    };
    let mut statuses: Vec<ReportStatus> = Vec::new();
    // The plan office and the Council's coordinators review what departments submit.
    if user.has(Role::PlanOffice) || user.has(Role::CouncilCoordinator) {
        statuses.extend(REVIEWABLE);
    }
    // The committee reads the accepted reports behind the evaluation.
    if user.has(Role::CommitteeMember) {
        statuses.extend([ReportStatus::Accepted, ReportStatus::Locked]);
    }
    statuses.sort();
    statuses.dedup();
    ReportVisibility {
        own_organization: WRITERS.iter().any(|role| user.has(*role)).then_some(user.organization_id),
        statuses_elsewhere: statuses,
    }
}

/// Something an actor may want to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Read the plan tree and its indicators: the plan is a published document.
    ReadPlan,
    /// Read the list of organisations: the city's organisation chart is public.
    ReadOrganizations,
    /// Import or change a plan's structure.
    ManagePlanStructure,
    /// Add an organisation or rename one (a department reorganised, the committee formed).
    ManageOrganizations,
    /// List every account.
    ListUsers,
    /// Read one account.
    ReadUser(AccountRef),
    /// Create an account with these roles.
    CreateUser {
        /// The roles the new account gets.
        roles: Vec<Role>,
    },
    /// Change an account's name, organisation, language, roles or activity.
    UpdateUser {
        /// The account as it is.
        target: AccountRef,
        /// The roles it will have.
        new_roles: Vec<Role>,
    },
    /// Deactivate an account, ending its sessions.
    DeactivateUser(AccountRef),
    /// Change one's own password.
    ChangeOwnPassword,
    /// Read the audit log.
    ReadAuditLog,
    /// Assign or unassign owners of policy directions.
    ManageAssignments,
    /// Open reporting periods.
    ManagePeriods,
    /// See every organisation's progress in a period (the completion matrix).
    ViewProgress,
    /// See the reporting calendar (periods and due dates).
    ReadReportingCalendar,
    /// See colleagues' names and organisations (who saved a report, who uploaded a file).
    ReadDirectory,
    /// List reports; which ones is [`report_visibility`]'s business.
    ListReports,
    /// Read a report, its evidence and its history.
    ReadReport(ReportRef),
    /// Write a report's content, attach or remove evidence.
    EditReport(ReportRef),
    /// Comment on a report, reply, resolve a thread (writers, their manager, reviewers,
    /// and committee members on accepted reports: whoever may read it).
    CommentOnReport(ReportRef),
    /// See the reports waiting for one's sign-off or review.
    ReadReviewQueue,
    /// Accept or return several reports in one request (each is still judged alone).
    BulkReview,
    /// Choose how one's own notifications arrive.
    ManageOwnNotifications,
    /// Record an indicator's value for a year: the plan office, or the organisation the
    /// indicator names as its source.
    RecordIndicatorValue {
        /// The organisation that reports the indicator, if it is one of ours.
        source_organization: Option<OrganizationId>,
    },
    /// Compile an annual evaluation, override ratings, write the overall assessment,
    /// answer opinions, and move it through committee, finalisation and publication.
    ManageEvaluation,
    /// Read an evaluation that is not published yet.
    ReadEvaluation,
    /// Add an opinion to an evaluation in committee (委員意見).
    GiveCommitteeOpinion,
}

/// Why an action is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Denial {
    /// Signing in might help.
    Unauthenticated,
    /// The actor is known and may not do this.
    Forbidden,
}

fn allow(condition: bool) -> Result<(), Denial> {
    if condition { Ok(()) } else { Err(Denial::Forbidden) }
}

/// Decides whether `actor` may do `action`.
pub fn decide(actor: &Actor, action: &Action) -> Result<(), Denial> {
    let user = match actor {
        Actor::System => return Ok(()),
        Actor::Anonymous => {
            return match action {
                Action::ReadPlan | Action::ReadOrganizations => Ok(()),
                _ => Err(Denial::Unauthenticated),
            };
        }
        Actor::User(user) => user,
    };
    let admin = user.has(Role::Admin);
    let office = user.has(Role::PlanOffice);
    // The plan office manages the city's accounts, but only an administrator may create,
    // change or remove an administrator: otherwise the office could raise itself to one.
    let may_manage = |roles: &[Role]| admin || (office && !roles.contains(&Role::Admin));
    match action {
        Action::ReadPlan
        | Action::ReadOrganizations
        | Action::ChangeOwnPassword
        | Action::ReadReportingCalendar
        | Action::ReadDirectory
        | Action::ListReports => Ok(()),
        Action::ManagePlanStructure => allow(office),
        Action::ListUsers | Action::ReadAuditLog | Action::ManageOrganizations => allow(admin || office),
        Action::ReadUser(target) => allow(target.user_id == user.user_id || admin || office),
        Action::CreateUser { roles } => allow(may_manage(roles)),
        Action::UpdateUser { target, new_roles } => {
            // Nobody removes their own administrator role: the last administrator would
            // lock everyone out of account management.
            let drops_own_admin = target.user_id == user.user_id
                && target.roles.contains(&Role::Admin)
                && !new_roles.contains(&Role::Admin);
            allow(may_manage(&target.roles) && may_manage(new_roles) && !drops_own_admin)
        }
        Action::DeactivateUser(target) => allow(target.user_id != user.user_id && may_manage(&target.roles)),
        Action::ManageAssignments | Action::ManagePeriods => allow(office),
        Action::ViewProgress => allow(office || user.has(Role::CouncilCoordinator)),
        Action::ReadReport(report) => allow(report_visibility(actor).includes(*report)),
        // Only the owning organisation's writers change a report, and only while it is
        // with them; reviewers comment and return, they never edit.
        Action::EditReport(report) => allow(
            report.organization_id == user.organization_id
                && WRITERS.iter().any(|role| user.has(*role))
                && report.status.is_editable(),
        ),
        Action::CommentOnReport(report) => {
            // A finalised year's reports no longer change, their threads included.
            allow(
                !matches!(report.status, ReportStatus::NotStarted | ReportStatus::Locked)
                    && report_visibility(actor).includes(*report),
            )
        }
        Action::ReadReviewQueue => {
            allow(office || user.has(Role::CouncilCoordinator) || user.has(Role::DepartmentManager))
        }
        Action::BulkReview => allow(office),
        Action::ManageOwnNotifications => Ok(()),
        Action::RecordIndicatorValue { source_organization } => allow(
            office
                || (source_organization.is_some_and(|o| o == user.organization_id)
                    && WRITERS.iter().any(|role| user.has(*role))),
        ),
        Action::ManageEvaluation => allow(office),
        // Departments and the Council read the evaluation they reported into; the
        // committee reads what it reviews.
        Action::ReadEvaluation => allow(
            office || user.has(Role::CommitteeMember) || WRITERS.iter().any(|role| user.has(*role)) || admin,
        ),
        Action::GiveCommitteeOpinion => allow(user.has(Role::CommitteeMember)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(roles: &[Role]) -> (UserActor, Actor) {
        let actor = UserActor {
            user_id: UserId::generate(),
            email: "someone@omitama.example".into(),
            organization_id: OrganizationId::generate(),
            roles: roles.to_vec(),
        };
        (actor.clone(), Actor::User(actor))
    }

    fn account(roles: &[Role]) -> AccountRef {
        AccountRef { user_id: UserId::generate(), roles: roles.to_vec() }
    }

    #[test]
    fn the_public_reads_the_plan_and_nothing_else() {
        assert_eq!(decide(&Actor::Anonymous, &Action::ReadPlan), Ok(()));
        assert_eq!(decide(&Actor::Anonymous, &Action::ReadOrganizations), Ok(()));
        for action in [Action::ListUsers, Action::ChangeOwnPassword, Action::ReadAuditLog] {
            assert_eq!(decide(&Actor::Anonymous, &action), Err(Denial::Unauthenticated));
        }
    }

    #[test]
    fn only_the_plan_office_and_operators_change_the_structure() {
        let action = Action::ManagePlanStructure;
        assert_eq!(decide(&Actor::System, &action), Ok(()));
        assert_eq!(decide(&user(&[Role::PlanOffice]).1, &action), Ok(()));
        for role in Role::ALL.into_iter().filter(|r| *r != Role::PlanOffice) {
            assert_eq!(decide(&user(&[role]).1, &action), Err(Denial::Forbidden), "{role:?}");
        }
    }

    #[test]
    fn account_management_is_for_administrators_and_the_plan_office() {
        for role in Role::ALL {
            let (_, actor) = user(&[role]);
            let expected = matches!(role, Role::Admin | Role::PlanOffice);
            let staff = account(&[Role::DepartmentStaff]);
            let cases = [
                Action::ListUsers,
                Action::ReadAuditLog,
                Action::ReadUser(staff.clone()),
                Action::CreateUser { roles: vec![Role::DepartmentStaff] },
                Action::UpdateUser { target: staff.clone(), new_roles: vec![Role::DepartmentManager] },
                Action::DeactivateUser(staff),
            ];
            for action in cases {
                assert_eq!(decide(&actor, &action).is_ok(), expected, "{role:?} {action:?}");
            }
        }
    }

    #[test]
    fn the_plan_office_cannot_make_or_touch_administrators() {
        let (_, office) = user(&[Role::PlanOffice]);
        let admin = account(&[Role::Admin]);
        let staff = account(&[Role::DepartmentStaff]);
        let denied = [
            Action::CreateUser { roles: vec![Role::Admin] },
            Action::UpdateUser { target: staff.clone(), new_roles: vec![Role::Admin] },
            Action::UpdateUser { target: admin.clone(), new_roles: vec![Role::DepartmentStaff] },
            Action::DeactivateUser(admin.clone()),
        ];
        for action in denied {
            assert_eq!(decide(&office, &action), Err(Denial::Forbidden), "{action:?}");
        }
        let (_, administrator) = user(&[Role::Admin]);
        assert_eq!(decide(&administrator, &Action::DeactivateUser(admin)), Ok(()));
    }

    #[test]
    fn nobody_deactivates_themselves_or_drops_their_own_admin_role() {
        let (me, actor) = user(&[Role::Admin]);
        let myself = AccountRef { user_id: me.user_id, roles: me.roles.clone() };
        assert_eq!(decide(&actor, &Action::DeactivateUser(myself.clone())), Err(Denial::Forbidden));
        let drop_admin = Action::UpdateUser { target: myself.clone(), new_roles: vec![Role::PlanOffice] };
        assert_eq!(decide(&actor, &drop_admin), Err(Denial::Forbidden));
        let keep_admin =
            Action::UpdateUser { target: myself, new_roles: vec![Role::Admin, Role::PlanOffice] };
        assert_eq!(decide(&actor, &keep_admin), Ok(()));
    }

    #[test]
    fn reports_are_read_by_their_organisation_and_by_reviewers_once_submitted() {
        let own = OrganizationId::generate();
        let other = OrganizationId::generate();
        let at = |role: Role, organization: OrganizationId| {
            Actor::User(UserActor {
                user_id: UserId::generate(),
                email: "x@omitama.example".into(),
                organization_id: organization,
                roles: vec![role],
            })
        };
        for status in ReportStatus::ALL {
            let mine = ReportRef { organization_id: own, status };
            let theirs = ReportRef { organization_id: other, status };
            let reviewable = REVIEWABLE.contains(&status);
            let accepted = matches!(status, ReportStatus::Accepted | ReportStatus::Locked);
            let cases = [
                (at(Role::DepartmentStaff, own), mine, true),
                (at(Role::DepartmentManager, own), mine, true),
                (at(Role::DepartmentStaff, own), theirs, false),
                (at(Role::DepartmentManager, own), theirs, false),
                (at(Role::CouncilCoordinator, own), mine, true),
                (at(Role::CouncilCoordinator, own), theirs, reviewable),
                (at(Role::PlanOffice, own), theirs, reviewable),
                (at(Role::CommitteeMember, own), theirs, accepted),
                (at(Role::Admin, own), theirs, false),
                (Actor::Anonymous, theirs, false),
            ];
            for (actor, report, expected) in cases {
                assert_eq!(
                    decide(&actor, &Action::ReadReport(report)).is_ok(),
                    expected,
                    "{actor:?} {report:?}"
                );
                assert_eq!(report_visibility(&actor).includes(report), expected);
            }
        }
    }

    #[test]
    fn only_the_owning_writers_edit_and_only_while_editable() {
        let own = OrganizationId::generate();
        for status in ReportStatus::ALL {
            let report = ReportRef { organization_id: own, status };
            for role in Role::ALL {
                let actor = Actor::User(UserActor {
                    user_id: UserId::generate(),
                    email: "x@omitama.example".into(),
                    organization_id: own,
                    roles: vec![role],
                });
                let expected = WRITERS.contains(&role) && status.is_editable();
                assert_eq!(
                    decide(&actor, &Action::EditReport(report)).is_ok(),
                    expected,
                    "{role:?} {status:?}"
                );
            }
            let outsider = Actor::User(UserActor {
                user_id: UserId::generate(),
                email: "x@omitama.example".into(),
                organization_id: OrganizationId::generate(),
                roles: vec![Role::DepartmentStaff],
            });
            assert!(decide(&outsider, &Action::EditReport(report)).is_err());
        }
    }

    #[test]
    fn everyone_reads_their_own_account_and_changes_their_own_password() {
        for role in Role::ALL {
            let (me, actor) = user(&[role]);
            let myself = AccountRef { user_id: me.user_id, roles: me.roles.clone() };
            assert_eq!(decide(&actor, &Action::ReadUser(myself)), Ok(()));
            assert_eq!(decide(&actor, &Action::ChangeOwnPassword), Ok(()));
        }
    }
}
