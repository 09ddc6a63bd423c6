//! Saving a file the person asked for.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Offers `bytes` as a download named `file_name`. Returns false when the
/// browser refused, so the page can say so.
pub fn save(file_name: &str, mime: &str, bytes: &[u8]) -> bool {
    let attempt = || -> Option<()> {
        let document = web_sys::window()?.document()?;
        let parts = Array::of1(&Uint8Array::from(bytes));
        let options = BlobPropertyBag::new();
        options.set_type(mime);
        let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
        let url = Url::create_object_url_with_blob(&blob).ok()?;
        let a: HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
        a.set_href(&url);
        a.set_download(file_name);
        // The router ignores links marked external, so this click is not
        // mistaken for navigation.
        a.set_rel("external");
        let _ = a.set_attribute("hidden", "");
        document.body()?.append_child(&a).ok()?;
        a.click();
        a.remove();
        let _ = Url::revoke_object_url(&url);
        Some(())
    };
    attempt().is_some()
}
