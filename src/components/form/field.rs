//! A labelled form control with its hint and error tied to it.

use leptos::prelude::*;

/// A text input whose label is bound by `for`, and whose error message is
/// announced through `aria-describedby` with `aria-invalid` set.
#[component]
pub fn TextField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: &'static str,
    #[prop(optional)] hint: &'static str,
    #[prop(optional)] placeholder: &'static str,
    /// Called when the field loses focus, to validate it.
    #[prop(optional, into)]
    on_blur: Option<Callback<()>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if !hint.is_empty() {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {(!hint.is_empty()).then(|| view! { <p class="field-hint" id=hint_id.clone()>{hint}</p> })}
            <input
                id=id
                name=id
                type=kind
                autocomplete=(!autocomplete.is_empty()).then_some(autocomplete)
                placeholder=(!placeholder.is_empty()).then_some(placeholder)
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                // Autofill and programmatic clears report only `change`.
                on:change=move |ev| value.set(event_target_value(&ev))
                // Chromium sends blur to a focused input as its form is taken
                // away (a sign-out, another user, Enter that connects or
                // saves), after the form's owner is gone: there is nothing
                // left to validate then.
                on:blur=move |_| {
                    if let Some(cb) = on_blur {
                        cb.try_run(());
                    }
                }
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described
            />
            <p class="field-error" id=error_id aria-live="polite">
                {move || error.get()}
            </p>
        </div>
    }
}
