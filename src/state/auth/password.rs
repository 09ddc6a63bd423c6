//! The password of someone signed in: unlocking the keys after a reload,
//! confirming before what cannot be undone, locking again, and the throttle
//! that counts wrong guesses. The password derives both the stored verifier
//! and the in-memory key-encryption key.

use base64ct::{Base64, Encoding};
use web_sys::CryptoKey;

use super::Auth;
use crate::browser::{clock, webcrypto};
use crate::domain::auth::{verifiers_match, AuthError, KEY_WRAP_INFO, VERIFIER_INFO};
use crate::store::schema::Registry;
use crate::store::write::WriteError;
use leptos::prelude::*;

/// What a password derives: the verifier stored to check it later, and the
/// key that seals private keys, which is never stored.
pub(super) struct Derived {
    pub(super) verifier: Vec<u8>,
    pub(super) kek: CryptoKey,
}

pub(super) async fn derive(
    password: &str,
    salt: &[u8],
    iterations: u32,
) -> Result<Derived, AuthError> {
    let browser = |e: webcrypto::WebCryptoError| AuthError::Browser(e.to_string());
    let master = webcrypto::pbkdf2_sha256(password, salt, iterations, 256)
        .await
        .map_err(browser)?;
    let verifier = webcrypto::hkdf_bits(&master, VERIFIER_INFO).await;
    let kek = webcrypto::hkdf_aes_key(&master, KEY_WRAP_INFO).await;
    // `master` is zeroed when dropped here.
    drop(master);
    Ok(Derived {
        verifier: verifier.map_err(browser)?,
        kek: kek.map_err(browser)?,
    })
}

/// A refused write as the words a form shows: sign-in has no field to
/// blame it on.
pub(super) fn store_error<E>(e: WriteError<E>) -> AuthError
where
    E: std::fmt::Display,
{
    AuthError::Browser(match e {
        WriteError::Store(e) => e.to_string(),
        WriteError::Rejected(e) => e.to_string(),
    })
}

impl Auth {
    /// Asks for the password again after a reload or an idle lock, to unwrap
    /// private keys.
    pub async fn unlock(&self, password: &str) -> Result<(), AuthError> {
        let derived = self.check_password(password).await?;
        self.kek.set_value(Some(derived.kek));
        self.unlocked.set(true);
        Ok(())
    }

    /// Asks the signed-in person for their password before something that
    /// cannot be undone. In host identity mode the portal vouches for them.
    pub async fn confirm_password(&self, password: &str) -> Result<(), AuthError> {
        if self.host_identity {
            return Ok(());
        }
        self.check_password(password).await.map(|_| ())
    }

    /// Forgets the unlocked keys and keeps the session: the next use of a
    /// private key asks for the password again.
    pub fn lock(&self) {
        self.kek.try_set_value(None);
        if self.unlocked.try_get_untracked() == Some(true) {
            self.unlocked.try_set(false);
        }
    }

    /// Checks the signed-in person's password. Wrong passwords count toward
    /// the same throttle as logging in, so a left-open page gives no faster
    /// way to guess.
    async fn check_password(&self, password: &str) -> Result<Derived, AuthError> {
        let Some(session) = self.session.get_untracked() else {
            return Err(AuthError::SignedOut);
        };
        let keys = self.persist.keys();
        let (registry, _) = self.persist.load::<Registry>(&keys.registry());
        let Some((address, user)) = registry.user_by_id(&session.user_id) else {
            return Err(AuthError::WrongCredentials { wait_ms: 0 });
        };
        let address = address.clone();
        let wait = registry.wait_ms(&address, clock::now_ms());
        if wait > 0 {
            return Err(AuthError::Throttled { wait_ms: wait });
        }
        let had_failures = registry.throttle.contains_key(&address);
        let salt = Base64::decode_vec(&user.password.salt).unwrap_or_default();
        let expected = Base64::decode_vec(&user.password.verifier).unwrap_or_default();
        let derived = derive(password, &salt, user.password.iterations).await?;
        if !verifiers_match(&derived.verifier, &expected) {
            let wait = self.record_failure(address).await?;
            return Err(AuthError::WrongPassword { wait_ms: wait });
        }
        if had_failures {
            self.clear_failures(address).await?;
        }
        Ok(derived)
    }

    /// Forgets the wrong tries counted for `address`, once the right
    /// password came.
    pub(super) async fn clear_failures(&self, address: String) -> Result<(), AuthError> {
        self.persist
            .commit::<Registry, _, std::convert::Infallible>(
                &self.persist.keys().registry(),
                move |r| {
                    r.clear_failures(&address);
                    Ok(())
                },
            )
            .await
            .map_err(store_error)?;
        Ok(())
    }

    /// Counts a wrong password for `address`; how long it must now wait.
    /// Failures from every tab count: each is added to the latest counter.
    pub(super) async fn record_failure(&self, address: String) -> Result<i64, AuthError> {
        let now = clock::now_ms();
        let registry = self.persist.keys().registry();
        Ok(self
            .persist
            .commit::<Registry, _, std::convert::Infallible>(&registry, move |r| {
                r.record_failure(&address, now);
                Ok(r.wait_ms(&address, now))
            })
            .await
            .map_err(store_error)?
            .result)
    }
}
