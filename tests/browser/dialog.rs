//! The modal dialog's focus trap: focus moves in when it opens, Tab and
//! Shift+Tab wrap inside it, and Esc closes it and gives focus back.

use cloudlink::components::form::Dialog;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{button, find, is_focused, mount, press};

#[wasm_bindgen_test]
async fn focus_moves_in_tab_wraps_and_escape_closes_and_returns_focus() {
    let open = RwSignal::new(false);
    let (root, _handle) = mount(move || {
        let opener = NodeRef::<html::Button>::new();
        view! {
            <button type="button" id="opener" node_ref=opener on:click=move |_| open.set(true)>"Open"</button>
            <Dialog open title_id="dialog-test-title" title="Details".to_string() return_focus=opener>
                <input id="dialog-test-input" />
                <button type="button" id="dialog-test-done">"Done"</button>
            </Dialog>
        }
    });
    leptos::task::tick().await;
    assert!(root.query_selector("[role='dialog']").unwrap().is_none());

    let opener = find(&root, "#opener");
    opener.focus().unwrap();
    opener.click();
    leptos::task::tick().await;
    let dialog = find(&root, "[role='dialog']");
    assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("true"));
    assert_eq!(
        dialog.get_attribute("aria-labelledby").as_deref(),
        Some("dialog-test-title")
    );
    assert_eq!(
        find(&root, "#dialog-test-title").text_content().unwrap(),
        "Details"
    );
    assert!(is_focused(&dialog), "focus moved into the dialog");

    // The Close button in its header comes first, Done last.
    let first = button(&root, "Close").unwrap();
    let last = find(&root, "#dialog-test-done");
    last.focus().unwrap();
    assert!(
        !press(&last, "Tab", false),
        "Tab on the last control is taken over"
    );
    assert!(is_focused(&first), "Tab wrapped to the first control");
    assert!(
        !press(&first, "Tab", true),
        "Shift+Tab on the first control is taken over"
    );
    assert!(is_focused(&last), "Shift+Tab wrapped to the last control");

    // Between the ends the browser moves focus itself.
    let input = find(&root, "#dialog-test-input");
    input.focus().unwrap();
    assert!(
        press(&input, "Tab", false),
        "Tab inside is left to the browser"
    );
    assert!(is_focused(&input));

    assert!(!press(&input, "Escape", false));
    leptos::task::tick().await;
    assert!(!open.get_untracked(), "Esc closed the dialog");
    assert!(root.query_selector("[role='dialog']").unwrap().is_none());
    assert!(is_focused(&opener), "focus went back to the opener");
}
