//! `localStorage`, through gloo-storage, as the app's [`KeyValue`] store.

use gloo_storage::{LocalStorage, Storage};

use crate::store::{KeyValue, StoreError};

/// The browser's local storage for this origin.
#[derive(Clone, Copy, Default)]
pub struct LocalStore;

impl KeyValue for LocalStore {
    fn get(&self, key: &str) -> Option<String> {
        LocalStorage::raw().get_item(key).ok().flatten()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        LocalStorage::raw()
            .set_item(key, value)
            .map_err(|_| StoreError::WriteRefused)
    }

    fn remove(&self, key: &str) {
        let _ = LocalStorage::raw().remove_item(key);
    }
}
