//! What the idle lock needs from the browser: a call on every input, and a
//! timer.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// What counts as someone being at the page.
const INPUT_EVENTS: [&str; 6] = [
    "keydown",
    "pointerdown",
    "pointermove",
    "wheel",
    "touchstart",
    "scroll",
];

/// Calls `on_input` on every key, pointer, wheel, touch or scroll, for the
/// life of the page. Listens while capturing, so a handler that stops the
/// event does not hide it.
pub fn on_input(on_input: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let handler = Closure::<dyn Fn()>::new(on_input);
    for name in INPUT_EVENTS {
        let _ = window.add_event_listener_with_callback_and_bool(
            name,
            handler.as_ref().unchecked_ref(),
            true,
        );
    }
    handler.forget();
}

/// Calls `then` once, after `ms` milliseconds.
pub fn after(ms: u64, then: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    // setTimeout takes a signed 32-bit delay; longer ones fire at once.
    let ms = ms.min(i32::MAX as u64) as i32;
    let callback = Closure::once_into_js(then);
    let _ =
        window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), ms);
}
