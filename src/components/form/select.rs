//! A labelled `<select>` over a fixed list of choices.

use leptos::prelude::*;

/// One choice out of `options`, shown by `label_of`, with a hint tied to it.
#[component]
pub fn SelectField<T>(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    options: &'static [T],
    label_of: fn(T) -> &'static str,
    value: RwSignal<T>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <p class="field-hint" id=hint_id.clone()>{hint}</p>
            <select
                id=id
                aria-describedby=hint_id
                on:change=move |ev| {
                    if let Some(choice) = event_target_value(&ev).parse::<usize>().ok().and_then(|i| options.get(i)) {
                        value.set(*choice);
                    }
                }
            >
                {options
                    .iter()
                    .enumerate()
                    .map(|(i, o)| {
                        let o = *o;
                        view! { <option value=i.to_string() selected=move || value.get() == o>{label_of(o)}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
