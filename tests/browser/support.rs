//! Mounting components into a fresh element and reading what they render.

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
