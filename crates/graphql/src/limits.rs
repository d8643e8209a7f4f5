//! The cost limits of one request, enforced before anything is resolved (so before the
//! database is touched): the depth of nesting, the complexity (every field costs 1, a list
//! field its declared cost), and the number of aliases, which would otherwise let one
//! request ask for the same expensive field many times under different names.
//!
//! async-graphql's own depth and complexity errors carry no code and only English; this
//! extension applies the limits itself, from the depth and complexity that validation
//! computes, so that a refused query gets `QUERY_TOO_COMPLEX` and a message in the
//! caller's language. Other parse and validation errors (a misspelt field, a syntax
//! error) get `BAD_USER_INPUT`: every error leaves with a code.

use std::sync::Arc;

use app::{ErrorCode, domain::Language};
use async_graphql::{
    ServerError, ServerResult, ValidationResult, Variables,
    extensions::{Extension, ExtensionContext, ExtensionFactory, NextParseQuery, NextValidation},
    parser::types::{ExecutableDocument, Selection, SelectionSet},
};

use crate::RequestContext;

/// Limits that keep one request from costing the server too much.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Deepest nesting of fields.
    pub max_depth: usize,
    /// Highest total cost of a query.
    pub max_complexity: usize,
    /// Most aliased fields in one document.
    pub max_aliases: usize,
    /// Whether clients may ask for the schema (`__schema`).
    pub introspection: bool,
}

impl Default for Limits {
    fn default() -> Self {
        Self { max_depth: 12, max_complexity: 5_000, max_aliases: 30, introspection: true }
    }
}

impl ExtensionFactory for Limits {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(*self)
    }
}

fn language(ctx: &ExtensionContext<'_>) -> Language {
    ctx.data_opt::<RequestContext>().map_or(Language::Ja, |context| context.language)
}

fn coded(error: ServerError, code: ErrorCode) -> ServerError {
    let mut error = error;
    if error.extensions.as_ref().is_none_or(|extensions| extensions.get("code").is_none()) {
        error.extensions.get_or_insert_with(Default::default).set("code", code.as_str());
    }
    error
}

fn too_complex(language: Language, ja: String, en: String) -> ServerError {
    let message = if language == Language::Ja { ja } else { en };
    coded(ServerError::new(message, None), ErrorCode::QueryTooComplex)
}

/// Aliased fields in a selection set and everything under it.
fn aliases_in(selection_set: &SelectionSet) -> usize {
    selection_set
        .items
        .iter()
        .map(|selection| match &selection.node {
            Selection::Field(field) => {
                usize::from(field.node.alias.is_some()) + aliases_in(&field.node.selection_set.node)
            }
            Selection::InlineFragment(fragment) => aliases_in(&fragment.node.selection_set.node),
            Selection::FragmentSpread(_) => 0,
        })
        .sum()
}

/// Aliased fields in a whole document: its operations and its fragments, each counted
/// once where it is written.
fn aliases(document: &ExecutableDocument) -> usize {
    let operations: usize =
        document.operations.iter().map(|(_, operation)| aliases_in(&operation.node.selection_set.node)).sum();
    let fragments: usize =
        document.fragments.values().map(|fragment| aliases_in(&fragment.node.selection_set.node)).sum();
    operations + fragments
}

#[async_graphql::async_trait::async_trait]
impl Extension for Limits {
    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        let document =
            next.run(ctx, query, variables).await.map_err(|e| coded(e, ErrorCode::BadUserInput))?;
        let count = aliases(&document);
        if count > self.max_aliases {
            let max = self.max_aliases;
            return Err(too_complex(
                language(ctx),
                format!("別名（エイリアス）が多すぎます（{count}個。上限は{max}個）。"),
                format!("The query uses too many aliases ({count}; at most {max})."),
            ));
        }
        Ok(document)
    }

    async fn validation(
        &self,
        ctx: &ExtensionContext<'_>,
        next: NextValidation<'_>,
    ) -> Result<ValidationResult, Vec<ServerError>> {
        let result = next.run(ctx).await.map_err(|errors| {
            errors.into_iter().map(|e| coded(e, ErrorCode::BadUserInput)).collect::<Vec<_>>()
        })?;
        let language = language(ctx);
        if result.depth > self.max_depth {
            let (depth, max) = (result.depth, self.max_depth);
            return Err(vec![too_complex(
                language,
                format!("問い合わせの入れ子が深すぎます（{depth}段。上限は{max}段）。"),
                format!("The query is nested too deeply ({depth} levels; at most {max})."),
            )]);
        }
        if result.complexity > self.max_complexity {
            let (complexity, max) = (result.complexity, self.max_complexity);
            return Err(vec![too_complex(
                language,
                format!("問い合わせが複雑すぎます（コスト{complexity}。上限は{max}）。"),
                format!("The query is too complex (cost {complexity}; at most {max})."),
            )]);
        }
        Ok(result)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_are_counted_in_operations_fragments_and_inline_fragments() {
        let document = async_graphql::parser::parse_query(
            "query { a: plans { b: code } ...F ... on QueryRoot { c: plans { code } } }
             fragment F on QueryRoot { d: plans { e: code } }",
        )
        .expect("parses");
        assert_eq!(aliases(&document), 5);
    }
}

