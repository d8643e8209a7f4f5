//! Accounts, sessions and the audit log in the API.

use app::{
    AccountChanges, NewAccount, Session,
    domain::{
        Language,
        access::Role,
        audit::{AuditAction, AuditEvent, AuditFilter},
        ids::{OrganizationId, UserId},
        user::User,
    },
};
use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};

use crate::{
    error::coded,
    objects::OrganizationObject,
    resolve::{cache, language, loaded, parse_uuid},
};

mirror_enum!(
    /// A role a user holds.
    RoleValue as "Role", Role {
        /// 事務局.
        PlanOffice,
        /// 担当課職員.
        DepartmentStaff,
        /// 担当課長.
        DepartmentManager,
        /// 社協コーディネーター.
        CouncilCoordinator,
        /// 推進委員.
        CommitteeMember,
        /// System administrator.
        Admin,
    }
);

mirror_enum!(
    /// A language of the product.
    LanguageValue as "Language", Language {
        /// 日本語.
        Ja,
        /// English.
        En,
    }
);

/// A person with an account.
pub struct UserObject(pub User);

#[Object(name = "User")]
impl UserObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn email(&self) -> &str {
        &self.0.email
    }
    async fn display_name(&self) -> &str {
        &self.0.display_name
    }
    async fn roles(&self) -> Vec<RoleValue> {
        self.0.roles.iter().copied().map(RoleValue::from).collect()
    }
    /// The organisation the user belongs to.
    async fn organization(&self, ctx: &Context<'_>) -> Result<OrganizationObject> {
        let organizations = loaded(ctx, cache(ctx)?.organizations().await)?;
        organizations
            .get(&self.0.organization_id)
            .map(OrganizationObject)
            .ok_or_else(|| coded(app::ErrorCode::Internal, "organisation missing".into()))
    }
    async fn language(&self) -> LanguageValue {
        self.0.language.into()
    }
    /// Deactivated accounts cannot sign in.
    /// How their notification mails arrive (their own, or any for the plan office).
    async fn notification_settings(&self) -> crate::review::NotificationSettingsObject {
        self.0.notifications.into()
    }
    async fn active(&self) -> bool {
        self.0.active
    }
}

/// A signed-in session.
pub struct SessionObject(pub Session);

#[Object(name = "Session")]
impl SessionObject {
    /// Send as `Authorization: Bearer …`; valid for 15 minutes.
    async fn access_token(&self) -> &str {
        &self.0.access_token
    }
    /// Exchange with `refreshSession` for a new session; each can be used once.
    async fn refresh_token(&self) -> &str {
        &self.0.refresh_token
    }
    /// When the access token expires.
    async fn expires_at(&self) -> DateTime<Utc> {
        self.0.expires_at
    }
    async fn user(&self) -> UserObject {
        UserObject(self.0.user.clone())
    }
}

/// A new account.
#[derive(InputObject)]
pub struct CreateUserInput {
    /// Sign-in e-mail.
    pub email: String,
    /// Name shown in the product.
    pub display_name: String,
    /// The organisation the person belongs to.
    pub organization_id: ID,
    /// One or more roles.
    pub roles: Vec<RoleValue>,
    /// Language of screens and e-mails (Japanese by default).
    #[graphql(default_with = "LanguageValue::Ja")]
    pub language: LanguageValue,
    /// A first password (at least 12 characters); without one, the account waits for an
    /// invitation.
    pub password: Option<String>,
}

impl CreateUserInput {
    pub(crate) fn into_account(self, ctx: &Context<'_>) -> Result<NewAccount> {
        Ok(NewAccount {
            organization_id: OrganizationId(parse_uuid(ctx, &self.organization_id)?),
            email: self.email,
            display_name: self.display_name,
            roles: self.roles.into_iter().map(Role::from).collect(),
            language: self.language.into(),
            password: self.password,
        })
    }
}

/// Changes to an account; omitted fields stay as they are.
#[derive(InputObject)]
pub struct UpdateUserInput {
    /// New name.
    pub display_name: Option<String>,
    /// New organisation.
    pub organization_id: Option<ID>,
    /// The complete new set of roles.
    pub roles: Option<Vec<RoleValue>>,
    /// New language.
    pub language: Option<LanguageValue>,
    /// `true` reactivates an account; `false` deactivates it (see `deactivateUser`).
    pub active: Option<bool>,
}

