//! The hand-over from the build-time copy of Log in or Create account to the
//! app. The start script (`public/first-page.js`) shows the copy
//! (`start_page::COPY_ID`) to a signed-out visitor
//! before the wasm has arrived; when the app mounts it takes from the copy
//! what was typed, where the focus and the caret were, and whether the
//! submit button was pressed, then removes it, and puts all of it into its own
//! form, found by the same ids.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Event, EventInit, HtmlElement, HtmlInputElement};

use crate::domain::app::start_page::{COPY_ID, MOUNTED_GLOBAL, START_FAILURE_ID};

/// What the copy held.
pub struct Handoff {
    values: Vec<(String, String)>,
    focus: Option<(String, Option<(u32, u32)>)>,
    submitted: bool,
}

fn document() -> Option<Document> {
    web_sys::window()?.document()
}

/// Takes the copy out of the page, keeping what it held. Called in the same
/// task as the mount, so no keystroke falls between the two forms; it also
/// tells the page's scripts not to show a copy any more and to stop waiting
/// for the app.
pub fn take() -> Option<Handoff> {
    let window = web_sys::window()?;
    let _ = js_sys::Reflect::set(&window, &JsValue::from_str(MOUNTED_GLOBAL), &JsValue::TRUE);
    let document = window.document()?;
    // The app started after all (a slow link that index.html's time limit
    // gave up on): its message that the app cannot start goes too.
    if let Some(message) = document.get_element_by_id(START_FAILURE_ID) {
        message.remove();
    }
    let root = document.get_element_by_id(COPY_ID)?;
    let mut values = Vec::new();
    if let Ok(inputs) = root.query_selector_all("input[id]") {
        for i in 0..inputs.length() {
            let Some(input) = inputs
                .item(i)
                .and_then(|n| n.dyn_into::<HtmlInputElement>().ok())
            else {
                continue;
            };
            if !input.value().is_empty() {
                values.push((input.id(), input.value()));
            }
        }
    }
    let focus = document
        .active_element()
        .filter(|e| root.contains(Some(e as &web_sys::Node)) && !e.id().is_empty())
        .map(|e| {
            let caret = e
                .dyn_ref::<HtmlInputElement>()
                .and_then(|i| Some((i.selection_start().ok()??, i.selection_end().ok()??)));
            (e.id(), caret)
        });
    let submitted = root.has_attribute("data-submitted");
    root.remove();
    Some(Handoff {
        values,
        focus,
        submitted,
    })
}

impl Handoff {
    /// Puts what the copy held into the app's form: each value as if typed
    /// (an `input` event, which the field reads), the focus and caret back
    /// where they were, and a pending press of the submit button pressed
    /// again.
    pub fn resume(self) {
        let Some(document) = document() else {
            return;
        };
        let input = |id: &str| {
            document
                .get_element_by_id(id)
                .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        };
        let typed = EventInit::new();
        typed.set_bubbles(true);
        for (id, value) in &self.values {
            let Some(field) = input(id) else {
                continue;
            };
            field.set_value(value);
            if let Ok(event) = Event::new_with_event_init_dict("input", &typed) {
                let _ = field.dispatch_event(&event);
            }
        }
        if let Some((id, caret)) = &self.focus {
            if let Some(field) = document
                .get_element_by_id(id)
                .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            {
                let _ = field.focus();
            }
            if let (Some(field), Some((start, end))) = (input(id), caret) {
                let _ = field.set_selection_range(*start, *end);
            }
        }
        if self.submitted {
            let button = document
                .query_selector("main form button[type=submit]")
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<HtmlElement>().ok());
            if let Some(button) = button {
                button.click();
            }
        }
    }
}
