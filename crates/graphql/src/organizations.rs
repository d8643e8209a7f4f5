//! Adding and renaming organisations in the API.

use app::{
    NewOrganization,
    domain::{ids::OrganizationId, plan::Bilingual},
};
use async_graphql::{Context, ID, InputObject, Object, Result};

use crate::{
    objects::{OrganizationKindValue, OrganizationObject},
    resolve::{app, fail, parse_uuid, request},
};

/// A new organisation.
#[derive(InputObject)]
pub struct CreateOrganizationInput {
    /// Stable key: lowercase letters, digits and hyphens (`kenko-zoshin`). It cannot
    /// change later: plan files and the ownership CSV refer to it.
    pub code: String,
    /// Name in Japanese.
    pub name_ja: String,
    /// Name in English.
    pub name_en: String,
    /// Its role in the plan's promotion system; it cannot change later.
    pub kind: OrganizationKindValue,
}

/// An organisation's new names.
#[derive(InputObject)]
pub struct RenameOrganizationInput {
    /// Name in Japanese.
    pub name_ja: String,
    /// Name in English.
    pub name_en: String,
}

/// Changes to the organisation chart.
#[derive(Default)]
pub struct OrganizationMutation;

#[Object]
impl OrganizationMutation {
    /// Adds an organisation (plan office and administrators). A taken code is
    /// `BAD_USER_INPUT` on `code`.
    async fn create_organization(
        &self,
        ctx: &Context<'_>,
        input: CreateOrganizationInput,
    ) -> Result<OrganizationObject> {
        let request = request(ctx)?;
        let new = NewOrganization {
            code: input.code,
            name: Bilingual { ja: input.name_ja, en: input.name_en },
            kind: input.kind.into(),
        };
        let created = app(ctx)?.create_organization(&request.actor, new).await.map_err(fail(ctx))?;
        Ok(OrganizationObject(created))
    }

    /// Renames an organisation in both languages (plan office and administrators), as
    /// after a reorganisation; its code, kind, members and assignments stay.
    async fn rename_organization(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: RenameOrganizationInput,
    ) -> Result<OrganizationObject> {
        let request = request(ctx)?;
        let id = OrganizationId(parse_uuid(ctx, &id)?);
        let name = Bilingual { ja: input.name_ja, en: input.name_en };
        let renamed = app(ctx)?.rename_organization(&request.actor, id, name).await.map_err(fail(ctx))?;
        Ok(OrganizationObject(renamed))
    }
}
