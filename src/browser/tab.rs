//! Which tab this is. The id lives in `sessionStorage`, which a reload keeps
//! and another tab does not share, so a tab finds its own drafts again after a
//! reload. While the tab is open it holds a Web Lock named after the id, so
//! other tabs can tell which drafts are still in use.

use crate::browser::locks;
use crate::store::keys::Keys;

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// This tab's id, made on its first page load.
pub fn id(keys: &Keys) -> String {
    let slot = keys.tab_id_slot();
    let storage = session_storage();
    if let Some(id) = storage
        .as_ref()
        .and_then(|s| s.get_item(&slot).ok().flatten())
    {
        return id;
    }
    let id = uuid::Uuid::new_v4().to_string();
    if let Some(s) = storage {
        let _ = s.set_item(&slot, &id);
    }
    id
}

/// Marks this tab as open for as long as the page lives.
pub fn announce(keys: &Keys, id: &str) {
    locks::hold_while_open(&keys.tab_lock(id));
}

/// The ids of the tabs open on this origin now; `None` where the browser
/// cannot tell, and then every other tab's drafts count as left behind.
pub async fn open_tabs(keys: &Keys) -> Option<Vec<String>> {
    let held = locks::held().await?;
    Some(
        held.iter()
            .filter_map(|name| keys.tab_of_lock(name))
            .map(str::to_string)
            .collect(),
    )
}
