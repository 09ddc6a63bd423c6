//! What the Entra and AWS edit forms share: the panel, its error line, Save
//! changes and Cancel, and what happens after a save.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::components::certificate::UnlockWhenNeeded;
use crate::domain::links::Integration;
use crate::state::manage::ChangeError;
use crate::state::notices::{NoticeKind, Notices};

/// What a save tells its form: the reason it was refused, or that the
/// password must come first.
#[derive(Clone, Copy)]
pub struct SaveOutcome {
    pub form_error: RwSignal<Option<String>>,
    pub needs_unlock: RwSignal<bool>,
}

impl SaveOutcome {
    pub fn new() -> Self {
        SaveOutcome {
            form_error: RwSignal::new(None),
            needs_unlock: RwSignal::new(false),
        }
    }
}

impl Default for SaveOutcome {
    fn default() -> Self {
        SaveOutcome::new()
    }
}

/// The "Edit account" panel around `children`, the account's fields. After
/// a reload or an idle lock, Save changes asks for the password first and
/// saves once it is given.
#[component]
pub fn EditFormFrame(
    outcome: SaveOutcome,
    #[prop(into)] saving: Signal<bool>,
    #[prop(into)] on_save: Callback<()>,
    #[prop(into)] on_close: Callback<()>,
    children: Children,
) -> impl IntoView {
    // Enter in a field saves, as Save changes does; a second submit while
    // saving does nothing.
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if !saving.get_untracked() {
            on_save.run(());
        }
    };
    let form_error = outcome.form_error;
    view! {
        <UnlockWhenNeeded needed=outcome.needs_unlock then=move |_| on_save.run(()) />
        <form class="panel" novalidate aria-labelledby="edit-title" on:submit=submit>
            <h2 id="edit-title">"Edit account"</h2>
            {children()}
            <p class="form-error" role="alert">{move || form_error.get()}</p>
            <div class="button-row">
                <button type="submit" class="button button-primary" disabled=move || saving.get()>"Save changes"</button>
                <button type="button" class="button" on:click=move |_| on_close.run(())>"Cancel"</button>
            </div>
        </form>
    }
}

/// The message when a save is refused before it starts.
pub const FIX_FIELDS: &str = "Fix the fields marked above, then Save changes.";

/// Says what was saved and closes the form, or keeps it open with the reason.
pub fn after_save(
    saved: Result<Integration, ChangeError>,
    notices: Notices,
    outcome: SaveOutcome,
    on_close: Callback<()>,
) {
    match saved {
        Ok(a) => {
            notices.push(
                NoticeKind::Success,
                format!("Saved changes to \"{}\".", a.name.as_str()),
            );
            on_close.run(());
        }
        Err(ChangeError::Locked) => outcome.needs_unlock.set(true),
        Err(e) => outcome.form_error.set(Some(e.to_string())),
    }
}
