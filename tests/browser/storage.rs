//! Real local storage behind the store's `KeyValue` trait.

use cloudlink::browser::storage::LocalStore;
use cloudlink::store::document::{self, Recovery};
use cloudlink::store::keys::Keys;
use cloudlink::store::schema::UserData;
use cloudlink::store::KeyValue;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn values_round_trip_through_local_storage() {
    let key = "test.roundtrip";
    LocalStore.set(key, "{\"a\":1}").unwrap();
    assert_eq!(LocalStore.get(key).as_deref(), Some("{\"a\":1}"));
    let raw = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item(key)
        .unwrap();
    assert_eq!(
        raw.as_deref(),
        Some("{\"a\":1}"),
        "the value is really in localStorage"
    );
    LocalStore.remove(key).unwrap();
    assert_eq!(LocalStore.get(key), None);
}

#[wasm_bindgen_test]
fn unreadable_documents_move_to_a_backup_in_local_storage() {
    let keys = Keys::new("test.recovery.");
    let key = keys.user("u1");
    LocalStore.set(&key, "not json").unwrap();
    let loaded = document::load::<UserData>(&LocalStore, &keys, &key, 1234);
    let recovered = loaded.recovered.expect("a recovery notice");
    assert_eq!(recovered.reason, Recovery::Unreadable);
    assert_eq!(
        LocalStore
            .get("test.recovery.user.u1.backup.1234")
            .as_deref(),
        Some("not json")
    );
    assert_eq!(LocalStore.get(&key), None);
    assert!(loaded.value.integrations.is_empty());
    LocalStore
        .remove("test.recovery.user.u1.backup.1234")
        .unwrap();
}

/// Makes `Storage.prototype.setItem` throw `name` while `f` runs.
fn with_set_item_throwing(name: &str, f: impl FnOnce()) {
    let patch = js_sys::Function::new_with_args(
        "name",
        "const p = Storage.prototype; p.__realSetItem = p.setItem; \
         p.setItem = function () { throw new DOMException('refused', name); };",
    );
    patch
        .call1(&wasm_bindgen::JsValue::NULL, &name.into())
        .unwrap();
    f();
    js_sys::Function::new_no_args(
        "const p = Storage.prototype; p.setItem = p.__realSetItem; delete p.__realSetItem;",
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .unwrap();
}

#[wasm_bindgen_test]
fn refused_writes_say_why_and_leave_the_stored_value() {
    use cloudlink::store::StoreError;
    let key = "test.refused";
    LocalStore.set(key, "kept").unwrap();
    with_set_item_throwing("QuotaExceededError", || {
        assert_eq!(LocalStore.set(key, "new"), Err(StoreError::Full));
    });
    with_set_item_throwing("SecurityError", || {
        assert_eq!(
            LocalStore.set(key, "new"),
            Err(StoreError::Refused("SecurityError".into()))
        );
    });
    assert_eq!(LocalStore.get(key).as_deref(), Some("kept"));
    LocalStore.remove(key).unwrap();
}
