//! The copy of Home kept for the next load: what it says it was drawn from,
//! and what of the page it leaves out.

use cloudlink::browser::home_copy;
use cloudlink::browser::storage::LocalStore;
use cloudlink::store::keys::Keys;
use cloudlink::store::KeyValue;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{container, sleep_ms};

/// A stored session for user `u1`.
const SESSION: &str = r#"{"version":1,"data":{"user_id":"u1","email":"a@b.c"}}"#;

#[wasm_bindgen_test]
async fn the_copy_names_its_sources_and_leaves_out_what_must_not_outlive_the_load() {
    let keys = Keys::new("test.home-copy.");
    LocalStore.set(&keys.session(), SESSION).unwrap();
    let page = container();
    page.set_inner_html(
        r#"<main><h1>Home page drawn</h1>
           <p role="status">Connected Contoso.</p>
           <div aria-live="polite"><p>Saved.</p></div>
           <dialog open><p>Remove this account?</p></dialog></main>"#,
    );
    let document = web_sys::window().unwrap().document().unwrap();
    let earlier = document.create_element("div").unwrap();
    earlier.set_id("prerender");
    earlier.set_text_content(Some("Build-time Log in"));
    document.body().unwrap().append_child(&earlier).unwrap();

    home_copy::keep_soon(keys.clone(), keys.user("u1"), 7);
    sleep_ms(50).await;
    let kept = LocalStore.get(&keys.home_copy()).expect("a copy of Home");
    let copy: serde_json::Value = serde_json::from_str(&kept).unwrap();
    page.remove();
    earlier.remove();
    LocalStore.remove(&keys.home_copy()).unwrap();
    LocalStore.remove(&keys.session()).unwrap();

    assert_eq!(copy["session"], SESSION);
    assert_eq!(copy["key"], "test.home-copy.user.u1");
    assert_eq!(copy["revision"], 7);
    let today = js_sys::Date::new_0().to_iso_string().as_string().unwrap();
    assert_eq!(copy["day"].as_str(), Some(&today[..10]));
    let html = copy["html"].as_str().unwrap();
    assert!(html.contains("Home page drawn"), "{html}");
    for gone in [
        "Connected Contoso.",
        "Saved.",
        "Remove this account?",
        "Build-time Log in",
    ] {
        assert!(!html.contains(gone), "the copy kept {gone:?}: {html}");
    }
}

#[wasm_bindgen_test]
async fn no_copy_is_kept_without_a_stored_session() {
    let keys = Keys::new("test.home-copy-none.");
    home_copy::keep_soon(keys.clone(), keys.user("u1"), 1);
    sleep_ms(50).await;
    assert_eq!(LocalStore.get(&keys.home_copy()), None);
}

#[wasm_bindgen_test]
async fn a_home_too_long_to_keep_leaves_no_copy() {
    let keys = Keys::new("test.home-copy-long.");
    LocalStore.set(&keys.session(), SESSION).unwrap();
    LocalStore.set(&keys.home_copy(), "an older copy").unwrap();
    let page = container();
    page.set_text_content(Some(&"x".repeat(home_copy::MOST + 1)));
    home_copy::keep_soon(keys.clone(), keys.user("u1"), 3);
    sleep_ms(50).await;
    page.remove();
    let kept = LocalStore.get(&keys.home_copy());
    LocalStore.remove(&keys.session()).unwrap();
    assert_eq!(
        kept, None,
        "a copy past the limit was kept, or an older one stayed"
    );
}
