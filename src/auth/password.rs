//! argon2id hashing, off the async workers and at most one hash per core at a time, so a burst
//! of logins cannot starve the server.

use std::sync::LazyLock;

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;
use tokio::sync::Semaphore;

use crate::error::AppError;

static PERMITS: LazyLock<Semaphore> = LazyLock::new(|| {
    Semaphore::new(std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2))
});

/// A hash of a random password: unknown users are checked against it, so they take as long
/// as known ones.
static DUMMY_HASH: LazyLock<String> =
    LazyLock::new(|| hash_sync(&crate::crypto::random_token(24)).unwrap_or_default());

/// Hashes synchronously (CLI and tests).
pub fn hash_sync(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(Argon2::default().hash_password(password.as_bytes(), &salt)?.to_string())
}

fn verify_sync(password: &str, hash: Option<&str>) -> bool {
    let hash = hash.unwrap_or(DUMMY_HASH.as_str());
    let ok = PasswordHash::new(hash)
        .map(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
        .unwrap_or(false);
    ok && hash != DUMMY_HASH.as_str()
}

/// Hashes on the blocking pool.
pub async fn hash(password: String) -> Result<String, AppError> {
    let _permit = PERMITS.acquire().await.map_err(|e| AppError::Internal(e.into()))?;
    actix_web::web::block(move || hash_sync(&password))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("hash task failed: {e}")))?
        .map_err(|e| AppError::Internal(anyhow::anyhow!("hashing failed: {e}")))
}

/// Verifies on the blocking pool; `None` (no such user) costs the same and fails.
pub async fn verify(password: String, hash: Option<String>) -> Result<bool, AppError> {
    let _permit = PERMITS.acquire().await.map_err(|e| AppError::Internal(e.into()))?;
    actix_web::web::block(move || verify_sync(&password, hash.as_deref()))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("verify task failed: {e}")))
}

#[cfg(test)]
mod tests {
    #[test]
    fn hashes_verify_and_dummy_never_matches() {
        let hash = super::hash_sync("korrekt hest batteri").unwrap_or_default();
        assert!(hash.starts_with("$argon2id$"));
        assert!(super::verify_sync("korrekt hest batteri", Some(&hash)));
        assert!(!super::verify_sync("forkert", Some(&hash)));
        assert!(!super::verify_sync("anything", None));
    }
}
