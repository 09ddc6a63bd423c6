//! Keeping keyboard focus inside a dialog.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

const FOCUSABLE: &str = "a[href], button:not([disabled]), input, select, textarea, [tabindex='0']";

/// Moves focus from the last focusable control inside `container` to the
/// first (or back, with Shift), as Tab would leave it otherwise. Returns true
/// when it moved focus, so the caller can cancel the browser's own move.
pub fn wrap_tab(container: &Element, backwards: bool) -> bool {
    let Ok(list) = container.query_selector_all(FOCUSABLE) else {
        return false;
    };
    let item = |i: u32| list.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok());
    let (Some(first), Some(last)) = (item(0), list.length().checked_sub(1).and_then(item)) else {
        return false;
    };
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    let is_active = |el: &Element| active.as_ref() == Some(el);
    let target = if backwards && (is_active(&first) || is_active(container)) {
        last
    } else if !backwards && is_active(&last) {
        first
    } else {
        return false;
    };
    let _ = target.focus();
    true
}
