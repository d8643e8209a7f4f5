//! Nukumori's GraphQL API over the use cases of the `app` crate.
//!
//! Object types are written by hand from domain types (never derived from database
//! entities), the plan tree loads through one per-request [`cache::RequestCache`], and every
//! error leaves through [`error::to_graphql`], which attaches one of the codes of
//! [`app::ErrorCode`] and a message in the caller's language.

#[macro_use]
mod mirror;

mod accounts;
pub mod cache;
pub mod context;
pub mod error;
mod evaluation;
mod limits;
mod mutation;
mod objects;
mod organizations;
mod query;
mod reports;
mod resolve;
mod review;

use app::App;
use async_graphql::{EmptySubscription, Schema};

use cache::RequestCache;
pub use context::RequestContext;
pub use limits::Limits;
pub use mutation::REFRESH_COOKIE;

/// Every read: the plan, accounts, reports.
#[derive(async_graphql::MergedObject, Default)]
pub struct QueryRoot(
    query::CoreQuery,
    reports::ReportQuery,
    review::ReviewQuery,
    evaluation::EvaluationQuery,
);

/// Every change: sessions and accounts, organisations, ownership, periods, reports.
#[derive(async_graphql::MergedObject, Default)]
pub struct MutationRoot(
    mutation::AccountMutation,
    organizations::OrganizationMutation,
    reports::ReportMutation,
    review::ReviewMutation,
    evaluation::EvaluationMutation,
);

/// The schema type served at `/graphql`.
pub type NukumoriSchema = Schema<QueryRoot, MutationRoot, EmptySubscription>;

/// Builds the schema. The [`App`] is shared by every request.
pub fn build_schema(app: App, limits: Limits) -> NukumoriSchema {
    let mut builder = Schema::build(QueryRoot::default(), MutationRoot::default(), EmptySubscription)
        .data(app)
        .extension(limits);
    if !limits.introspection {
        builder = builder.disable_introspection();
    }
    builder.finish()
}

/// The SDL of the schema, as written to `schema.graphql`.
pub fn sdl() -> String {
    Schema::build(QueryRoot::default(), MutationRoot::default(), EmptySubscription).finish().sdl()
}

/// Prepares a request: the caller's context and a fresh per-request cache, so that no
/// cached row outlives its request or crosses to another user.
pub fn prepare(
    request: async_graphql::Request,
    app: &App,
    context: RequestContext,
) -> async_graphql::Request {
    let cache = RequestCache::new(app.clone(), context.actor.clone());
    request.data(context).data(cache)
}
