//! Who is signed in, their data, and the key that unwraps their private keys.
//!
//! The key-encryption key lives only in memory: a reload forgets it, and any
//! operation that needs a private key then asks for the password again.

use base64ct::{Base64, Encoding};
use leptos::prelude::*;
use web_sys::CryptoKey;

use crate::browser::storage::LocalStore;
use crate::browser::{clock, key_store, random, webcrypto};
use crate::domain::credentials::{self, PBKDF2_ITERATIONS, WRONG_CREDENTIALS};
use crate::domain::email::Email;
use crate::domain::password::validate_new_password;
use crate::domain::route_rules::Visitor;
use crate::domain::throttle;
use crate::state::notices::{NoticeKind, Notices};
use crate::store::document::{self, Versioned};
use crate::store::keys::Keys;
use crate::store::schema::{PasswordRecord, Registry, Session, UserData, UserRecord};
use crate::store::{KeyValue, StoreError};

/// A problem with one field of a form, or with the form as a whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormError {
    Field(&'static str, String),
    Form(String),
}

#[derive(Clone, Copy)]
pub struct Auth {
    pub session: RwSignal<Option<Session>>,
    pub data: RwSignal<UserData>,
    kek: StoredValue<Option<CryptoKey>, LocalStorage>,
    /// Whether the key-encryption key is in memory, for pages to react to.
    pub unlocked: RwSignal<bool>,
    keys: StoredValue<Keys>,
    notices: Notices,
    /// The portal supplies the user (host identity mode).
    pub host_identity: bool,
}

struct Derived {
    verifier: Vec<u8>,
    kek: CryptoKey,
}

async fn derive(password: &str, salt: &[u8], iterations: u32) -> Result<Derived, String> {
    let mut master = webcrypto::pbkdf2_sha256(password, salt, iterations, 256)
        .await
        .map_err(|e| e.to_string())?;
    let verifier = webcrypto::hkdf_bits(&master, credentials::VERIFIER_INFO).await;
    let kek = webcrypto::hkdf_aes_key(&master, credentials::KEY_WRAP_INFO).await;
    master.iter_mut().for_each(|b| *b = 0);
    Ok(Derived {
        verifier: verifier.map_err(|e| e.to_string())?,
        kek: kek.map_err(|e| e.to_string())?,
    })
}

impl Auth {
    /// Restores the session left by an earlier visit, if any.
    pub fn restore(keys: Keys, notices: Notices, host_identity: bool) -> Auth {
        let auth = Auth {
            session: RwSignal::new(None),
            data: RwSignal::new(UserData::default()),
            kek: StoredValue::new_local(None),
            unlocked: RwSignal::new(false),
            keys: StoredValue::new(keys),
            notices,
            host_identity,
        };
        // In host identity mode the portal signs someone in on every load.
        if host_identity {
            return auth;
        }
        let session: Session = auth.load(&auth.keys.get_value().session());
        if !session.user_id.is_empty() {
            let registry: Registry = auth.load(&auth.keys.get_value().registry());
            if registry.user_by_id(&session.user_id).is_some() {
                auth.enter(session);
            } else {
                LocalStore.remove(&auth.keys.get_value().session());
            }
        }
        auth
    }

    pub fn expect() -> Auth {
        expect_context::<Auth>()
    }

    fn load<T: Versioned>(&self, key: &str) -> T {
        let loaded = document::load::<T>(&LocalStore, &self.keys.get_value(), key, clock::now_ms());
        if let Some(r) = loaded.recovered {
            self.notices.push(NoticeKind::Warning, r.message());
        }
        loaded.value
    }

    fn enter(&self, session: Session) {
        let data: UserData = self.load(&self.keys.get_value().user(&session.user_id));
        self.data.set(data);
        self.session.set(Some(session));
    }

    pub fn visitor(&self) -> Visitor {
        Visitor {
            signed_in: self.session.with(Option::is_some),
            has_connection: self.data.with(UserData::has_connection),
            host_identity: self.host_identity,
        }
    }

    pub fn email(&self) -> Option<String> {
        self.session.with(|s| s.as_ref().map(|s| s.email.clone()))
    }

    /// The in-memory key that wraps private keys; `None` after a reload.
    pub fn key_encryption_key(&self) -> Option<CryptoKey> {
        self.kek.get_value()
    }