impl UpdateUserInput {
    pub(crate) fn into_changes(self, ctx: &Context<'_>) -> Result<AccountChanges> {
        Ok(AccountChanges {
            display_name: self.display_name,
            organization_id: self
                .organization_id
                .map(|id| parse_uuid(ctx, &id).map(OrganizationId))
                .transpose()?,
            roles: self.roles.map(|roles| roles.into_iter().map(Role::from).collect()),
            language: self.language.map(Language::from),
            active: self.active,
        })
    }
}

/// Which audit events to read.
#[derive(InputObject, Default)]
pub struct AuditFilterInput {
    /// At or after.
    pub from: Option<DateTime<Utc>>,
    /// Before.
    pub until: Option<DateTime<Utc>>,
    /// By this user.
    pub user_id: Option<ID>,
    /// Concerning this organisation.
    pub organization_id: Option<ID>,
    /// Of this kind, such as `login.failed`.
    pub action: Option<String>,
}

impl AuditFilterInput {
    pub(crate) fn into_filter(self, ctx: &Context<'_>) -> Result<AuditFilter> {
        let language = language(ctx);
        let action = match self.action {
            Some(name) => Some(AuditAction::parse(&name).ok_or_else(|| {
                let message = match language {
                    Language::Ja => format!("操作の種類 `{name}` はありません。"),
                    Language::En => format!("There is no action `{name}`."),
                };
                coded(app::ErrorCode::BadUserInput, message)
            })?),
            None => None,
        };
        Ok(AuditFilter {
            from: self.from,
            until: self.until,
            actor_user_id: self.user_id.map(|id| parse_uuid(ctx, &id).map(UserId)).transpose()?,
            organization_id: self
                .organization_id
                .map(|id| parse_uuid(ctx, &id).map(OrganizationId))
                .transpose()?,
            action,
            subject: None,
        })
    }
}

/// An event of the audit log.
pub struct AuditEventObject(pub AuditEvent);

#[Object(name = "AuditEvent")]
impl AuditEventObject {
    /// Position in the log.
    async fn seq(&self) -> i64 {
        self.0.seq
    }
    async fn occurred_at(&self) -> DateTime<Utc> {
        self.0.occurred_at
    }
    /// The user who acted, if a user did.
    async fn actor_user_id(&self) -> Option<ID> {
        self.0.record.actor_user_id.map(|id| ID(id.to_string()))
    }
    /// Who acted: an e-mail, `system`, or the e-mail tried at a failed sign-in.
    async fn actor_label(&self) -> &str {
        &self.0.record.actor_label
    }
    /// What happened, such as `login.failed`.
    async fn action(&self) -> &str {
        self.0.record.action.as_str()
    }
    async fn subject_type(&self) -> Option<&str> {
        self.0.record.subject_type.as_deref()
    }
    async fn subject_id(&self) -> Option<&str> {
        self.0.record.subject_id.as_deref()
    }
    async fn organization(&self, ctx: &Context<'_>) -> Result<Option<OrganizationObject>> {
        let Some(id) = self.0.record.organization_id else {
            return Ok(None);
        };
        let organizations = loaded(ctx, cache(ctx)?.organizations().await)?;
        Ok(organizations.get(&id).map(OrganizationObject))
    }
    /// Details as a JSON object (from and to values, reasons).
    async fn details(&self) -> &str {
        &self.0.record.details
    }
    async fn client_ip(&self) -> Option<&str> {
        self.0.record.client_ip.as_deref()
    }
    /// SHA-256 over the event and the previous hash.
    async fn hash(&self) -> &str {
        &self.0.hash
    }
}

/// Where a page of a connection ends.
#[derive(SimpleObject)]
pub struct PageInfo {
    /// More items follow.
    pub has_next_page: bool,
    /// Pass as `after` to read the next page.
    pub end_cursor: Option<String>,
}

/// An audit event with its cursor.
#[derive(SimpleObject)]
pub struct AuditEventEdge {
    pub cursor: String,
    pub node: AuditEventObject,
}

/// A page of audit events, newest first.
#[derive(SimpleObject)]
pub struct AuditEventConnection {
    pub nodes: Vec<AuditEventObject>,
    pub edges: Vec<AuditEventEdge>,
    pub page_info: PageInfo,
}

impl AuditEventConnection {
    pub(crate) fn new(events: Vec<AuditEvent>, has_next_page: bool) -> Self {
        let end_cursor = events.last().map(|event| event.seq.to_string());
        let edges = events
            .iter()
            .map(|event| AuditEventEdge {
                cursor: event.seq.to_string(),
                node: AuditEventObject(event.clone()),
            })
            .collect();
        Self {
            nodes: events.into_iter().map(AuditEventObject).collect(),
            edges,
            page_info: PageInfo { has_next_page, end_cursor },
        }
    }
}
