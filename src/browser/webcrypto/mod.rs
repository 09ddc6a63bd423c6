//! WebCrypto (`crypto.subtle`): native speed, off the main thread, and keys
//! that script cannot read back when they are made non-extractable.
//!
//! [`derive`] turns a password into secrets; [`keys`] makes, uses and seals
//! key pairs. This file holds what both share: errors and JavaScript values.

mod derive;
mod keys;

pub use derive::*;
pub use keys::*;

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::SubtleCrypto;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WebCryptoError {
    /// No `crypto.subtle`: the page is not in a secure context (https or localhost).
    Unavailable,
    /// The browser refused the operation; carries the DOMException name.
    Refused(String),
}

impl std::fmt::Display for WebCryptoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WebCryptoError::Unavailable => f.write_str(
                "This browser does not offer WebCrypto here. Open the page over https or from localhost.",
            ),
            WebCryptoError::Refused(name) => write!(f, "The browser's crypto engine refused the operation ({name})."),
        }
    }
}

type Result<T> = std::result::Result<T, WebCryptoError>;

fn subtle() -> Result<SubtleCrypto> {
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(WebCryptoError::Unavailable)?;
    let subtle = crypto.subtle();
    if subtle.is_undefined() {
        return Err(WebCryptoError::Unavailable);
    }
    Ok(subtle)
}

fn refused(e: JsValue) -> WebCryptoError {
    let name = Reflect::get(&e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_else(|| "Error".into());
    WebCryptoError::Refused(name)
}

async fn settle(p: std::result::Result<js_sys::Promise, JsValue>) -> Result<JsValue> {
    JsFuture::from(p.map_err(refused)?).await.map_err(refused)
}

/// A plain object such as `{ name: "PBKDF2", iterations: 600000 }`.
pub(crate) fn object(fields: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in fields {
        let _ = Reflect::set(&o, &(*k).into(), v);
    }
    o
}

fn bytes_of(v: &JsValue) -> Vec<u8> {
    Uint8Array::new(v).to_vec()
}

fn usages(list: &[&str]) -> Array {
    list.iter().map(|u| JsValue::from_str(u)).collect()
}

fn u8s(b: &[u8]) -> Uint8Array {
    Uint8Array::from(b)
}
