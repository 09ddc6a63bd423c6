//! An in-memory store: the native stand-in for `localStorage` in tests.

use std::cell::RefCell;
use std::collections::BTreeMap;

use super::{KeyValue, StoreError};

#[derive(Default)]
pub struct MemoryStore {
    map: RefCell<BTreeMap<String, String>>,
}

impl MemoryStore {
    pub fn keys(&self) -> Vec<String> {
        self.map.borrow().keys().cloned().collect()
    }
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Option<String> {
        self.map.borrow().get(key).cloned()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.map
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.map.borrow_mut().remove(key);
        Ok(())
    }
}
