//! Copying text for the person.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Writes `text` to the clipboard; false when the browser refused.
pub async fn copy(text: &str) -> bool {
    let attempt = async {
        let navigator = web_sys::window()?.navigator();
        let clipboard = Reflect::get(&navigator, &"clipboard".into()).ok()?;
        let write: Function = Reflect::get(&clipboard, &"writeText".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let promise: Promise = write
            .call1(&clipboard, &JsValue::from_str(text))
            .ok()?
            .dyn_into()
            .ok()?;
        JsFuture::from(promise).await.ok()
    };
    attempt.await.is_some()
}