/// Every operation the web app sends fits well inside the limits: each is validated
/// against the schema, and its depth, complexity and aliases are compared with half of
/// each limit.
#[cfg(test)]
mod frontend_operations {
    use std::{collections::BTreeMap, path::Path};

    use async_graphql::{EmptySubscription, Schema, extensions::Analyzer};

    use super::*;
    use crate::{MutationRoot, QueryRoot};

    /// The documents in `graphql(`…`)` calls under `dir`.
    fn documents(dir: &Path, found: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).expect("readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                if path.file_name().is_some_and(|name| name != "gql") {
                    documents(&path, found);
                }
                continue;
            }
            if !path.extension().is_some_and(|e| e == "ts" || e == "tsx") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("utf-8");
            let mut rest = text.as_str();
            while let Some(start) = rest.find("graphql(`") {
                let body = &rest[start + "graphql(`".len()..];
                let Some(end) = body.find('`') else { break };
                found.push(body[..end].to_owned());
                rest = &body[end..];
            }
        }
    }

    fn spreads(text: &str) -> Vec<String> {
        text.split("...")
            .skip(1)
            .map(|after| after.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect::<String>())
            .filter(|name| !name.is_empty() && name != "on")
            .collect()
    }

    #[tokio::test]
    async fn the_web_apps_operations_fit_well_inside_the_limits() {
        let frontend = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../frontend/src");
        let mut found = Vec::new();
        documents(&frontend, &mut found);
        let mut fragments = BTreeMap::new();
        let mut operations = Vec::new();
        for document in found {
            let trimmed = document.trim_start();
            if let Some(rest) = trimmed.strip_prefix("fragment ") {
                let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                fragments.insert(name, document);
            } else {
                operations.push(document);
            }
        }
        assert!(operations.len() > 40, "found only {} operations", operations.len());

        let limits = Limits::default();
        let schema = Schema::build(QueryRoot::default(), MutationRoot::default(), EmptySubscription)
            .extension(Analyzer)
            .extension(limits)
            .finish();
        let mut heaviest = (0, 0, String::new());
        for operation in &operations {
            let mut needed: Vec<String> = spreads(operation);
            let mut document = operation.clone();
            let mut included = std::collections::BTreeSet::new();
            while let Some(name) = needed.pop() {
                if !included.insert(name.clone()) {
                    continue;
                }
                let fragment = fragments.get(&name).unwrap_or_else(|| panic!("fragment {name} not found"));
                needed.extend(spreads(fragment));
                document.push('\n');
                document.push_str(fragment);
            }
            let parsed = async_graphql::parser::parse_query(&document).expect("parses");
            let response = schema.execute(async_graphql::Request::new(document.clone())).await;
            let analyzer = response.extensions.get("analyzer").unwrap_or_else(|| {
                panic!("not valid against the schema: {:?}\n{operation}", response.errors)
            });
            let number = |key: &str| match analyzer {
                async_graphql::Value::Object(map) => match map.get(key) {
                    Some(async_graphql::Value::Number(n)) => n.as_u64().and_then(|n| usize::try_from(n).ok()),
                    _ => None,
                },
                _ => None,
            };
            let (depth, complexity) =
                (number("depth").expect("depth"), number("complexity").expect("complexity"));
            assert!(depth <= limits.max_depth / 2 + 2, "depth {depth}: {operation}");
            assert!(complexity <= limits.max_complexity / 2, "complexity {complexity}: {operation}");
            assert!(aliases(&parsed) <= limits.max_aliases / 2, "aliases: {operation}");
            if complexity > heaviest.1 {
                heaviest =
                    (depth, complexity, operation.trim().lines().next().unwrap_or_default().to_owned());
            }
        }
        println!(
            "{} operations; the heaviest ({}) has depth {} and complexity {}",
            operations.len(),
            heaviest.2.trim(),
            heaviest.0,
            heaviest.1
        );
    }
}
