//! The labelled field: label binding, error wiring for assistive technology.

use cloudlink::components::form::TextField;
use leptos::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::mount;

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
}
