//! A modal dialog: takes focus when it opens, keeps Tab inside, closes on Esc,
//! and gives focus back to the control that opened it.

use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;

use crate::browser::focus;

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

/// Keeps Tab inside the dialog.
fn keep_tab_inside(ev: &KeyboardEvent, panel: NodeRef<html::Div>) {
    if let Some(panel) = panel.get_untracked() {
        if focus::wrap_tab(&panel, ev.shift_key()) {
            ev.prevent_default();
        }
    }
}
