//! A copy of Home as the app drew it, kept for the next load. The start
//! script (`public/first-page.js`) shows it, inert, to a person whose session is stored, so Home with their
//! accounts is on screen before the wasm has arrived; the app removes it when
//! it mounts (`handoff::take`).
//!
//! The copy is a cache of what the page showed, never read back into state.
//! It names what it was drawn from, and the start script shows it only while all
//! of that still holds: the same stored session, the same revision of the
//! user's document, and the same UTC day (Home counts days to expiry).

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::crypto::utc_date;
use crate::domain::app::start_page;
use crate::store::keys::Keys;
use crate::store::KeyValue;

use super::clock;
use super::storage::LocalStore;

#[derive(Serialize)]
struct Copy<'a> {
    session: &'a str,
    /// The user's document, and the revision of it the page showed.
    key: &'a str,
    revision: u64,
    day: String,
    html: String,
}

/// Keeps Home's markup once the page has drawn what it has now: after the
/// current task, when Leptos has applied the change that led here.
pub fn keep_soon(keys: Keys, document_key: String, revision: u64) {
    let keep = Closure::once_into_js(move || keep(&keys, &document_key, revision));
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback(keep.unchecked_ref());
    }
}

/// The longest markup kept, in UTF-16 units as local storage counts them:
/// Home's summary is a few KB, but its list of certificates due has no end,
/// and a copy must not take the room a linked account needs.
pub const MOST: usize = 32 * 1024;

fn keep(keys: &Keys, document_key: &str, revision: u64) {
    let store = LocalStore;
    let Some(session) = store.get(&keys.session()) else {
        return;
    };
    let Some(html) = drawn().filter(|h| h.encode_utf16().count() <= MOST) else {
        // An older copy could only be stale now, and takes room.
        let _ = store.remove(&keys.home_copy());
        return;
    };
    let copy = Copy {
        session: &session,
        key: document_key,
        revision,
        day: utc_date(clock::now_unix()),
        html,
    };
    // A copy that cannot be kept (storage full) only costs the next load its
    // head start.
    if let Ok(json) = serde_json::to_string(&copy) {
        let _ = store.set(&keys.home_copy(), &json);
    }
}

/// What the app draws in `<body>`, less what must not outlive this load: the
/// build-time copies and scripts, messages in live regions and dialogs.
fn drawn() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let body = document.body()?;
    let copy = document.create_element("div").ok()?;
    let children = body.query_selector_all(":scope > *").ok()?;
    for i in 0..children.length() {
        let Some(child) = children.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let skip = matches!(
            child.tag_name().as_str(),
            "NOSCRIPT" | "SCRIPT" | "TEMPLATE"
        ) || child.id() == start_page::COPY_ID;
        if !skip {
            copy.append_child(&child.clone_node_with_deep(true).ok()?)
                .ok()?;
        }
    }
    let each = |selector: &str, f: &dyn Fn(&Element)| {
        if let Ok(found) = copy.query_selector_all(selector) {
            for i in 0..found.length() {
                if let Some(e) = found.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    f(&e);
                }
            }
        }
    };
    each("dialog, [role=dialog], [role=alertdialog]", &|e| e.remove());
    each("[aria-live], [role=alert], [role=status]", &|e| {
        e.set_inner_html("")
    });
    Some(copy.inner_html())
}
