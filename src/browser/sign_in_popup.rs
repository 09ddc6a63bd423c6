//! Microsoft's sign-in in a popup, and the callback page that hands its answer
//! back. The page that opened the popup keeps its form and its state; the
//! callback page never mounts the app.
//!
//! Only the fragment travels, and only between two windows of the app's own
//! origin: the callback posts it with the origin as target, so no other
//! opener can read it, and the opener takes it only from the popup it opened
//! and only from its own origin. Whether the fragment answers this sign-in
//! (its `state`) is the opener's to check.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::MessageEvent;

/// The `type` of the message from the callback page.
const MESSAGE_TYPE: &str = "cloudlink:microsoft-sign-in";
/// How often the opener looks whether the popup was closed.
const POLL_MS: i32 = 400;

/// Why no answer came back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoAnswer {
    /// The browser refused to open the popup.
    Blocked,
    /// The person closed the popup before Microsoft answered.
    Closed,
}

/// An open sign-in popup.
#[derive(Clone)]
pub struct Popup(web_sys::Window);

fn own_origin() -> Option<String> {
    web_sys::window()?.location().origin().ok()
}

/// Opens `url` in a popup. Call it straight from a click: browsers allow a
/// popup only during the person's own action.
pub fn open(url: &str) -> Result<Popup, NoAnswer> {
    let window = web_sys::window().ok_or(NoAnswer::Blocked)?;
    match window.open_with_url_and_target_and_features(
        url,
        "cloudlink-microsoft-sign-in",
        "popup,width=520,height=680",
    ) {
        Ok(Some(popup)) => Ok(Popup(popup)),
        _ => Err(NoAnswer::Blocked),
    }
}

impl Popup {
    /// The fragment Microsoft sent to the callback page, or why none came.
    pub async fn answer(self) -> Result<String, NoAnswer> {
        let popup = self.0;
        let Some((window, origin)) = web_sys::window().zip(own_origin()) else {
            return Err(NoAnswer::Closed);
        };
        let outcome: Rc<RefCell<Option<Result<String, NoAnswer>>>> = Rc::default();
        let resolve: Rc<RefCell<Option<js_sys::Function>>> = Rc::default();
        let done = {
            let (outcome, resolve) = (Rc::clone(&outcome), Rc::clone(&resolve));
            move |result| {
                if outcome.borrow().is_none() {
                    *outcome.borrow_mut() = Some(result);
                    if let Some(resolve) = resolve.borrow_mut().take() {
                        let _ = resolve.call0(&JsValue::NULL);
                    }
                }
            }
        };
        let on_message = {
            let (done, popup, origin) = (done.clone(), popup.clone(), origin.clone());
            Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
                let from_popup = event
                    .source()
                    .is_some_and(|s| Object::is(&s, popup.as_ref()));
                if !from_popup || event.origin() != origin {
                    return;
                }
                let data = event.data();
                let field = |k: &str| Reflect::get(&data, &JsValue::from_str(k)).ok();
                if field("type").and_then(|t| t.as_string()).as_deref() != Some(MESSAGE_TYPE) {
                    return;
                }
                done(Ok(field("fragment")
                    .and_then(|f| f.as_string())
                    .unwrap_or_default()));
            })
        };
        // A closed popup may still have its message queued: it counts as
        // closed only on the tick after it was first seen closed.
        let seen_closed = RefCell::new(false);
        let on_tick = {
            let popup = popup.clone();
            Closure::<dyn Fn()>::new(move || {
                if popup.closed().unwrap_or(true) && seen_closed.replace(true) {
                    done(Err(NoAnswer::Closed));
                }
            })
        };
        let promise = js_sys::Promise::new(&mut |r, _| *resolve.borrow_mut() = Some(r));
        let _ =
            window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
        let interval = window
            .set_interval_with_callback_and_timeout_and_arguments_0(
                on_tick.as_ref().unchecked_ref(),
                POLL_MS,
            )
            .ok();
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        let _ = window
            .remove_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
        if let Some(interval) = interval {
            window.clear_interval_with_handle(interval);
        }
        let result = outcome.borrow_mut().take().unwrap_or(Err(NoAnswer::Closed));
        let _ = popup.close();
        result
    }
}

/// On the callback page: takes the fragment out of the address bar and the
/// history, hands it to the opener on this origin, and closes the window.
/// Without an opener (the link opened on its own), it only says so.
pub fn hand_back() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let fragment = location.hash().unwrap_or_default();
    let fragment = fragment.trim_start_matches('#').to_string();
    if let (Ok(history), Ok(path)) = (window.history(), location.pathname()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&path));
    }
    let opener = window
        .opener()
        .ok()
        .filter(|o| !o.is_null() && !o.is_undefined());
    let (Some(opener), Some(origin)) = (opener, own_origin()) else {
        show("This window is not part of a sign-in. You can close it.");
        return;
    };
    let message = Object::new();
    let _ = Reflect::set(&message, &"type".into(), &MESSAGE_TYPE.into());
    let _ = Reflect::set(&message, &"fragment".into(), &fragment.into());
    let opener: web_sys::Window = opener.unchecked_into();
    let _ = opener.post_message(&message, &origin);
    show("Signed in. You can close this window.");
    let _ = window.close();
}

fn show(text: &str) {
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        body.set_text_content(Some(text));
    }
}
