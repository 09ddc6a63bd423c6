//! Signing in: create an account, log in, or let the portal sign someone in.
//! Each starts a session; unlocking after a reload is `password`'s.

use base64ct::{Base64, Encoding};
use web_sys::CryptoKey;

use super::password::{derive, store_error};
use super::{Auth, FormError};
use crate::browser::{clock, random};
use crate::domain::auth::{
    validate_new_password, verifiers_match, AuthError, Email, PBKDF2_ITERATIONS,
};
use crate::state::{host_keys, migrate};
use crate::store::schema::{PasswordRecord, Registry, Session, UserRecord};
use crate::store::write::WriteError;
use leptos::prelude::*;

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
            .map_err(|e| FormError::Form(e.to_string()))?;
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
        .map_err(|e| FormError::Form(e.to_string()))
    }

    pub async fn log_in(&self, email: &str, password: &str) -> Result<(), AuthError> {
        let email = Email::parse(email).map_err(|_| AuthError::WrongCredentials { wait_ms: 0 })?;
        let keys = self.persist.keys();
        let (registry, _) = self.persist.load::<Registry>(&keys.registry());
        let wait = registry.wait_ms(email.as_str(), clock::now_ms());
        if wait > 0 {
            return Err(AuthError::Throttled { wait_ms: wait });
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
                self.clear_failures(address).await?;
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
                let wait_ms = self.record_failure(address).await?;
                Err(AuthError::WrongCredentials { wait_ms })
            }
        }
    }

    async fn start_session(&self, session: Session, kek: CryptoKey) -> Result<(), AuthError> {
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
    pub async fn host_sign_in(&self, portal_id: &str, email: &str) {
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
    }
}
