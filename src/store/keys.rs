//! Storage key names. Every key starts with a configurable prefix so that an
//! embedding portal on the same origin can avoid clashes.

use crate::domain::app::DEFAULT_STORAGE_PREFIX;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keys {
    prefix: String,
}

impl Default for Keys {
    fn default() -> Self {
        Keys::new(DEFAULT_STORAGE_PREFIX)
    }
}

impl Keys {
    pub fn new(prefix: &str) -> Self {
        Keys {
            prefix: prefix.to_string(),
        }
    }

    /// Everyone's login records and failed-attempt counters.
    pub fn registry(&self) -> String {
        format!("{}accounts", self.prefix)
    }

    /// Who is signed in.
    pub fn session(&self) -> String {
        format!("{}session", self.prefix)
    }

    /// Home as the app last drew it for the stored session, which the start
    /// script (`public/first-page.js`) shows until the wasm has arrived
    /// (`browser::home_copy`).
    pub fn home_copy(&self) -> String {
        format!("{}home", self.prefix)
    }

    /// One user's integrations and drafts.
    pub fn user(&self, user_id: &str) -> String {
        format!("{}user.{user_id}", self.prefix)
    }

    /// One user's unfinished link forms, one per tab and provider.
    pub fn drafts(&self, user_id: &str) -> String {
        format!("{}user.{user_id}.drafts", self.prefix)
    }

    /// The IndexedDB database where host mode keeps private keys.
    pub fn key_database(&self) -> String {
        format!("{}keys", self.prefix)
    }

    /// Web Lock names: one per stored document, so writers of different
    /// documents never wait for each other.
    pub fn lock(&self, key: &str) -> String {
        format!("{key}.lock")
    }

    /// Where a tab keeps its id in `sessionStorage`.
    pub fn tab_id_slot(&self) -> String {
        format!("{}tab-id", self.prefix)
    }

    /// The Web Lock a tab holds while it is open, so others can tell that
    /// its drafts are still in use.
    pub fn tab_lock(&self, tab_id: &str) -> String {
        format!("{}tab.{tab_id}", self.prefix)
    }

    /// The tab lock's owner, when `lock` is one.
    pub fn tab_of_lock<'a>(&self, lock: &'a str) -> Option<&'a str> {
        lock.strip_prefix(&self.prefix)?.strip_prefix("tab.")
    }

    /// Where an unreadable value is moved aside.
    pub fn backup(&self, key: &str, now_ms: i64) -> String {
        format!("{key}.backup.{now_ms}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_carries_the_prefix() {
        let k = Keys::new("portal.link.");
        for key in [
            k.registry(),
            k.session(),
            k.home_copy(),
            k.user("u1"),
            k.drafts("u1"),
            k.key_database(),
        ] {
            assert!(key.starts_with("portal.link."), "{key}");
        }
        assert_eq!(k.backup(&k.user("u1"), 42), "portal.link.user.u1.backup.42");
        assert_eq!(k.tab_of_lock(&k.tab_lock("t9")), Some("t9"));
        assert_eq!(k.tab_of_lock("other.tab.t9"), None);
    }

    /// Every key a user id leads to, for collision checks.
    fn keys_of(k: &Keys, user: &str) -> Vec<String> {
        let (u, d) = (k.user(user), k.drafts(user));
        vec![
            k.lock(&u),
            k.lock(&d),
            k.backup(&u, 7),
            k.backup(&d, 7),
            u,
            d,
        ]
    }

    #[test]
    fn portal_user_ids_cannot_reach_another_users_keys() {
        use crate::domain::app::embed::{host_storage_id, parse_request, Request};
        let k = Keys::default();
        let ids = [
            "alice",
            "alice.drafts",
            "alice.lock",
            "alice.backup.7",
            "alice.drafts.lock",
            "a.b",
            "a-b",
            "pat@example.com",
        ];
        let mut seen = std::collections::HashMap::new();
        for id in ids {
            let message = format!(r#"{{"type":"cloudlink:sign-in","user":{{"id":"{id}"}}}}"#);
            // An id the app refuses cannot collide.
            let Ok(Request::SignIn { user_id, .. }) = parse_request(&message) else {
                continue;
            };
            for key in keys_of(&k, &host_storage_id(&user_id)) {
                if let Some(other) = seen.insert(key.clone(), id) {
                    assert_eq!(other, id, "{id} and {other} share the key {key}");
                }
            }
        }
        assert!(
            seen.values().any(|v| *v == "pat@example.com"),
            "email-like ids are still accepted"
        );
    }
}
