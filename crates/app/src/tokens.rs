//! Access and refresh tokens.
//!
//! The access token is a JWT signed with HMAC-SHA256: `iss`, `aud`, `sub`, `exp`, `iat`
//! and `jti`, plus `sep`, the account's session epoch, which moves on when every session
//! must end (a password change, a deactivation). Verification pins the algorithm and
//! requires every one of those claims. The refresh token is 32 random bytes; only its
//! SHA-256 is stored.

use std::fmt;

use chrono::{DateTime, Duration, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::AppError;

/// The issuer written into and required of every access token.
pub const ISSUER: &str = "nukumori";
/// The audience written into and required of every access token.
pub const AUDIENCE: &str = "nukumori-api";

/// Lower-case hexadecimal.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// SHA-256 of a token, hex: what the database keeps instead of the token.
pub fn digest(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// A new opaque token: 32 random bytes, URL-safe base64.
pub fn random_token() -> Result<String, AppError> {
    use base64::Engine as _;
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| AppError::internal(format!("random: {e}")))?;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
}

/// Why a signing key is refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WeakSecret {
    /// Fewer than 32 bytes.
    #[error("the JWT signing key must be at least 32 bytes long")]
    TooShort,
    /// A well-known placeholder or a run of one character.
    #[error("the JWT signing key is a placeholder or too uniform; generate a random one")]
    Guessable,
}

/// The key that signs access tokens. Its `Debug` output never shows it.
#[derive(Clone)]
pub struct SigningKey {
    encoding: EncodingKey,
    decoding: DecodingKey,
}

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SigningKey(<redacted>)")
    }
}

impl SigningKey {
    /// Accepts a key of at least 32 bytes that is not a placeholder.
    pub fn new(secret: &[u8]) -> Result<Self, WeakSecret> {
        if secret.len() < 32 {
            return Err(WeakSecret::TooShort);
        }
        let text = String::from_utf8_lossy(secret).to_lowercase();
        let placeholder = ["secret", "changeme", "change-me", "password", "default", "example", "nukumori"]
            .iter()
            .any(|word| text.contains(word));
        let mut distinct = secret.to_vec();
        distinct.sort_unstable();
        distinct.dedup();
        if placeholder || distinct.len() < 10 {
            return Err(WeakSecret::Guessable);
        }
        Ok(Self { encoding: EncodingKey::from_secret(secret), decoding: DecodingKey::from_secret(secret) })
    }

    /// A fresh random key (64 bytes, hex), for installations that have none yet.
    pub fn generate_secret() -> Result<String, AppError> {
        let mut bytes = [0u8; 64];
        getrandom::fill(&mut bytes).map_err(|e| AppError::internal(format!("random: {e}")))?;
        Ok(hex(&bytes))
    }
}

/// The claims of an access token.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    /// Issuer.
    pub iss: String,
    /// Audience.
    pub aud: String,
    /// The user's id.
    pub sub: String,
    /// Expiry, seconds since the epoch.
    pub exp: i64,
    /// Issue time.
    pub iat: i64,
    /// Token id.
    pub jti: String,
    /// The user's session epoch when it was issued.
    pub sep: i32,
}

/// Signs an access token for `user_id` valid for `ttl`.
pub fn sign_access(
    key: &SigningKey,
    user_id: &str,
    session_epoch: i32,
    ttl: Duration,
) -> Result<(String, DateTime<Utc>), AppError> {
    let now = Utc::now();
    let expires_at = now + ttl;
    let claims = Claims {
        iss: ISSUER.to_owned(),
        aud: AUDIENCE.to_owned(),
        sub: user_id.to_owned(),
        exp: expires_at.timestamp(),
        iat: now.timestamp(),
        jti: uuid::Uuid::now_v7().to_string(),
        sep: session_epoch,
    };
    let token = jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &key.encoding)
        .map_err(|e| AppError::internal(format!("signing: {e}")))?;
    Ok((token, expires_at))
}

/// Verifies an access token: signature with HS256 only, issuer, audience, expiry, and
/// the presence of every claim. Any failure is [`AppError::SessionInvalid`].
pub fn verify_access(key: &SigningKey, token: &str) -> Result<Claims, AppError> {
    let mut validation = Validation::new(Algorithm::HS256);
    validation.set_issuer(&[ISSUER]);
    validation.set_audience(&[AUDIENCE]);
    validation.set_required_spec_claims(&["iss", "aud", "sub", "exp", "iat"]);
    validation.leeway = 5;
    jsonwebtoken::decode::<Claims>(token, &key.decoding, &validation).map(|data| data.claims).map_err(
        |error| {
            tracing::debug!(%error, "access token refused");
            AppError::SessionInvalid
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> SigningKey {
        SigningKey::new(b"0123456789abcdefghijklmnopqrstuvwxyzABCDEF").unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn refuses_weak_keys() {
        assert_eq!(SigningKey::new(b"short").err(), Some(WeakSecret::TooShort));
        assert_eq!(SigningKey::new(&[b'a'; 40]).err(), Some(WeakSecret::Guessable));
        assert_eq!(
            SigningKey::new(b"my-super-secret-key-for-nukumori-2026").err(),
            Some(WeakSecret::Guessable)
        );
        assert!(format!("{:?}", key()).contains("redacted"));
    }

    #[test]
    fn round_trip_and_refusals() -> Result<(), AppError> {
        let (token, _) = sign_access(&key(), "user-1", 3, Duration::minutes(15))?;
        let claims = verify_access(&key(), &token)?;
        assert_eq!((claims.sub.as_str(), claims.sep, claims.iss.as_str()), ("user-1", 3, ISSUER));

        let other =
            SigningKey::new(b"ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxw").unwrap_or_else(|e| panic!("{e}"));
        assert!(verify_access(&other, &token).is_err(), "another key");
        let (expired, _) = sign_access(&key(), "user-1", 3, Duration::minutes(-10))?;
        assert!(verify_access(&key(), &expired).is_err(), "expired");
        let mut tampered = token.clone();
        tampered.insert(tampered.len() / 2, 'x');
        assert!(verify_access(&key(), &tampered).is_err(), "tampered");
        Ok(())
    }

    #[test]
    fn digests_are_stable_hex() {
        assert_eq!(digest("abc").len(), 64);
        assert_eq!(digest("abc"), digest("abc"));
        assert_ne!(digest("abc"), digest("abd"));
    }
}
