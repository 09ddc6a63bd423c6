//! The `storage` event: another tab of this origin changed local storage.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::StorageEvent;

/// A key another tab changed; `key` is `None` when it cleared everything.
pub struct StorageChange {
    pub key: Option<String>,
    pub new_value: Option<String>,
}

/// Calls `on_change` for every change another tab makes, for the life of the page.
pub fn listen(on_change: impl Fn(StorageChange) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let handler = Closure::<dyn Fn(StorageEvent)>::new(move |event: StorageEvent| {
        on_change(StorageChange {
            key: event.key(),
            new_value: event.new_value(),
        });
    });
    let _ = window.add_event_listener_with_callback("storage", handler.as_ref().unchecked_ref());
    handler.forget();
}

/// Calls `on_leave` when the page is being hidden for good or reloaded, the
/// last moment to save what is still pending.
pub fn on_page_hide(on_leave: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let handler = Closure::<dyn Fn()>::new(on_leave);
    let _ = window.add_event_listener_with_callback("pagehide", handler.as_ref().unchecked_ref());
    handler.forget();
}
