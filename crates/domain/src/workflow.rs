//! The report workflow: which action moves a report from which status to which, and who
//! may take it. The transitions are data ([`TRANSITIONS`]); [`transition`] is the one
//! function that applies them, with the permission rules, so the use cases never decide
//! a status change themselves.
//!
//! ```text
//! NOT_STARTED → DRAFT → AWAITING_MANAGER → SUBMITTED → ACCEPTED
//!                  ↑            │               │
//!                  └─ RETURNED ←┴───────────────┘        any → LOCKED (finalisation)
//! ```
//!
//! Separation of duties: a report is reviewed only outside its organisation. The plan
//! office reviews the Council's reports and departments' reports; the Council's
//! coordinators review departments' reports.

use crate::{
    access::{Actor, ReportRef, Role},
    i18n::{Language, Localized},
    report::ReportStatus,
};

/// Something done to a report that changes its status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WorkflowAction {
    /// The writer sends it on: to the manager, or straight to the reviewers.
    Submit,
    /// The department manager signs it off (課長確認).
    Approve,
    /// The manager or a reviewer sends it back to the writer, with a reason.
    Return,
    /// A reviewer accepts it.
    Accept,
    /// The annual evaluation that contains it is finalised.
    Lock,
}

impl WorkflowAction {
    /// Every action.
    pub const ALL: [Self; 5] = [Self::Submit, Self::Approve, Self::Return, Self::Accept, Self::Lock];
}

/// Who, relative to the report, may take a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Taker {
    /// A writer of the owning organisation (staff, manager, the Council's coordinator).
    OwnWriter,
    /// The owning organisation's manager.
    OwnManager,
    /// A reviewer outside the owning organisation.
    Reviewer,
    /// The system, when an evaluation is finalised.
    System,
}

/// One allowed move: from a status, by an action, taken by whom.
struct Transition {
    from: ReportStatus,
    action: WorkflowAction,
    taker: Taker,
}

/// Every allowed move. Where it leads is [`destination`]'s business: a submission goes to
/// the manager or straight to the reviewers depending on who submits.
const TRANSITIONS: &[Transition] = &[
    Transition { from: ReportStatus::Draft, action: WorkflowAction::Submit, taker: Taker::OwnWriter },
    Transition { from: ReportStatus::Returned, action: WorkflowAction::Submit, taker: Taker::OwnWriter },
    Transition {
        from: ReportStatus::AwaitingManager,
        action: WorkflowAction::Approve,
        taker: Taker::OwnManager,
    },
    Transition {
        from: ReportStatus::AwaitingManager,
        action: WorkflowAction::Return,
        taker: Taker::OwnManager,
    },
    Transition { from: ReportStatus::Submitted, action: WorkflowAction::Return, taker: Taker::Reviewer },
    Transition { from: ReportStatus::Submitted, action: WorkflowAction::Accept, taker: Taker::Reviewer },
    Transition { from: ReportStatus::NotStarted, action: WorkflowAction::Lock, taker: Taker::System },
    Transition { from: ReportStatus::Draft, action: WorkflowAction::Lock, taker: Taker::System },
    Transition { from: ReportStatus::AwaitingManager, action: WorkflowAction::Lock, taker: Taker::System },
    Transition { from: ReportStatus::Submitted, action: WorkflowAction::Lock, taker: Taker::System },
    Transition { from: ReportStatus::Returned, action: WorkflowAction::Lock, taker: Taker::System },
    Transition { from: ReportStatus::Accepted, action: WorkflowAction::Lock, taker: Taker::System },
];

/// What the report's organisation is like, as far as the workflow cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OwnerContext {
    /// The organisation has an active department manager to sign reports off.
    pub has_manager: bool,
    /// The organisation is the Council of Social Welfare (reviewed by the plan office only).
    pub is_council: bool,
}

/// Why a step is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TransitionError {
    /// No such move from the report's status (`BAD_USER_INPUT`).
    NotAllowedInStatus {
        /// The status it is in.
        status: ReportStatus,
        /// The action asked for.
        action: WorkflowAction,
    },
    /// The move exists, but not for this person (`FORBIDDEN`).
    NotYours,
}

impl Localized for TransitionError {
    fn localized(&self, language: Language) -> String {
        match (self, language) {
            (Self::NotAllowedInStatus { status, .. }, Language::Ja) => {
                format!("「{}」の報告にはこの操作はできません。", status.label(language))
            }
            (Self::NotAllowedInStatus { status, .. }, Language::En) => {
                format!("This cannot be done to a report that is {}.", status.label(language).to_lowercase())
            }
            (Self::NotYours, Language::Ja) => "この報告に対してこの操作を行う権限がありません。".to_owned(),
            (Self::NotYours, Language::En) => "You may not do this to this report.".to_owned(),
        }
    }
}

fn takes(actor: &Actor, report: ReportRef, owner: OwnerContext, taker: Taker) -> bool {
    let user = match actor {
        Actor::System => return taker == Taker::System,
        Actor::Anonymous => return false,
        Actor::User(user) => user,
    };
    let own = user.organization_id == report.organization_id;
    match taker {
        Taker::OwnWriter => {
            own && [Role::DepartmentStaff, Role::DepartmentManager, Role::CouncilCoordinator]
                .iter()
                .any(|role| user.has(*role))
        }
        Taker::OwnManager => own && user.has(Role::DepartmentManager),
        // Nobody reviews their own organisation's report; the Council's reports are
        // reviewed by the plan office alone.
        Taker::Reviewer => {
            !own && (user.has(Role::PlanOffice) || (user.has(Role::CouncilCoordinator) && !owner.is_council))
        }
        Taker::System => false,
    }
}

