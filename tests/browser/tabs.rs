//! The glue that keeps tabs in step: Web Locks around writes, and the
//! `storage` event refreshing state, with real `navigator.locks` and
//! `localStorage`.

use std::rc::Rc;

use cloudlink::browser::storage::LocalStore;
use cloudlink::browser::{clock, locks};
use cloudlink::domain::links::Provider;
use cloudlink::state::accounts::Accounts;
use cloudlink::state::auth::Auth;
use cloudlink::state::drafts::Drafts;
use cloudlink::state::notices::Notices;
use cloudlink::state::persist::Persist;
use cloudlink::state::sync;
use cloudlink::store::keys::Keys;
use cloudlink::store::schema::UserData;
use cloudlink::store::KeyValue;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::sleep_ms;

#[wasm_bindgen_test]
async fn a_held_lock_makes_the_next_writer_wait() {
    assert!(locks::supported(), "Chromium has navigator.locks");
    // Another holder keeps the lock for 150 ms, as a tab mid-write would.
    let hold = js_sys::Function::new_no_args(
        "return navigator.locks.request('test.wait.lock', () => new Promise(r => setTimeout(r, 150)));",
    );
    let held_until = hold.call0(&wasm_bindgen::JsValue::NULL).unwrap();
    let started = clock::now_ms();
    let ran_at = locks::exclusive("test.wait.lock", clock::now_ms).await;
    JsFuture::from(held_until.unchecked_into::<js_sys::Promise>())
        .await
        .unwrap();
    assert!(
        ran_at - started >= 140,
        "ran after {} ms, before the holder let go",
        ran_at - started
    );
}

#[wasm_bindgen_test]
async fn two_concurrent_writers_in_one_page_both_land() {
    let _owner = Owner::new();
    _owner.set();
    let keys = Keys::new("test.concurrent.");
    let key = keys.user("u1");
    let _ = LocalStore.remove(&key);
    let persist = Persist::new(Rc::new(LocalStore), keys, Notices::new());
    let add = |n: u32| {
        persist.commit::<UserData, u32, ()>(&key, move |d| {
            d.integrations.clear();
            Ok(n)
        })
    };
    let (a, b) = futures::join!(add(1), add(2));
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_ne!(a.revision, b.revision, "one wrote after the other");
    assert_eq!(a.revision.max(b.revision), 2);
    let raw = LocalStore.get(&key).unwrap();
    assert!(raw.contains("\"revision\":2"), "{raw}");
    let _ = LocalStore.remove(&key);
}

fn envelope(revision: u64, names: &[&str]) -> String {
    let integrations: Vec<_> = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            serde_json::json!({
                "id": format!("acc-{i}"),
                "provider": "microsoft",
                "name": name,
                "created_ms": 1,
                "status": "connected",
                "details": {
                    "kind": "entra",
                    "tenant": "72f988bf-86f1-41af-91ab-2d7cd011db47",
                    "tenant_guid": null,
                    "application_id": "0b5f3c6e-8d2a-4f1e-9c3b-7a6d5e4f3a2b",
                    "organization": null,
                    "cloud": "global",
                    "certificate": {"der": "AA==", "key_type": "rsa-2048", "key": {"iv": "", "sealed": ""}}
                }
            })
        })
        .collect();
    serde_json::json!({"version": 1, "revision": revision, "data": {"integrations": integrations}})
        .to_string()
}

fn dispatch_storage_event(key: &str, new_value: Option<&str>) {
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(key));
    init.set_new_value(new_value);
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn the_storage_event_refreshes_accounts_and_follows_sign_out() {
    let owner = Owner::new();
    owner.set();
    let keys = Keys::new("test.sync.");
    let registry = r#"{"version":1,"revision":1,"data":{"users":{"a@x.io":{"user_id":"u1","created_ms":1,"password":{"salt":"","iterations":1,"verifier":""}}},"throttle":{}}}"#;
    let session = r#"{"version":1,"revision":1,"data":{"user_id":"u1","email":"a@x.io"}}"#;
    LocalStore.set(&keys.registry(), registry).unwrap();
    LocalStore.set(&keys.session(), session).unwrap();
    let _ = LocalStore.remove(&keys.user("u1"));

    let persist = Persist::new(Rc::new(LocalStore), keys.clone(), Notices::new());
    let accounts = Accounts::new(persist, true);
    let drafts = Drafts::new(persist, "tab-test".into());
    let auth = Auth::restore(persist, accounts, drafts, false);
    sync::listen(persist, auth, accounts);
    assert!(auth.is_signed_in_untracked());
    assert_eq!(accounts.count(Provider::Microsoft), 0);

    // Another tab linked two accounts.
    dispatch_storage_event(&keys.user("u1"), Some(&envelope(4, &["One", "Two"])));
    assert_eq!(accounts.count(Provider::Microsoft), 2);
    assert_eq!(
        accounts.find_untracked("acc-1").unwrap().name.as_str(),
        "Two"
    );

    // A value another person's document would have is not shown here.
    dispatch_storage_event(&keys.user("u2"), Some(&envelope(9, &["Theirs"])));
    assert_eq!(accounts.count(Provider::Microsoft), 2);

    // Another tab signed in as someone else: this tab leaves and forgets.
    let other = r#"{"version":1,"revision":2,"data":{"user_id":"u2","email":"b@x.io"}}"#;
    dispatch_storage_event(&keys.session(), Some(other));
    assert!(!auth.is_signed_in_untracked());
    assert_eq!(accounts.count(Provider::Microsoft), 0);
    assert!(auth.key_encryption_key().is_none());

    for key in [keys.registry(), keys.session(), keys.user("u1")] {
        let _ = LocalStore.remove(&key);
    }
    sleep_ms(1).await;
}
