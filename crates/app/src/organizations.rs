//! The organisation chart: the plan office adds an organisation when the city forms a
//! department or the committee, and renames one when a department is reorganised. The
//! code and the kind stay as they were made: codes are the stable keys of the plan file
//! and the ownership CSV, and a kind change would break who may own a direction.

use domain::{
    access::{Action, Actor},
    audit::AuditAction,
    ids::OrganizationId,
    plan::{Bilingual, Organization, OrganizationKind},
};
use serde_json::json;
use store::StoreError;

use crate::{App, AppError, InputProblem, audit::record, authorize};

/// The longest organisation name, in characters, in either language.
pub const MAX_ORGANIZATION_NAME_CHARS: usize = 100;

/// The longest organisation code.
pub const MAX_ORGANIZATION_CODE_CHARS: usize = 40;

/// What is wrong with an organisation as given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrganizationProblem {
    /// Not a code: lowercase letters, digits and hyphens, starting with a letter.
    CodeFormat,
    /// Another organisation has this code.
    CodeTaken,
    /// A blank name (`english` says which one).
    NameEmpty {
        /// The English name rather than the Japanese one.
        english: bool,
    },
    /// A name over the limit or with control characters.
    NameInvalid {
        /// The English name rather than the Japanese one.
        english: bool,
    },
}

impl OrganizationProblem {
    /// The input field the problem is about.
    pub fn field(self) -> &'static str {
        match self {
            Self::CodeFormat | Self::CodeTaken => "code",
            Self::NameEmpty { english: false } | Self::NameInvalid { english: false } => "nameJa",
            Self::NameEmpty { english: true } | Self::NameInvalid { english: true } => "nameEn",
        }
    }
}

/// A new organisation.
#[derive(Clone, Debug)]
pub struct NewOrganization {
    /// Stable key (`kenko-zoshin`).
    pub code: String,
    /// Name in both languages.
    pub name: Bilingual,
    /// Its role in the plan's promotion system.
    pub kind: OrganizationKind,
}

fn checked_code(code: &str) -> Result<String, OrganizationProblem> {
    let code = code.trim();
    let mut chars = code.chars();
    let starts_with_letter = chars.next().is_some_and(|c| c.is_ascii_lowercase());
    let rest_valid = chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !starts_with_letter || !rest_valid || code.len() > MAX_ORGANIZATION_CODE_CHARS || code.ends_with('-') {
        return Err(OrganizationProblem::CodeFormat);
    }
    Ok(code.to_owned())
}

fn checked_names(name: &Bilingual) -> Result<Bilingual, OrganizationProblem> {
    let check = |text: &str, english: bool| {
        let text = text.trim();
        if text.is_empty() {
            return Err(OrganizationProblem::NameEmpty { english });
        }
        if text.chars().count() > MAX_ORGANIZATION_NAME_CHARS || text.chars().any(char::is_control) {
            return Err(OrganizationProblem::NameInvalid { english });
        }
        Ok(text.to_owned())
    };
    Ok(Bilingual { ja: check(&name.ja, false)?, en: check(&name.en, true)? })
}

fn invalid(problem: OrganizationProblem) -> AppError {
    AppError::Invalid(InputProblem::Organization(problem))
}

impl App {
    /// Adds an organisation (plan office and administrators).
    pub async fn create_organization(
        &self,
        actor: &Actor,
        new: NewOrganization,
    ) -> Result<Organization, AppError> {
        authorize(actor, &Action::ManageOrganizations)?;
        let code = checked_code(&new.code).map_err(invalid)?;
        let name = checked_names(&new.name).map_err(invalid)?;
        let tx = self.db.write().await?;
        let created = tx.insert_organization(&code, &name, new.kind).await.map_err(|error| match error {
            StoreError::Duplicate(_) => invalid(OrganizationProblem::CodeTaken),
            other => other.into(),
        })?;
        let details =
            json!({ "code": created.code, "kind": created.kind.as_str(), "nameJa": created.name.ja });
        tx.append_audit(record(
            actor,
            AuditAction::OrganizationCreated,
            Some(("organization", created.id.to_string())),
            Some(created.id),
            details,
        ))
        .await?;
        tx.commit().await?;
        Ok(created)
    }

    /// Renames an organisation in both languages (plan office and administrators).
    pub async fn rename_organization(
        &self,
        actor: &Actor,
        id: OrganizationId,
        name: Bilingual,
    ) -> Result<Organization, AppError> {
        authorize(actor, &Action::ManageOrganizations)?;
        let name = checked_names(&name).map_err(invalid)?;
        let tx = self.db.write().await?;
        let before = tx.organization(id).await?.ok_or(AppError::NotFound { what: "organization" })?;
        let renamed = tx.rename_organization(id, &name).await?;
        let details = json!({
            "code": renamed.code,
            "from": { "nameJa": before.name.ja, "nameEn": before.name.en },
            "to": { "nameJa": renamed.name.ja, "nameEn": renamed.name.en },
        });
        tx.append_audit(record(
            actor,
            AuditAction::OrganizationRenamed,
            Some(("organization", renamed.id.to_string())),
            Some(renamed.id),
            details,
        ))
        .await?;
        tx.commit().await?;
        Ok(renamed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_lowercase_words_joined_by_hyphens() {
        assert_eq!(checked_code(" kenko-zoshin ").as_deref(), Ok("kenko-zoshin"));
        assert_eq!(checked_code("dept2"), Ok("dept2".to_owned()));
        for bad in ["", "2dept", "Bousai", "bou sai", "bousai-", "防災", "-x", &"a".repeat(41)] {
            assert_eq!(checked_code(bad), Err(OrganizationProblem::CodeFormat), "{bad:?}");
        }
    }

    #[test]
    fn names_are_trimmed_and_bounded_in_both_languages() {
        let name = |ja: &str, en: &str| Bilingual { ja: ja.into(), en: en.into() };
        assert_eq!(checked_names(&name(" 福祉課 ", "Welfare ")), Ok(name("福祉課", "Welfare")));
        assert_eq!(
            checked_names(&name(" ", "Welfare")),
            Err(OrganizationProblem::NameEmpty { english: false })
        );
        assert_eq!(checked_names(&name("福祉課", "")), Err(OrganizationProblem::NameEmpty { english: true }));
        assert_eq!(
            checked_names(&name(&"福".repeat(101), "Welfare")),
            Err(OrganizationProblem::NameInvalid { english: false })
        );
        assert_eq!(
            checked_names(&name("福祉課", "Wel\u{7}fare")),
            Err(OrganizationProblem::NameInvalid { english: true })
        );
    }
}
