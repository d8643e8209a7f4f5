//! Password hashing with Argon2id.
//!
//! The parameters are OWASP's recommendation (19 MiB of memory, 2 passes, 1 lane) and are
//! recorded in each PHC string, so they can be raised later: a login whose stored hash
//! used other parameters rehashes the password. Hashing runs on the blocking pool, never
//! on the async workers. An unknown account is checked against a dummy hash with the same
//! parameters, so a login takes as long whether or not the e-mail exists.

use std::sync::OnceLock;

use tokio::sync::Semaphore;

use argon2::{
    Algorithm, Argon2, Params, Version,
    password_hash::{PasswordHasher, PasswordVerifier, phc::PasswordHash},
};

use crate::AppError;

/// Memory in KiB.
pub const MEMORY_KIB: u32 = 19 * 1024;
/// Passes over memory.
pub const ITERATIONS: u32 = 2;
/// Lanes.
pub const PARALLELISM: u32 = 1;

fn hasher() -> Result<Argon2<'static>, AppError> {
    let params = Params::new(MEMORY_KIB, ITERATIONS, PARALLELISM, None)
        .map_err(|e| AppError::internal(format!("argon2 parameters: {e}")))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

fn hash_blocking(password: &str) -> Result<String, AppError> {
    let hash = hasher()?
        .hash_password(password.as_bytes())
        .map_err(|e| AppError::internal(format!("argon2 hash: {e}")))?;
    Ok(hash.to_string())
}

/// A hash of a password nobody knows, with the current parameters.
fn dummy_hash() -> Result<&'static str, AppError> {
    static DUMMY: OnceLock<String> = OnceLock::new();
    if let Some(hash) = DUMMY.get() {
        return Ok(hash);
    }
    let mut random = [0u8; 32];
    getrandom::fill(&mut random).map_err(|e| AppError::internal(format!("random: {e}")))?;
    let hash = hash_blocking(&crate::tokens::hex(&random))?;
    Ok(DUMMY.get_or_init(|| hash))
}

/// At most this many hashes run at once (each takes 19 MiB): a burst of sign-ins queues
/// instead of exhausting memory.
static HASHING: Semaphore = Semaphore::const_new(4);

async fn permit() -> Result<tokio::sync::SemaphorePermit<'static>, AppError> {
    HASHING.acquire().await.map_err(|e| AppError::internal(format!("hashing queue: {e}")))
}

/// Hashes a new password.
pub async fn hash(password: String) -> Result<String, AppError> {
    let _permit = permit().await?;
    tokio::task::spawn_blocking(move || hash_blocking(&password))
        .await
        .map_err(|e| AppError::internal(format!("hashing task: {e}")))?
}

/// The result of checking a password.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verified {
    /// The password matches.
    pub matches: bool,
    /// It matches, but the stored hash uses other parameters than today's.
    pub needs_rehash: bool,
}

/// Checks `password` against `stored`, or against the dummy hash when there is none.
pub async fn verify(password: String, stored: Option<String>) -> Result<Verified, AppError> {
    let _permit = permit().await?;
    tokio::task::spawn_blocking(move || {
        let (phc, real) = match &stored {
            Some(phc) => (phc.as_str(), true),
            None => (dummy_hash()?, false),
        };
        let Ok(parsed) = PasswordHash::new(phc) else {
            return Ok(Verified { matches: false, needs_rehash: false });
        };
        let matches = real && hasher()?.verify_password(password.as_bytes(), &parsed).is_ok();
        if !real {
            // Spend the same time as a real check.
            let _ = hasher()?.verify_password(password.as_bytes(), &parsed);
        }
        let current = Params::try_from(&parsed).ok();
        let needs_rehash = matches
            && (parsed.algorithm.as_str() != "argon2id"
                || current.is_none_or(|p| {
                    p.m_cost() != MEMORY_KIB || p.t_cost() != ITERATIONS || p.p_cost() != PARALLELISM
                }));
        Ok(Verified { matches, needs_rehash })
    })
    .await
    .map_err(|e| AppError::internal(format!("verifying task: {e}")))?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_verify_and_record_their_parameters() -> Result<(), AppError> {
        let phc = hash("kasumigaura-lotus-2041".into()).await?;
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{phc}");
        let good = verify("kasumigaura-lotus-2041".into(), Some(phc.clone())).await?;
        assert_eq!(good, Verified { matches: true, needs_rehash: false });
        let bad = verify("wrong-password-here".into(), Some(phc)).await?;
        assert!(!bad.matches);
        let unknown = verify("kasumigaura-lotus-2041".into(), None).await?;
        assert!(!unknown.matches);
        Ok(())
    }

    #[tokio::test]
    async fn weaker_stored_parameters_ask_for_a_rehash() -> Result<(), AppError> {
        let params = Params::new(8 * 1024, 1, 1, None).map_err(|e| AppError::internal(e.to_string()))?;
        let weak = Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
            .hash_password(b"kasumigaura-lotus-2041")
            .map_err(|e| AppError::internal(e.to_string()))?
            .to_string();
        let verified = verify("kasumigaura-lotus-2041".into(), Some(weak)).await?;
        assert_eq!(verified, Verified { matches: true, needs_rehash: true });
        Ok(())
    }
}
