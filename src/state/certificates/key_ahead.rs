//! A key pair started before the click, so that Generate only builds, signs
//! and seals.

use leptos::prelude::*;

use crate::browser::webcrypto::{self, KeyPairJob};
use crate::crypto::KeyType;

/// A key pair started before the click, so that Generate only builds, signs
/// and seals. It lives in memory, is handed out at most once, and is dropped
/// when the page that asked for it goes away; it is never stored unsealed.
#[derive(Clone, Copy)]
pub struct KeyAhead {
    slot: StoredValue<Option<(KeyType, KeyPairJob)>, LocalStorage>,
}

impl KeyAhead {
    pub fn new() -> Self {
        KeyAhead {
            slot: StoredValue::new_local(None),
        }
    }

    /// Starts a key pair of `key_type`, unless one is already on its way.
    pub fn prepare(&self, key_type: KeyType) {
        if self
            .slot
            .with_value(|s| matches!(s, Some((k, _)) if *k == key_type))
        {
            return;
        }
        let job = webcrypto::start_key_pair(key_type.rsa_bits()).ok();
        self.slot.set_value(job.map(|j| (key_type, j)));
    }

    /// The prepared key pair if it is of `key_type`; either way the slot is
    /// emptied, so no key pair serves two certificates.
    pub fn take(&self, key_type: KeyType) -> Option<KeyPairJob> {
        let taken = self.slot.try_update_value(Option::take).flatten();
        taken.and_then(|(k, job)| (k == key_type).then_some(job))
    }

    pub fn drop_unused(&self) {
        self.slot.try_set_value(None);
    }
}

impl Default for KeyAhead {
    fn default() -> Self {
        Self::new()
    }
}
