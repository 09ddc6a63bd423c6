//! Versioned JSON documents. A stored value that does not parse, or that a newer
//! version of the app wrote, is never dropped: it is moved aside under a backup
//! key, the caller is told, and a clean document takes its place.
//!
//! Each document also carries a revision, bumped by every write, so a tab can
//! tell that what it holds in memory is no longer what is stored.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::keys::Keys;
use super::{KeyValue, StoreError};

/// A document type and the schema version this build writes.
pub trait Versioned: Serialize + DeserializeOwned + Default {
    const VERSION: u32;
}

#[derive(Serialize, Deserialize)]
struct Envelope<T> {
    version: u32,
    /// Absent in documents written before revisions existed: they count as 0.
    #[serde(default)]
    revision: u64,
    data: T,
}

/// The revision of a stored value without decoding its data: 0 when absent
/// or unreadable, as [`load`] would then start from a clean document.
pub fn revision_of(raw: Option<&str>) -> u64 {
    #[derive(Deserialize)]
    struct Head {
        #[serde(default)]
        revision: u64,
    }
    raw.and_then(|r| serde_json::from_str::<Head>(r).ok())
        .map_or(0, |h| h.revision)
}

/// The schema version a stored value says it has, whatever its data holds.
fn version_of(raw: &str) -> Option<u64> {
    #[derive(Deserialize)]
    struct Head {
        version: u64,
    }
    serde_json::from_str::<Head>(raw).ok().map(|h| h.version)
}

/// Decodes a stored value as another tab wrote it (from a `storage` event):
/// `None` when it is absent, unreadable or newer than this build.
///
/// `#[inline]`: `load` calls it too, and a call per document type made the
/// bundle larger than the copy inlined into each caller (a size trick:
/// docs/size-ledger.md).
#[inline]
pub fn decode<T: Versioned>(raw: &str) -> Option<(T, u64)> {
    let env: Envelope<T> = serde_json::from_str(raw).ok()?;
    (env.version <= T::VERSION).then_some((env.data, env.revision))
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Recovery {
    /// Not JSON, or not the shape this version expects.
    Unreadable,
    /// Written by a newer version of the app.
    NewerVersion(u64),
}

/// What happened to an unreadable value, for the notice shown to the person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recovered {
    pub key: String,
    pub backup_key: String,
    pub reason: Recovery,
    /// False when the browser refused to write the backup; the original value
    /// is then left in place and this session does not write over it.
    pub backed_up: bool,
}

impl Recovered {
    pub fn message(&self) -> String {
        let why = match &self.reason {
            Recovery::Unreadable => "could not be read".to_string(),
            Recovery::NewerVersion(v) => format!("was written by a newer version (schema {v})"),
        };
        if self.backed_up {
            format!(
                "Saved data {why}, so this page started from a clean state. The original \
                 value is kept in local storage under \"{}\".",
                self.backup_key
            )
        } else {
            format!(
                "Saved data {why} and could not be backed up, so it was left untouched \
                 under \"{}\" and nothing will be saved over it in this session.",
                self.key
            )
        }
    }
}

pub struct Loaded<T> {
    pub value: T,
    /// The stored revision; 0 for a document that is absent or was set aside.
    pub revision: u64,
    pub recovered: Option<Recovered>,
}

pub fn load<T: Versioned>(kv: &dyn KeyValue, keys: &Keys, key: &str, now_ms: i64) -> Loaded<T> {
    let Some(raw) = kv.get(key) else {
        return Loaded {
            value: T::default(),
            revision: 0,
            recovered: None,
        };
    };
    // Decoded as another tab's write is, straight from the string, so each
    // document type's decoder is in the bundle once.
    if let Some((value, revision)) = decode::<T>(&raw) {
        return Loaded {
            value,
            revision,
            recovered: None,
        };
    }
    let reason = match version_of(&raw) {
        Some(v) if v > u64::from(T::VERSION) => Recovery::NewerVersion(v),
        _ => Recovery::Unreadable,
    };
    Loaded {
        value: T::default(),
        revision: 0,
        recovered: Some(set_aside(kv, keys, key, &raw, now_ms, reason)),
    }
}

