//! The one way a stored document changes: re-read the latest stored value,
//! apply the change to it as a function, and write it under the next revision.
//!
//! A tab never writes back a copy it holds in memory, so what another tab
//! saved in between is kept. The browser serialises writers with Web Locks;
//! where those are missing, the revision read just before the write shows that
//! another writer got in first, and the change is applied again on its result.

use super::document::{self, Recovered, Versioned};
use super::keys::Keys;
use super::{KeyValue, StoreError};

/// How many times a change is re-applied before giving up.
const ATTEMPTS: u32 = 8;

#[derive(Debug)]
pub struct Committed<T, R> {
    /// The document as written: the latest stored value with the change applied.
    pub value: T,
    pub revision: u64,
    /// What the change returned.
    pub result: R,
    /// Times another writer got in first and the change was applied again.
    pub retries: u32,
    /// The stored value had been set aside as unreadable on the way.
    pub recovered: Option<Recovered>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum WriteError<E> {
    Store(StoreError),
    /// The change itself declined (a duplicate, a rule); nothing was written.
    Rejected(E),
}

impl<E> From<StoreError> for WriteError<E> {
    fn from(e: StoreError) -> Self {
        WriteError::Store(e)
    }
}

/// Applies `change` to the latest value stored under `key` and writes the
/// result. `change` may run more than once, each time on a fresher value, so
/// it must not have effects outside the document.
pub fn modify<T: Versioned, R, E>(
    kv: &dyn KeyValue,
    keys: &Keys,
    key: &str,
    now_ms: i64,
    mut change: impl FnMut(&mut T) -> Result<R, E>,
) -> Result<Committed<T, R>, WriteError<E>> {
    modify_dyn(kv, keys, key, now_ms, &mut change)
}

/// The body of [`modify`], with the change behind a reference, so the loop
/// is compiled once per document type rather than once per caller
/// (a size trick: docs/size-ledger.md).
fn modify_dyn<T: Versioned, R, E>(
    kv: &dyn KeyValue,
    keys: &Keys,
    key: &str,
    now_ms: i64,
    change: &mut dyn FnMut(&mut T) -> Result<R, E>,
) -> Result<Committed<T, R>, WriteError<E>> {
    let mut recovered = None;
    for retries in 0..ATTEMPTS {
        let loaded = document::load::<T>(kv, keys, key, now_ms);
        if let Some(r) = loaded.recovered {
            if !r.backed_up {
                return Err(WriteError::Store(StoreError::Protected));
            }
            recovered.get_or_insert(r);
        }
        let mut value = loaded.value;
        let result = change(&mut value).map_err(WriteError::Rejected)?;
        if document::revision_of(kv.get(key).as_deref()) != loaded.revision {
            continue;
        }
        let revision = loaded.revision + 1;
        document::save(kv, key, &value, revision)?;
        return Ok(Committed {
            value,
            revision,
            result,
            retries,
            recovered,
        });
    }
    Err(WriteError::Store(StoreError::Busy))
}

/// Removes a document, as signing out removes the session.
pub fn delete(kv: &dyn KeyValue, key: &str) -> Result<(), StoreError> {
    kv.remove(key)
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use serde::{Deserialize, Serialize};

    use super::*;
    use crate::store::memory::MemoryStore;

    #[derive(Serialize, Deserialize, Default, Debug, Clone, PartialEq)]
    struct Doc {
        names: Vec<String>,
    }

    impl Versioned for Doc {
        const VERSION: u32 = 1;
    }

    fn add(
        kv: &dyn KeyValue,
        name: &str,
    ) -> Result<Committed<Doc, ()>, WriteError<std::convert::Infallible>> {
        modify(kv, &Keys::new("p."), "p.doc", 1, |d: &mut Doc| {
            d.names.push(name.into());
            Ok(())
        })
    }

    #[test]
    fn two_writers_holding_stale_copies_both_land() {
        let kv = MemoryStore::default();
        add(&kv, "seed").unwrap();
        // Both tabs loaded revision 1 and hold it in memory.
        let stale_a = document::load::<Doc>(&kv, &Keys::new("p."), "p.doc", 1);
        let stale_b = document::load::<Doc>(&kv, &Keys::new("p."), "p.doc", 1);
        assert_eq!((stale_a.revision, stale_b.revision), (1, 1));
        let a = add(&kv, "from tab one").unwrap();
        let b = add(&kv, "from tab two").unwrap();
        assert_eq!((a.revision, b.revision), (2, 3));
        let stored = document::load::<Doc>(&kv, &Keys::new("p."), "p.doc", 1);
        assert_eq!(stored.value.names, ["seed", "from tab one", "from tab two"]);
        assert_eq!(stored.revision, 3);
    }

    /// A store where another tab writes between this tab's read and write,
    /// as can happen where Web Locks are missing.
    struct Interleaved {
        inner: MemoryStore,
        reads: Cell<u32>,
        interrupt_on_read: u32,
    }

    impl KeyValue for Interleaved {
        fn get(&self, key: &str) -> Option<String> {
            let n = self.reads.get() + 1;
            self.reads.set(n);
            if n == self.interrupt_on_read {
                // The other tab's write, straight into the shared store.
                add(&self.inner, "other tab").unwrap();
            }
            self.inner.get(key)
        }
        fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
            self.inner.set(key, value)
        }
        fn remove(&self, key: &str) -> Result<(), StoreError> {
            self.inner.remove(key)
        }
    }

