//! Keeps this tab in step with the others: a `storage` event says another tab
//! wrote a key, and the handle that owns that key refreshes from it. Open
//! forms are not touched, so what a person is typing stays.

use crate::browser::storage_events::{self, StorageChange};
use crate::state::accounts::Accounts;
use crate::state::auth::Auth;
use crate::state::persist::Persist;

pub fn listen(persist: Persist, auth: Auth, accounts: Accounts) {
    storage_events::listen(move |change: StorageChange| {
        let keys = persist.keys();
        let session = keys.session();
        match change.key {
            // Another tab cleared everything.
            None => {
                auth.session_changed_elsewhere(None);
                accounts.refresh(None);
            }
            Some(key) if key == session => {
                auth.session_changed_elsewhere(change.new_value.as_deref())
            }
            Some(key) => {
                if let Some(user) = auth.user_id_untracked() {
                    if key == keys.user(&user) {
                        accounts.refresh(change.new_value.as_deref());
                    }
                }
            }
        }
    });
}