/// Moves an unusable stored value to a backup key, when the browser lets it.
fn set_aside(
    kv: &dyn KeyValue,
    keys: &Keys,
    key: &str,
    raw: &str,
    now_ms: i64,
    reason: Recovery,
) -> Recovered {
    let backup_key = keys.backup(key, now_ms);
    let backed_up = kv.set(&backup_key, raw).is_ok();
    if backed_up {
        let _ = kv.remove(key);
    }
    Recovered {
        key: key.to_string(),
        backup_key,
        reason,
        backed_up,
    }
}

/// Writes `value` as `revision`. Only [`super::write`] calls this, so every
/// write is a read-modify-write of the latest stored value.
pub(super) fn save<T: Versioned>(
    kv: &dyn KeyValue,
    key: &str,
    value: &T,
    revision: u64,
) -> Result<(), StoreError> {
    let json = serde_json::to_string(&Envelope {
        version: T::VERSION,
        revision,
        data: value,
    })
    .expect("documents are plain data and always serialise");
    kv.set(key, &json)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::memory::MemoryStore;

    #[derive(Serialize, Deserialize, Default, Debug, PartialEq)]
    struct Doc {
        names: Vec<String>,
    }

    impl Versioned for Doc {
        const VERSION: u32 = 1;
    }

    fn setup(raw: Option<&str>) -> (MemoryStore, Keys) {
        let kv = MemoryStore::default();
        if let Some(raw) = raw {
            kv.set("p.doc", raw).unwrap();
        }
        (kv, Keys::new("p."))
    }

    #[test]
    fn absent_documents_start_empty_without_a_notice() {
        let (kv, keys) = setup(None);
        let loaded: Loaded<Doc> = load(&kv, &keys, "p.doc", 1);
        assert_eq!(loaded.value, Doc::default());
        assert!(loaded.recovered.is_none());
    }

    #[test]
    fn saved_documents_load_back() {
        let (kv, keys) = setup(None);
        save(
            &kv,
            "p.doc",
            &Doc {
                names: vec!["a".into()],
            },
            7,
        )
        .unwrap();
        let raw = kv.get("p.doc").unwrap();
        assert!(raw.contains("\"version\":1"));
        assert_eq!(revision_of(Some(&raw)), 7);
        let loaded: Loaded<Doc> = load(&kv, &keys, "p.doc", 1);
        assert_eq!(loaded.value.names, ["a"]);
        assert_eq!(loaded.revision, 7);
        assert_eq!(decode::<Doc>(&raw).unwrap().1, 7);
    }

    #[test]
    fn documents_from_before_revisions_are_revision_zero() {
        let (kv, keys) = setup(Some(r#"{"version":1,"data":{"names":["old"]}}"#));
        let loaded: Loaded<Doc> = load(&kv, &keys, "p.doc", 1);
        assert_eq!((loaded.value.names.len(), loaded.revision), (1, 0));
        assert_eq!(revision_of(None), 0);
        assert!(decode::<Doc>(r#"{"version":9,"data":{"names":[]}}"#).is_none());
    }

    #[test]
    fn unparsable_values_move_to_a_backup_key() {
        let (kv, keys) = setup(Some("{not json"));
        let loaded: Loaded<Doc> = load(&kv, &keys, "p.doc", 77);
        let rec = loaded.recovered.unwrap();
        assert_eq!(rec.reason, Recovery::Unreadable);
        assert_eq!(rec.backup_key, "p.doc.backup.77");
        assert_eq!(kv.get("p.doc.backup.77").as_deref(), Some("{not json"));
        assert_eq!(kv.get("p.doc"), None);
        assert!(rec.message().contains("p.doc.backup.77"));
    }

    #[test]
    fn wrong_shapes_are_unreadable_too() {
        let (kv, keys) = setup(Some(r#"{"version":1,"data":{"names":3}}"#));
        let loaded: Loaded<Doc> = load(&kv, &keys, "p.doc", 5);
        assert_eq!(loaded.recovered.unwrap().reason, Recovery::Unreadable);
    }

    #[test]
    fn newer_versions_are_kept_not_misread() {
        let raw = r#"{"version":9,"data":{"names":["x"]}}"#;
        let (kv, keys) = setup(Some(raw));
        let loaded: Loaded<Doc> = load(&kv, &keys, "p.doc", 5);
        assert_eq!(loaded.recovered.unwrap().reason, Recovery::NewerVersion(9));
        assert_eq!(kv.get("p.doc.backup.5").as_deref(), Some(raw));
        assert!(loaded.value.names.is_empty());
    }
}
