//! Remove, with a confirmation dialog: deletes the account and everything
//! stored with it.

use leptos::html;
use leptos::prelude::*;

use crate::components::dialog::Dialog;
use crate::components::link::use_navigate_to;
use crate::routes::AppPath;
use crate::state::accounts::Accounts;
use crate::state::connect;
use crate::state::notices::{NoticeKind, Notices};
use crate::state::task;
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
    let title = format!("Remove \"{name}\"?");
    // The page may be left while the removal finishes.
    let remove = task::action(move |_: &()| {
        let (config, id, name, navigate) =
            (config.clone(), id.clone(), name.clone(), navigate.clone());
        async move {
            match connect::remove(accounts, &config, &id).await {
                Ok(()) => {
                    open.try_set(false);
                    notices.push(NoticeKind::Success, format!("Removed \"{name}\". {what}"));
                    navigate();
                }
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
        }
    });
    view! {
        <div class="button-row">
            <button type="button" class="button button-danger" node_ref=button on:click=move |_| open.set(true)>
                "Remove"
            </button>
        </div>
        <Dialog open=open title_id="remove-title" title=title return_focus=button>
            <p>{format!("This deletes the account from this browser. {what}")}</p>
            <p class="form-error" role="alert">{move || error.get()}</p>
            <div class="button-row">
                <button type="button" class="button button-danger" on:click=move |_| {
                    task::start(remove, ());
                }>"Remove account"</button>
                <button type="button" class="button" on:click=move |_| open.set(false)>"Cancel"</button>
            </div>
        </Dialog>
    }
}
