//! GraphQL enums that mirror domain enums one to one. The API keeps its own types (its
//! names and docs are a contract); this macro writes the two conversions once.

/// Declares a GraphQL enum named `$graphql` with the same variants as `$domain`, and the
/// conversions both ways.
macro_rules! mirror_enum {
    ($(#[$doc:meta])* $name:ident as $graphql:literal, $domain:ty { $($(#[$vdoc:meta])* $variant:ident),* $(,)? }) => {
        $(#[$doc])*
        #[derive(async_graphql::Enum, Clone, Copy, Debug, PartialEq, Eq)]
        #[graphql(name = $graphql)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)*
        }

        impl From<$domain> for $name {
            fn from(value: $domain) -> Self {
                match value {
                    $(<$domain>::$variant => Self::$variant,)*
                }
            }
        }

        impl From<$name> for $domain {
            fn from(value: $name) -> Self {
                match value {
                    $($name::$variant => Self::$variant,)*
                }
            }
        }
    };
}
