//! `localStorage` as the app's [`KeyValue`] store.
//!
//! Reading `window.localStorage` itself throws where the browser refuses
//! storage (a blocked third-party frame, a policy); that refusal becomes
//! [`StoreError::Unavailable`].

use wasm_bindgen::{JsCast, JsValue};

use crate::store::{KeyValue, StoreError};

/// The browser's local storage for this origin.
#[derive(Clone, Copy, Default)]
pub struct LocalStore;

fn storage() -> Result<web_sys::Storage, StoreError> {
    let window = web_sys::window().ok_or(StoreError::Unavailable)?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        _ => Err(StoreError::Unavailable),
    }
}

/// What the browser's exception says about a refused write.
fn refusal(error: JsValue) -> StoreError {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(e) if e.name() == "QuotaExceededError" => StoreError::Full,
        Some(e) => StoreError::Refused(e.name()),
        None => StoreError::Refused(
            error
                .as_string()
                .unwrap_or_else(|| "an unknown error".into()),
        ),
    }
}

impl LocalStore {
    /// Whether the page may use local storage at all.
    pub fn available() -> bool {
        storage().is_ok()
    }
}

impl KeyValue for LocalStore {
    fn get(&self, key: &str) -> Option<String> {
        storage().ok()?.get_item(key).ok().flatten()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        storage()?.set_item(key, value).map_err(refusal)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        storage()?.remove_item(key).map_err(refusal)
    }
}
