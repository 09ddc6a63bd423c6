//! The one write path from app state to storage. Every handle writes through
//! [`Persist::commit`]: the change runs on the latest stored value, inside a
//! Web Lock named after the document, and signals change only once the write
//! has succeeded.

use std::rc::Rc;

use leptos::prelude::*;

use crate::browser::{clock, locks};
use crate::state::notices::{NoticeKind, Notices};
use crate::store::document::{self, Versioned};
use crate::store::keys::Keys;
use crate::store::write::{self, Committed, WriteError};
use crate::store::{KeyValue, StoreError};

/// A change to a stored value, boxed so callers share one copy of the code
/// that applies it.
pub type Change<T, R, E> = Box<dyn FnMut(&mut T) -> Result<R, E>>;
type Written<T, R, E> = Result<Committed<T, R>, WriteError<E>>;

#[derive(Clone, Copy)]
pub struct Persist {
    kv: StoredValue<Rc<dyn KeyValue>, LocalStorage>,
    keys: StoredValue<Keys>,
    notices: Notices,
}

impl Persist {
    pub fn new(kv: Rc<dyn KeyValue>, keys: Keys, notices: Notices) -> Self {
        Persist {
            kv: StoredValue::new_local(kv),
            keys: StoredValue::new(keys),
            notices,
        }
    }

    pub fn notices(&self) -> Notices {
        self.notices
    }

    pub fn keys(&self) -> Keys {
        self.keys.get_value()
    }

    /// The stored document and its revision; an unreadable one is set aside
    /// with a notice.
    pub fn load<T: Versioned>(&self, key: &str) -> (T, u64) {
        let kv = self.kv.get_value();
        let loaded = document::load::<T>(&*kv, &self.keys(), key, clock::now_ms());
        if let Some(r) = loaded.recovered {
            self.notices.push(NoticeKind::Warning, r.message());
        }
        (loaded.value, loaded.revision)
    }

    /// Applies `change` to the latest stored value under the document's lock.
    pub async fn commit<T, R, E>(
        &self,
        key: &str,
        change: impl FnMut(&mut T) -> Result<R, E> + 'static,
    ) -> Written<T, R, E>
    where
        T: Versioned + 'static,
        R: 'static,
        E: 'static,
    {
        self.commit_dyn(key, Box::new(change)).await
    }

    /// The body of [`Persist::commit`], with the change boxed, so its future
    /// is compiled once per document and result type rather than once per
    /// caller (a size trick: docs/size-ledger.md).
    async fn commit_dyn<T, R, E>(&self, key: &str, mut change: Change<T, R, E>) -> Written<T, R, E>
    where
        T: Versioned + 'static,
        R: 'static,
        E: 'static,
    {
        let kv = self.kv.get_value();
        let keys = self.keys();
        let lock = keys.lock(key);
        let key = key.to_string();
        let done = locks::exclusive(&lock, move || {
            write::modify(&*kv, &keys, &key, clock::now_ms(), &mut *change)
        })
        .await;
        self.report(&done);
        done
    }

    /// [`Persist::commit`] without waiting for the lock, for the last save as
    /// the page goes away; the revision check still guards it.
    pub fn commit_now<T: Versioned, R, E>(
        &self,
        key: &str,
        change: impl FnMut(&mut T) -> Result<R, E>,
    ) -> Written<T, R, E> {
        let kv = self.kv.get_value();
        let done = write::modify(&*kv, &self.keys(), key, clock::now_ms(), change);
        self.report(&done);
        done
    }

    /// Removes a document under its lock.
    pub async fn delete(&self, key: &str) -> Result<(), StoreError> {
        let kv = self.kv.get_value();
        let lock = self.keys().lock(key);
        let key = key.to_string();
        let done = locks::exclusive(&lock, move || write::delete(&*kv, &key)).await;
        if let Err(e) = &done {
            self.notices.push(NoticeKind::Error, e.to_string());
        }
        done
    }

    /// Moves the document at `from` to `to`, under `to`'s lock, unless `to`
    /// already holds one: what is there is never replaced.
    pub async fn adopt(&self, from: &str, to: &str) -> Result<(), StoreError> {
        let kv = self.kv.get_value();
        let lock = self.keys().lock(to);
        let (from, to) = (from.to_string(), to.to_string());
        let done = locks::exclusive(&lock, move || {
            match (kv.get(&from), kv.get(&to)) {
                (Some(value), None) => kv.set(&to, &value)?,
                (Some(_), Some(_)) | (None, _) => return Ok(()),
            }
            kv.remove(&from)
        })
        .await;
        if let Err(e) = &done {
            self.notices.push(NoticeKind::Error, e.to_string());
        }
        done
    }

    /// Storage refusals are the page's business, not one form's: they are
    /// shown once, at the top.
    fn report<T, R, E>(&self, done: &Written<T, R, E>) {
        match done {
            Ok(c) => {
                if let Some(r) = &c.recovered {
                    self.notices.push(NoticeKind::Warning, r.message());
                }
            }
            Err(WriteError::Store(e)) => self.notices.push(NoticeKind::Error, e.to_string()),
            Err(WriteError::Rejected(_)) => {}
        }
    }
}
