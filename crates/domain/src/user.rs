//! People with accounts.

use serde::{Deserialize, Serialize};

use crate::{
    access::Role,
    i18n::Language,
    ids::{OrganizationId, UserId},
};

/// A person with an account, as everyone but the password store sees them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    /// Identity.
    pub id: UserId,
    /// Sign-in name, stored lower-cased.
    pub email: String,
    /// How the product addresses them.
    pub display_name: String,
    /// The one organisation they belong to.
    pub organization_id: OrganizationId,
    /// One or more roles.
    pub roles: Vec<Role>,
    /// The language of their screens and e-mails.
    pub language: Language,
    /// Deactivated accounts cannot sign in; their history stays.
    pub active: bool,
    /// How their notification mails arrive.
    pub notifications: NotificationSettings,
}

/// How a person's notification mails arrive.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationSettings {
    /// One mail a day listing everything, instead of one mail per event.
    pub daily_digest: bool,
    /// No mails about new comments.
    pub mute_comments: bool,
}

/// The canonical form of an e-mail address: trimmed and lower-cased, so that sign-in
/// does not depend on how someone typed it.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// A plausible e-mail address: one `@`, something on both sides, a dot in the domain,
/// no spaces or control characters, at most 254 characters. Deliverability is proven by
/// the invitation mail, not by a pattern.
pub fn is_plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else { return false };
    email.len() <= 254
        && !local.is_empty()
        && local.len() <= 64
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The longest display name accepted, in characters.
pub const MAX_DISPLAY_NAME_CHARS: usize = 100;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert_eq!(normalize_email("  Office@Omitama.Example "), "office@omitama.example");
        assert!(is_plausible_email("office@omitama.example"));
        for bad in ["", "a", "a@b", "@x.jp", "a@.jp", "a@x.", "a b@x.jp", "a@b@x.jp", "a@x.jp\n"] {
            assert!(!is_plausible_email(bad), "{bad:?}");
        }
    }
}
