//! `postMessage` with the portal that embeds the app in an iframe.

use js_sys::{Reflect, JSON};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::MessageEvent;

use crate::domain::app::embed::{answers, Sender};

/// The page's parent frame, when it has one.
fn parent() -> Option<web_sys::Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    (parent != window).then_some(parent)
}

/// Whether the page runs inside another page's frame.
pub fn is_embedded() -> bool {
    parent().is_some()
}

/// The origins of the frames around the page, nearest first, where the
/// browser reports them (`location.ancestorOrigins`); empty otherwise.
pub fn ancestor_origins() -> Vec<String> {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return Vec::new();
    };
    let Ok(list) = Reflect::get(&location, &JsValue::from_str("ancestorOrigins")) else {
        return Vec::new();
    };
    let length = Reflect::get(&list, &JsValue::from_str("length"))
        .ok()
        .and_then(|l| l.as_f64())
        .unwrap_or(0.0) as u32;
    (0..length)
        .filter_map(|i| Reflect::get_u32(&list, i).ok()?.as_string())
        .collect()
}

/// Sends `message` to the parent, delivered only if its origin is `origin`.
pub fn post_to_parent(origin: &str, message: &serde_json::Value) {
    let Some(parent) = parent() else {
        return;
    };
    if let Ok(value) = JSON::parse(&message.to_string()) {
        let _ = parent.post_message(&value, origin);
    }
}

/// A message from the parent frame on the allowed origin: its data as JSON
/// text, and a way to answer it.
#[derive(Clone)]
pub struct Incoming {
    pub data: String,
    source: web_sys::Window,
    origin: String,
}

impl Incoming {
    pub fn reply(&self, message: &serde_json::Value) {
        if let Ok(value) = JSON::parse(&message.to_string()) {
            let _ = self.source.post_message(&value, &self.origin);
        }
    }
}

/// Calls `handle` for every message the parent frame sends from exactly
/// `allowed`. Messages from any other window (a popup's opener, a sibling
/// frame) or origin, and every message while the page is top-level, are
/// dropped unread.
pub fn listen(allowed: String, handle: impl Fn(Incoming) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let parent = parent();
        // A cross-origin WindowProxy fails `instanceof Window`, yet has
        // postMessage; identity with the parent is what matters here.
        let source = event
            .source()
            .map(|s| s.unchecked_into::<web_sys::Window>());
        let sender = match (&parent, &source) {
            (Some(p), Some(s)) if JsValue::from(p) == JsValue::from(s) => Sender::Parent,
            _ => Sender::Other,
        };
        if !answers(parent.is_some(), sender, &event.origin(), &allowed) {
            return;
        }
        let Some(source) = source else {
            return;
        };
        let data = JSON::stringify(&event.data())
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default();
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

/// Calls `report` with the page's content height in CSS pixels now and
/// whenever it changes, while the page is in a frame. The page then drops
/// its full-window minimum height, so the frame can shrink with it.
pub fn watch_height(report: impl Fn(u32) + 'static) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (Some(root), Some(body)) = (document.document_element(), document.body()) else {
        return;
    };
    if !is_embedded() {
        return;
    }
    let _ = root.class_list().add_1("framed");
    let last = std::cell::Cell::new(0u32);
    let measured = body.clone();
    let callback = Closure::<dyn Fn()>::new(move || {
        let height = measured.scroll_height().max(0) as u32;
        if height != last.replace(height) {
            report(height);
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&body);
        // Both live as long as the page.
        std::mem::forget(observer);
        callback.forget();
    }
}

/// Waits until the browser has run everything already queued, so the page
/// can redraw (say, close one person's form) before the next step.
pub async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let queued =
            web_sys::window().is_some_and(|w| w.set_timeout_with_callback(&resolve).is_ok());
        if !queued {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
