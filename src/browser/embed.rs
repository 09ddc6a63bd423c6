//! `postMessage` with the portal that embeds the app in an iframe.

use js_sys::JSON;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::MessageEvent;

/// Whether the page runs inside another page's frame.
pub fn is_embedded() -> bool {
    web_sys::window()
        .and_then(|w| w.parent().ok().flatten().map(|p| p != w))
        .unwrap_or(false)
}

/// Sends `message` to the parent, delivered only if its origin is `origin`.
pub fn post_to_parent(origin: &str, message: &serde_json::Value) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    if let Ok(value) = JSON::parse(&message.to_string()) {
        let _ = parent.post_message(&value, origin);
    }
}

/// A message from the allowed origin: its data as JSON text, and a way to
/// answer the frame that sent it.
#[derive(Clone)]
pub struct Incoming {
    pub data: String,
    source: Option<web_sys::Window>,
    origin: String,
}

impl Incoming {
    pub fn reply(&self, message: &serde_json::Value) {
        let (Some(source), Ok(value)) = (&self.source, JSON::parse(&message.to_string())) else {
            return;
        };
        let _ = source.post_message(&value, &self.origin);
    }
}

/// Calls `handle` for every message whose origin is exactly `allowed`;
/// messages from any other origin are dropped unread.
pub fn listen(allowed: String, handle: impl Fn(Incoming) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        if event.origin() != allowed {
            return;
        }
        let data = JSON::stringify(&event.data())
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default();
        // A cross-origin WindowProxy fails `instanceof Window`, yet has
        // postMessage.
        let source = event
            .source()
            .map(|s| s.unchecked_into::<web_sys::Window>());
        handle(Incoming {
            data,
            source,
            origin: allowed.clone(),
        });
    });
    let _ = window.add_event_listener_with_callback("message", callback.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    callback.forget();
}