/// Where a move leads.
fn destination(actor: &Actor, action: WorkflowAction, owner: OwnerContext) -> ReportStatus {
    match action {
        // The manager's own submission, or one from an organisation without a manager,
        // needs no sign-off.
        WorkflowAction::Submit => {
            let by_manager = actor.user().is_some_and(|u| u.has(Role::DepartmentManager));
            if owner.has_manager && !by_manager {
                ReportStatus::AwaitingManager
            } else {
                ReportStatus::Submitted
            }
        }
        WorkflowAction::Approve => ReportStatus::Submitted,
        WorkflowAction::Return => ReportStatus::Returned,
        WorkflowAction::Accept => ReportStatus::Accepted,
        WorkflowAction::Lock => ReportStatus::Locked,
    }
}

/// Applies `action` to `report` for `actor`: the new status, or why not.
pub fn transition(
    actor: &Actor,
    report: ReportRef,
    action: WorkflowAction,
    owner: OwnerContext,
) -> Result<ReportStatus, TransitionError> {
    let mut moves = TRANSITIONS.iter().filter(|t| t.from == report.status && t.action == action).peekable();
    if moves.peek().is_none() {
        return Err(TransitionError::NotAllowedInStatus { status: report.status, action });
    }
    if moves.any(|t| takes(actor, report, owner, t.taker)) {
        Ok(destination(actor, action, owner))
    } else {
        Err(TransitionError::NotYours)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        access::UserActor,
        ids::{OrganizationId, UserId},
    };

    /// Who asks, in the exhaustive test.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    enum Who {
        Role(Role, bool),
        System,
        Public,
    }

    fn actor(who: Who, own: OrganizationId) -> Actor {
        match who {
            Who::System => Actor::System,
            Who::Public => Actor::Anonymous,
            Who::Role(role, same) => Actor::User(UserActor {
                user_id: UserId::generate(),
                email: "x@omitama.example".into(),
                organization_id: if same { own } else { OrganizationId::generate() },
                roles: vec![role],
            }),
        }
    }

    /// The specification, written out: every allowed (status, action, who) and where it
    /// leads, for a department with a manager. Everything else is refused.
    fn expected(
        status: ReportStatus,
        action: WorkflowAction,
        who: Who,
        council: bool,
    ) -> Option<ReportStatus> {
        use ReportStatus::*;
        use WorkflowAction::*;
        let writer =
            |role| matches!(role, Role::DepartmentStaff | Role::DepartmentManager | Role::CouncilCoordinator);
        let reviewer = |role| role == Role::PlanOffice || (role == Role::CouncilCoordinator && !council);
        match (status, action, who) {
            (Draft | Returned, Submit, Who::Role(role, true)) if writer(role) => {
                Some(if role == Role::DepartmentManager { Submitted } else { AwaitingManager })
            }
            (AwaitingManager, Approve, Who::Role(Role::DepartmentManager, true)) => Some(Submitted),
            (AwaitingManager, Return, Who::Role(Role::DepartmentManager, true)) => Some(Returned),
            (Submitted, Return, Who::Role(role, false)) if reviewer(role) => Some(Returned),
            (Submitted, Accept, Who::Role(role, false)) if reviewer(role) => Some(Accepted),
            (Locked, Lock, _) => None,
            (_, Lock, Who::System) => Some(Locked),
            _ => None,
        }
    }

    #[test]
    fn every_status_action_role_and_organisation() {
        let own = OrganizationId::generate();
        let mut whos = vec![Who::System, Who::Public];
        for role in Role::ALL {
            whos.push(Who::Role(role, true));
            whos.push(Who::Role(role, false));
        }
        let mut checked = 0;
        for council in [false, true] {
            let owner = OwnerContext { has_manager: true, is_council: council };
            for status in ReportStatus::ALL {
                for action in WorkflowAction::ALL {
                    for who in &whos {
                        let report = ReportRef { organization_id: own, status };
                        let got = transition(&actor(*who, own), report, action, owner).ok();
                        assert_eq!(
                            got,
                            expected(status, action, *who, council),
                            "{status:?} {action:?} {who:?} council={council}"
                        );
                        checked += 1;
                    }
                }
            }
        }
        assert_eq!(checked, 2 * 7 * 5 * 14);
    }

    #[test]
    fn refusals_say_whether_the_status_or_the_person_is_wrong() {
        let own = OrganizationId::generate();
        let owner = OwnerContext { has_manager: true, is_council: false };
        let staff = actor(Who::Role(Role::DepartmentStaff, true), own);
        let accepted = ReportRef { organization_id: own, status: ReportStatus::Accepted };
        assert!(matches!(
            transition(&staff, accepted, WorkflowAction::Submit, owner),
            Err(TransitionError::NotAllowedInStatus { .. })
        ));
        let submitted = ReportRef { organization_id: own, status: ReportStatus::Submitted };
        assert_eq!(
            transition(&staff, submitted, WorkflowAction::Accept, owner),
            Err(TransitionError::NotYours)
        );
    }

    #[test]
    fn without_a_manager_a_submission_goes_straight_to_the_reviewers() {
        let own = OrganizationId::generate();
        let owner = OwnerContext { has_manager: false, is_council: false };
        let staff = actor(Who::Role(Role::DepartmentStaff, true), own);
        let draft = ReportRef { organization_id: own, status: ReportStatus::Draft };
        assert_eq!(transition(&staff, draft, WorkflowAction::Submit, owner), Ok(ReportStatus::Submitted));
    }
}
