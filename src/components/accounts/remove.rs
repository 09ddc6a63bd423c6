//! Remove, with a confirmation dialog that asks for the password: deletes
//! the account and everything stored with it.

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;

use crate::components::form::Dialog;
use crate::components::form::{ConfirmPasswordField, PasswordCheck};
use crate::components::shell::use_navigate_to;
use crate::domain::app::routes::AppPath;
use crate::state::accounts::Accounts;
use crate::state::connect;
use crate::state::notices::{NoticeKind, Notices};
use crate::state::task::Task;
use crate::state::AppState;

/// The Remove button; `what` says what goes with the account.
#[component]
pub fn RemoveAccount(
    id: String,
    name: String,
    list_path: AppPath,
    what: &'static str,
) -> impl IntoView {
    let accounts = Accounts::expect();
    let config = AppState::expect().config;
    let notices = Notices::expect();
    let to_list = use_navigate_to();
    let navigate = move || to_list(&list_path);
    let open = RwSignal::new(false);
    let button = NodeRef::<html::Button>::new();
    let error = RwSignal::new(None::<String>);
    let check = PasswordCheck::new();
    let title = format!("Remove \"{name}\"?");
    // The page may be left while the removal finishes.
    let remove = Task::new(move |typed: &String| {
        let (config, id, name, navigate, typed) = (
            config.clone(),
            id.clone(),
            name.clone(),
            navigate.clone(),
            typed.clone(),
        );
        async move {
            if !check.passes(&typed).await {
                return;
            }
            match connect::remove(accounts, &config, &id).await {
                Ok(()) => {
                    open.try_set(false);
                    notices.push(NoticeKind::Success, format!("Removed \"{name}\". {what}"));
                    navigate();
                }
                Err(e) => {
                    error.try_set(Some(e.to_string()));
                }
            }
        }
    });
    let busy = remove.pending();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        remove.dispatch(check.typed());
    };
    // What was typed does not outlive the dialog.
    Effect::new(move |_| {
        if !open.get() {
            check.clear();
        }
    });
    view! {
        <div class="button-row">
            <button type="button" class="button button-danger" node_ref=button on:click=move |_| open.set(true)>
                "Remove"
            </button>
        </div>
        <Dialog open=open title_id="remove-title" title=title return_focus=button>
            <form on:submit=submit novalidate>
                <p>{format!("This deletes the account from this browser. {what}")}</p>
                <ConfirmPasswordField id="remove-password" check=check />
                <p class="form-error" role="alert">{move || error.get()}</p>
                <div class="button-row">
                    <button type="submit" class="button button-danger" disabled=move || busy.get()>
                        "Remove account"
                    </button>
                    <button type="button" class="button" on:click=move |_| open.set(false)>"Cancel"</button>
                </div>
            </form>
        </Dialog>
    }
}
