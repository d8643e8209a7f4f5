//! Who may do what. One function, [`decide`], answers every "may this actor do this?"
//! question of the product; every use case asks it before it reads or changes anything.
//! The identity issue grows the set of roles and actions; the rule stays in one place.

use serde::{Deserialize, Serialize};

use crate::ids::{OrganizationId, UserId};

/// A role a user holds. A user belongs to one organisation and holds one or more roles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// 事務局: runs the plan.
    PlanOffice,
    /// 担当課職員: writes their organisation's reports.
    DepartmentStaff,
    /// 担当課長: signs off their organisation's reports.
    DepartmentManager,
    /// 社協コーディネーター: writes the Council's reports, reviews departments' reports.
    CouncilCoordinator,
    /// 推進委員: reads and comments on the evaluation.
    CommitteeMember,
    /// System administrator: accounts and settings only.
    Admin,
}

/// A signed-in person, as far as permissions are concerned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserActor {
    /// The user.
    pub user_id: UserId,
    /// Their organisation.
    pub organization_id: OrganizationId,
    /// Their roles.
    pub roles: Vec<Role>,
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

/// Something an actor may want to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Read the plan tree and its indicators: the plan is a published document.
    ReadPlan,
    /// Read the list of organisations: the city's organisation chart is public.
    ReadOrganizations,
    /// Import or change a plan's structure.
    ManagePlanStructure,
}

/// Why an action is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Denial {
    /// Signing in might help.
    Unauthenticated,
    /// The actor is known and may not do this.
    Forbidden,
}

/// Decides whether `actor` may do `action`.
pub fn decide(actor: &Actor, action: &Action) -> Result<(), Denial> {
    match (action, actor) {
        (Action::ReadPlan | Action::ReadOrganizations, _) => Ok(()),
        (Action::ManagePlanStructure, Actor::System) => Ok(()),
        (Action::ManagePlanStructure, Actor::User(user))
            if user.roles.contains(&Role::PlanOffice) =>
        {
            Ok(())
        }
        (_, Actor::Anonymous) => Err(Denial::Unauthenticated),
        (_, _) => Err(Denial::Forbidden),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(roles: &[Role]) -> Actor {
        Actor::User(UserActor {
            user_id: UserId::generate(),
            organization_id: OrganizationId::generate(),
            roles: roles.to_vec(),
        })
    }

    #[test]
    fn the_plan_is_public() {
        assert_eq!(decide(&Actor::Anonymous, &Action::ReadPlan), Ok(()));
        assert_eq!(
            decide(&Actor::Anonymous, &Action::ReadOrganizations),
            Ok(())
        );
    }

    #[test]
    fn only_the_plan_office_and_operators_change_the_structure() {
        let action = Action::ManagePlanStructure;
        assert_eq!(decide(&Actor::System, &action), Ok(()));
        assert_eq!(decide(&user(&[Role::PlanOffice]), &action), Ok(()));
        assert_eq!(
            decide(&Actor::Anonymous, &action),
            Err(Denial::Unauthenticated)
        );
        for role in [
            Role::DepartmentStaff,
            Role::DepartmentManager,
            Role::CouncilCoordinator,
            Role::CommitteeMember,
            Role::Admin,
        ] {
            assert_eq!(
                decide(&user(&[role]), &action),
                Err(Denial::Forbidden),
                "{role:?}"
            );
        }
    }
}
