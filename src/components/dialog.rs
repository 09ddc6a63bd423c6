//! A modal dialog: takes focus when it opens, keeps Tab inside, closes on Esc,
//! and gives focus back to the control that opened it.

use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn Dialog(
    open: RwSignal<bool>,
    /// The id of the heading that names the dialog.
    title_id: &'static str,
    title: String,
    /// Focus returns here when the dialog closes.
    return_focus: NodeRef<html::Button>,
    children: ChildrenFn,
) -> impl IntoView {
    let panel = NodeRef::<html::Div>::new();
    let close = move || {
        open.set(false);
        if let Some(button) = return_focus.get_untracked() {
            let _ = button.focus();
        }
    };
    Effect::new(move |_| {
        if open.get() {
            if let Some(p) = panel.get() {
                let _ = p.focus();
            }
        }
    });
    let on_key = move |ev: KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            ev.prevent_default();
            close();
        }
        "Tab" => keep_tab_inside(&ev, panel),
        _ => {}
    };
    let title = StoredValue::new(title);
    view! {
        <Show when=move || open.get()>
            <div class="dialog-backdrop" on:click=move |ev| {
                if ev.target() == ev.current_target() {
                    close();
                }
            }>
                <div
                    class="dialog"
                    role="dialog"
                    aria-modal="true"
                    aria-labelledby=title_id
                    tabindex="-1"
                    node_ref=panel
                    on:keydown=on_key
                >
                    <div class="dialog-header">
                        <h2 id=title_id>{title.get_value()}</h2>
                        <button type="button" class="button" on:click=move |_| close()>
                            "Close"
                        </button>
                    </div>
                    {children()}
                </div>
            </div>
        </Show>
    }
}

/// Wraps Tab from the last focusable control to the first, and back.
fn keep_tab_inside(ev: &KeyboardEvent, panel: NodeRef<html::Div>) {
    let Some(panel) = panel.get_untracked() else {
        return;
    };
    let Ok(list) = panel.query_selector_all(
        "a[href], button:not([disabled]), input, select, textarea, [tabindex='0']",
    ) else {
        return;
    };
    let len = list.length();
    if len == 0 {
        return;
    }
    let first = list
        .item(0)
        .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok());
    let last = list
        .item(len - 1)
        .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok());
    let active = document().active_element();
    let (Some(first), Some(last)) = (first, last) else {
        return;
    };
    let at = |el: &web_sys::HtmlElement| {
        active
            .as_ref()
            .is_some_and(|a| a == el.unchecked_ref::<web_sys::Element>())
    };
    if ev.shift_key()
        && (at(&first)
            || active
                .as_ref()
                .is_some_and(|a| a == panel.unchecked_ref::<web_sys::Element>()))
    {
        ev.prevent_default();
        let _ = last.focus();
    } else if !ev.shift_key() && at(&last) {
        ev.prevent_default();
        let _ = first.focus();
    }
}
