//! What the server knows about the caller of one request.

use app::domain::{Language, access::Actor};

/// Who is asking, and in which language they read.
#[derive(Clone, Debug)]
pub struct RequestContext {
    /// The caller.
    pub actor: Actor,
    /// The language for error messages (from `Accept-Language`, Japanese by default).
    pub language: Language,
}

impl RequestContext {
    /// An anonymous caller reading Japanese.
    pub fn anonymous() -> Self {
        Self {
            actor: Actor::Anonymous,
            language: Language::Ja,
        }
    }
}
