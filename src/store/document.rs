//! Versioned JSON documents. A stored value that does not parse, or that a newer
//! version of the app wrote, is never dropped: it is moved aside under a backup
//! key, the caller is told, and a clean document takes its place.

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
    data: T,
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
    pub recovered: Option<Recovered>,
}

pub fn load<T: Versioned>(kv: &dyn KeyValue, keys: &Keys, key: &str, now_ms: i64) -> Loaded<T> {
    let Some(raw) = kv.get(key) else {
        return Loaded {
            value: T::default(),
            recovered: None,
        };
    };
    let reason = match serde_json::from_str::<serde_json::Value>(&raw) {
        Ok(json) => match json.get("version").and_then(|v| v.as_u64()) {
            Some(v) if v > u64::from(T::VERSION) => Recovery::NewerVersion(v),
            _ => match serde_json::from_value::<Envelope<T>>(json) {
                Ok(env) => {
                    return Loaded {
                        value: env.data,
                        recovered: None,
                    }
                }
                Err(_) => Recovery::Unreadable,
            },
        },
        Err(_) => Recovery::Unreadable,
    };
    let backup_key = keys.backup(key, now_ms);
    let backed_up = kv.set(&backup_key, &raw).is_ok();
    if backed_up {
        kv.remove(key);
    }
    Loaded {
        value: T::default(),
        recovered: Some(Recovered {
            key: key.to_string(),
            backup_key,
            reason,
            backed_up,
        }),
    }
}

pub fn save<T: Versioned>(kv: &dyn KeyValue, key: &str, value: &T) -> Result<(), StoreError> {
    let json = serde_json::to_string(&Envelope {
        version: T::VERSION,
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
        )
        .unwrap();
        assert!(kv.get("p.doc").unwrap().contains("\"version\":1"));
        let loaded: Loaded<Doc> = load(&kv, &keys, "p.doc", 1);
        assert_eq!(loaded.value.names, ["a"]);
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
