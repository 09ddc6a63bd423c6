//! Private keys kept in IndexedDB, for portals that supply the user (host
//! identity mode): no password exists there to seal them under. Each key is
//! stored as non-extractable WebCrypto keys that may only sign, so script on
//! the origin can use them but never read them out or turn them into keys it
//! can read.
//!
//! The database is named after the storage prefix. Before, each user had an
//! AES key-encryption key in `cloudlink-keys` that unwrapped PKCS#8 keys
//! sealed in local storage; [`legacy`] reads it for the one-time move and
//! then deletes it.

use js_sys::{Array, Object, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, IdbDatabase, IdbObjectStore, IdbRequest, IdbTransactionMode};

const STORE: &str = "private-keys";

async fn settle(req: &IdbRequest) -> Result<JsValue, JsValue> {
    let promise = Promise::new(&mut |resolve, reject| {
        let done = req.clone();
        let on_ok = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &done.result().unwrap_or(JsValue::UNDEFINED));
        });
        let on_err = Closure::once_into_js(move || {
            let _ = reject.call0(&JsValue::NULL);
        });
        req.set_onsuccess(Some(on_ok.unchecked_ref()));
        req.set_onerror(Some(on_err.unchecked_ref()));
    });
    JsFuture::from(promise).await
}

async fn open(name: &str, store: &'static str) -> Result<IdbDatabase, JsValue> {
    let factory = web_sys::window()
        .ok_or(JsValue::NULL)?
        .indexed_db()?
        .ok_or(JsValue::NULL)?;
    let req = factory.open_with_u32(name, 1)?;
    let upgrading = req.clone();
    let on_upgrade = Closure::once_into_js(move || {
        if let Ok(db) = upgrading.result() {
            let _ = db
                .unchecked_into::<IdbDatabase>()
                .create_object_store(store);
        }
    });
    req.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    Ok(settle(&req).await?.unchecked_into())
}

/// Opens `name` only if it exists: asking for a database that does not
/// exist would create it, so its creation is aborted instead.
async fn open_existing(name: &str) -> Option<IdbDatabase> {
    let factory = web_sys::window()?.indexed_db().ok()??;
    let req = factory.open(name).ok()?;
    let upgrading = req.clone();
    let on_upgrade = Closure::once_into_js(move || {
        if let Some(creating) = upgrading.transaction() {
            let _ = creating.abort();
        }
    });
    req.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    settle(&req).await.ok().map(JsCast::unchecked_into)
}

/// Runs one read-only request `ask` makes of `store`, then closes `db`.
async fn read_once(
    db: IdbDatabase,
    store: &str,
    ask: impl FnOnce(&IdbObjectStore) -> Result<IdbRequest, JsValue>,
) -> Option<JsValue> {
    let read = async {
        let store = db
            .transaction_with_str(store)
            .ok()?
            .object_store(store)
            .ok()?;
        settle(&ask(&store).ok()?).await.ok()
    }
    .await;
    db.close();
    read
}

