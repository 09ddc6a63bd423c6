//! Signing in: create an account, log in, unlock after a reload, or let the
//! portal sign someone in. The password derives both the stored verifier and
//! the in-memory key-encryption key.

use base64ct::{Base64, Encoding};
use web_sys::CryptoKey;

use super::{Auth, FormError};
use crate::browser::{clock, random, webcrypto};
use crate::domain::auth::{
    refusal, validate_new_password, verifiers_match, wait_message, Email, KEY_WRAP_INFO,
    PBKDF2_ITERATIONS, VERIFIER_INFO, WRONG_CREDENTIALS, WRONG_PASSWORD,
};
use crate::state::certificates::{HeldKeys, KeyCustody};
use crate::state::{host_keys, migrate};
use crate::store::schema::{PasswordRecord, Registry, Session, UserRecord};
use crate::store::write::WriteError;
use leptos::prelude::*;

struct Derived {
    verifier: Vec<u8>,
    kek: CryptoKey,
}

async fn derive(password: &str, salt: &[u8], iterations: u32) -> Result<Derived, String> {
    let master = webcrypto::pbkdf2_sha256(password, salt, iterations, 256)
        .await
        .map_err(|e| e.to_string())?;
    let verifier = webcrypto::hkdf_bits(&master, VERIFIER_INFO).await;
    let kek = webcrypto::hkdf_aes_key(&master, KEY_WRAP_INFO).await;
    // `master` is zeroed when dropped here.
    drop(master);
    Ok(Derived {
        verifier: verifier.map_err(|e| e.to_string())?,
        kek: kek.map_err(|e| e.to_string())?,
    })
}

fn store_error<E>(e: WriteError<E>) -> String
where
    E: std::fmt::Display,
{
    match e {
        WriteError::Store(e) => e.to_string(),
        WriteError::Rejected(e) => e.to_string(),
    }
}

impl Auth {
    pub async fn sign_up(
        &self,
        email: &str,
        password: &str,
        confirm: &str,
    ) -> Result<(), FormError> {
        let email =
            Email::parse(email).map_err(|e| FormError::Field("email", e.message().into()))?;
        validate_new_password(password, confirm).map_err(|e| {
            let field = if e == crate::domain::auth::PasswordError::Mismatch {
                "confirm"
            } else {
                "password"
            };
            FormError::Field(field, e.message().into())
        })?;
        let keys = self.persist.keys();
        let taken = || {
            FormError::Field(
                "email",
                "An account with this email already exists. Log in instead.".into(),
            )
        };
        let (registry, _) = self.persist.load::<Registry>(&keys.registry());
        if registry.users.contains_key(email.as_str()) {
            return Err(taken());
        }
        let salt = random::bytes::<16>();
        let derived = derive(password, &salt, PBKDF2_ITERATIONS)
            .await
            .map_err(FormError::Form)?;
        let user_id = uuid::Uuid::new_v4().to_string();
        let record = UserRecord {
            user_id: user_id.clone(),
            created_ms: clock::now_ms(),
            password: PasswordRecord {
                salt: Base64::encode_string(&salt),
                iterations: PBKDF2_ITERATIONS,
                verifier: Base64::encode_string(&derived.verifier),
            },
        };
        let address = email.as_str().to_string();
        // Another tab may have registered the same email meanwhile.
        self.persist
            .commit::<Registry, _, _>(&keys.registry(), move |r| {
                if r.users.contains_key(&address) {
                    return Err("taken");
                }
                r.users.insert(address.clone(), record.clone());
                Ok(())
            })
            .await
            .map_err(|e| match e {
                WriteError::Rejected(_) => taken(),
                WriteError::Store(e) => FormError::Form(e.to_string()),
            })?;
        self.start_session(
            Session {
                user_id,
                email: email.as_str().into(),
            },
            derived.kek,
        )
        .await
        .map_err(FormError::Form)
    }

    pub async fn log_in(&self, email: &str, password: &str) -> Result<(), String> {
        let email = Email::parse(email).map_err(|_| WRONG_CREDENTIALS.to_string())?;
        let keys = self.persist.keys();
        let (registry, _) = self.persist.load::<Registry>(&keys.registry());
        let wait = registry.wait_ms(email.as_str(), clock::now_ms());
        if wait > 0 {
            return Err(wait_message(wait));
        }
        let user = registry.users.get(email.as_str()).cloned();
        // Unknown emails cost the same work, so timing does not reveal accounts.
        let (salt, iterations, expected) = match &user {
            Some(u) => (
                Base64::decode_vec(&u.password.salt).unwrap_or_default(),
                u.password.iterations,
                Base64::decode_vec(&u.password.verifier).unwrap_or_default(),
            ),
            None => (
                random::bytes::<16>().to_vec(),
                PBKDF2_ITERATIONS,
                Vec::new(),
            ),
        };
        let derived = derive(password, &salt, iterations).await?;
        let address = email.as_str().to_string();
        match user {
            Some(u) if verifiers_match(&derived.verifier, &expected) => {
                self.persist
                    .commit::<Registry, _, std::convert::Infallible>(&keys.registry(), move |r| {
                        r.clear_failures(&address);
                        Ok(())
                    })
                    .await
                    .map_err(store_error)?;
                self.start_session(
                    Session {
                        user_id: u.user_id,
                        email: email.as_str().into(),
                    },
                    derived.kek,
                )
                .await
            }
            _ => {
                let wait = self.record_failure(address).await?;
                Err(if wait > 0 {
                    format!("{WRONG_CREDENTIALS}. {}", wait_message(wait))
                } else {
                    WRONG_CREDENTIALS.to_string()
                })
            }
        }
    }

