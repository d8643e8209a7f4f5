//! What the server knows about the caller of one request.

use app::domain::{Language, access::Actor};

/// Who is asking, and in which language they read.
#[derive(Clone, Debug)]
pub struct RequestContext {
    /// The caller.
    pub actor: Actor,
    /// The language for error messages (from `Accept-Language`, Japanese by default).
    pub language: Language,
    /// The refresh token from the browser's cookie, if it sent one.
    pub refresh_cookie: Option<String>,
    /// The client's address, for sign-in throttling and the audit log.
    pub client_ip: Option<String>,
}

impl RequestContext {
    /// An anonymous caller reading Japanese.
    pub fn anonymous() -> Self {
        Self { actor: Actor::Anonymous, language: Language::Ja, refresh_cookie: None, client_ip: None }
    }
}