fn field(value: &JsValue, name: &str) -> JsValue {
    Reflect::get(value, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

/// One private key as the browser holds it: a signing key per algorithm the
/// key serves (a WebCrypto key is bound to one algorithm), never extractable.
#[derive(Clone, Debug)]
pub struct HeldKey {
    /// The `host.…` user the key belongs to.
    pub user: String,
    /// The SHA-256 thumbprint of its certificate: a record cannot point its
    /// certificate at another certificate's key unnoticed.
    pub thumbprint: String,
    pub created_ms: f64,
    /// RSASSA-PKCS1-v1_5 (certificates, RS256) for RSA; ECDSA for P-256.
    pub pkcs1: CryptoKey,
    /// RSA-PSS (PS256); none for P-256.
    pub pss: Option<CryptoKey>,
}

impl HeldKey {
    fn to_js(&self, id: &str) -> Object {
        let o = Object::new();
        let _ = Reflect::set(&o, &"id".into(), &id.into());
        let _ = Reflect::set(&o, &"user".into(), &self.user.as_str().into());
        let _ = Reflect::set(&o, &"thumbprint".into(), &self.thumbprint.as_str().into());
        let _ = Reflect::set(&o, &"created".into(), &self.created_ms.into());
        let _ = Reflect::set(&o, &"sign".into(), &self.pkcs1);
        if let Some(pss) = &self.pss {
            let _ = Reflect::set(&o, &"pss".into(), pss);
        }
        o
    }

    fn from_js(value: &JsValue) -> Option<HeldKey> {
        Some(HeldKey {
            user: field(value, "user").as_string()?,
            thumbprint: field(value, "thumbprint").as_string()?,
            created_ms: field(value, "created").as_f64()?,
            pkcs1: field(value, "sign").dyn_into().ok()?,
            pss: field(value, "pss").dyn_into().ok(),
        })
    }
}

/// The key database of one storage prefix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyDatabase {
    name: String,
}

impl KeyDatabase {
    pub fn new(name: &str) -> Self {
        KeyDatabase {
            name: name.to_string(),
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub async fn put(&self, id: &str, key: &HeldKey) -> Result<(), JsValue> {
        let db = open(&self.name, STORE).await?;
        let store = db
            .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?
            .object_store(STORE)?;
        let done = settle(&store.put_with_key(&key.to_js(id), &id.into())?).await;
        db.close();
        done.map(|_| ())
    }

    /// The key stored under `id`, if there is one and it is well formed.
    pub async fn get(&self, id: &str) -> Option<HeldKey> {
        let db = open(&self.name, STORE).await.ok()?;
        let read = read_once(db, STORE, |s| s.get(&id.into())).await;
        HeldKey::from_js(&read?)
    }

    /// Every key `user` holds, with its id.
    pub async fn of_user(&self, user: &str) -> Vec<(String, HeldKey)> {
        let Ok(db) = open(&self.name, STORE).await else {
            return Vec::new();
        };
        let read = read_once(db, STORE, |s| s.get_all()).await;
        let Some(values) = read else {
            return Vec::new();
        };
        Array::from(&values)
            .iter()
            .filter_map(|value| Some((field(&value, "id").as_string()?, HeldKey::from_js(&value)?)))
            .filter(|(_, key)| key.user == user)
            .collect()
    }

    pub async fn delete(&self, ids: &[String]) -> Result<(), JsValue> {
        if ids.is_empty() {
            return Ok(());
        }
        let db = open(&self.name, STORE).await?;
        let done = async {
            let store = db
                .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?
                .object_store(STORE)?;
            // Requests run in order, and a failed one fails those after it,
            // so the last one answers for all.
            let mut last = None;
            for id in ids {
                last = Some(store.delete(&id.into())?);
            }
            match last {
                Some(last) => settle(&last).await.map(|_| ()),
                None => Ok(()),
            }
        }
        .await;
        db.close();
        done
    }
}

/// The key-encryption keys of the first host mode, kept until the first
/// sign-in after the upgrade has moved that person's keys.
pub mod legacy {
    use super::*;

    /// Fixed, whatever the storage prefix.
    pub const DATABASE: &str = "cloudlink-keys";
    const STORE: &str = "key-encryption-keys";

    /// The key-encryption key `user` had, if any.
    pub async fn key_encryption_key(user: &str) -> Option<CryptoKey> {
        let db = open_existing(DATABASE).await?;
        let read = read_once(db, STORE, |s| s.get(&user.into())).await;
        read?.dyn_into::<CryptoKey>().ok()
    }

    /// Deletes every key-encryption key the first host mode left, with their
    /// database: those of portal users who never sign in again too, since
    /// any script on the origin could unwrap what they seal as extractable.
    pub fn forget_everyone() {
        // Not awaited: a tab of an older version may hold the database open,
        // and the deletion then waits for that tab to close. Opening it
        // meanwhile waits for the deletion.
        if let Some(factory) = web_sys::window().and_then(|w| w.indexed_db().ok().flatten()) {
            let _ = factory.delete_database(DATABASE);
        }
    }
}