    /// Asks for the password again after a reload or an idle lock, to unwrap
    /// private keys.
    pub async fn unlock(&self, password: &str) -> Result<(), String> {
        let derived = self.check_password(password).await?;
        self.kek.set_value(Some(derived.kek));
        self.unlocked.set(true);
        Ok(())
    }

    /// Asks the signed-in person for their password before something that
    /// cannot be undone. In host identity mode the portal vouches for them.
    pub async fn confirm_password(&self, password: &str) -> Result<(), String> {
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
    async fn check_password(&self, password: &str) -> Result<Derived, String> {
        let Some(session) = self.session.get_untracked() else {
            return Err("Log in first.".into());
        };
        let keys = self.persist.keys();
        let (registry, _) = self.persist.load::<Registry>(&keys.registry());
        let Some((address, user)) = registry.user_by_id(&session.user_id) else {
            return Err(WRONG_CREDENTIALS.into());
        };
        let address = address.clone();
        let wait = registry.wait_ms(&address, clock::now_ms());
        if wait > 0 {
            return Err(wait_message(wait));
        }
        let had_failures = registry.throttle.contains_key(&address);
        let salt = Base64::decode_vec(&user.password.salt).unwrap_or_default();
        let expected = Base64::decode_vec(&user.password.verifier).unwrap_or_default();
        let derived = derive(password, &salt, user.password.iterations).await?;
        if !verifiers_match(&derived.verifier, &expected) {
            let wait = self.record_failure(address).await?;
            return Err(refusal(WRONG_PASSWORD, wait));
        }
        if had_failures {
            self.persist
                .commit::<Registry, _, std::convert::Infallible>(&keys.registry(), move |r| {
                    r.clear_failures(&address);
                    Ok(())
                })
                .await
                .map_err(store_error)?;
        }
        Ok(derived)
    }

    /// Counts a wrong password for `address`; how long it must now wait.
    /// Failures from every tab count: each is added to the latest counter.
    async fn record_failure(&self, address: String) -> Result<i64, String> {
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

    async fn start_session(&self, session: Session, kek: CryptoKey) -> Result<(), String> {
        let stored = session.clone();
        self.persist
            .commit::<Session, _, std::convert::Infallible>(
                &self.persist.keys().session(),
                move |s| {
                    *s = stored.clone();
                    Ok(())
                },
            )
            .await
            .map_err(store_error)?;
        // Someone else may have been signed in in this tab a moment ago.
        self.leave();
        self.kek.set_value(Some(kek));
        self.unlocked.set(true);
        self.enter(session);
        Ok(())
    }

    /// Host identity mode: the portal vouches for the user, and the browser
    /// holds the user's private keys as non-extractable keys in IndexedDB.
    pub async fn host_sign_in(&self, portal_id: &str, email: &str) -> Result<(), String> {
        use crate::domain::app::embed::host_storage_id;
        let user_id = host_storage_id(portal_id);
        // Someone else is signed in here: save and close their drafts and
        // forget their keys first, and let the page redraw without their form,
        // so nothing of theirs is shown to or written for the next person.
        if self.user_id_untracked().is_some_and(|now| now != user_id) {
            self.leave();
            crate::browser::embed::settle().await;
        }
        let earlier = migrate::unescaped_host_data(self.persist, portal_id, &user_id).await;
        host_keys::open(
            self.persist,
            &user_id,
            earlier.as_deref().unwrap_or(&user_id),
        )
        .await;
        self.kek.set_value(None);
        self.unlocked.set(true);
        self.enter(Session {
            user_id,
            email: email.to_string(),
        });
        Ok(())
    }

    /// Where this person's private keys are kept: sealed under the in-memory
    /// key from the password, or held by the browser in host mode. `None`
    /// while locked or signed out.
    pub fn key_custody(&self) -> Option<KeyCustody> {
        if !self.host_identity {
            return self.kek.get_value().map(KeyCustody::Sealed);
        }
        let user = self.user_id_untracked()?;
        self.unlocked
            .get_untracked()
            .then(|| KeyCustody::Held(HeldKeys::new(&self.persist.keys(), &user)))
    }
}
