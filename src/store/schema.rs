//! The stored documents, version 1.
//!
//! - the registry (`{prefix}accounts`): login records and failed-try counters;
//! - the session (`{prefix}session`): who is signed in;
//! - one user document per user (`{prefix}user.{id}`): linked accounts;
//! - the user's unfinished forms (`{prefix}user.{id}.drafts`), in [`super::drafts`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::document::Versioned;
use crate::domain::auth::Throttle;
use crate::domain::links::Integration;

/// A salted password verifier; the password itself is never stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordRecord {
    /// Base64 of 16 random bytes.
    pub salt: String,
    pub iterations: u32,
    /// Base64 of the verifier derived from the password.
    pub verifier: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRecord {
    pub user_id: String,
    pub created_ms: i64,
    pub password: PasswordRecord,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registry {
    /// Keyed by the normalised (trimmed, lowercase) email.
    pub users: BTreeMap<String, UserRecord>,
    /// Keyed by normalised email, known or not, so unknown emails are throttled
    /// exactly like known ones.
    pub throttle: BTreeMap<String, Throttle>,
}

impl Versioned for Registry {
    const VERSION: u32 = 1;
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub user_id: String,
    pub email: String,
}

impl Versioned for Session {
    const VERSION: u32 = 1;
}

/// Documents written before drafts moved out still carry a `drafts` field;
/// it is ignored.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UserData {
    pub integrations: Vec<Integration>,
}

impl Versioned for UserData {
    const VERSION: u32 = 1;
}

impl UserData {
    pub fn has_connection(&self) -> bool {
        !self.integrations.is_empty()
    }
}

impl Registry {
    /// Milliseconds before `email` may try again; 0 when it may.
    pub fn wait_ms(&self, email: &str, now_ms: i64) -> i64 {
        self.throttle
            .get(email)
            .map_or(0, |t| t.remaining_ms(now_ms))
    }

    pub fn record_failure(&mut self, email: &str, now_ms: i64) {
        self.throttle
            .entry(email.to_string())
            .or_default()
            .record_failure(now_ms);
    }

    pub fn clear_failures(&mut self, email: &str) {
        self.throttle.remove(email);
    }

    pub fn user_by_id(&self, user_id: &str) -> Option<(&String, &UserRecord)> {
        self.users.iter().find(|(_, u)| u.user_id == user_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_are_counted_per_email_and_cleared_on_success() {
        let mut r = Registry::default();
        for i in 0..5 {
            r.record_failure("a@x.io", 1_000 + i);
        }
        assert_eq!(r.wait_ms("a@x.io", 1_004), 5_000);
        assert_eq!(r.wait_ms("b@x.io", 1_004), 0);
        r.clear_failures("a@x.io");
        assert_eq!(r.wait_ms("a@x.io", 1_004), 0);
    }
}
