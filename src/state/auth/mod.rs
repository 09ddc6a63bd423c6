//! The session handle: who is signed in, and the key that unwraps their
//! private keys. Signing in opens the person's accounts and drafts; signing
//! out, here or in another tab, closes them and forgets the key.
//!
//! The key-encryption key lives only in memory: a reload forgets it, and any
//! operation that needs a private key then asks for the password again.

mod password;
mod sign_in;

use leptos::prelude::*;
use web_sys::CryptoKey;

use crate::domain::app::route_rules::Visitor;
use crate::state::accounts::Accounts;
use crate::state::certificates::{HeldKeys, KeyCustody};
use crate::state::drafts::Drafts;
use crate::state::persist::Persist;
use crate::store::document;
use crate::store::schema::{Registry, Session};
use crate::store::session_check::{self, SessionCheck};

/// A problem with one field of a form, or with the form as a whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormError {
    Field(&'static str, String),
    Form(String),
}

#[derive(Clone, Copy)]
pub struct Auth {
    session: RwSignal<Option<Session>>,
    kek: StoredValue<Option<CryptoKey>, LocalStorage>,
    unlocked: RwSignal<bool>,
    persist: Persist,
    accounts: Accounts,
    drafts: Drafts,
    /// The portal supplies the user (host identity mode).
    host_identity: bool,
}

impl Auth {
    /// Restores the session left by an earlier visit, if any.
    pub fn restore(
        persist: Persist,
        accounts: Accounts,
        drafts: Drafts,
        host_identity: bool,
    ) -> Auth {
        let auth = Auth {
            session: RwSignal::new(None),
            kek: StoredValue::new_local(None),
            unlocked: RwSignal::new(false),
            persist,
            accounts,
            drafts,
            host_identity,
        };
        // In host identity mode the portal signs someone in on every load.
        if !host_identity {
            if let Some(session) = auth.stored_session() {
                auth.enter(session);
            }
        }
        auth
    }

    pub fn expect() -> Auth {
        expect_context::<Auth>()
    }

    /// The stored session, if it names a registered person.
    fn stored_session(&self) -> Option<Session> {
        let keys = self.persist.keys();
        let (session, _) = self.persist.load::<Session>(&keys.session());
        if session.user_id.is_empty() {
            return None;
        }
        let (registry, _) = self.persist.load::<Registry>(&keys.registry());
        registry
            .user_by_id(&session.user_id)
            .is_some()
            .then_some(session)
    }

    /// Opens the person's accounts and drafts before the session shows them,
    /// so no page sees a signed-in person without their data.
    fn enter(&self, session: Session) {
        self.accounts.open(&session.user_id);
        self.drafts.open(&session.user_id);
        self.session.set(Some(session));
    }

    pub fn visitor(&self) -> Visitor {
        Visitor {
            signed_in: self.session.with(Option::is_some),
            has_connection: self.accounts.has_connection(),
            host_identity: self.host_identity,
        }
    }

    pub fn is_signed_in(&self) -> bool {
        self.session.with(Option::is_some)
    }

    pub fn is_signed_in_untracked(&self) -> bool {
        self.session.with_untracked(Option::is_some)
    }

    pub fn user_id_untracked(&self) -> Option<String> {
        self.session
            .with_untracked(|s| s.as_ref().map(|s| s.user_id.clone()))
    }

    /// Whether the key-encryption key is in memory, for pages to react to.
    pub fn is_unlocked(&self) -> bool {
        self.unlocked.get()
    }

    pub fn host_identity(&self) -> bool {
        self.host_identity
    }

    pub fn email(&self) -> Option<String> {
        self.session.with(|s| s.as_ref().map(|s| s.email.clone()))
    }

    /// The in-memory key that wraps private keys; `None` after a reload.
    pub fn key_encryption_key(&self) -> Option<CryptoKey> {
        self.kek.get_value()
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

    /// Signs out in every tab: forgets the session and every key held in memory.
    pub async fn sign_out(&self) {
        self.drafts.flush();
        let keys = self.persist.keys();
        let _ = self.persist.delete(&keys.session()).await;
        // The copy of Home names the person and their accounts.
        let _ = self.persist.delete(&keys.home_copy()).await;
        self.leave();
    }

    /// Forgets this tab's session, keys and data; storage is left as it is.
    fn leave(&self) {
        self.drafts.close();
        self.kek.set_value(None);
        self.unlocked.set(false);
        self.session.set(None);
        self.accounts.close();
        self.persist.notices().clear();
    }

    /// Another tab changed the stored session: follow it. A tab signed in as
    /// someone else leaves at once, so it never shows or writes their data.
    pub fn session_changed_elsewhere(&self, raw: Option<&str>) {
        if self.host_identity {
            return;
        }
        let stored = raw.and_then(document::decode::<Session>).map(|(s, _)| s);
        // A tab signed out here stays so until the person signs in here too.
        let Some(ours) = self.user_id_untracked() else {
            return;
        };
        match session_check::check(stored.as_ref(), &ours) {
            SessionCheck::Same => {}
            SessionCheck::SignedOut | SessionCheck::OtherUser => self.leave(),
        }
    }
}