    pub async fn sign_up(
        &self,
        email: &str,
        password: &str,
        confirm: &str,
    ) -> Result<(), FormError> {
        let email =
            Email::parse(email).map_err(|e| FormError::Field("email", e.message().into()))?;
        validate_new_password(password, confirm).map_err(|e| {
            let field = if e == crate::domain::password::PasswordError::Mismatch {
                "confirm"
            } else {
                "password"
            };
            FormError::Field(field, e.message().into())
        })?;
        let keys = self.keys.get_value();
        let mut registry: Registry = self.load(&keys.registry());
        if registry.users.contains_key(email.as_str()) {
            return Err(FormError::Field(
                "email",
                "An account with this email already exists. Log in instead.".into(),
            ));
        }
        let salt = random::bytes::<16>();
        let derived = derive(password, &salt, PBKDF2_ITERATIONS)
            .await
            .map_err(FormError::Form)?;
        let user_id = uuid::Uuid::new_v4().to_string();
        registry.users.insert(
            email.as_str().to_string(),
            UserRecord {
                user_id: user_id.clone(),
                created_ms: clock::now_ms(),
                password: PasswordRecord {
                    salt: Base64::encode_string(&salt),
                    iterations: PBKDF2_ITERATIONS,
                    verifier: Base64::encode_string(&derived.verifier),
                },
            },
        );
        document::save(&LocalStore, &keys.registry(), &registry)
            .map_err(|e| FormError::Form(e.to_string()))?;
        self.start_session(
            Session {
                user_id,
                email: email.as_str().into(),
            },
            derived.kek,
        )
        .map_err(|e| FormError::Form(e.to_string()))
    }

    pub async fn log_in(&self, email: &str, password: &str) -> Result<(), String> {
        let email = Email::parse(email).map_err(|_| WRONG_CREDENTIALS.to_string())?;
        let keys = self.keys.get_value();
        let mut registry: Registry = self.load(&keys.registry());
        let wait = registry.wait_ms(email.as_str(), clock::now_ms());
        if wait > 0 {
            return Err(throttle::wait_message(wait));
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
        match user {
            Some(u) if credentials::verifiers_match(&derived.verifier, &expected) => {
                registry.clear_failures(email.as_str());
                let _ = document::save(&LocalStore, &keys.registry(), &registry);
                self.start_session(
                    Session {
                        user_id: u.user_id,
                        email: email.as_str().into(),
                    },
                    derived.kek,
                )
                .map_err(|e| e.to_string())
            }
            _ => {
                let now = clock::now_ms();
                registry.record_failure(email.as_str(), now);
                let _ = document::save(&LocalStore, &keys.registry(), &registry);
                let wait = registry.wait_ms(email.as_str(), now);
                Err(if wait > 0 {
                    format!("{WRONG_CREDENTIALS}. {}", throttle::wait_message(wait))
                } else {
                    WRONG_CREDENTIALS.to_string()
                })
            }
        }
    }

    /// Asks for the password again after a reload, to unwrap private keys.
    pub async fn unlock(&self, password: &str) -> Result<(), String> {
        let Some(session) = self.session.get_untracked() else {
            return Err("Log in first.".into());
        };
        let registry: Registry = self.load(&self.keys.get_value().registry());
        let Some((_, user)) = registry.user_by_id(&session.user_id) else {
            return Err(WRONG_CREDENTIALS.into());
        };
        let salt = Base64::decode_vec(&user.password.salt).unwrap_or_default();
        let expected = Base64::decode_vec(&user.password.verifier).unwrap_or_default();
        let derived = derive(password, &salt, user.password.iterations).await?;
        if !credentials::verifiers_match(&derived.verifier, &expected) {
            return Err("That password is not correct.".into());
        }
        self.kek.set_value(Some(derived.kek));
        self.unlocked.set(true);
        Ok(())
    }

    fn start_session(&self, session: Session, kek: CryptoKey) -> Result<(), StoreError> {
        document::save(&LocalStore, &self.keys.get_value().session(), &session)?;
        self.kek.set_value(Some(kek));
        self.unlocked.set(true);
        self.enter(session);
        Ok(())
    }

    /// Host identity mode: the portal vouches for the user, and the user's
    /// key-encryption key is a non-extractable key kept in IndexedDB.
    pub async fn host_sign_in(&self, user_id: &str, email: &str) -> Result<(), String> {
        let user_id = format!("host.{user_id}");
        let kek = match key_store::get(&user_id).await {
            Some(k) => k,
            None => {
                let k = webcrypto::new_key_encryption_key()
                    .await
                    .map_err(|e| e.to_string())?;
                key_store::put(&user_id, &k)
                    .await
                    .map_err(|_| "the browser refused to keep the key (IndexedDB)".to_string())?;
                k
            }
        };
        self.kek.set_value(Some(kek));
        self.unlocked.set(true);
        self.enter(Session {
            user_id,
            email: email.to_string(),
        });
        Ok(())
    }

    /// Forgets the session and every key held in memory.
    pub fn sign_out(&self) {
        LocalStore.remove(&self.keys.get_value().session());
        self.kek.set_value(None);
        self.unlocked.set(false);
        self.data.set(UserData::default());
        self.session.set(None);
    }

    /// Changes the signed-in user's data and saves it.
    pub fn update(&self, change: impl FnOnce(&mut UserData)) -> Result<(), StoreError> {
        let Some(session) = self.session.get_untracked() else {
            return Ok(());
        };
        let mut next = self.data.get_untracked();
        change(&mut next);
        document::save(
            &LocalStore,
            &self.keys.get_value().user(&session.user_id),
            &next,
        )?;
        self.data.set(next);
        Ok(())
    }
}