    #[test]
    fn a_revision_conflict_applies_the_change_again_on_the_fresh_value() {
        let kv = Interleaved {
            inner: MemoryStore::default(),
            reads: Cell::new(0),
            // Read 1 loads; read 2 checks the revision just before writing.
            interrupt_on_read: 2,
        };
        let mut runs = 0;
        let done = modify(&kv, &Keys::new("p."), "p.doc", 1, |d: &mut Doc| {
            runs += 1;
            d.names.push("mine".into());
            Ok::<_, ()>(d.names.len())
        })
        .unwrap();
        assert_eq!(runs, 2, "the change ran again on the fresh value");
        assert_eq!(done.retries, 1);
        assert_eq!(done.value.names, ["other tab", "mine"]);
        assert_eq!(done.result, 2);
        assert_eq!(done.revision, 2);
    }

    #[test]
    fn a_rejected_change_writes_nothing() {
        let kv = MemoryStore::default();
        add(&kv, "seed").unwrap();
        let before = kv.get("p.doc");
        let r = modify(&kv, &Keys::new("p."), "p.doc", 1, |d: &mut Doc| {
            d.names.clear();
            Err::<(), _>("duplicate")
        });
        assert_eq!(r.unwrap_err(), WriteError::Rejected("duplicate"));
        assert_eq!(kv.get("p.doc"), before);
    }

    struct Refusing(StoreError);

    impl KeyValue for Refusing {
        fn get(&self, _: &str) -> Option<String> {
            None
        }
        fn set(&self, _: &str, _: &str) -> Result<(), StoreError> {
            Err(self.0.clone())
        }
        fn remove(&self, _: &str) -> Result<(), StoreError> {
            Err(self.0.clone())
        }
    }

    #[test]
    fn a_refused_write_is_reported() {
        for e in [
            StoreError::Full,
            StoreError::Unavailable,
            StoreError::Refused("SecurityError".into()),
        ] {
            let r = add(&Refusing(e.clone()), "x");
            assert_eq!(r.unwrap_err(), WriteError::Store(e.clone()));
            assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn unreadable_values_are_set_aside_then_written_fresh() {
        let kv = MemoryStore::default();
        kv.set("p.doc", "{broken").unwrap();
        let done = add(&kv, "after").unwrap();
        let rec = done.recovered.expect("told about the backup");
        assert_eq!(kv.get(&rec.backup_key).as_deref(), Some("{broken"));
        assert_eq!(done.value.names, ["after"]);
    }
}
