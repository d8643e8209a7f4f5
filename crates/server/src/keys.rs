//! The key that signs access tokens: `NUKUMORI_JWT_SECRET`, or else a random key
//! generated once and kept in `DATA_DIR/jwt-secret`, readable by the server's user only.
//! A short or placeholder key is refused at start-up rather than trusted.

use std::{fs, io::Write, path::Path};

use anyhow::{Context, bail};
use app::tokens::SigningKey;

const KEY_FILE: &str = "jwt-secret";

/// Loads (or creates) the signing key.
pub(crate) fn signing_key(configured: Option<&str>, data_dir: &Path) -> anyhow::Result<SigningKey> {
    if let Some(secret) = configured {
        return SigningKey::new(secret.trim().as_bytes()).context("NUKUMORI_JWT_SECRET is refused");
    }
    let path = data_dir.join(KEY_FILE);
    if path.exists() {
        check_private(&path)?;
        let secret = fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
        return SigningKey::new(secret.trim().as_bytes())
            .with_context(|| format!("the key in {} is refused", path.display()));
    }
    let secret = SigningKey::generate_secret().map_err(|e| anyhow::anyhow!("{e}"))?;
    write_private(&path, &secret)?;
    tracing::info!(path = %path.display(), "generated a new JWT signing key");
    SigningKey::new(secret.as_bytes()).map_err(|e| anyhow::anyhow!("{e}"))
}

#[cfg(unix)]
fn write_private(path: &Path, secret: &str) -> anyhow::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    file.write_all(secret.as_bytes())?;
    file.sync_all()?;
    Ok(())
}

#[cfg(not(unix))]
fn write_private(path: &Path, secret: &str) -> anyhow::Result<()> {
    fs::write(path, secret).with_context(|| format!("cannot create {}", path.display()))
}

#[cfg(unix)]
fn check_private(path: &Path) -> anyhow::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = fs::metadata(path)?.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        bail!(
            "{} is readable by other users (mode {mode:o}); run `chmod 600 {}`",
            path.display(),
            path.display()
        );
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_private(_: &Path) -> anyhow::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generates_once_with_private_permissions_and_refuses_weak_keys() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        signing_key(None, dir.path())?;
        let first = fs::read_to_string(dir.path().join(KEY_FILE))?;
        signing_key(None, dir.path())?;
        assert_eq!(first, fs::read_to_string(dir.path().join(KEY_FILE))?, "kept, not regenerated");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let path = dir.path().join(KEY_FILE);
            assert_eq!(fs::metadata(&path)?.permissions().mode() & 0o777, 0o600);
            fs::set_permissions(&path, fs::Permissions::from_mode(0o644))?;
            assert!(signing_key(None, dir.path()).is_err(), "a readable key file is refused");
        }
        assert!(signing_key(Some("short"), dir.path()).is_err());
        assert!(signing_key(Some("changeme-changeme-changeme-changeme"), dir.path()).is_err());
        Ok(())
    }
}
