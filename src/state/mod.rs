//! App-wide state handed to pages through typed context accessors, and the
//! actions that change it.
//!
//! Small handles, each owning its signals and its part of storage:
//! [`auth::Auth`] (who is signed in, unlocked keys), [`accounts::Accounts`]
//! (linked accounts), [`drafts::Drafts`] (this tab's unfinished forms). All of
//! them write through [`persist::Persist`], the one write path, and
//! [`sync`] refreshes them when another tab writes.

pub mod accounts;
pub mod auth;
pub mod certificates;
pub mod connect;
pub mod drafts;
pub mod embed;
pub mod host_keys;
pub mod idle_lock;
pub mod manage;
pub mod migrate;
pub mod notices;
pub mod persist;
pub mod sign_in_setup;
pub mod sync;
pub mod task;

use leptos::prelude::*;

use crate::browser;
use crate::domain::app::Config;
use crate::store::keys::Keys;

/// What every page may read: where the app lives and how it is configured.
#[derive(Clone, Debug)]
pub struct AppState {
    /// Router base: `""` at the root, `"/tools/link"` under a sub-path.
    pub base: String,
    pub config: Config,
    pub keys: Keys,
}

impl AppState {
    pub fn new(config: Config) -> Self {
        AppState {
            base: browser::location::router_base(),
            keys: Keys::new(&config.storage_prefix),
            config,
        }
    }

    pub fn provide(self) {
        provide_context(self);
    }

    /// The state provided by [`crate::app::App`]; every page runs inside it.
    pub fn expect() -> Self {
        expect_context::<AppState>()
    }

    /// An asset URL under the base, for `<img src>`.
    pub fn asset(&self, path: &str) -> String {
        crate::domain::app::href(&self.base, path)
    }
}
