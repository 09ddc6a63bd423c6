//! Mounting components into a fresh element and reading what they render,
//! and certificates sealed under a key-encryption key a test made.

use cloudlink::browser::webcrypto::KeyPairJob;
use cloudlink::domain::entra::CertificateRecord;
use cloudlink::state::certificates::{
    generate_kept, sign_assertion_kept, AssertionFor, KeyCustody, KeyError, NewCertificate,
};
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// A fresh container appended to the test page's body.
pub fn container() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let el: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&el).unwrap();
    el
}

/// Mounts `view` and keeps it alive for as long as the returned handle lives.
pub fn mount<F, V>(view: F) -> (HtmlElement, impl Drop)
where
    F: FnOnce() -> V + 'static,
    V: IntoView + 'static,
{
    let root = container();
    let handle = mount_to(root.clone(), view);
    (root, handle)
}

/// Text of every element matching `selector` under `root`.
pub fn texts(root: &HtmlElement, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default().trim().to_string())
        .collect()
}

/// Resolves after `ms` milliseconds of the page's own timers.
pub async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// The one element matching `selector` under `root`; fails the test if none.
pub fn find(root: &HtmlElement, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into()
}

/// The button under `root` whose text is `text`, if one is shown.
pub fn button(root: &HtmlElement, text: &str) -> Option<HtmlElement> {
    let list = root.query_selector_all("button").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .find(|n| n.text_content().unwrap_or_default().trim() == text)
        .map(|n| n.unchecked_into())
}

/// Whether `el` has the keyboard focus.
pub fn is_focused(el: &web_sys::Element) -> bool {
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    active.as_ref() == Some(el)
}

/// Types `text` into an input as a person does: the value, then `input`.
pub fn type_into(input: &HtmlElement, text: &str) {
    let f = js_sys::Function::new_with_args(
        "el, text",
        "el.value = text; el.dispatchEvent(new Event('input', { bubbles: true }));",
    );
    f.call2(&wasm_bindgen::JsValue::NULL, input, &text.into())
        .unwrap();
}

/// Presses `key` on `target` (a `keydown` that bubbles, as a real one does).
/// Returns false when the page cancelled the browser's own handling of it.
pub fn press(target: &web_sys::Element, key: &str, shift: bool) -> bool {
    let f = js_sys::Function::new_with_args(
        "el, key, shift",
        "return el.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey: shift, bubbles: true, cancelable: true }));",
    );
    f.call3(
        &wasm_bindgen::JsValue::NULL,
        target,
        &key.into(),
        &shift.into(),
    )
    .unwrap()
    .as_bool()
    .unwrap()
}

/// A certificate whose private key is sealed under `kek`, as a password
/// user's is.
pub async fn generate_sealed(
    kek: &web_sys::CryptoKey,
    new: NewCertificate,
    job: Option<KeyPairJob>,
) -> Result<CertificateRecord, KeyError> {
    generate_kept(&KeyCustody::Sealed(kek.clone()), new, job).await
}

/// A client assertion signed with a key sealed under `kek`.
pub async fn sign_assertion(
    kek: &web_sys::CryptoKey,
    req: AssertionFor<'_>,
) -> Result<String, KeyError> {
    sign_assertion_kept(&KeyCustody::Sealed(kek.clone()), req).await
}
