//! The labelled field: label binding, error wiring for assistive technology.

use cloudlink::components::form::TextField;
use leptos::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{find, mount, texts, type_into};

#[wasm_bindgen_test]
async fn errors_are_tied_to_the_field_only_while_present() {
    let value = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let (root, _handle) = mount(move || {
        view! { <TextField id="tenant" label="Tenant ID" value=value error=error hint="A GUID or a domain." /> }
    });
    leptos::task::tick().await;
    let input = root.query_selector("input").unwrap().unwrap();
    let label = root.query_selector("label").unwrap().unwrap();
    assert_eq!(label.get_attribute("for").as_deref(), Some("tenant"));
    assert_eq!(input.id(), "tenant");
    assert_eq!(input.get_attribute("aria-invalid"), None);
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some("tenant-hint")
    );

    error.set(Some("Enter the Directory (tenant) ID".into()));
    leptos::task::tick().await;
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some("tenant-hint tenant-error")
    );
    let message = root.query_selector("#tenant-error").unwrap().unwrap();
    assert_eq!(
        message.text_content().unwrap(),
        "Enter the Directory (tenant) ID"
    );

    error.set(None);
    leptos::task::tick().await;
    assert_eq!(input.get_attribute("aria-invalid"), None);
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some("tenant-hint")
    );
    assert_eq!(message.text_content().unwrap(), "");
}

#[wasm_bindgen_test]
async fn a_field_without_a_hint_points_only_at_its_error_and_keeps_what_is_typed() {
    let value = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let (root, _handle) = mount(move || {
        view! { <TextField id="app-id" label="Application ID" value=value error=error /> }
    });
    leptos::task::tick().await;
    let input = find(&root, "input");
    assert!(root.query_selector(".field-hint").unwrap().is_none());
    assert_eq!(input.get_attribute("aria-describedby"), None);
    assert_eq!(
        find(&root, "#app-id-error")
            .get_attribute("aria-live")
            .as_deref(),
        Some("polite")
    );

    type_into(&input, "not a guid");
    leptos::task::tick().await;
    assert_eq!(value.get_untracked(), "not a guid");
    error.set(Some("Enter the Application (client) ID, a GUID".into()));
    leptos::task::tick().await;
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some("app-id-error")
    );
    assert_eq!(
        texts(&root, "#app-id-error"),
        ["Enter the Application (client) ID, a GUID"]
    );
    let typed = js_sys::Reflect::get(&input, &"value".into()).unwrap();
    assert_eq!(
        typed.as_string().as_deref(),
        Some("not a guid"),
        "nothing typed is lost"
    );
}
