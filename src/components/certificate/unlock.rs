//! Asks for the password again when a private key is needed after a reload or
//! an idle lock. Wrong passwords are throttled like Log in; the wait shows
//! next to the field.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::components::form::TextField;
use crate::state::auth::Auth;
use crate::state::task::Task;

/// A password form that unlocks the user's keys, then calls `on_unlocked`.
#[component]
pub fn UnlockPanel(#[prop(into)] on_unlocked: Callback<()>) -> impl IntoView {
    let auth = Auth::expect();
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let unlock = Task::new(move |typed: &String| {
        let typed = typed.clone();
        async move {
            // Unlocking may close this panel, so its signals may be gone.
            match auth.unlock(&typed).await {
                Ok(()) => {
                    password.try_set(String::new());
                    error.try_set(None);
                    on_unlocked.run(());
                }
                Err(e) => {
                    error.try_set(Some(e.to_string()));
                }
            }
        }
    });
    let busy = unlock.pending();
    // The panel appears after a press that needed the keys, maybe far from
    // it: its heading takes focus so the request is heard and Tab reaches
    // the password next.
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        unlock.dispatch(password.get_untracked());
    };
    view! {
        <form class="panel unlock-panel" on:submit=submit novalidate>
            <h2 tabindex="-1" node_ref=heading>"Unlock your keys"</h2>
            <p>
                "Private keys are stored encrypted with your password, and the page forgets the key to them when it reloads or is left idle. Enter your password to continue."
            </p>
            <TextField id="unlock-password" label="Password" value=password error=error kind="password" autocomplete="current-password" />
            <button type="submit" class="button button-primary" disabled=move || busy.get()>
                {move || if busy.get() { "Unlocking…" } else { "Unlock" }}
            </button>
        </form>
    }
}

/// The password form, shown while `needed` is set and the keys are locked;
/// unlocking clears `needed` and runs `then` (the work that asked for it).
#[component]
pub fn UnlockWhenNeeded(needed: RwSignal<bool>, #[prop(into)] then: Callback<()>) -> impl IntoView {
    let auth = Auth::expect();
    view! {
        <Show when=move || needed.get() && !auth.is_unlocked()>
            <UnlockPanel on_unlocked=move |_| {
                needed.set(false);
                then.run(());
            } />
        </Show>
    }
}
