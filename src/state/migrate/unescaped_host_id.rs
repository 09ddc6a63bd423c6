//! An earlier version stored a portal user's accounts and drafts under an id
//! that did not escape dots (`host.pat.smith`), which could collide with
//! another user's keys. At sign-in they move to the escaped id, unless
//! something is already there.
//!
//! Can go once every portal user who used that version (before c5ca06b) has
//! signed in since, or once losing the unmoved data of those who have not is
//! accepted; `crate::domain::app::embed::earlier_host_storage_id` goes with
//! it. The first host mode kept key-encryption keys under the same earlier
//! id, so while `sealed_host_keys` stays it still needs that id.

use crate::domain::app::embed::earlier_host_storage_id;
use crate::state::persist::Persist;

/// Moves what an earlier version kept for `portal_id` to `user_id`, its
/// escaped id; the earlier id, when there was one.
pub async fn unescaped_host_data(
    persist: Persist,
    portal_id: &str,
    user_id: &str,
) -> Option<String> {
    let earlier = earlier_host_storage_id(portal_id)?;
    let keys = persist.keys();
    // A refusal is shown, and the move is tried again next time.
    let _ = persist
        .adopt(&keys.user(&earlier), &keys.user(user_id))
        .await;
    let _ = persist
        .adopt(&keys.drafts(&earlier), &keys.drafts(user_id))
        .await;
    Some(earlier)
}
